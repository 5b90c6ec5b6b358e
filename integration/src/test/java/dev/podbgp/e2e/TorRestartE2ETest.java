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
import dev.podbgp.lab.peer.SessionState;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The top-of-rack router's BGP daemon restarts (an FRR upgrade, a bgpd crash) while a pod on node1 pings a pod on
 * node2 100 times a second (issue 13). Both sides do graceful restart: zebra keeps the router's kernel routes,
 * podbgp keeps the router's routes stale in its RIB and in the node's kernel until the router's End-of-RIB. The
 * nodes have no default route, so every ping needs those routes, and a pod started meanwhile (a veth coming up
 * on cni0, which re-syncs the FIB) must not cost the stale ones either.
 */
@ExtendWith(LabExtension.class)
class TorRestartE2ETest {

    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final Duration DOWN = Duration.ofSeconds(4);
    /** 10 s at 100/s: from before bgpd goes until after it is back. */
    private static final int PINGS = 1_000;

    @Test
    void torBgpdCrashAndRestart_withGracefulRestart_losesNoPing(Lab lab) throws Exception {
        PodsAcrossTheRouter pods = PodsAcrossTheRouter.start(lab, SETTLE);
        DemoTopology t = pods.topology();
        DemoNode n1 = t.node1();
        Pod p1 = pods.pod1();
        Pod p2 = pods.pod2();
        Prefix cidr2 = pods.node2Cidr();

        CompletableFuture<PodTraffic.PingCount> ping = PodTraffic.pingWhile(p1, p2, PINGS, Duration.ofMillis(10));
        Thread.sleep(1_000);
        t.tor().stopBgpd(true);
        long stopped = System.nanoTime();
        // A pod comes up on node1 while the router's routes are stale there: its veth on cni0 re-syncs the FIB.
        Pod late = n1.addPod();
        Thread.sleep(Math.max(0, DOWN.toMillis() - (System.nanoTime() - stopped) / 1_000_000));
        assertThat(n1.kernelHasRoute(cidr2)).as("node1 keeps the router's route while bgpd is away").isTrue();
        t.tor().startBgpd();
        long started = System.nanoTime();
        for (DemoNode n : t.nodes()) {
            Await.until("the router to see " + n.config().name() + " again", SETTLE,
                    () -> t.tor().state(n.config().address()) == SessionState.ESTABLISHED,
                    () -> t.tor().neighborJson(n.config().address()).toString());
        }
        System.out.println("router sessions Established " + (System.nanoTime() - started) / 1_000_000
                + " ms after bgpd started again");

        PodTraffic.PingCount count = ping.get(PINGS / 100 + 20, TimeUnit.SECONDS);
        assertThat(count.transmitted()).as(count.output()).isEqualTo(PINGS);
        System.out.println("pings lost through the router's bgpd restart: " + count.lost() + " of " + count.transmitted());
        assertThat(count.lost()).as("pings lost: " + count.output()).isZero();
        assertThat(n1.kernelHasRoute(cidr2)).as("the route, refreshed by the router's new session").isTrue();
        assertThat(PodTraffic.ping(late, p2, 3).ok()).as("the pod started during the restart reaches node2's").isTrue();
    }
}
