package dev.podbgp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podbgp.demo.DemoNode;
import dev.podbgp.demo.DemoTopology;
import dev.podbgp.demo.Pod;
import dev.podbgp.demo.PodTraffic;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.Lab;
import dev.podbgp.lab.LabExtension;
import dev.podbgp.lab.frr.FrrPeer;
import dev.podbgp.lab.peer.Community;
import dev.podbgp.lab.peer.SessionState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code podbgp reload} on a running node of the demo topology: the edited file's podCIDRs reach
 * the other node's kernel, and a changed export policy reaches the router over the session that
 * was already up (route refresh, not a reset) while pod-to-pod pings lose nothing.
 */
@ExtendWith(LabExtension.class)
class ReloadE2ETest {
    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final int PINGS = 800;

    @Test
    void podCidrAddedInTheFileAndReloaded_isAnnouncedAndReachesTheOtherNodesKernel(Lab lab) {
        DemoTopology t = started(lab);
        DemoNode n1 = t.node1();
        DemoNode n2 = t.node2();
        Prefix original = n1.config().podCidrs().getFirst();
        Prefix added = Prefix.parse("10.240.11.0/24");

        n1.writeConfig(n1.config().withPodCidrs(List.of(original, added)));
        reload(n1);
        awaitKernel(n2, added, true);
        assertThat(t.tor().receivedRoutes().get(added).asPath()).containsExactly(n1.config().asn());
        assertThat(n2.kernelRoutes()).contains(added + " via " + n2.config().torAddress());
        assertThat(n2.kernelHasRoute(original)).isTrue();
    }

    @Test
    void exportPolicyChangedByReload_communityReachesTheRouter_sessionNotReset_noPodTrafficLost(Lab lab)
            throws Exception {
        DemoTopology t = started(lab);
        DemoNode n1 = t.node1();
        Pod p1 = n1.addPod();
        Pod p2 = t.node2().addPod();
        assertThat(PodTraffic.ping(p1, p2, 2).ok()).as("pods reach each other before the reload").isTrue();
        FrrPeer tor = t.tor();
        IpAddress node1 = n1.config().address();
        Prefix pods = n1.config().podCidrs().getFirst();
        Community tag = Community.parse("65001:100");
        assertThat(tor.receivedRoutes().get(pods).communities()).doesNotContain(tag);
        JsonNode before = tor.neighborJson(node1);
        long established = before.path("connectionsEstablished").asLong(-1);
        long dropped = before.path("connectionsDropped").asLong(-1);
        assertThat(established).isEqualTo(1);

        // 100 pings a second from before the reload until well after the router has the change.
        CompletableFuture<PodTraffic.PingCount> ping = PodTraffic.pingWhile(p1, p2, PINGS, Duration.ofMillis(10));
        Thread.sleep(1_000);
        n1.writeConfig(n1.config().withExportCommunities(List.of(tag.toString())));
        reload(n1);
        Await.until("the router to see " + pods + " with " + tag, SETTLE,
                () -> tor.receivedRoutes().get(pods).communities().contains(tag), () -> tor.receivedRoutes().toString());
        PodTraffic.PingCount count = ping.get(PINGS / 100 + 20, TimeUnit.SECONDS);
        assertThat(count.transmitted()).as(count.output()).isEqualTo(PINGS);
        assertThat(count.lost()).as("pings lost through the reload: " + count.output()).isZero();

        JsonNode after = tor.neighborJson(node1);
        assertThat(tor.state(node1)).isEqualTo(SessionState.ESTABLISHED);
        assertThat(after.path("connectionsEstablished").asLong(-2)).isEqualTo(established);
        assertThat(after.path("connectionsDropped").asLong(-2)).isEqualTo(dropped);
        // the uptime kept counting (FRR reports it in whole seconds): the UPDATE came over the old session
        assertThat(after.path("bgpTimerUpMsec").asLong()).isGreaterThanOrEqualTo(before.path("bgpTimerUpMsec").asLong());
    }

    /** The demo topology with podbgp running on both nodes and each node's pods in the other's kernel. */
    private static DemoTopology started(Lab lab) {
        DemoTopology t = DemoTopology.build(lab);
        t.nodes().forEach(DemoNode::startPodbgp);
        t.tor().awaitEstablished(SETTLE);
        awaitKernel(t.node1(), t.node2().config().podCidrs().getFirst(), true);
        awaitKernel(t.node2(), t.node1().config().podCidrs().getFirst(), true);
        return t;
    }

    private static void reload(DemoNode n) {
        DemoNode.CliResult r = n.cli("reload");
        assertThat(r.exitCode()).as("podbgp reload: %s %s", r.out(), r.err()).isZero();
    }

    private static void awaitKernel(DemoNode n, Prefix p, boolean present) {
        Await.until(n.node().label() + "'s kernel " + (present ? "to get " : "to lose ") + p, SETTLE,
                () -> n.kernelHasRoute(p) == present,
                () -> n.kernelRoutes() + n.podbgp().map(proc -> proc.logTail(30)).orElse(""));
    }
}
