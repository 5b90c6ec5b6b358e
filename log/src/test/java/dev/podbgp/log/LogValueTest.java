package dev.podbgp.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How field values become text: addresses in RFC 5952 form, lists always quoted. */
class LogValueTest {

    private static String line(String key, Object value) {
        LogEvent e = new LogEvent(System.getLogger("podbgp.log-value-test"), System.Logger.Level.INFO, "e");
        return e.with(key, value).toString().substring("event=e ".length());
    }

    @Test
    void rfc5952_s4_ipv6InetAddress_isCompressedLowerCase_notJavasLongForm() throws Exception {
        InetAddress a = InetAddress.getByName("2001:DB8:0000:0:0:0:0:0001");
        assertThat(a.getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(line("peer", a)).isEqualTo("peer=2001:db8::1");
        assertThat(line("peer", InetAddress.getByName("::"))).isEqualTo("peer=::");
        assertThat(line("peer", InetAddress.getByName("2001:db8:0:1:0:0:0:1"))).isEqualTo("peer=2001:db8:0:1::1");
    }

    @Test
    void ipv4InetAddress_isDottedQuad_withoutToStringsSlash() throws Exception {
        InetAddress a = InetAddress.getByName("192.0.2.1");
        assertThat(a.toString()).isEqualTo("/192.0.2.1");
        assertThat(line("peer", a)).isEqualTo("peer=192.0.2.1");
    }

    @Test
    void rfc4007_s11_scopedAddress_keepsItsZone() throws Exception {
        byte[] linkLocal = InetAddress.getByName("fe80::1").getAddress();
        assertThat(line("peer", Inet6Address.getByAddress(null, linkLocal, 3))).isEqualTo("peer=fe80::1%3");
    }

    @Test
    void rfc5952_s6_socketAddress_bracketsIpv6_beforeThePort() throws Exception {
        InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("2001:db8:0:0:0:0:0:1"), 179);
        assertThat(v6.toString()).isEqualTo("/[2001:db8:0:0:0:0:0:1]:179");
        assertThat(line("remote", v6)).isEqualTo("remote=[2001:db8::1]:179");
        assertThat(line("remote", new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 40000)))
                .isEqualTo("remote=192.0.2.1:40000");
        assertThat(line("remote", InetSocketAddress.createUnresolved("peer.example", 179)))
                .isEqualTo("remote=peer.example:179");
    }

    @Test
    void lists_areAlwaysQuoted_soKeyValueStaysParseable() {
        assertThat(line("families", List.of("ipv4 unicast", "ipv6 unicast")))
                .isEqualTo("families=\"[ipv4 unicast, ipv6 unicast]\"");
        assertThat(line("families", List.of("ipv4"))).isEqualTo("families=\"[ipv4]\"");
        assertThat(line("families", Set.of())).isEqualTo("families=\"[]\"");
    }

    @Test
    void listsOfAddresses_renderEachElementLikeAField() throws Exception {
        List<InetSocketAddress> listen = List.of(new InetSocketAddress(InetAddress.getByName("::"), 179),
                new InetSocketAddress(InetAddress.getByName("2001:db8:0:0:0:0:0:1"), 1179));
        assertThat(line("listen", listen)).isEqualTo("listen=\"[[::]:179, [2001:db8::1]:1179]\"");
    }

    @Test
    void theQuotedFlag_travelsWithTheField_forOtherRenderers() {
        LogEvent e = new LogEvent(System.getLogger("podbgp.log-value-test"), System.Logger.Level.INFO, "e")
                .with("families", List.of("ipv4")).with("word", "ipv4");
        assertThat(e.fields()).containsExactly(new LogField("families", "[ipv4]", true), new LogField("word", "ipv4"));
        assertThat(Logfmt.append(new StringBuilder(), e.fields().getFirst()).toString()).isEqualTo("families=\"[ipv4]\"");
    }
}
