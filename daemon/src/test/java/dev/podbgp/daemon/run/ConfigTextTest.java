package dev.podbgp.daemon.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.config.ConfigLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code show config}: aggregates with who gets them, and every configured peer, an unnumbered one by its interface. */
class ConfigTextTest {

    @Test
    void aggregatesAreShownWithWhoGetsThem() throws Exception {
        var state = ConfigLoader.parse("podbgp.yaml", """
                node: {asn: 65001, routerId: 192.0.2.11, podCidrs: [10.244.1.0/24]}
                peers:
                  - {address: 192.0.2.1, asn: 65100}
                aggregates:
                  - {prefix: 10.244.0.0/16, summaryOnly: true}
                  - {prefix: 10.245.0.0/16, peers: [mesh, 192.0.2.1]}
                """, Path.of(".")).state();
        assertThat(ConfigText.of(state)).contains("""
                aggregates:
                  - 10.244.0.0/16 summaryOnly to [external]
                  - 10.245.0.0/16 to [mesh, 192.0.2.1]
                """);
    }

    @Test
    void serviceRoutesAreShownWithTheServicesBehindThem() throws Exception {
        var state = ConfigLoader.parse("podbgp.yaml", "node: {asn: 65001, routerId: 192.0.2.11}\n", Path.of(".")).state()
                .withServiceRoutes(java.util.List.of(new dev.podbgp.config.state.ServiceRoute(
                        dev.podbgp.inet.Prefix.parse("192.0.2.80/32"), java.util.List.of("shop/web", "shop/dns"),
                        dev.podbgp.config.state.ServiceRoute.Kind.INGRESS,
                        java.util.List.of(dev.podbgp.config.StandardCommunity.parse("65001:80")), java.util.List.of(),
                        java.util.Optional.of(300L))));
        assertThat(ConfigText.of(state)).contains("""
                serviceRoutes:
                  - 192.0.2.80/32 ingress of [shop/dns, shop/web] communities [65001:80] localPreference 300
                """);
    }

    @Test
    void noAggregates_noSection() throws Exception {
        var state = ConfigLoader.parse("podbgp.yaml", "node: {asn: 65001, routerId: 192.0.2.11}\n", Path.of(".")).state();
        assertThat(ConfigText.of(state)).doesNotContain("aggregates");
    }

    @Test
    void interfacePeers_areShownByTheirInterface_besideAddressPeers() throws Exception {
        var state = ConfigLoader.parse("podbgp.yaml", """
                node: {asn: 65001, routerId: 192.0.2.11}
                listen: {address: "::"}
                peers:
                  - {address: 192.0.2.1, asn: 65100}
                  - {interface: eth0, asn: 65000, passive: true}
                """, Path.of(".")).state();
        String text = ConfigText.of(state);
        assertThat(text).contains("  - address: 192.0.2.1\n    asn: 65100\n");
        assertThat(text).contains("  - interface: eth0\n    asn: 65000\n");
        assertThat(text).contains("    families: [ipv4 unicast, ipv6 unicast]\n");
        assertThat(text.indexOf("192.0.2.1")).isLessThan(text.indexOf("eth0"));
    }
}
