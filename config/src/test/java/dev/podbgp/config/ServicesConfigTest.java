package dev.podbgp.config;

import static dev.podbgp.config.Configs.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podbgp.config.state.DesiredStateDiff;
import dev.podbgp.config.state.ServiceRoute;
import dev.podbgp.inet.Prefix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code services} (static mode): what it reads to, each refusal with file, line, column and field. */
class ServicesConfigTest {
    private static final String NODE = """
            node:
              asn: 65001
              routerId: 192.0.2.11
              podCidrs: [10.244.1.0/24]
            """;

    @Test
    void everyField_becomesAServiceRouteOfTheDesiredState() throws ConfigException {
        LoadedConfig c = Configs.load(NODE + """
                services:
                  - prefix: 192.0.2.80/32
                    name: web
                    communities: ["65001:80", no-export]
                    largeCommunities: ["65001:1:80"]
                    localPreference: 300
                  - {prefix: "2001:db8::80/128"}
                """);
        assertThat(c.state().serviceRoutes()).containsExactly(
                new ServiceRoute(Prefix.parse("192.0.2.80/32"), List.of("web"), ServiceRoute.Kind.CONFIGURED,
                        List.of(StandardCommunity.parse("65001:80"), StandardCommunity.parse("no-export")),
                        List.of(LargeCommunitySpec.parse("65001:1:80")), Optional.of(300L)),
                new ServiceRoute(Prefix.parse("2001:db8::80/128"), List.of(), ServiceRoute.Kind.CONFIGURED, List.of(),
                        List.of(), Optional.empty()));
    }

    @Test
    void badValues_areRefusedAtTheirField() {
        assertThat(problems(NODE + """
                services:
                  - {prefix: 192.0.2.80/32, communities: ["65001:70000"], localPreference: -1}
                  - {prefix: 192.0.2.80/32}
                  - {prefix: 10.244.1.0/24}
                """)).containsExactly(
                "podbgp.yaml:6:43: services[0].communities[0]: '65001:70000' needs two parts in 0..65535; use a large "
                        + "community for 32-bit ASNs",
                "podbgp.yaml:6:76: services[0].localPreference: -1 is not a LOCAL_PREF in 0..4294967295",
                "podbgp.yaml:7:14: services[1].prefix: '192.0.2.80/32' is already a service at line 6",
                "podbgp.yaml:8:14: services[2].prefix: '10.244.1.0/24' is one of node.podCidrs, which the node announces already");
    }

    @Test
    void aReloadOfTheServicesAlone_touchesNoPeer() throws ConfigException {
        String peers = """
                peers:
                  - {address: 192.0.2.1, asn: 65100}
                """;
        var before = Configs.load(NODE + peers + "services:\n  - {prefix: 192.0.2.80/32}\n").state();
        var after = Configs.load(NODE + peers + "services:\n  - {prefix: 192.0.2.81/32}\n").state();
        DesiredStateDiff d = DesiredStateDiff.between(before, after);
        assertThat(d.serviceRoutesAnnounced()).extracting(ServiceRoute::prefix).containsExactly(Prefix.parse("192.0.2.81/32"));
        assertThat(d.serviceRoutesWithdrawn()).containsExactly(Prefix.parse("192.0.2.80/32"));
        assertThat(d.peersChanged()).isEmpty();
        assertThat(d.settingsChanged()).isEmpty();
    }

    @Test
    void aClustersBaseFile_refusesThem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("base.yaml");
        Files.writeString(file, """
                node:
                  asn: 65001
                services:
                  - {prefix: 192.0.2.80/32}
                """);
        assertThatThrownBy(() -> ConfigLoader.loadBase(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("base.yaml:3:1: services").hasMessageContaining("Service objects");
    }
}
