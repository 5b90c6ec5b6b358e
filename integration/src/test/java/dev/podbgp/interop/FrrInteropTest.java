package dev.podbgp.interop;

import static dev.podbgp.inet.AddressFamily.IPV4;
import static dev.podbgp.inet.AddressFamily.IPV6;
import static dev.podbgp.interop.PodbgpPair.AS4;
import static dev.podbgp.interop.PodbgpPair.OUR_V4;
import static dev.podbgp.interop.PodbgpPair.OUR_V6;
import static dev.podbgp.interop.PodbgpPair.PEER_V4;
import static dev.podbgp.interop.PodbgpPair.PEER_V6;
import static dev.podbgp.interop.PodbgpPair.REFUSED;
import static dev.podbgp.interop.PodbgpPair.ROUTE;
import static dev.podbgp.interop.PodbgpPair.UP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podbgp.bgp.session.DownReason;
import dev.podbgp.bgp.session.SessionReport;
import dev.podbgp.bgp.session.SessionState;
import dev.podbgp.bgp.transport.TtlPolicy;
import dev.podbgp.bgp.transport.BgpPeer;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.Lab;
import dev.podbgp.lab.LabExtension;
import dev.podbgp.lab.frr.FrrNeighborReset;
import dev.podbgp.lab.frr.FrrPeer;
import dev.podbgp.lab.peer.Neighbor;
import dev.podbgp.lab.peer.PeerConfig;
import dev.podbgp.lab.podbgp.PodbgpNode;
import java.time.Duration;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** podbgp against FRR 8.4 in network namespaces. FRR is AS 65010 unless a test says otherwise. */
@ExtendWith(LabExtension.class)
class FrrInteropTest {

    static final long FRR_AS = 65010;

    /** FRR peering with podbgp over {@code transport}, both families, routes {@link PodbgpPair#PEER_V4}/{@code _V6}. */
    private static FrrPeer startFrr(PodbgpPair pair, AddressFamily transport, long frrAs, long podAs,
                                    UnaryOperator<Neighbor> tweak) {
        IpAddress local = pair.peerAddress(transport);
        return FrrPeer.start(pair.peer(), PeerConfig.of(pair.peerAddress(IPV4).toString(), frrAs)
                .neighbor(tweak.apply(Neighbor.of(local, pair.podAddress(transport), podAs).families(IPV4, IPV6)))
                .route(PEER_V4).route(PEER_V6));
    }

    private static PodbgpNode startPodbgp(PodbgpPair pair, AddressFamily transport) {
        PodbgpNode podbgp = pair.startPodbgp(transport);
        podbgp.announce(OUR_V4);
        podbgp.announce(OUR_V6);
        return podbgp;
    }

    @Test
    void ebgpOverIpv4WithFourOctetAsCarriesBothFamiliesBothWays(Lab lab) {
        PodbgpPair pair = PodbgpPair.create(lab, "frr");
        IpAddress frr4 = pair.peerAddress(IPV4);
        FrrPeer frr = startFrr(pair, IPV4, FRR_AS, AS4, n -> n);
        PodbgpNode podbgp = startPodbgp(pair, IPV4);
        pair.addPeer(podbgp, IPV4, AS4, FRR_AS, c -> c);

        podbgp.awaitEstablished(frr4, UP);
        frr.awaitEstablished(UP);
        assertThat(podbgp.peer(frr4).negotiated().orElseThrow().families()).containsExactlyInAnyOrderElementsOf(PodbgpPair.BOTH);
        assertThat(podbgp.peer(frr4).negotiated().orElseThrow().peerAs()).isEqualTo(FRR_AS);
        assertThat(frr.neighborJson(pair.podAddress(IPV4)).path("remoteAs").asLong()).isEqualTo(AS4);
        awaitFrrEndOfRib(frr, pair.podAddress(IPV4));
        pair.assertExchange(frr, podbgp, frr4, AS4, FRR_AS);
    }

    @Test
    void ibgpOverIpv6TransportWithFourOctetAsCarriesBothFamiliesBothWays(Lab lab) {
        PodbgpPair pair = PodbgpPair.create(lab, "frr");
        IpAddress frr6 = pair.peerAddress(IPV6);
        FrrPeer frr = startFrr(pair, IPV6, AS4, AS4, n -> n);
        PodbgpNode podbgp = startPodbgp(pair, IPV6);
        pair.addPeer(podbgp, IPV6, AS4, AS4, c -> c);

        podbgp.awaitEstablished(frr6, UP);
        frr.awaitEstablished(UP);
        assertThat(podbgp.peer(frr6).negotiated().orElseThrow().families()).containsExactlyInAnyOrderElementsOf(PodbgpPair.BOTH);
        awaitFrrEndOfRib(frr, pair.podAddress(IPV6));
        pair.assertExchange(frr, podbgp, frr6, AS4, AS4);
    }

    /** RFC 4724 §2: FRR saw our End-of-RIB for both families. */
    private static void awaitFrrEndOfRib(FrrPeer frr, IpAddress pod) {
        Await.until("FRR receiving End-of-RIB from podbgp for both families", ROUTE,
                () -> frr.endOfRibReceived(pod).containsAll(Set.of(IPV4, IPV6)),
                () -> frr.neighborJson(pod).path("gracefulRestartInfo").toString());
    }

    @Test
    void routeRefreshWorksBothWaysWithoutResettingTheSession(Lab lab) {
        PodbgpPair pair = PodbgpPair.create(lab, "frr");
        IpAddress frr4 = pair.peerAddress(IPV4);
        IpAddress pod4 = pair.podAddress(IPV4);
        FrrPeer frr = startFrr(pair, IPV4, FRR_AS, AS4, n -> n);
        PodbgpNode podbgp = startPodbgp(pair, IPV4);
        BgpPeer peer = pair.addPeer(podbgp, IPV4, AS4, FRR_AS, c -> c);
        podbgp.awaitRoute(frr4, PEER_V4.prefix(), ROUTE);
        podbgp.awaitRoute(frr4, PEER_V6.prefix(), ROUTE);
        frr.awaitRoute(OUR_V4.prefix(), ROUTE);
        frr.awaitRoute(OUR_V6.prefix(), ROUTE);

        // We ask (RFC 2918): FRR sends its table again.
        for (Family f : PodbgpPair.BOTH) {
            podbgp.forgetReceived(frr4);
            peer.requestRefresh(f);
            podbgp.awaitRoute(frr4, (f.equals(Family.IPV4_UNICAST) ? PEER_V4 : PEER_V6).prefix(), ROUTE);
        }
        assertThat(frr.neighborJson(pod4).path("messageStats").path("routeRefreshRecv").asInt()).isGreaterThanOrEqualTo(2);

        // FRR asks ("soft in" sends ROUTE-REFRESH): we answer with our routes again.
        JsonNode before = frr.neighborJson(pod4);
        int updatesBefore = before.path("messageStats").path("updatesRecv").asInt();
        frr.vtysh("clear bgp ipv4 unicast " + pod4 + " soft in", "clear bgp ipv6 unicast " + pod4 + " soft in");
        Await.until("FRR receiving our UPDATEs again after its route refresh", ROUTE,
                () -> frr.neighborJson(pod4).path("messageStats").path("updatesRecv").asInt() > updatesBefore,
                () -> frr.neighborJson(pod4).path("messageStats").toString());
        JsonNode after = frr.neighborJson(pod4);
        assertThat(after.path("messageStats").path("routeRefreshSent").asInt())
                .isGreaterThanOrEqualTo(before.path("messageStats").path("routeRefreshSent").asInt() + 2);
        assertThat(frr.receivedRoutes()).containsKeys(OUR_V4.prefix(), OUR_V6.prefix());

        // "soft out" is no message to us: FRR just sends its table again.
        podbgp.forgetReceived(frr4);
        frr.vtysh("clear bgp ipv4 unicast " + pod4 + " soft out", "clear bgp ipv6 unicast " + pod4 + " soft out");
        podbgp.awaitRoute(frr4, PEER_V4.prefix(), ROUTE);
        podbgp.awaitRoute(frr4, PEER_V6.prefix(), ROUTE);
        assertThat(frr.neighborJson(pod4).path("connectionsEstablished").asInt()).isEqualTo(1);
        assertThat(podbgp.downs()).isEmpty();
        assertThat(podbgp.state(frr4)).isEqualTo(SessionState.ESTABLISHED);
    }

    @Test
    void md5WithTheSamePasswordComesUp(Lab lab) {
        PodbgpPair pair = PodbgpPair.create(lab, "frr");
        IpAddress frr4 = pair.peerAddress(IPV4);
        FrrPeer frr = startFrr(pair, IPV4, FRR_AS, AS4, n -> n.password("pbt-md5-secret"));
        PodbgpNode podbgp = startPodbgp(pair, IPV4);
        pair.addPeer(podbgp, IPV4, AS4, FRR_AS, c -> c.withMd5Password("pbt-md5-secret"));

        podbgp.awaitEstablished(frr4, UP);
        frr.awaitEstablished(UP);
        frr.awaitRoute(OUR_V4.prefix(), ROUTE);
    }

    @Test
    void md5WithAnotherPasswordNeverComesUp(Lab lab) {
        PodbgpPair pair = PodbgpPair.create(lab, "frr");
        IpAddress frr4 = pair.peerAddress(IPV4);
        IpAddress pod4 = pair.podAddress(IPV4);
        FrrPeer frr = startFrr(pair, IPV4, FRR_AS, AS4, n -> n.password("pbt-md5-secret"));
        PodbgpNode podbgp = startPodbgp(pair, IPV4);
        pair.addPeer(podbgp, IPV4, AS4, FRR_AS, c -> c.withMd5Password("pbt-md5-other"));

        // RFC 2385 §2.0: segments with a wrong digest are dropped, so no connection is ever made.
        PodbgpPair.assertNever("a session with mismatched MD5 passwords reached Established", REFUSED,
                () -> podbgp.state(frr4).compareTo(SessionState.OPEN_SENT) >= 0
                        || frr.state(pod4) == dev.podbgp.lab.peer.SessionState.ESTABLISHED,
                () -> podbgp.describe() + frr.logs());
        // Not even TCP got through: no attempt of ours ever left Connect/Active with a connection.
        assertThat(podbgp.downs()).allSatisfy(d -> assertThat(d.from().hasConnection()).isFalse());
        JsonNode opens = frr.neighborJson(pod4).path("messageStats").path("opensRecv");
        assertThat(opens.isInt()).as("FRR counts OPENs received").isTrue();
        assertThat(opens.asInt()).isZero();
    }

    @Test
    void rfc5082_gtsmOnBothSidesComesUp(Lab lab) {
        PodbgpPair pair = PodbgpPair.create(lab, "frr");
        IpAddress frr4 = pair.peerAddress(IPV4);
        IpAddress pod4 = pair.podAddress(IPV4);
        FrrPeer frr = startFrr(pair, IPV4, FRR_AS, AS4, n -> n);
        // FRR then sends with TTL 255 and drops anything that arrives below 255.
        frr.vtysh("configure terminal", "router bgp " + FRR_AS, "neighbor " + pod4 + " ttl-security hops 1");
        PodbgpNode podbgp = startPodbgp(pair, IPV4);
        pair.addPeer(podbgp, IPV4, AS4, FRR_AS, c -> c.withTtl(TtlPolicy.gtsm(1)));
        podbgp.awaitEstablished(frr4, UP);
        frr.awaitRoute(OUR_V4.prefix(), ROUTE);
    }

    @Test
    void rfc5082_gtsmDropsAPeerWhosePacketsArriveBelowTtl255(Lab lab) {
        PodbgpPair pair = PodbgpPair.create(lab, "frr");
        IpAddress frr4 = pair.peerAddress(IPV4);
        IpAddress pod4 = pair.podAddress(IPV4);
        // Plain eBGP: FRR sends with TTL 1, which our minimum TTL of 255 refuses in the kernel.
        FrrPeer frr = startFrr(pair, IPV4, FRR_AS, AS4, n -> n);
        PodbgpNode podbgp = startPodbgp(pair, IPV4);
        pair.addPeer(podbgp, IPV4, AS4, FRR_AS, c -> c.withTtl(TtlPolicy.gtsm(1)));
        PodbgpPair.assertNever("a session reached OpenConfirm although FRR's packets arrive with TTL 1", REFUSED,
                () -> podbgp.state(frr4).compareTo(SessionState.OPEN_CONFIRM) >= 0
                        || frr.state(pod4) == dev.podbgp.lab.peer.SessionState.ESTABLISHED,
                () -> podbgp.describe() + frr.logs());
    }

    @Test
    void frozenPeerIsDroppedByTheHoldTimerAndComesBackAfterThaw(Lab lab) {
        PodbgpPair pair = PodbgpPair.create(lab, "frr");
        IpAddress frr4 = pair.peerAddress(IPV4);
        FrrPeer frr = startFrr(pair, IPV4, FRR_AS, AS4, n -> n);
        PodbgpNode podbgp = startPodbgp(pair, IPV4);
        pair.addPeer(podbgp, IPV4, AS4, FRR_AS, c -> c);
        podbgp.awaitEstablished(frr4, UP);
        frr.awaitRoute(OUR_V4.prefix(), ROUTE);
        PodbgpPair.assertHoldTimerDropAndRecovery(podbgp, frr, frr4);
    }

    @Test
    void administrativeShutdownMessageReachesFrr(Lab lab) {
        PodbgpPair pair = PodbgpPair.create(lab, "frr");
        IpAddress frr4 = pair.peerAddress(IPV4);
        IpAddress pod4 = pair.podAddress(IPV4);
        FrrPeer frr = startFrr(pair, IPV4, FRR_AS, AS4, n -> n);
        PodbgpNode podbgp = startPodbgp(pair, IPV4);
        BgpPeer peer = pair.addPeer(podbgp, IPV4, AS4, FRR_AS, c -> c);
        podbgp.awaitEstablished(frr4, UP);
        frr.awaitEstablished(UP);

        String message = "podbgp interop: node drained for maintenance";
        peer.stop(message);
        frr.awaitNotEstablished(pod4, ROUTE);
        Await.until("FRR recording our shutdown communication", ROUTE,
                () -> frr.lastReset(pod4).shutdownMessage().equals(message), () -> frr.lastReset(pod4).toString());
        FrrNeighborReset reset = frr.lastReset(pod4);
        // RFC 9003: Cease (6) / Administrative Shutdown (2) carrying the message.
        assertThat(reset.errorCodeSubcode()).isEqualTo("0602");
        assertThat(reset.notificationReason()).contains("Administrative Shutdown");
        SessionReport.SessionDown down = PodbgpPair.awaitDown(podbgp, 0, ROUTE);
        assertThat(down.reason()).isEqualTo(DownReason.ADMIN_STOP);
        // Stopped means stopped: FRR keeps dialling, we keep refusing.
        PodbgpPair.assertNever("the stopped session came back", Duration.ofSeconds(3),
                () -> podbgp.state(frr4) != SessionState.IDLE
                        || frr.state(pod4) == dev.podbgp.lab.peer.SessionState.ESTABLISHED,
                () -> podbgp.describe() + frr.logs());
    }
}
