package dev.podbgp.interop;

import static dev.podbgp.inet.AddressFamily.IPV4;
import static dev.podbgp.inet.AddressFamily.IPV6;
import static dev.podbgp.interop.Interop.BOTH;
import static dev.podbgp.interop.Interop.ROUTE;
import static dev.podbgp.interop.Interop.UP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.Communities;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.Lab;
import dev.podbgp.lab.LabExtension;
import dev.podbgp.lab.Link;
import dev.podbgp.lab.Node;
import dev.podbgp.lab.gobgp.GobgpPeer;
import dev.podbgp.lab.peer.Community;
import dev.podbgp.lab.peer.Neighbor;
import dev.podbgp.lab.peer.PeerConfig;
import dev.podbgp.lab.peer.Route;
import dev.podbgp.lab.peer.RouteAttributes;
import dev.podbgp.lab.podbgp.OriginatedRoute;
import dev.podbgp.lab.podbgp.PodbgpNode;
import dev.podbgp.lab.podbgp.ReceivedRoute;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** podbgp against GoBGP 3.10 in network namespaces. */
@ExtendWith(LabExtension.class)
class GobgpInteropTest {

    private static final long POD_AS = 4200000001L;
    private static final long GOBGP_AS = 65010;
    private static final Prefix OURS4 = Prefix.parse("10.240.1.0/24");
    private static final Prefix OURS6 = Prefix.parse("fd00:10:240:1::/64");
    private static final Prefix THEIRS4 = Prefix.parse("10.250.0.0/24");
    private static final Prefix THEIRS6 = Prefix.parse("fd00:250::/64");

    /** podbgp and GoBGP on one link; the session runs over {@code transport}. */
    private record Pair(PodbgpNode podbgp, GobgpPeer gobgp, Link link, IpAddress pod, IpAddress peer) {
        IpAddress pod4() {
            return link.address(podbgp.node(), IPV4);
        }

        IpAddress pod6() {
            return link.address(podbgp.node(), IPV6);
        }

        IpAddress gobgp4() {
            return link.address(gobgp.node(), IPV4);
        }

        IpAddress gobgp6() {
            return link.address(gobgp.node(), IPV6);
        }
    }

    private static Pair start(Lab lab, dev.podbgp.inet.AddressFamily transport, long podAs, long gobgpAs) {
        Node pod = lab.node("pod");
        Node g = lab.node("gobgp");
        Link link = lab.link(pod, g);
        IpAddress podAddr = link.address(pod, transport);
        IpAddress gAddr = link.address(g, transport);
        IpAddress g4 = link.address(g, IPV4);
        IpAddress g6 = link.address(g, IPV6);
        // Explicit next hops: over a session of the other family, "self" would be the wrong family.
        GobgpPeer gobgp = GobgpPeer.start(g, PeerConfig.of(g4.toString(), gobgpAs)
                .neighbor(Neighbor.of(gAddr, podAddr, podAs).families(IPV4, IPV6))
                .route(Route.of(THEIRS4.toString()).nextHop(g4.toString()).med(20).communities("65010:1"))
                .route(Route.of(THEIRS6.toString()).nextHop(g6.toString())));
        PodbgpNode podbgp = Interop.podbgp(pod, podAddr);
        podbgp.announce(OriginatedRoute.of(OURS4.toString()).med(5).communities("65000:100"));
        podbgp.announce(OriginatedRoute.of(OURS6.toString()));
        Interop.peer(podbgp, podAddr, gAddr, Interop.session(podAs, gobgpAs, "192.0.2.1"),
                link.address(pod, IPV4), link.address(pod, IPV6));
        podbgp.awaitEstablished(gAddr, UP);
        gobgp.awaitEstablished(UP);
        return new Pair(podbgp, gobgp, link, podAddr, gAddr);
    }

    @Test
    void ebgpOverIpv4WithFourOctetAsCarriesBothFamiliesBothWays(Lab lab) {
        Pair p = start(lab, IPV4, POD_AS, GOBGP_AS);
        assertThat(p.podbgp().peer(p.peer()).negotiated().orElseThrow().families()).isEqualTo(BOTH);

        // GoBGP learns ours with the attributes we sent.
        RouteAttributes v4 = p.gobgp().awaitRoute(OURS4, ROUTE);
        assertThat(v4).isEqualTo(new RouteAttributes(p.pod4(), List.of(POD_AS), List.of(new Community(65000, 100)),
                OptionalLong.of(5), OptionalLong.empty()));
        RouteAttributes v6 = p.gobgp().awaitRoute(OURS6, ROUTE);
        assertThat(v6.nextHop()).isEqualTo(p.pod6());
        assertThat(v6.asPath()).containsExactly(POD_AS);

        // We learn GoBGP's.
        p.podbgp().awaitRoute(p.peer(), THEIRS4, ROUTE);
        p.podbgp().awaitRoute(p.peer(), THEIRS6, ROUTE);
        ReceivedRoute got = p.podbgp().receivedFrom(p.peer()).get(THEIRS4);
        assertThat(got.nextHop()).isEqualTo(p.gobgp4());
        assertThat(got.attributes().asPath()).isEqualTo(AsPath.ofSequence(GOBGP_AS));
        assertThat(got.attributes().med().value()).isEqualTo(20);
        assertThat(got.attributes().communities().values()).containsExactly(Communities.community(65010, 1));
        ReceivedRoute got6 = p.podbgp().receivedFrom(p.peer()).get(THEIRS6);
        assertThat(got6.nextHop()).isEqualTo(p.gobgp6());
        assertThat(got6.attributes().asPath()).isEqualTo(AsPath.ofSequence(GOBGP_AS));

        // End-of-RIB both ways, both families.
        p.podbgp().await(() -> p.podbgp().endOfRibFrom(p.peer()).containsAll(BOTH), ROUTE, "End-of-RIB from GoBGP");
        p.podbgp().await(() -> p.gobgp().endOfRibReceived(p.pod()).equals(EnumSet.of(IPV4, IPV6)), ROUTE,
                "GoBGP receiving our End-of-RIB for both families");

        // Withdrawals both ways.
        p.podbgp().withdraw(OURS4);
        p.gobgp().awaitNoRoute(OURS4, ROUTE);
        p.gobgp().withdraw(THEIRS4);
        p.podbgp().awaitNoRoute(p.peer(), THEIRS4, ROUTE);
        p.podbgp().withdraw(OURS6);
        p.gobgp().awaitNoRoute(OURS6, ROUTE);
        p.gobgp().withdraw(THEIRS6);
        p.podbgp().awaitNoRoute(p.peer(), THEIRS6, ROUTE);
        Interop.assertNeverReset(p.podbgp(), p.peer());
    }

    @Test
    void ibgpOverIpv6TransportCarriesBothFamiliesBothWays(Lab lab) {
        Pair p = start(lab, IPV6, 65000, 65000);
        assertThat(p.podbgp().peer(p.peer()).negotiated().orElseThrow().families()).isEqualTo(BOTH);

        // iBGP (RFC 4271 §5.1): empty AS path, LOCAL_PREF, our next hop kept.
        RouteAttributes v4 = p.gobgp().awaitRoute(OURS4, ROUTE);
        assertThat(v4).isEqualTo(new RouteAttributes(p.pod4(), List.of(), List.of(new Community(65000, 100)),
                OptionalLong.of(5), OptionalLong.of(100)));
        RouteAttributes v6 = p.gobgp().awaitRoute(OURS6, ROUTE);
        assertThat(v6.nextHop()).isEqualTo(p.pod6());
        assertThat(v6.asPath()).isEmpty();

        p.podbgp().awaitRoute(p.peer(), THEIRS4, ROUTE);
        p.podbgp().awaitRoute(p.peer(), THEIRS6, ROUTE);
        ReceivedRoute got = p.podbgp().receivedFrom(p.peer()).get(THEIRS4);
        assertThat(got.nextHop()).isEqualTo(p.gobgp4());
        assertThat(got.attributes().asPath()).isEqualTo(AsPath.EMPTY);
        assertThat(got.attributes().localPref().value()).isEqualTo(100);
        assertThat(got.attributes().med().value()).isEqualTo(20);
        assertThat(p.podbgp().receivedFrom(p.peer()).get(THEIRS6).nextHop()).isEqualTo(p.gobgp6());

        p.podbgp().await(() -> p.podbgp().endOfRibFrom(p.peer()).containsAll(BOTH), ROUTE, "End-of-RIB from GoBGP");
        p.podbgp().await(() -> p.gobgp().endOfRibReceived(p.pod()).equals(EnumSet.of(IPV4, IPV6)), ROUTE,
                "GoBGP receiving our End-of-RIB for both families");

        p.podbgp().withdraw(OURS6);
        p.gobgp().awaitNoRoute(OURS6, ROUTE);
        p.gobgp().withdraw(THEIRS6);
        p.podbgp().awaitNoRoute(p.peer(), THEIRS6, ROUTE);
        Interop.assertNeverReset(p.podbgp(), p.peer());
    }

    @Test
    void rfc2918_ourRouteRefreshMakesGobgpResendItsRoutesWithoutResettingTheSession(Lab lab) {
        Pair p = start(lab, IPV4, POD_AS, GOBGP_AS);
        p.podbgp().awaitRoute(p.peer(), THEIRS4, ROUTE);
        p.podbgp().awaitRoute(p.peer(), THEIRS6, ROUTE);
        p.gobgp().awaitRoute(OURS4, ROUTE);

        // We ask: GoBGP sends its routes of that family again.
        for (Prefix prefix : List.of(THEIRS4, THEIRS6)) {
            int before = p.podbgp().announcementsOf(p.peer(), prefix);
            p.podbgp().peer(p.peer()).requestRefresh(prefix.family() == IPV4 ? Family.IPV4_UNICAST : Family.IPV6_UNICAST);
            p.podbgp().await(() -> p.podbgp().announcementsOf(p.peer(), prefix) > before, ROUTE,
                    prefix + " announced again after our route refresh");
        }

        // GoBGP cannot ask us: `gobgp neighbor X softresetin` re-runs import policy over its own
        // Adj-RIB-In and sends no ROUTE-REFRESH (GoBGP 3 softResetIn). ExabgpInteropTest covers that way.
        assertThat(p.podbgp().state(p.peer())).isEqualTo(dev.podbgp.bgp.session.SessionState.ESTABLISHED);
        Interop.assertNeverReset(p.podbgp(), p.peer());
    }

    @Test
    void rfc4271_s6_5_frozenGobgpIsDroppedWithHoldTimerExpiredAndComesBackByItself(Lab lab) {
        Pair p = start(lab, IPV4, POD_AS, GOBGP_AS);
        p.podbgp().awaitRoute(p.peer(), THEIRS4, ROUTE);

        long frozenAt = System.nanoTime();
        p.gobgp().freeze();
        p.podbgp().await(() -> !Interop.resets(p.podbgp(), p.peer()).isEmpty(), Duration.ofSeconds(Interop.HOLD + 2),
                "podbgp dropping the frozen GoBGP");
        long tookMs = (System.nanoTime() - frozenAt) / 1_000_000;
        Interop.assertHoldTimerExpired(p.podbgp(), p.peer());
        // Negotiated hold time is GoBGP's 3 s (the smaller one); never later than our own 9 s.
        assertThat(tookMs).isBetween(2_000L, Interop.HOLD * 1_000L);
        assertThat(p.podbgp().receivedFrom(p.peer())).isEmpty();

        p.gobgp().thaw();
        p.podbgp().awaitEstablished(p.peer(), UP);
        p.gobgp().awaitEstablished(UP);
        p.podbgp().awaitRoute(p.peer(), THEIRS4, ROUTE);
        p.gobgp().awaitRoute(OURS4, ROUTE);
    }
}
