package dev.podbgp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.daemon.cni.CniPairing;
import dev.podbgp.daemon.cni.TargetNamespace;
import dev.podbgp.demo.DemoNode;
import dev.podbgp.demo.DemoTopology;
import dev.podbgp.demo.Pod;
import dev.podbgp.demo.PodbgpCommand;
import dev.podbgp.demo.PodTraffic;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.Lab;
import dev.podbgp.lab.LabExtension;
import dev.podbgp.lab.LabProcess;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo's topology as a test: podbgp processes on two nodes behind an FRR top-of-rack router
 * are what makes pods on different nodes reach each other, and a clean stop takes it away again.
 */
@ExtendWith(LabExtension.class)
class PodToPodE2ETest {
    private static final Duration SETTLE = Duration.ofSeconds(30);

    @Test
    void podToPodAcrossNodes_failsBeforePodbgp_worksWithIt_routesLeaveTheKernelOnSigterm(Lab lab) throws Exception {
        DemoTopology t = DemoTopology.build(lab);
        DemoNode n1 = t.node1();
        DemoNode n2 = t.node2();
        Prefix cidr1 = n1.config().podCidrs().getFirst();
        Prefix cidr2 = n2.config().podCidrs().getFirst();
        // The node as podbgp's start leaves it (the same CniPairing call with the node's cni
        // settings), so the pods exist before any podbgp process runs.
        for (DemoNode n : t.nodes()) {
            new CniPairing(TargetNamespace.named(n.node().name()),
                    CniPairing.Settings.defaults().withConfDir(n.config().confDir()))
                    .apply(n.config().podCidrs(), n.config().clusterPodCidrs());
        }
        Pod p1 = n1.addPod();
        Pod p2 = n2.addPod();
        byte[] conflistBefore = Files.readAllBytes(n1.conflistFile());

        // before podbgp: the router knows no pod network, so the packets die there
        assertThat(t.torNode().exec("ip", "route", "show", "proto", "bgp").orThrow()).isBlank();
        assertThat(PodTraffic.ping(p1, p2, 1).ok()).isFalse();

        n1.startPodbgp();
        n2.startPodbgp();
        awaitKernelRoute(n1, cidr2);
        awaitKernelRoute(n2, cidr1);
        // podbgp found its own conflist already there, byte for byte: the pods use podbgp's file
        assertThat(Files.readAllBytes(n1.conflistFile())).isEqualTo(conflistBefore);
        assertThat(n1.kernelRoutes()).contains(cidr2 + " via " + n1.config().torAddress());
        assertThat(PodTraffic.ping(p1, p2, 3).ok()).isTrue();
        PodTraffic.TcpExchange tcp = PodTraffic.tcp(p1, p2);
        assertThat(tcp.received()).contains(tcp.sent());
        assertThat(tcp.serverSaw()).isEqualTo(p1.address().toString());

        // A second podbgp for node1 (a unit started twice, say) stops at the node's lock, before
        // its start-up reconcile could delete the routes the first one installed.
        String routesBefore = n1.kernelRoutes();
        LabProcess second = n1.node().start("podbgp-second", PodbgpCommand.run(n1.configFile()));
        Await.until("the second podbgp on node1 to give up", SETTLE, () -> !second.isAlive(), () -> second.logTail(20));
        assertThat(n1.kernelRoutes()).as("node1's routes after the second podbgp gave up").isEqualTo(routesBefore);
        assertThat(second.logTail(20)).contains("another podbgp daemon (pid " + n1.podbgp().orElseThrow().pid() + ")");
        assertThat(n1.podbgp().orElseThrow().isAlive()).isTrue();
        assertThat(PodTraffic.ping(p1, p2, 3).ok()).isTrue();

        // SIGTERM: Cease to the router, podbgp's routes out of node1's kernel, node1's pods
        // withdrawn everywhere
        n1.stopPodbgp();
        assertThat(n1.podbgp().orElseThrow().isAlive()).isFalse();
        assertThat(n1.kernelRoutes()).isBlank();
        // RFC 4486 Cease / Administrative Shutdown, with the RFC 8203 message
        Await.until("FRR to record node1's Cease", SETTLE,
                () -> t.tor().lastReset(n1.config().address()).errorCodeSubcode().equals("0602"),
                () -> t.tor().lastReset(n1.config().address()).toString());
        assertThat(t.tor().lastReset(n1.config().address()).shutdownMessage()).contains("podbgp stopping");
        Await.until("node2's kernel to lose " + cidr1, SETTLE, () -> !n2.kernelHasRoute(cidr1), n2::kernelRoutes);
        assertThat(PodTraffic.ping(p1, p2, 1).ok()).isFalse();
    }

    private static void awaitKernelRoute(DemoNode n, Prefix p) {
        Await.until(n.node().label() + "'s kernel to get " + p, SETTLE, () -> n.kernelHasRoute(p),
                () -> n.kernelRoutes() + n.podbgp().map(proc -> proc.logTail(30)).orElse(""));
    }
}
