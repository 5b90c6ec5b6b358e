package dev.podbgp.inet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv6AddressTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // RFC 5952 §4.1: leading zeros suppressed
        "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
        // §4.2.1: '::' shortens as much as possible
        "2001:db8:0:0:0:0:2:1, 2001:db8::2:1",
        // §4.2.2: a single zero group is not shortened
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        // §4.2.3: the longest run wins, the first on a tie
        "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        // §4.3: lower case
        "2001:DB8::ABCD, 2001:db8::abcd",
        // §5: IPv4-mapped in dotted form
        "::ffff:192.0.2.1, ::ffff:192.0.2.1",
        "0:0:0:0:0:0:0:0, ::",
        "::1, ::1",
        "1::, 1::",
        "fe80::1:2, fe80::1:2",
        "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8",
        "::1.2.3.4, ::102:304",
    })
    void rfc5952_s4_canonicalText(String input, String canonical) {
        assertThat(Ipv6Address.parse(input)).hasToString(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", ":::", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "g::", "1:2:3:4:5:6:7",
            "fe80::1%eth0", "::1.2.3", "1:", ":1", "1:2:3:4:5:6:7:8::", "::1.2.3.4:5"})
    void refusesMalformedText(String input) {
        assertThatThrownBy(() -> Ipv6Address.parse(input)).isInstanceOf(InetParseException.class)
                .hasMessageContaining("'" + input + "'");
    }

    @Property(tries = 2000)
    void textRoundTripsAndAgreesWithTheJdk(@ForAll long high, @ForAll long low) throws Exception {
        Ipv6Address a = new Ipv6Address(high, low);
        assertThat(Ipv6Address.parse(a.toString())).isEqualTo(a);
        // The JDK parses (but does not format per RFC 5952); bytes must agree.
        assertThat(InetAddress.getByName(a.toString()).getAddress()).isEqualTo(
                a.isIpv4Mapped() ? new Ipv4Address((int) low).toBytes() : a.toBytes());
        assertThat(Ipv6Address.ofBytes(a.toBytes(), 0)).isEqualTo(a);
    }

    @Property(tries = 500)
    void zeroRunsAreCompressedCanonically(@ForAll("sparse") Ipv6Address a) {
        String text = a.toString();
        assertThat(Ipv6Address.parse(text)).isEqualTo(a);
        assertThat(text).doesNotContain(":::");
        assertThat(text.indexOf("::")).isEqualTo(text.lastIndexOf("::"));
        // §4.2.3: no zero run left in the text is longer than the one '::' replaced.
        long groupsWritten = java.util.Arrays.stream(text.split(":")).filter(g -> !g.isEmpty()).count();
        long compressed = text.contains("::") ? 8 - groupsWritten : 0;
        assertThat(":" + text + ":").doesNotContain(":0".repeat((int) Math.max(compressed, 1) + 1) + ":");
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Ipv6Address> sparse() {
        return net.jqwik.api.Arbitraries.integers().between(0, 255).map(mask -> {
            long hi = 0;
            long lo = 0;
            for (int g = 0; g < 8; g++) {
                long v = (mask >> g & 1) == 0 ? 0 : 0x1234 + g;
                if (g < 4) {
                    hi |= v << (48 - 16 * g);
                } else {
                    lo |= v << (48 - 16 * (g - 4));
                }
            }
            return new Ipv6Address(hi, lo);
        });
    }

    @org.junit.jupiter.api.Test
    void linkLocalIsFe80Slash10() {
        assertThat(Ipv6Address.parse("fe80::1").isLinkLocal()).isTrue();
        assertThat(Ipv6Address.parse("febf::1").isLinkLocal()).isTrue();
        assertThat(Ipv6Address.parse("fec0::1").isLinkLocal()).isFalse();
        assertThat(Ipv6Address.parse("2001:db8::1").isLinkLocal()).isFalse();
    }
}
