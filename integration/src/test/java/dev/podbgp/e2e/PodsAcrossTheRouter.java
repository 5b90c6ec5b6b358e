package dev.podbgp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.demo.DemoNode;
import dev.podbgp.demo.DemoTopology;
import dev.podbgp.demo.Pod;
import dev.podbgp.demo.PodTraffic;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.Lab;
import java.time.Duration;

/**
 * Where the router-restart tests start: an FRR router with graceful restart, two podbgp nodes with graceful restart
 * on and no default route (every packet between pods needs a BGP route), and a pod on each node that reaches the
 * other.
 */
record PodsAcrossTheRouter(DemoTopology topology, Pod pod1, Pod pod2) {

    static PodsAcrossTheRouter start(Lab lab, Duration settle) throws Exception {
        DemoTopology t = DemoTopology.build(lab, true);
        for (DemoNode n : t.nodes()) {
            n.node().exec("ip", "route", "del", "default").orThrow();
            n.writeConfig(n.config().withRestart(true, false));
            n.startPodbgp();
        }
        t.tor().awaitEstablished(settle);
        Pod p1 = t.node1().addPod();
        Pod p2 = t.node2().addPod();
        for (DemoNode n : t.nodes()) {
            DemoNode other = n == t.node1() ? t.node2() : t.node1();
            Prefix cidr = other.config().podCidrs().getFirst();
            Await.until(n.config().name() + "'s kernel to get " + cidr, settle, () -> n.kernelHasRoute(cidr), n::kernelRoutes);
        }
        assertThat(PodTraffic.ping(p1, p2, 3).ok()).as("pods reach each other before the router restarts").isTrue();
        return new PodsAcrossTheRouter(t, p1, p2);
    }

    /** node2's podCIDR, which node1 needs to reach pod2. */
    Prefix node2Cidr() {
        return topology.node2().config().podCidrs().getFirst();
    }
}
