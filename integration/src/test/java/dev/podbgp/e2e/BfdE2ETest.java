package dev.podbgp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podbgp.demo.DemoNode;
import dev.podbgp.demo.DemoTopology;
import dev.podbgp.demo.Pod;
import dev.podbgp.demo.PodTraffic;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.Json;
import dev.podbgp.lab.Lab;
import dev.podbgp.lab.LabExtension;
import dev.podbgp.lab.LabProcess;
import dev.podbgp.lab.peer.SessionState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * BFD against FRR's bfdd (issue 14): the router runs BFD at 300 ms × 3 with both nodes, the nodes ask for the same.
 * Sessions come up with the intervals agreed, stay up under CPU load, and when the router freezes (bgpd, bfdd and
 * zebra stopped with SIGSTOP: a hung or dead router, which the BGP hold timer would take seconds to notice) node1
 * drops the router's routes from its kernel on BFD's word, long before the hold timer.
 */
@ExtendWith(LabExtension.class)
class BfdE2ETest {

    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final int INTERVAL_MS = 300;
    private static final int MULTIPLIER = 3;
    /** How long BFD runs idle under load before the freeze; {@code -Dpodbgp.bfd.soakSeconds=600} for the soak. */
    private static final Duration SOAK = Duration.ofSeconds(Long.getLong("podbgp.bfd.soakSeconds", 20));

    @Test
    void frrBfdd_upWithAgreedIntervals_noFlapUnderLoad_andAFrozenRoutersRoutesGoOnBfdsWord(Lab lab) throws Exception {
        DemoTopology t = DemoTopology.build(lab, c -> c.withBfd(INTERVAL_MS, INTERVAL_MS, MULTIPLIER));
        for (DemoNode n : t.nodes()) {
            n.node().exec("ip", "route", "del", "default").orThrow();
            n.writeConfig(n.config().withTorBfd(INTERVAL_MS, INTERVAL_MS, MULTIPLIER));
            n.startPodbgp();
        }
        t.tor().awaitEstablished(SETTLE);
        DemoNode n1 = t.node1();
        Prefix cidr2 = t.node2().config().podCidrs().getFirst();
        for (DemoNode n : t.nodes()) {
            Await.until("BFD Up between the router and " + n.config().name(), SETTLE,
                    () -> t.tor().bfdPeer(n.config().address()).path("status").asText().equals("up")
                            && n.cli("show", "neighbors").out().contains(" Up "),
                    () -> t.tor().bfdPeer(n.config().address()) + "\n" + n.cli("show", "neighbors").out());
            JsonNode frr = t.tor().bfdPeer(n.config().address());
            // What the router heard from podbgp: our Desired Min TX, Required Min RX and Detect Mult (RFC 5880 §4.1).
            assertThat(frr.path("remote-transmit-interval").asInt()).as(frr.toString()).isEqualTo(INTERVAL_MS);
            assertThat(frr.path("remote-receive-interval").asInt()).as(frr.toString()).isEqualTo(INTERVAL_MS);
            assertThat(frr.path("remote-detect-multiplier").asInt()).as(frr.toString()).isEqualTo(MULTIPLIER);
        }
        Await.until("node1's kernel to get " + cidr2, SETTLE, () -> n1.kernelHasRoute(cidr2), n1::kernelRoutes);
        Pod p1 = n1.addPod();
        Pod p2 = t.node2().addPod();
        Await.until("pods to reach each other", SETTLE, () -> PodTraffic.ping(p1, p2, 1).ok(), () -> "");

        // Idle BFD while both cores are busy in every namespace of the lab, and pods ping across.
        List<LabProcess> burners = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            burners.add(n1.node().start("burn-" + i, List.of("sh", "-c", "while :; do :; done")));
        }
        // Pings 200 ms apart over four fifths of the soak: under load ping paces itself late.
        var ping = PodTraffic.pingWhile(p1, p2, (int) (SOAK.toMillis() * 4 / 5 / 200), Duration.ofMillis(200));
        Thread.sleep(SOAK.toMillis());
        burners.forEach(LabProcess::kill);
        var count = ping.get(SOAK.toSeconds() * 6 / 5 + 30, java.util.concurrent.TimeUnit.SECONDS);
        for (DemoNode n : t.nodes()) {
            JsonNode tor = Json.parse(n.cli("show", "neighbors", "-o", "json").out()).path(0);
            assertThat(tor.path("bfd").asText()).as(n.config().name() + ": " + tor).isEqualTo("Up");
            assertThat(tor.path("bfdFlaps").asLong()).as("BFD flaps at " + n.config().name() + " in " + SOAK.toSeconds()
                    + " s under load: " + tor).isZero();
        }
        System.out.println("BFD idle " + SOAK.toSeconds() + " s with two CPU burners on node1: no flap on either node;"
                + " pings lost " + count.lost() + " of " + count.transmitted());

        LabProcess monitor = n1.node().start("ip-monitor", List.of("ip", "-ts", "monitor", "route"));
        Thread.sleep(300);
        Instant frozen = Instant.now();
        t.tor().freeze();
        try {
            Await.until("node1's kernel to drop " + cidr2, SETTLE, () -> !n1.kernelHasRoute(cidr2), n1::kernelRoutes);
            Thread.sleep(100);
            String events = monitor.logTail(200);
            monitor.stop();
            Instant deleted = KernelEvents.stamp(events, "Deleted " + Pattern.quote(cidr2.toString()) + " ");
            String neighbors = n1.cli("show", "neighbors").out();
            System.out.printf("router frozen: %s deleted from node1's kernel %d ms after SIGSTOP (BFD %d ms x %d)%n%s%n",
                    cidr2, Duration.between(frozen, deleted).toMillis(), INTERVAL_MS, MULTIPLIER, neighbors);
            assertThat(neighbors).as("the session ended on BFD's word, not the hold timer's")
                    .contains("PATH_DOWN 6/10: BFD down: control detection time expired");
        } finally {
            t.tor().thaw();
        }
        Await.until("node1's session back", SETTLE, () -> t.tor().state(n1.config().address()) == SessionState.ESTABLISHED,
                () -> n1.cli("show", "neighbors").out());
        Await.until("BFD Up again and the route back", SETTLE,
                () -> n1.cli("show", "neighbors").out().contains(" Up ") && n1.kernelHasRoute(cidr2),
                () -> n1.cli("show", "neighbors").out() + n1.kernelRoutes());
        assertThat(PodTraffic.ping(p1, p2, 3).ok()).as("pods reach each other again").isTrue();
    }

    /** RFC 5882 §3: BFD is advisory. A router that runs no BFD still peers; the node's BFD session just stays Down. */
    @Test
    void aRouterWithoutBfd_stillPeersAndRoutes_andTheBfdSessionStaysDown(Lab lab) throws Exception {
        DemoTopology t = DemoTopology.build(lab);
        DemoNode n1 = t.node1();
        n1.writeConfig(n1.config().withTorBfd(INTERVAL_MS, INTERVAL_MS, MULTIPLIER));
        for (DemoNode n : t.nodes()) {
            n.startPodbgp();
        }
        t.tor().awaitEstablished(SETTLE);
        Prefix cidr2 = t.node2().config().podCidrs().getFirst();
        Await.until("node1's kernel to get " + cidr2, SETTLE, () -> n1.kernelHasRoute(cidr2), n1::kernelRoutes);
        JsonNode tor = Json.parse(n1.cli("show", "neighbors", "-o", "json").out()).path(0);
        assertThat(tor.path("state").asText()).isEqualTo("Established");
        assertThat(tor.path("bfd").asText()).isEqualTo("Down");
        assertThat(tor.path("bfdFlaps").asLong()).isZero();
    }
}
