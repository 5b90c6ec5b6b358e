package dev.podbgp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.demo.DemoNode;
import dev.podbgp.demo.DemoTopology;
import dev.podbgp.demo.Pod;
import dev.podbgp.demo.PodTraffic;
import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.Lab;
import dev.podbgp.lab.LabExtension;
import dev.podbgp.lab.Link;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15, end to end: two dual-stack nodes behind the FRR router, each with one IPv4 session carrying both
 * families. The router learns each node's IPv6 podCIDR with the node's global and link-local next hops and
 * passes it on with its own, so pods on the two nodes reach each other over IPv4 and over IPv6.
 */
@ExtendWith(LabExtension.class)
class DualStackPodToPodE2ETest {
    private static final Duration SETTLE = Duration.ofSeconds(45);

    @Test
    void podsOnTwoDualStackNodesPingEachOtherOverIpv4AndIpv6(Lab lab) {
        DemoTopology t = DemoTopology.buildDualStack(lab);
        DemoNode n1 = t.node1();
        DemoNode n2 = t.node2();
        n1.startPodbgp();
        n2.startPodbgp();
        for (DemoNode from : t.nodes()) {
            DemoNode to = from == n1 ? n2 : n1;
            for (Prefix p : to.config().podCidrs()) {
                Await.until(from.node().label() + "'s kernel to get " + p, SETTLE, () -> from.kernelHasRoute(p),
                        () -> from.kernelRoutes() + from.kernelRoutes6()
                                + from.podbgp().map(proc -> proc.logTail(30)).orElse(""));
            }
        }
        // The router forwards to each node's IPv6 podCIDR over what the node sent: its own addresses on the link.
        String torRoutes6 = t.torNode().exec("ip", "-6", "route", "show", "proto", "bgp").orThrow();
        assertThat(torRoutes6).contains("fd00:10:240:1::/64").contains("fd00:10:240:2::/64");
        // The router sent its global and link-local next hops; the link-local one is installed on the uplink (RFC 2545).
        Link up2 = t.uplink(n2);
        assertThat(n2.kernelRoutes6()).contains("fd00:10:240:1::/64 via "
                + DualStackNextHopE2ETest.linkLocal(t.torNode(), up2.aInterface()) + " dev " + up2.bInterface());

        Pod p1 = n1.addPod();
        Pod p2 = n2.addPod();
        assertThat(p1.address(AddressFamily.IPV6).toString()).startsWith("fd00:10:240:1::");
        PodTraffic.PingResult v4 = PodTraffic.ping(p1, p2, AddressFamily.IPV4, 3);
        assertThat(v4.ok()).as(v4.output()).isTrue();
        // A pod's first IPv6 packets may wait for neighbour discovery on each hop: a few tries, not a timing.
        Await.until("pod " + p1 + " to reach " + p2 + " over IPv6", SETTLE,
                () -> PodTraffic.ping(p1, p2, AddressFamily.IPV6, 1).ok(),
                () -> PodTraffic.ping(p1, p2, AddressFamily.IPV6, 1).output() + "\n" + torRoutes6);
        PodTraffic.PingResult v6 = PodTraffic.ping(p2, p1, AddressFamily.IPV6, 3);
        assertThat(v6.ok()).as(v6.output()).isTrue();
    }
}
