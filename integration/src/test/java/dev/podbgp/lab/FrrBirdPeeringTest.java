package dev.podbgp.lab;

import static dev.podbgp.inet.AddressFamily.IPV4;
import static dev.podbgp.inet.AddressFamily.IPV6;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.bird.BirdPeer;
import dev.podbgp.lab.frr.FrrNeighborReset;
import dev.podbgp.lab.frr.FrrPeer;
import dev.podbgp.lab.peer.Community;
import dev.podbgp.lab.peer.Neighbor;
import dev.podbgp.lab.peer.PeerConfig;
import dev.podbgp.lab.peer.Route;
import dev.podbgp.lab.peer.RouteAttributes;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * FRR and BIRD peer with each other over eBGP (one IPv4 session with MD5, one IPv6 session),
 * proving both fixtures before podbgp sits on either side.
 */
@ExtendWith(LabExtension.class)
class FrrBirdPeeringTest {
    private static final Duration UP = Duration.ofSeconds(30);
    private static final Duration ROUTE = Duration.ofSeconds(15);

    private record Pair(FrrPeer frr, BirdPeer bird, Link link) {
        IpAddress frr4() {
            return link.address(frr.node(), IPV4);
        }

        IpAddress bird4() {
            return link.address(bird.node(), IPV4);
        }

        IpAddress frr6() {
            return link.address(frr.node(), IPV6);
        }

        IpAddress bird6() {
            return link.address(bird.node(), IPV6);
        }
    }

    private static Pair start(Lab lab, List<Route> frrRoutes, List<Route> birdRoutes) {
        Node a = lab.node("frr");
        Node b = lab.node("bird");
        Link l = lab.link(a, b);
        IpAddress a4 = l.address(a, IPV4);
        IpAddress b4 = l.address(b, IPV4);
        IpAddress a6 = l.address(a, IPV6);
        IpAddress b6 = l.address(b, IPV6);
        PeerConfig frrConfig = PeerConfig.of(a4.toString(), 65001)
                .neighbor(Neighbor.of(a4, b4, 65002).password("lab-md5-secret"))
                .neighbor(Neighbor.of(a6, b6, 65002));
        PeerConfig birdConfig = PeerConfig.of(b4.toString(), 65002)
                .neighbor(Neighbor.of(b4, a4, 65001).password("lab-md5-secret"))
                .neighbor(Neighbor.of(b6, a6, 65001));
        for (Route r : frrRoutes) {
            frrConfig = frrConfig.route(r);
        }
        for (Route r : birdRoutes) {
            birdConfig = birdConfig.route(r);
        }
        BirdPeer bird = BirdPeer.start(b, birdConfig);
        FrrPeer frr = FrrPeer.start(a, frrConfig);
        frr.awaitEstablished(UP);
        bird.awaitEstablished(UP);
        return new Pair(frr, bird, l);
    }

    @Test
    void ipv4WithMd5AndIpv6SessionsCarryRoutesBothWaysWithTheirAttributes(Lab lab) {
        Pair p = start(lab,
                List.of(Route.of("10.1.0.0/24").med(7).communities("65001:7").asPath(65100),
                        Route.of("2001:db8:1::/48").communities("65001:6")),
                List.of(Route.of("10.2.0.0/24").med(9).communities("65002:9", "65002:10").asPath(65200, 65201),
                        Route.of("2001:db8:2::/48").med(3)));

        RouteAttributes atBird = p.bird().awaitRoute(Prefix.parse("10.1.0.0/24"), ROUTE);
        assertThat(atBird).isEqualTo(new RouteAttributes(p.frr4(), List.of(65001L, 65100L),
                List.of(new Community(65001, 7)), OptionalLong.of(7), OptionalLong.of(100)));
        RouteAttributes atFrr = p.frr().awaitRoute(Prefix.parse("10.2.0.0/24"), ROUTE);
        // eBGP: FRR shows no LOCAL_PREF for a route that came without one (RFC 4271 §5.1.5).
        assertThat(atFrr).isEqualTo(new RouteAttributes(p.bird4(), List.of(65002L, 65200L, 65201L),
                List.of(new Community(65002, 9), new Community(65002, 10)), OptionalLong.of(9), OptionalLong.empty()));

        RouteAttributes v6AtBird = p.bird().awaitRoute(Prefix.parse("2001:db8:1::/48"), ROUTE);
        assertThat(v6AtBird.nextHop()).isEqualTo(p.frr6());
        assertThat(v6AtBird.asPath()).containsExactly(65001L);
        assertThat(v6AtBird.communities()).containsExactly(new Community(65001, 6));
        RouteAttributes v6AtFrr = p.frr().awaitRoute(Prefix.parse("2001:db8:2::/48"), ROUTE);
        assertThat(v6AtFrr.nextHop()).isEqualTo(p.bird6());
        assertThat(v6AtFrr.med()).hasValue(3);

        assertThat(p.frr().prefixesReceived(p.bird4())).isEqualTo(1);
        assertThat(p.frr().prefixesAdvertised(p.bird4())).isEqualTo(2);
    }

    @Test
    void routesAnnouncedAndWithdrawnAtRunTimeFollowOnTheOtherSide(Lab lab) {
        Pair p = start(lab, List.of(), List.of());
        p.frr().announce(Route.of("10.11.0.0/24").med(11));
        p.bird().announce(Route.of("10.12.0.0/24").communities("65002:12"));
        assertThat(p.bird().awaitRoute(Prefix.parse("10.11.0.0/24"), ROUTE).med()).hasValue(11);
        assertThat(p.frr().awaitRoute(Prefix.parse("10.12.0.0/24"), ROUTE).communities())
                .containsExactly(new Community(65002, 12));

        p.frr().withdraw(Prefix.parse("10.11.0.0/24"));
        p.bird().withdraw(Prefix.parse("10.12.0.0/24"));
        p.bird().awaitNoRoute(Prefix.parse("10.11.0.0/24"), ROUTE);
        p.frr().awaitNoRoute(Prefix.parse("10.12.0.0/24"), ROUTE);
    }

    @Test
    void frozenBirdIsDroppedByFrrAfterTheHoldTime(Lab lab) {
        Pair p = start(lab, List.of(), List.of(Route.of("10.2.0.0/24")));
        p.frr().awaitRoute(Prefix.parse("10.2.0.0/24"), ROUTE);
        long frozenAt = System.nanoTime();
        p.bird().freeze();
        // Hold time 3 s (RFC 4271 §6.5): FRR must drop the session and its routes, well before 10 s.
        p.frr().awaitNotEstablished(p.bird4(), Duration.ofSeconds(10));
        long millis = (System.nanoTime() - frozenAt) / 1_000_000;
        assertThat(millis).isGreaterThanOrEqualTo(2_000);
        p.frr().awaitNoRoute(Prefix.parse("10.2.0.0/24"), ROUTE);
        FrrNeighborReset reset = p.frr().lastReset(p.bird4());
        assertThat(reset.errorCodeSubcode()).isEqualTo("0400");

        p.bird().thaw();
        p.frr().awaitState(p.bird4(), dev.podbgp.lab.peer.SessionState.ESTABLISHED, UP);
        p.frr().awaitRoute(Prefix.parse("10.2.0.0/24"), ROUTE);
    }

    @Test
    void rfc8203_shutdownMessageFromBirdIsReadBackFromFrr(Lab lab) {
        Pair p = start(lab, List.of(), List.of());
        p.bird().disable(p.frr4(), "lab maintenance 42");
        p.frr().awaitNotEstablished(p.bird4(), Duration.ofSeconds(10));
        FrrNeighborReset reset = p.frr().lastReset(p.bird4());
        assertThat(reset.errorCodeSubcode()).isEqualTo("0602");
        assertThat(reset.shutdownMessage()).isEqualTo("lab maintenance 42");
        assertThat(reset.dueTo()).isEqualTo("BGP Notification received");
    }
}
