package dev.podbgp.k8s.mapping;

import static dev.podbgp.k8s.MockCluster.node;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.config.ConfigLoader;
import dev.podbgp.config.PodbgpConfig;
import dev.podbgp.config.state.DesiredState;
import dev.podbgp.inet.Prefix;
import dev.podbgp.k8s.crd.BGPPeer;
import dev.podbgp.k8s.crd.BGPPeerSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BaseSettingsTest {

    /** The project's example config as base settings: its policies serve BGPPeers, its peers and podCIDRs do not count. */
    @Test
    void aConfigFileGivesTheNodeIndependentSettings() throws Exception {
        PodbgpConfig c = ConfigLoader.load(Path.of("..", "docs", "examples", "podbgp.yaml")).config();
        BaseSettings base = BaseSettings.from(c);
        assertThat(base.asn()).isEqualTo(c.node().asn());
        assertThat(base.policies()).containsKeys("from-tor", "to-tor");

        BGPPeer p = new BGPPeer();
        p.setMetadata(new ObjectMetaBuilder().withName("tor").build());
        p.setSpec(new BGPPeerSpec());
        p.getSpec().peerAddress = "192.0.2.1";
        p.getSpec().peerASN = 65100L;
        p.getSpec().importPolicy = "from-tor";
        StateBuilder.Result r = StateBuilder.build(base, "k1",
                List.of(node("k1", List.of("10.240.7.0/24"), List.of("192.0.2.21"), Map.of(), Map.of())),
                Optional.empty(), List.of(p), (n, k) -> Optional.empty());
        assertThat(r.problems()).isEmpty();
        DesiredState s = r.state().orElseThrow();
        assertThat(s.originated()).containsExactly(Prefix.parse("10.240.7.0/24"));
        assertThat(s.peers()).extracting(x -> x.address().toString()).containsExactly("192.0.2.1");
        assertThat(s.policies()).containsKey("from-tor");
        assertThat(s.fib()).isEqualTo(c.fib());
        assertThat(s.cni()).isEqualTo(c.cni());
        assertThat(s.listen()).isEqualTo(c.listen());
        // One file serves every node of a DaemonSet: its router id would be everyone's, so the node's own is used.
        assertThat(c.node().routerId()).isPresent();
        assertThat(s.node().routerId().toString()).isEqualTo("192.0.2.21");
    }
}
