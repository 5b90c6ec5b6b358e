package dev.podbgp.config;

import static dev.podbgp.config.Configs.NODE;
import static dev.podbgp.config.Configs.problems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.config.state.DesiredStateDiff;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aggregates} (RFC 4271 §9.2.2.2): what it reads to, and each refusal with file, line, column and field. */
class AggregateConfigTest {

    private static final String PEERS = NODE + """
            peers:
              - {address: 192.0.2.1, asn: 65100}
              - {address: 2001:db8::1, asn: 65100}
            """;

    @Test
    void defaults_externalPeersAndTheMoreSpecificsToo() throws ConfigException {
        LoadedConfig c = Configs.load(PEERS + """
                aggregates:
                  - prefix: 10.244.0.0/16
                """);
        assertThat(c.state().aggregates()).containsExactly(new AggregateSpec(Prefix.parse("10.244.0.0/16"), false,
                List.of(), Set.of(PeerKindSpec.EXTERNAL)));
    }

    @Test
    void everyField_kindsAndAddressesMixed_bothFamilies() throws ConfigException {
        LoadedConfig c = Configs.load(PEERS + """
                aggregates:
                  - prefix: 10.244.0.0/16
                    summaryOnly: true
                    peers: [mesh, 192.0.2.1]
                  - {prefix: "fd00:244::/48", peers: ["2001:db8::1"]}
                """);
        assertThat(c.state().aggregates()).containsExactly(
                new AggregateSpec(Prefix.parse("10.244.0.0/16"), true, List.of(IpAddress.parse("192.0.2.1")),
                        Set.of(PeerKindSpec.MESH)),
                new AggregateSpec(Prefix.parse("fd00:244::/48"), false, List.of(IpAddress.parse("2001:db8::1")), Set.of()));
    }

    @Test
    void hostRoute_isRefusedAtThePrefix() {
        assertThat(problems(PEERS + """
                aggregates:
                  - prefix: 10.244.0.1/32
                """)).containsExactly("podbgp.yaml:8:13: aggregates[0].prefix: '10.244.0.1/32' is a host route: "
                + "no route is more specific, so nothing would contribute to it");
    }

    @Test
    void samePrefixTwice_namesTheFirstLine() {
        assertThat(problems(PEERS + """
                aggregates:
                  - prefix: 10.244.0.0/16
                  - prefix: 10.244.0.0/16
                    summaryOnly: true
                """)).containsExactly("podbgp.yaml:9:13: aggregates[1].prefix: '10.244.0.0/16' is already an "
                + "aggregate at line 8");
    }

    @Test
    void prefixMissingOrMalformed() {
        assertThat(problems(PEERS + """
                aggregates:
                  - summaryOnly: true
                  - prefix: 10.244.0.1/16
                """)).containsExactly("podbgp.yaml:8:5: aggregates[0].prefix: required",
                "podbgp.yaml:9:13: aggregates[1].prefix: '10.244.0.1/16' has host bits set (did you mean 10.244.0.0/16?)");
    }

    @Test
    void peers_unknownKindUnconfiguredAddressEmptyList() {
        assertThat(problems(PEERS + """
                aggregates:
                  - prefix: 10.244.0.0/16
                    peers: [externel, 192.0.2.9]
                  - prefix: 10.245.0.0/16
                    peers: []
                """)).containsExactly(
                "podbgp.yaml:9:13: aggregates[0].peers[0]: 'externel' is not allowed, did you mean 'external'?",
                "podbgp.yaml:9:23: aggregates[0].peers[1]: 192.0.2.9 is not a configured peer (peers, mesh.peers)",
                "podbgp.yaml:11:12: aggregates[1].peers: an empty list sends the aggregate to no peer; leave peers out "
                        + "for the default (external)");
    }

    @Test
    void unknownKey_inAnAggregate() {
        assertThat(problems(PEERS + """
                aggregates:
                  - prefix: 10.244.0.0/16
                    sumaryOnly: true
                """)).singleElement().asString().startsWith("podbgp.yaml:9:5: aggregates[0].sumaryOnly:")
                .contains("summaryOnly");
    }

    @Test
    void aClustersBaseFile_mayNameAddressesKubernetesWillConfigure(@TempDir Path dir) throws Exception {
        String base = """
                node:
                  asn: 65001
                aggregates:
                  - {prefix: 10.244.0.0/16, peers: [192.0.2.9]}
                """;
        Path file = dir.resolve("base.yaml");
        Files.writeString(file, base);
        assertThat(ConfigLoader.loadBase(file).config().aggregates()).singleElement()
                .satisfies(a -> assertThat(a.peerAddresses()).containsExactly(IpAddress.parse("192.0.2.9")));
    }

    @Test
    void reload_aggregatesChangeIsAnInPlaceSetting() throws ConfigException {
        String before = PEERS + "aggregates:\n  - prefix: 10.244.0.0/16\n";
        DesiredStateDiff d = DesiredStateDiff.between(Configs.load(before).state(),
                Configs.load(before + "    summaryOnly: true\n").state());
        assertThat(d.settingsChanged()).containsExactly("aggregates");
        assertThat(d.restartRequired()).isEmpty();
        assertThat(d.peersToReset()).isEmpty();
        assertThat(DesiredStateDiff.between(Configs.load(before).state(), Configs.load(before).state()).isEmpty()).isTrue();
    }
}
