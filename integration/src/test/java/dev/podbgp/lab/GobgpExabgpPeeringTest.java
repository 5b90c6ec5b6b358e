package dev.podbgp.lab;

import static dev.podbgp.inet.AddressFamily.IPV4;
import static dev.podbgp.inet.AddressFamily.IPV6;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.exabgp.ExabgpPeer;
import dev.podbgp.lab.gobgp.GobgpPeer;
import dev.podbgp.lab.peer.Community;
import dev.podbgp.lab.peer.Neighbor;
import dev.podbgp.lab.peer.PeerConfig;
import dev.podbgp.lab.peer.Route;
import dev.podbgp.lab.peer.RouteAttributes;
import dev.podbgp.lab.peer.SessionState;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GoBGP and ExaBGP over one eBGP session (IPv4 transport, IPv4 and IPv6 unicast, MD5). */
@ExtendWith(LabExtension.class)
class GobgpExabgpPeeringTest {
    private static final Duration UP = Duration.ofSeconds(30);
    private static final Duration ROUTE = Duration.ofSeconds(15);

    private record Pair(GobgpPeer gobgp, ExabgpPeer exabgp, Link link) {
        IpAddress gobgp4() {
            return link.address(gobgp.node(), IPV4);
        }

        IpAddress exabgp4() {
            return link.address(exabgp.node(), IPV4);
        }
    }

    private static Pair start(Lab lab, List<Route> gobgpRoutes, List<Route> exabgpRoutes) {
        Node g = lab.node("gobgp");
        Node e = lab.node("exabgp");
        Link l = lab.link(g, e);
        IpAddress g4 = l.address(g, IPV4);
        IpAddress e4 = l.address(e, IPV4);
        PeerConfig gc = PeerConfig.of(g4.toString(), 65010)
                .neighbor(Neighbor.of(g4, e4, 65020).password("gx-secret").families(IPV4, IPV6));
        PeerConfig ec = PeerConfig.of(e4.toString(), 65020)
                .neighbor(Neighbor.of(e4, g4, 65010).password("gx-secret").families(IPV4, IPV6));
        for (Route r : gobgpRoutes) {
            gc = gc.route(r);
        }
        for (Route r : exabgpRoutes) {
            ec = ec.route(r);
        }
        GobgpPeer gobgp = GobgpPeer.start(g, gc);
        ExabgpPeer exabgp = ExabgpPeer.start(e, ec);
        gobgp.awaitEstablished(UP);
        exabgp.awaitEstablished(UP);
        return new Pair(gobgp, exabgp, l);
    }

    @Test
    void routesFlowBothWaysWithAttributesOverOneMultiprotocolSession(Lab lab) {
        Pair p = start(lab,
                List.of(Route.of("10.10.0.0/24").med(5).communities("65010:5").asPath(65099),
                        Route.of("2001:db8:10::/48").communities("65010:6")),
                List.of(Route.of("10.20.0.0/24").med(9).communities("65020:9").asPath(65098, 65097),
                        Route.of("2001:db8:20::/48").nextHop("fd00:77:1::2")));

        RouteAttributes atExabgp = p.exabgp().awaitRoute(Prefix.parse("10.10.0.0/24"), ROUTE);
        // eBGP: GoBGP strips LOCAL_PREF and puts its own AS first.
        assertThat(atExabgp).isEqualTo(new RouteAttributes(p.gobgp4(), List.of(65010L, 65099L),
                List.of(new Community(65010, 5)), OptionalLong.of(5), OptionalLong.empty()));
        RouteAttributes atGobgp = p.gobgp().awaitRoute(Prefix.parse("10.20.0.0/24"), ROUTE);
        assertThat(atGobgp).isEqualTo(new RouteAttributes(p.exabgp4(), List.of(65020L, 65098L, 65097L),
                List.of(new Community(65020, 9)), OptionalLong.of(9), OptionalLong.empty()));

        RouteAttributes v6AtGobgp = p.gobgp().awaitRoute(Prefix.parse("2001:db8:20::/48"), ROUTE);
        assertThat(v6AtGobgp.nextHop()).isEqualTo(IpAddress.parse("fd00:77:1::2"));
        assertThat(v6AtGobgp.asPath()).containsExactly(65020L);
        RouteAttributes v6AtExabgp = p.exabgp().awaitRoute(Prefix.parse("2001:db8:10::/48"), ROUTE);
        assertThat(v6AtExabgp.communities()).containsExactly(new Community(65010, 6));

        // ExaBGP's API also saw GoBGP's OPEN: the read-back carries more than routes.
        List<JsonNode> opens = p.exabgp().messages("open");
        assertThat(opens).isNotEmpty();
        assertThat(opens.getLast().path("neighbor").path("open").path("asn").asLong()).isEqualTo(65010);
    }

    @Test
    void routesAddedAndDeletedAtRunTimeFollowOnTheOtherSide(Lab lab) {
        Pair p = start(lab, List.of(), List.of());
        p.gobgp().announce(Route.of("10.30.0.0/24").localPref(300).med(1));
        p.exabgp().announce(Route.of("10.40.0.0/24").communities("65020:40"));
        assertThat(p.exabgp().awaitRoute(Prefix.parse("10.30.0.0/24"), ROUTE).med()).hasValue(1);
        assertThat(p.gobgp().awaitRoute(Prefix.parse("10.40.0.0/24"), ROUTE).communities())
                .containsExactly(new Community(65020, 40));
        p.gobgp().withdraw(Prefix.parse("10.30.0.0/24"));
        p.exabgp().withdraw(Prefix.parse("10.40.0.0/24"));
        p.exabgp().awaitNoRoute(Prefix.parse("10.30.0.0/24"), ROUTE);
        p.gobgp().awaitNoRoute(Prefix.parse("10.40.0.0/24"), ROUTE);
    }

    @Test
    void frozenExabgpIsDroppedByGobgpAfterTheHoldTime(Lab lab) {
        Pair p = start(lab, List.of(), List.of(Route.of("10.20.0.0/24")));
        p.gobgp().awaitRoute(Prefix.parse("10.20.0.0/24"), ROUTE);
        long frozenAt = System.nanoTime();
        p.exabgp().freeze();
        p.gobgp().awaitNotEstablished(p.exabgp4(), Duration.ofSeconds(10));
        assertThat((System.nanoTime() - frozenAt) / 1_000_000).isGreaterThanOrEqualTo(2_000);
        p.gobgp().awaitNoRoute(Prefix.parse("10.20.0.0/24"), ROUTE);

        p.exabgp().thaw();
        p.gobgp().awaitState(p.exabgp4(), SessionState.ESTABLISHED, UP);
        p.gobgp().awaitRoute(Prefix.parse("10.20.0.0/24"), ROUTE);
    }
}
