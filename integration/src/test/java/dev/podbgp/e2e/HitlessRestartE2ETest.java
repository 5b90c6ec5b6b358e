package dev.podbgp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.demo.DemoNode;
import dev.podbgp.demo.DemoTopology;
import dev.podbgp.demo.Pod;
import dev.podbgp.demo.PodTraffic;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.Lab;
import dev.podbgp.lab.LabExtension;
import dev.podbgp.lab.LabProcess;
import dev.podbgp.lab.peer.SessionState;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A node's podbgp goes away and comes back while a pod on it pings a pod on the other node 100 times a second, as a
 * user would try it (issue 13): the nodes have no default route, so every packet needs the routes podbgp put in
 * node1's kernel and gave the FRR top-of-rack router. Graceful restart (RFC 4724) allows keeping all of them, so
 * not one ping may be lost.
 */
@ExtendWith(LabExtension.class)
class HitlessRestartE2ETest {

    private static final Duration SETTLE = Duration.ofSeconds(30);
    /** 10 s at 100/s: from before the stop until well after the restart converged. */
    private static final int PINGS = 1_000;
    /** A route of ours that no peer will send again: the restart must sweep it at End-of-RIB. */
    private static final Prefix LEFTOVER = Prefix.parse("10.240.99.0/24");
    private static final Pattern CONVERGED = Pattern.compile("event=restart-converged reason=\"?([^\"]+?)\"? after-ms=(\\d+)");

    @Test
    void killNineAndRestart_exampleConfig_gracefulRestartOnRoutesRemovedOnExit_losesNoPing(Lab lab) throws Exception {
        Running r = started(lab, false);
        CompletableFuture<PodTraffic.PingCount> ping = PodTraffic.pingWhile(r.p1, r.p2, PINGS, Duration.ofMillis(10));
        Thread.sleep(1_000);
        r.n1.podbgp().orElseThrow().kill();
        // The crash left node1's kernel as it was; add one route of ours that nobody will want again.
        r.n1.node().exec("ip", "route", "add", LEFTOVER.toString(), "via", r.n1.config().torAddress().toString(),
                "proto", DemoNode.PODBGP_PROTO).orThrow();
        restartAndAwaitConvergence(r);
        assertNoPingLost(ping);
        assertThat(r.n1.kernelHasRoute(LEFTOVER)).as("the leftover route, swept at End-of-RIB").isFalse();
        assertThat(r.n1.kernelHasRoute(r.cidr2)).isTrue();
    }

    @Test
    void killNineAndRestart_keepOnExit_losesNoPing(Lab lab) throws Exception {
        Running r = started(lab, true);
        CompletableFuture<PodTraffic.PingCount> ping = PodTraffic.pingWhile(r.p1, r.p2, PINGS, Duration.ofMillis(10));
        Thread.sleep(1_000);
        r.n1.podbgp().orElseThrow().kill();
        restartAndAwaitConvergence(r);
        assertNoPingLost(ping);
    }

    @Test
    void sigtermAndRestart_keepOnExit_losesNoPing_andTheRouterKeepsTheNodesRouteMeanwhile(Lab lab) throws Exception {
        Running r = started(lab, true);
        CompletableFuture<PodTraffic.PingCount> ping = PodTraffic.pingWhile(r.p1, r.p2, PINGS, Duration.ofMillis(10));
        Thread.sleep(1_000);
        LabProcess first = r.n1.podbgp().orElseThrow();
        r.n1.stopPodbgp();
        assertThat(first.isAlive()).isFalse();
        assertThat(r.n1.kernelHasRoute(r.cidr2)).as("node1's route to node2's pods, kept on exit").isTrue();
        assertThat(r.t.tor().receivedRoutes()).as("the router kept node1's pods as stale").containsKey(r.cidr1);
        restartAndAwaitConvergence(r);
        assertNoPingLost(ping);
    }

    /** The lab's two nodes without a default route, podbgp with graceful restart on both, a pod on each. */
    private static Running started(Lab lab, boolean keepOnExit) throws Exception {
        DemoTopology t = DemoTopology.build(lab);
        for (DemoNode n : t.nodes()) {
            n.node().exec("ip", "route", "del", "default").orThrow();
            n.writeConfig(n.config().withRestart(true, keepOnExit));
            n.startPodbgp();
        }
        t.tor().awaitEstablished(SETTLE);
        Running r = new Running(t, t.node1(), t.node1().addPod(), t.node2().addPod(),
                t.node1().config().podCidrs().getFirst(), t.node2().config().podCidrs().getFirst());
        Await.until("node1's kernel to get " + r.cidr2, SETTLE, () -> r.n1.kernelHasRoute(r.cidr2), r.n1::kernelRoutes);
        Await.until("node2's kernel to get " + r.cidr1, SETTLE, () -> t.node2().kernelHasRoute(r.cidr1),
                t.node2()::kernelRoutes);
        assertThat(PodTraffic.ping(r.p1, r.p2, 3).ok()).as("pods reach each other before the restart").isTrue();
        return r;
    }

    /**
     * Starts node1's podbgp again and waits for its restart to converge: the router's End-of-RIB, not the restart
     * timer (120 s), must be what ends it.
     */
    private static void restartAndAwaitConvergence(Running r) {
        LabProcess again = r.n1.startPodbgp();
        Await.until("node1's restart to converge", SETTLE, () -> CONVERGED.matcher(again.logTail(400)).find(),
                () -> again.logTail(40));
        Matcher m = CONVERGED.matcher(again.logTail(400));
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).as(again.logTail(40)).isEqualTo("every peer's End-of-RIB");
        System.out.println("restart converged " + m.group(2) + " ms after start (" + m.group(1) + ")");
        assertThat(again.logTail(400)).contains("event=restarting");
        Await.until("the router to see node1 again", SETTLE,
                () -> r.t.tor().state(r.n1.config().address()) == SessionState.ESTABLISHED,
                () -> r.t.tor().neighborJson(r.n1.config().address()).toString());
    }

    private static void assertNoPingLost(CompletableFuture<PodTraffic.PingCount> ping) throws Exception {
        PodTraffic.PingCount count = ping.get(PINGS / 100 + 20, TimeUnit.SECONDS);
        assertThat(count.transmitted()).as(count.output()).isEqualTo(PINGS);
        System.out.println("pings lost through the restart: " + count.lost() + " of " + count.transmitted());
        assertThat(count.lost()).as("pings lost through the restart: " + count.output()).isZero();
    }

    private record Running(DemoTopology t, DemoNode n1, Pod p1, Pod p2, Prefix cidr1, Prefix cidr2) {}
}
