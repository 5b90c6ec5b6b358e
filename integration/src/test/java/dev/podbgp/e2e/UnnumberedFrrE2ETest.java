package dev.podbgp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podbgp.demo.DemoNode;
import dev.podbgp.demo.Pod;
import dev.podbgp.demo.PodTraffic;
import dev.podbgp.demo.UnnumberedTopology;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.Lab;
import dev.podbgp.lab.LabExtension;
import dev.podbgp.lab.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * BGP unnumbered against FRR 8.4 (docs/unnumbered.md): links with no IPv4 address, FRR's
 * {@code neighbor IFNAME interface remote-as external}, podbgp's {@code peers[].interface}. Each side
 * finds the other's link-local address from router advertisements; IPv4 routes travel with IPv6
 * next hops (RFC 8950) and are installed as {@code via inet6 fe80::... dev IFNAME}.
 */
@ExtendWith(LabExtension.class)
class UnnumberedFrrE2ETest {
    private static final Duration SETTLE = Duration.ofSeconds(45);

    @Test
    void podbgpConnects_bothLearnEachOthersIpv4RoutesOverLinkLocalNextHops(Lab lab) {
        peersOverTheLinkLocalAddresses(UnnumberedTopology.build(lab, 1, true));
    }

    @Test
    void podbgpPassive_acceptsFrrFromTheLinkLocalItHeard(Lab lab) {
        UnnumberedTopology t = UnnumberedTopology.build(lab, 1, false);
        peersOverTheLinkLocalAddresses(t);
        // podbgp never connected: the session is FRR's connection to our port 179.
        assertThat(t.tor().neighbor(t.torInterface(0)).path("portForeign").asInt()).isEqualTo(179);
    }

    @Test
    void podsOnTwoNodes_pingEachOther_acrossARouterWithNoIpv4OnItsLinks(Lab lab) throws Exception {
        UnnumberedTopology t = UnnumberedTopology.build(lab, 2, true);
        DemoNode n1 = t.nodes().get(0);
        DemoNode n2 = t.nodes().get(1);
        n1.startPodbgp();
        n2.startPodbgp();
        Pod p1 = n1.addPod();
        Pod p2 = n2.addPod();
        Prefix cidr1 = n1.config().podCidrs().getFirst();
        Prefix cidr2 = n2.config().podCidrs().getFirst();
        awaitKernelRoute(n1, cidr2);
        awaitKernelRoute(n2, cidr1);
        assertThat(n1.kernelRoutes()).contains(cidr2 + " via inet6 " + linkLocal(t.torNode(), t.torInterface(0)) + " dev eth0");
        assertThat(n2.kernelRoutes()).contains(cidr1 + " via inet6 " + linkLocal(t.torNode(), t.torInterface(1)) + " dev eth0");
        assertThat(PodTraffic.ping(p1, p2, 3).ok()).isTrue();
        PodTraffic.TcpExchange tcp = PodTraffic.tcp(p1, p2);
        assertThat(tcp.received()).contains(tcp.sent());
        assertThat(tcp.serverSaw()).isEqualTo(p1.address().toString());
    }

    private static void peersOverTheLinkLocalAddresses(UnnumberedTopology t) {
        DemoNode n1 = t.nodes().getFirst();
        String torIf = t.torInterface(0);
        assertThat(n1.node().exec("ip", "-4", "addr", "show", "dev", "eth0").orThrow()).as("IPv4 on node1's uplink").isBlank();
        assertThat(t.torNode().exec("ip", "-4", "addr", "show", "dev", torIf).orThrow()).as("IPv4 on the router's link").isBlank();
        n1.startPodbgp();
        Await.until("FRR's session on " + torIf + " to be established", SETTLE, () -> t.tor().state(torIf).equals("Established"),
                () -> t.tor().neighbor(torIf) + "\n" + n1.podbgp().map(p -> p.logTail(40)).orElse(""));
        String ours = linkLocal(n1.node(), "eth0");
        String theirs = linkLocal(t.torNode(), torIf);
        JsonNode neighbor = t.tor().neighbor(torIf);
        // FRR found us by the address our router advertisements came from and negotiated RFC 8950 both ways.
        assertThat(neighbor.path("hostname").asText("") + neighbor.path("bgpNeighborAddr").asText("")).contains(ours);
        assertThat(neighbor.path("neighborCapabilities").path("extendedNexthop").asText()).isEqualTo("advertisedAndReceived");

        Prefix cidr = n1.config().podCidrs().getFirst();
        Await.until("FRR's kernel to route " + cidr + " via our link-local", SETTLE,
                () -> t.torNode().exec("ip", "route", "show", cidr.toString()).orThrow().contains("via inet6 " + ours + " dev " + torIf),
                () -> t.tor().ipv4Route(cidr) + "\n" + t.torNode().exec("ip", "route").orThrow());
        assertThat(nextHops(t.tor().ipv4Route(cidr))).contains(ours);

        awaitKernelRoute(n1, UnnumberedTopology.TOR_PREFIX);
        assertThat(n1.kernelRoutes()).contains(UnnumberedTopology.TOR_PREFIX + " via inet6 " + theirs + " dev eth0");
    }

    private static List<String> nextHops(JsonNode route) {
        List<String> out = new ArrayList<>();
        for (JsonNode path : route.path("paths")) {
            path.path("nexthops").forEach(h -> out.add(h.path("ip").asText()));
        }
        return out;
    }

    /** The kernel's link-local address of {@code ifName} in {@code node}. */
    static String linkLocal(Node node, String ifName) {
        String out = node.exec("ip", "-6", "-o", "addr", "show", "dev", ifName, "scope", "link").orThrow();
        for (String word : out.split("\\s+")) {
            if (word.startsWith("fe80:")) {
                return word.substring(0, word.indexOf('/'));
            }
        }
        throw new AssertionError("no link-local address on " + ifName + " in " + node + ": " + out);
    }

    private static void awaitKernelRoute(DemoNode n, Prefix p) {
        Await.until(n.node().label() + "'s kernel to get " + p, SETTLE, () -> n.kernelHasRoute(p),
                () -> n.kernelRoutes() + n.podbgp().map(proc -> proc.logTail(40)).orElse(""));
    }
}
