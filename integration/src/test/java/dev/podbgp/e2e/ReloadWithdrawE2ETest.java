package dev.podbgp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.demo.DemoNode;
import dev.podbgp.demo.DemoTopology;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.Lab;
import dev.podbgp.lab.LabExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A reload that takes a prefix away must withdraw it (RFC 4271 §9.1.3: a route no longer in
 * Adj-RIB-Out is withdrawn): a podCIDR removed from the file shortly after it was added, and an
 * export policy that stops accepting the node's pods.
 */
@ExtendWith(LabExtension.class)
class ReloadWithdrawE2ETest {
    private static final Duration SETTLE = Duration.ofSeconds(20);

    @Test
    void podCidrRemovedFromTheFileAndReloaded_isWithdrawnFromTheRouterAndTheOtherNodesKernel(Lab lab) {
        DemoTopology t = DemoTopology.build(lab);
        DemoNode n1 = t.node1();
        DemoNode n2 = t.node2();
        t.nodes().forEach(DemoNode::startPodbgp);
        Prefix original = n1.config().podCidrs().getFirst();
        Prefix extra = Prefix.parse("10.240.11.0/24");
        awaitKernel(n2, original, true);

        n1.writeConfig(n1.config().withPodCidrs(List.of(original, extra)));
        reload(n1);
        awaitKernel(n2, extra, true);

        n1.writeConfig(n1.config().withPodCidrs(List.of(original)));
        reload(n1);
        Await.until("the router to lose " + extra, SETTLE, () -> !t.tor().receivedRoutes().containsKey(extra),
                () -> t.tor().receivedRoutes().toString());
        awaitKernel(n2, extra, false);
        assertThat(n2.kernelHasRoute(original)).isTrue();
    }

    @Test
    void exportPolicyReloadedToRejectThePods_withdrawsThemFromTheRouter(Lab lab) throws Exception {
        DemoTopology t = DemoTopology.build(lab);
        DemoNode n1 = t.node1();
        DemoNode n2 = t.node2();
        t.nodes().forEach(DemoNode::startPodbgp);
        Prefix pods = n1.config().podCidrs().getFirst();
        awaitKernel(n2, pods, true);

        // the export policy now matches nothing of ours: default reject
        java.nio.file.Files.writeString(n1.configFile(),
                n1.config().yaml().replace("10.240.0.0/16 le 24", "10.99.0.0/16 le 24"));
        reload(n1);
        Await.until("the router to lose " + pods, SETTLE, () -> !t.tor().receivedRoutes().containsKey(pods),
                () -> t.tor().receivedRoutes().toString());
        awaitKernel(n2, pods, false);
    }

    private static void reload(DemoNode n) {
        DemoNode.CliResult r = n.cli("reload");
        assertThat(r.exitCode()).as("podbgp reload: %s %s", r.out(), r.err()).isZero();
    }

    private static void awaitKernel(DemoNode n, Prefix p, boolean present) {
        Await.until(n.node().label() + "'s kernel " + (present ? "to get " : "to lose ") + p, SETTLE,
                () -> n.kernelHasRoute(p) == present, n::kernelRoutes);
    }
}
