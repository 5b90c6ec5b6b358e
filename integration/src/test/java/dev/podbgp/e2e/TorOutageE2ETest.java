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
import dev.podbgp.lab.Node;
import dev.podbgp.lab.peer.SessionState;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The top-of-rack router's BGP daemon is away for long (issue 13): 30 s, within the router's graceful-restart time
 * of 120 s, and 150 s, beyond it. Meanwhile podbgp's connection attempts are refused and its retry backoff grows;
 * when bgpd listens again its sessions must come back at once (the router's own connection is taken even while
 * podbgp waits out its backoff), not when podbgp's next retry happens to fire.
 *
 * <p>The time is measured from the moment the router has a socket listening on TCP 179 again to both ends
 * Established. The socket is polled every 10 ms with {@code ss}, so it is seen a few tens of milliseconds late at
 * most; the time from bgpd's start is printed beside it. A pod on node1 pings a pod on node2 through the outage;
 * within the graceful-restart time nothing may be lost, beyond it the stale routes go when the timer fires
 * (RFC 4724 §4.2) and the count is printed.
 */
@ExtendWith(LabExtension.class)
class TorOutageE2ETest {

    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final Duration BACK_WITHIN = Duration.ofSeconds(2);
    /** FRR's default graceful-restart time, which the router advertises and podbgp keeps its routes for. */
    private static final Duration ROUTER_RESTART_TIME = Duration.ofSeconds(120);

    @ParameterizedTest(name = "bgpd away {0} s")
    @ValueSource(ints = {30, 150})
    void torBgpdAwayForLong_sessionsBackWithinTwoSecondsOfItsReturn(int awaySeconds, Lab lab) throws Exception {
        Duration away = Duration.ofSeconds(awaySeconds);
        PodsAcrossTheRouter pods = PodsAcrossTheRouter.start(lab, SETTLE);
        DemoTopology t = pods.topology();
        DemoNode n1 = t.node1();
        Pod p1 = pods.pod1();
        Pod p2 = pods.pod2();
        Prefix cidr2 = pods.node2Cidr();

        int pings = (int) (away.toSeconds() + 6) * 10;
        CompletableFuture<PodTraffic.PingCount> ping = PodTraffic.pingWhile(p1, p2, pings, Duration.ofMillis(100));
        Thread.sleep(1_000);
        t.tor().stopBgpd(true);
        Thread.sleep(away.toMillis());
        String backoff = n1.cli("show", "neighbors").out();

        long starting = System.nanoTime();
        CompletableFuture<Long> listening = listeningOn179(t.tor().node());
        t.tor().startBgpd();
        for (DemoNode n : t.nodes()) {
            Await.until("the router to see " + n.config().name() + " again", SETTLE,
                    () -> t.tor().state(n.config().address()) == SessionState.ESTABLISHED,
                    () -> t.tor().neighborJson(n.config().address()).toString());
            Await.until(n.config().name() + " to see the router again", SETTLE,
                    () -> n.cli("show", "neighbors").out().contains(" Established "),
                    () -> n.cli("show", "neighbors").out());
        }
        long back = System.nanoTime();
        long backMillis = (back - listening.get(SETTLE.toSeconds(), TimeUnit.SECONDS)) / 1_000_000;
        System.out.println("bgpd away " + awaySeconds + " s: both sessions Established " + backMillis
                + " ms after bgpd listened again (" + (back - starting) / 1_000_000 + " ms after it was started);"
                + " node1 before the return:\n" + backoff);

        PodTraffic.PingCount count = ping.get(pings / 10 + 30, TimeUnit.SECONDS);
        System.out.println("bgpd away " + awaySeconds + " s: pings lost " + count.lost() + " of " + count.transmitted()
                + " (one per 100 ms)");
        assertThat(backMillis).as("sessions back after bgpd listened again").isLessThan(BACK_WITHIN.toMillis());
        if (away.compareTo(ROUTER_RESTART_TIME) < 0) {
            assertThat(count.lost()).as("pings lost within the restart time: " + count.output()).isZero();
        }
        Await.until("node1's kernel to get " + cidr2 + " back", SETTLE, () -> n1.kernelHasRoute(cidr2),
                n1::kernelRoutes);
        assertThat(PodTraffic.ping(p1, p2, 3).ok()).as("pods reach each other after the outage").isTrue();
    }

    /** When the router first has a socket listening on TCP 179 again, polled every 10 ms from its own namespace. */
    private static CompletableFuture<Long> listeningOn179(Node router) {
        CompletableFuture<Long> seen = new CompletableFuture<>();
        Thread.ofPlatform().name("pbt-listen-179").daemon().start(() -> {
            long deadline = System.nanoTime() + SETTLE.toNanos();
            while (System.nanoTime() < deadline) {
                if (!router.exec("ss", "-Hltn", "sport = :179").stdout().isBlank()) {
                    seen.complete(System.nanoTime());
                    return;
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    break;
                }
            }
            seen.completeExceptionally(new AssertionError("the router never listened on TCP 179 again"));
        });
        return seen;
    }
}
