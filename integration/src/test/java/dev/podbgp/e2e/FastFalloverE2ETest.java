package dev.podbgp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.demo.DemoNode;
import dev.podbgp.demo.DemoTopology;
import dev.podbgp.demo.PodTraffic;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.Lab;
import dev.podbgp.lab.LabExtension;
import dev.podbgp.lab.LabProcess;
import dev.podbgp.lab.Link;
import dev.podbgp.lab.peer.SessionState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fast external fallover (issue 14): the router's end of node1's uplink goes down, so node1's end loses its carrier.
 * The kernel keeps routes through a device without carrier (marked linkdown) and the BGP session would stay up for
 * the hold time (9 s here), forwarding into a dead link. podbgp ends the session when the link goes and drops the
 * router's routes from the kernel at once, although graceful restart is on: nothing forwards over that link, so there
 * is nothing to keep stale. When the link is back the session returns without waiting out its retry backoff.
 */
@ExtendWith(LabExtension.class)
class FastFalloverE2ETest {

    private static final Duration SETTLE = Duration.ofSeconds(30);
    /** Far below the 6 s the hold timer needs at the least (hold time 9 s, last KEEPALIVE up to 3 s before). */
    private static final Duration FAST = Duration.ofSeconds(2);

    @Test
    void uplinkLosesCarrier_sessionEndsAndTheRoutesLeaveTheKernelAtOnce_andComeBackWithTheLink(Lab lab) throws Exception {
        PodsAcrossTheRouter pods = PodsAcrossTheRouter.start(lab, SETTLE);
        DemoTopology t = pods.topology();
        DemoNode n1 = t.node1();
        Prefix cidr2 = pods.node2Cidr();
        Link uplink = t.uplink(n1);
        String routerSide = uplink.a() == t.torNode() ? uplink.aInterface() : uplink.bInterface();

        // The kernel's own timestamps of node1's link losing its carrier and of the route's deletion.
        LabProcess monitor = n1.node().start("ip-monitor", List.of("ip", "-ts", "monitor", "link", "route"));
        Thread.sleep(300);
        t.torNode().exec("ip", "link", "set", "dev", routerSide, "down").orThrow();
        Await.until("node1's kernel to drop " + cidr2, SETTLE, () -> !n1.kernelHasRoute(cidr2), n1::kernelRoutes);
        Thread.sleep(100);
        String events = monitor.logTail(400);
        monitor.stop();
        String node1Side = uplink.a() == t.torNode() ? uplink.bInterface() : uplink.aInterface();
        Instant carrierLost = KernelEvents.stamp(events, "\\d+: " + Pattern.quote(node1Side) + "@\\S+: <NO-CARRIER");
        Instant deleted = KernelEvents.stamp(events, "Deleted " + Pattern.quote(cidr2.toString()) + " ");
        long goneMicros = Duration.between(carrierLost, deleted).toNanos() / 1_000;
        String neighbors = n1.cli("show", "neighbors").out();
        System.out.printf("uplink carrier lost: %s deleted from node1's kernel %.1f ms after %s lost its carrier"
                + " (ip monitor's timestamps)%n%s%n", cidr2, goneMicros / 1000.0, node1Side, neighbors);
        assertThat(goneMicros).as("routes gone by fast fallover, not by the hold timer").isLessThan(FAST.toNanos() / 1_000);
        assertThat(neighbors).contains("PATH_DOWN: interface ").contains("(fast external fallover)");

        long up = System.nanoTime();
        t.torNode().exec("ip", "link", "set", "dev", routerSide, "up").orThrow();
        Await.until("node1's session back", SETTLE, () -> t.tor().state(n1.config().address()) == SessionState.ESTABLISHED,
                () -> n1.cli("show", "neighbors").out());
        Await.until("node1's kernel to get " + cidr2 + " back", SETTLE, () -> n1.kernelHasRoute(cidr2), n1::kernelRoutes);
        System.out.println("uplink back: session Established and " + cidr2 + " in node1's kernel "
                + (System.nanoTime() - up) / 1_000_000 + " ms after 'ip link set up'");
        assertThat(PodTraffic.ping(pods.pod1(), pods.pod2(), 3).ok()).as("pods reach each other again").isTrue();
    }
}
