package dev.podbgp.daemon.cni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podbgp.inet.Prefix;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The conflist bytes, pinned; that the plugins accept them is {@link BridgeCniEndToEndTest}'s job. */
class CniConflistTest {

    @Test
    void ipv4Only_bridgeHostLocalPortmap_golden() throws IOException {
        CniConflist c = CniConflist.of(List.of(Prefix.parse("10.240.1.0/24")), 1500);
        assertThat(c.toJson()).isEqualTo(golden("ipv4-only.conflist"));
    }

    @Test
    void dualStack_oneRangeSetPerFamily_defaultRoutePerFamily_golden() throws IOException {
        CniConflist c = new CniConflist("podnet", "br-pods", 9000,
                List.of(Prefix.parse("fd00:240:1::/64"), Prefix.parse("10.240.1.0/24")),
                java.util.Optional.of(Path.of("/run/podbgp/ipam")));
        assertThat(c.toJson()).isEqualTo(golden("dual-stack.conflist"));
    }

    @Test
    void sameCidrsInAnyOrder_sameBytes() {
        Prefix a = Prefix.parse("10.240.1.0/24");
        Prefix b = Prefix.parse("fd00:240:1::/64");
        assertThat(CniConflist.of(List.of(b, a, b), 1500).toBytes())
                .isEqualTo(CniConflist.of(List.of(a, b), 1500).toBytes());
    }

    @Test
    void gatewayIsTheFirstAddress() {
        assertThat(CniConflist.gateway(Prefix.parse("10.240.2.0/24"))).hasToString("10.240.2.1");
        assertThat(CniConflist.gateway(Prefix.parse("fd00:240:2::/64"))).hasToString("fd00:240:2::1");
    }

    @Test
    void refusesWhatThePluginsCannotUse() {
        Prefix v4 = Prefix.parse("10.240.1.0/24");
        assertThatThrownBy(() -> CniConflist.of(List.of(), 1500)).hasMessageContaining("at least one podCIDR");
        assertThatThrownBy(() -> CniConflist.of(List.of(Prefix.parse("10.240.1.0/31")), 1500))
                .hasMessageContaining("too small");
        // RFC 8200 §5: an IPv6 link carries at least 1280 octets
        assertThatThrownBy(() -> CniConflist.of(List.of(Prefix.parse("fd00::/64")), 1279))
                .hasMessageContaining("1280");
        assertThat(CniConflist.of(List.of(v4), 1279).mtu()).isEqualTo(1279);
        assertThatThrownBy(() -> CniConflist.of(List.of(v4), 1500).withBridge("a-name-too-long-x"))
                .hasMessageContaining("interface name");
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = CniConflistTest.class.getResourceAsStream("/cni/" + name)) {
            assertThat(in).as("golden file " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
