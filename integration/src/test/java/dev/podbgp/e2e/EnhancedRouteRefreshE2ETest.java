package dev.podbgp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podbgp.bgp.session.SessionConfig;
import dev.podbgp.bgp.transport.PeerConfig;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.demo.DemoNode;
import dev.podbgp.demo.DemoTopology;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.Lab;
import dev.podbgp.lab.LabExtension;
import dev.podbgp.lab.frr.FrrPeer;
import dev.podbgp.lab.peer.SessionState;
import dev.podbgp.lab.podbgp.OriginatedRoute;
import dev.podbgp.lab.podbgp.PodbgpNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Enhanced route refresh (RFC 7313) between the podbgp daemon and its router, both ways: FRR's {@code clear bgp ...
 * soft in} is answered with a BoRR and an EoRR around our routes, and our {@code podbgp clear neighbor --soft in} is
 * answered by FRR the same way. What a peer leaves out of such an answer goes at the EoRR; FRR 8.4 withdraws what its
 * filter now drops inside the answer, before its EoRR, so the sweep itself is proven against a scripted peer that
 * simply leaves a prefix out, on the same daemon and the same kernel.
 */
@ExtendWith(LabExtension.class)
class EnhancedRouteRefreshE2ETest {
    private static final Duration SETTLE = Duration.ofSeconds(30);

    @Test
    void rfc7313_s4_frrSoftInIsAnsweredWithBorrAndEorr_andFrrKeepsOurRoutesFresh(Lab lab) {
        DemoTopology t = started(lab);
        DemoNode n1 = t.node1();
        FrrPeer tor = t.tor();
        IpAddress node1 = n1.config().address();
        Prefix pods = n1.config().podCidrs().getFirst();
        JsonNode before = tor.neighborJson(node1);

        tor.vtysh("clear bgp ipv4 unicast " + node1 + " soft in");

        // One ROUTE-REFRESH out; a BoRR and an EoRR back (FRR counts both subtypes as ROUTE-REFRESH received).
        Await.until("FRR receiving our BoRR and EoRR", SETTLE,
                () -> stats(tor, node1).path("routeRefreshRecv").asInt()
                        >= before.path("messageStats").path("routeRefreshRecv").asInt() + 2,
                () -> stats(tor, node1).toString());
        assertThat(stats(tor, node1).path("routeRefreshSent").asInt())
                .isEqualTo(before.path("messageStats").path("routeRefreshSent").asInt() + 1);
        // FRR marked our routes stale at the BoRR; the routes between the markers made them fresh again.
        Await.until("FRR holding " + pods + " from node1, not stale", SETTLE,
                () -> !isStaleAtFrr(tor, pods, node1), () -> tor.vtysh("show bgp ipv4 unicast " + pods + " json"));
        assertThat(tor.receivedRoutes()).containsKey(pods);
        assertNotReset(tor, node1, before);
    }

    @Test
    void rfc7313_s4_ourSoftInIsAnsweredByFrrWithBorrAndEorr_andWhatItsFilterNowDropsLeavesTheKernel(Lab lab) {
        DemoTopology t = started(lab);
        DemoNode n1 = t.node1();
        FrrPeer tor = t.tor();
        IpAddress node1 = n1.config().address();
        IpAddress torAddress = n1.config().torAddress();
        Prefix node2Pods = t.node2().config().podCidrs().getFirst();
        // delay-timer 0: FRR leaves a changed filter alone until asked, so only our refresh brings the change.
        tor.vtysh("configure terminal", "bgp route-map delay-timer 0",
                "ip prefix-list pbt-to-node1 seq 10 permit 0.0.0.0/0 le 32",
                "route-map pbt-to-node1 permit 10", "match ip address prefix-list pbt-to-node1", "exit",
                "router bgp " + DemoTopology.TOR_AS, "address-family ipv4 unicast",
                "neighbor " + node1 + " route-map pbt-to-node1 out");
        Await.until("node1 still learning " + node2Pods + " through the permitting filter", SETTLE,
                () -> n1.kernelHasRoute(node2Pods), n1::kernelRoutes);
        JsonNode before = tor.neighborJson(node1);
        // FRR 8.4 may apply a prefix-list change on its own despite the delay timer (two runs of the merged suite saw it
        // withdraw at once), so what is checked is the refresh exchange itself: our ROUTE-REFRESH, FRR's BoRR/EoRR
        // answer and the end of the refresh at node1, with the filtered prefix gone from its kernel afterwards.
        tor.vtysh("configure terminal", "ip prefix-list pbt-to-node1 seq 5 deny " + node2Pods);

        DemoNode.CliResult r = n1.cli("clear", "neighbor", torAddress.toString(), "--soft", "in");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("asked " + torAddress + " for its routes again");

        Await.until("node1's kernel losing " + node2Pods + ", which FRR no longer sends it", SETTLE,
                () -> !n1.kernelHasRoute(node2Pods), () -> n1.kernelRoutes() + logTail(n1));
        // Our ROUTE-REFRESH in, FRR's BoRR and EoRR out.
        JsonNode after = stats(tor, node1);
        assertThat(after.path("routeRefreshRecv").asInt())
                .isEqualTo(before.path("messageStats").path("routeRefreshRecv").asInt() + 1);
        Await.until("FRR sending its BoRR and EoRR", SETTLE,
                () -> stats(tor, node1).path("routeRefreshSent").asInt()
                        >= before.path("messageStats").path("routeRefreshSent").asInt() + 2,
                () -> stats(tor, node1).toString());
        Await.until("node1 logging the end of FRR's refresh", SETTLE,
                () -> !refreshEndedLine(n1, torAddress).isEmpty(), () -> logTail(n1));
        // FRR 8.4 withdraws what its filter now drops inside its answer, before its EoRR: nothing is left stale.
        assertThat(refreshEndedLine(n1, torAddress)).contains("stale-removed=0");
        assertNotReset(tor, node1, before);
    }

    @Test
    void rfc7313_s4_aPrefixThePeerLeavesOutOfItsRefreshIsRemovedAtTheEorr_fromTheRibAndTheKernel(Lab lab)
            throws Exception {
        DemoTopology t = DemoTopology.build(lab);
        // The router becomes a scripted speaker on the same address: it answers a refresh with BoRR, what it
        // originates now, EoRR, and sends no withdrawal for what it stopped originating.
        t.tor().stop();
        DemoNode n1 = t.node1();
        IpAddress node1 = n1.config().address();
        IpAddress torAddress = n1.config().torAddress();
        PodbgpNode router = PodbgpNode.start(t.torNode(), new InetSocketAddress(inet(torAddress), PeerConfig.BGP_PORT));
        SessionConfig session = SessionConfig.of(DemoTopology.TOR_AS, n1.config().asn(),
                Ipv4Address.parse(torAddress.toString()), Set.of(Family.IPV4_UNICAST)).withPassive(true);
        router.addPeer(PeerConfig.of(inet(node1), session).withLocalAddress(inet(torAddress)), torAddress, null);
        Prefix kept = Prefix.parse("10.240.2.0/24");
        Prefix dropped = Prefix.parse("10.240.3.0/24");
        router.announce(OriginatedRoute.of(kept.toString()));
        router.announce(OriginatedRoute.of(dropped.toString()));
        n1.startPodbgp();
        router.awaitEstablished(node1, SETTLE);
        Await.until("node1's kernel with both prefixes of the router", SETTLE,
                () -> n1.kernelHasRoute(kept) && n1.kernelHasRoute(dropped), n1::kernelRoutes);
        assertThat(router.peer(node1).negotiated().orElseThrow().enhancedRouteRefresh()).isTrue();

        router.forget(dropped);
        DemoNode.CliResult r = n1.cli("clear", "neighbor", torAddress.toString(), "--soft", "in");
        assertThat(r.exitCode()).as(r.err()).isZero();

        Await.until("node1 removing " + dropped + " at the router's EoRR", SETTLE,
                () -> !n1.kernelHasRoute(dropped), () -> n1.kernelRoutes() + logTail(n1));
        assertThat(router.refreshRequestsFrom(node1)).containsExactly(Family.IPV4_UNICAST);
        assertThat(n1.kernelHasRoute(kept)).as("the prefix the refresh sent again").isTrue();
        assertThat(refreshEndedLine(n1, torAddress)).as("the sweep at the EoRR, not a withdrawal").contains("stale-removed=1");
        assertThat(router.downsFrom(node1)).as("no reset").isEmpty();
    }

    private static JsonNode stats(FrrPeer tor, IpAddress neighbor) {
        return tor.neighborJson(neighbor).path("messageStats");
    }

    private static boolean isStaleAtFrr(FrrPeer tor, Prefix prefix, IpAddress from) {
        for (JsonNode path : dev.podbgp.lab.Json.parse(tor.vtysh("show bgp ipv4 unicast json")).path("routes")
                .path(prefix.toString())) {
            if (path.path("peerId").asText().equals(from.toString())) {
                return path.path("stale").asBoolean(false);
            }
        }
        return true;
    }

    private static void assertNotReset(FrrPeer tor, IpAddress neighbor, JsonNode before) {
        JsonNode now = tor.neighborJson(neighbor);
        assertThat(tor.state(neighbor)).isEqualTo(SessionState.ESTABLISHED);
        assertThat(now.path("connectionsEstablished").asLong(-1)).isEqualTo(before.path("connectionsEstablished").asLong(-2));
    }

    /** The daemon's last log line for the end of an enhanced refresh from {@code peer}, or "". */
    private static String refreshEndedLine(DemoNode n, IpAddress peer) {
        return logTail(n).lines().filter(l -> l.contains("event=refresh-ended") && l.contains("peer=" + peer))
                .reduce((first, second) -> second).orElse("");
    }

    private static String logTail(DemoNode n) {
        return n.podbgp().map(p -> p.logTail(200)).orElse("(not started)");
    }

    /** The demo topology with podbgp on both nodes and each node's pods in the other's kernel. */
    private static DemoTopology started(Lab lab) {
        DemoTopology t = DemoTopology.build(lab);
        t.nodes().forEach(DemoNode::startPodbgp);
        t.tor().awaitEstablished(SETTLE);
        for (DemoNode n : t.nodes()) {
            DemoNode other = n == t.node1() ? t.node2() : t.node1();
            Prefix p = other.config().podCidrs().getFirst();
            Await.until(n.node().label() + "'s kernel to get " + p, SETTLE, () -> n.kernelHasRoute(p), n::kernelRoutes);
        }
        return t;
    }

    private static InetAddress inet(IpAddress a) {
        try {
            return InetAddress.getByAddress(a.toBytes());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
