package dev.podbgp.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.config.state.DesiredPeer;
import dev.podbgp.config.state.DesiredState;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/examples/podbgp.yaml is what users copy: it must load, and mean what docs/config.md says. */
class ExampleConfigTest {
    static final Path EXAMPLE = Path.of("..", "docs", "examples", "podbgp.yaml");

    @Test
    void exampleFileValidates_withoutWarnings() throws ConfigException {
        LoadedConfig loaded = ConfigLoader.load(EXAMPLE);
        assertThat(loaded.warnings()).isEmpty();
        DesiredState s = loaded.state();
        assertThat(s.node().asn()).isEqualTo(65001);
        assertThat(s.originated()).containsExactly(Prefix.parse("10.240.1.0/24"), Prefix.parse("fd00:240:0:1::/64"));
        assertThat(s.peers()).extracting(DesiredPeer::address).containsExactly(
                IpAddress.parse("192.0.2.1"), IpAddress.parse("192.0.2.2"),
                IpAddress.parse("192.0.2.12"), IpAddress.parse("192.0.2.13"));
        assertThat(s.policies()).containsOnlyKeys("from-tor", "to-tor");
        assertThat(s.policies().get("from-tor").rules()).extracting(RuleSpec::name)
                .containsExactly("default-route", "other-clusters");
        assertThat(s.peers().getFirst().ttl()).isEqualTo(new TtlSpec.Gtsm(1));
        assertThat(s.peers().get(1).maxPrefix()).contains(MaxPrefixSpec.EXTERNAL_DEFAULT);
        assertThat(s.aggregates()).extracting(AggregateSpec::prefix)
                .containsExactly(Prefix.parse("10.240.0.0/16"), Prefix.parse("fd00:240::/48"));
    }
}
