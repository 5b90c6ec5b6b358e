package dev.podbgp.interop;

import static dev.podbgp.inet.AddressFamily.IPV4;
import static dev.podbgp.inet.AddressFamily.IPV6;
import static dev.podbgp.interop.Interop.BOTH;
import static dev.podbgp.interop.Interop.ROUTE;
import static dev.podbgp.interop.Interop.UP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podbgp.bgp.session.SessionConfig;
import dev.podbgp.bgp.session.SessionState;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.Communities;
import dev.podbgp.bgp.wire.capability.EnhancedRouteRefresh;
import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.Lab;
import dev.podbgp.lab.LabExtension;
import dev.podbgp.lab.Link;
import dev.podbgp.lab.Node;
import dev.podbgp.lab.exabgp.ExabgpPeer;
import dev.podbgp.lab.peer.Community;
import dev.podbgp.lab.peer.Neighbor;
import dev.podbgp.lab.peer.PeerConfig;
import dev.podbgp.lab.peer.Route;
import dev.podbgp.lab.peer.RouteAttributes;
import dev.podbgp.lab.podbgp.OriginatedRoute;
import dev.podbgp.lab.podbgp.PodbgpNode;
import dev.podbgp.lab.podbgp.ReceivedRoute;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** podbgp against ExaBGP 4.2.21 in network namespaces; ExaBGP's JSON API is the read-back. */
@ExtendWith(LabExtension.class)
class ExabgpInteropTest {

    private static final long POD_AS = 4200000001L;
    private static final long EXABGP_AS = 65020;
    private static final Prefix OURS4 = Prefix.parse("10.240.1.0/24");
    private static final Prefix OURS6 = Prefix.parse("fd00:10:240:1::/64");
    private static final Prefix THEIRS4 = Prefix.parse("10.250.0.0/24");
    private static final Prefix THEIRS6 = Prefix.parse("fd00:250::/64");

    private record Pair(PodbgpNode podbgp, ExabgpPeer exabgp, Link link, IpAddress pod, IpAddress peer) {
        IpAddress pod4() {
            return link.address(podbgp.node(), IPV4);
        }

        IpAddress pod6() {
            return link.address(podbgp.node(), IPV6);
        }

        IpAddress exabgp4() {
            return link.address(exabgp.node(), IPV4);
        }

        IpAddress exabgp6() {
            return link.address(exabgp.node(), IPV6);
        }
    }

    private static Pair start(Lab lab, AddressFamily transport, long podAs, long exabgpAs) {
        return start(lab, transport, podAs, exabgpAs, Interop.session(podAs, exabgpAs, "192.0.2.1"));
    }

    private static Pair start(Lab lab, AddressFamily transport, long podAs, long exabgpAs, SessionConfig session) {
        Node pod = lab.node("pod");
        Node e = lab.node("exabgp");
        Link link = lab.link(pod, e);
        IpAddress podAddr = link.address(pod, transport);
        IpAddress eAddr = link.address(e, transport);
        IpAddress e4 = link.address(e, IPV4);
        IpAddress e6 = link.address(e, IPV6);
        // Explicit next hops: over a session of the other family, "self" would be the wrong family.
        ExabgpPeer exabgp = ExabgpPeer.start(e, PeerConfig.of(e4.toString(), exabgpAs)
                .neighbor(Neighbor.of(eAddr, podAddr, podAs).families(IPV4, IPV6))
                .route(Route.of(THEIRS4.toString()).nextHop(e4.toString()).med(20).communities("65020:1"))
                .route(Route.of(THEIRS6.toString()).nextHop(e6.toString())));
        PodbgpNode podbgp = Interop.podbgp(pod, podAddr);
        podbgp.announce(OriginatedRoute.of(OURS4.toString()).med(5).communities("65000:100"));
        podbgp.announce(OriginatedRoute.of(OURS6.toString()));
        Interop.peer(podbgp, podAddr, eAddr, session,
                link.address(pod, IPV4), link.address(pod, IPV6));
        podbgp.awaitEstablished(eAddr, UP);
        exabgp.awaitEstablished(UP);
        return new Pair(podbgp, exabgp, link, podAddr, eAddr);
    }

    /** The End-of-RIB markers ExaBGP received, as "afi safi" ({@code "message": {"eor": {...}}}). */
    private static Set<String> endOfRibAtExabgp(ExabgpPeer exabgp) {
        return exabgp.messages("update").stream().map(l -> l.path("neighbor").path("message").path("eor"))
                .filter(n -> !n.isMissingNode())
                .map(n -> n.path("afi").asText() + " " + n.path("safi").asText())
                .collect(Collectors.toSet());
    }

    /** How many UPDATEs ExaBGP received that announce {@code prefix}. */
    private static long announcementsAtExabgp(ExabgpPeer exabgp, Prefix prefix) {
        return exabgp.messages("update").stream()
                .map(l -> l.path("neighbor").path("message").path("update").path("announce"))
                .filter(a -> a.toString().contains("\"nlri\":\"" + prefix + "\""))
                .count();
    }

    @Test
    void ebgpOverIpv4WithFourOctetAsCarriesBothFamiliesBothWays(Lab lab) {
        Pair p = start(lab, IPV4, POD_AS, EXABGP_AS);
        assertThat(p.podbgp().peer(p.peer()).negotiated().orElseThrow().families()).isEqualTo(BOTH);
        // ExaBGP saw our 4-octet AS in the OPEN (RFC 6793: capability, AS_TRANS in the 2-octet field).
        JsonNode open = p.exabgp().messages("open").getLast().path("neighbor").path("open");
        assertThat(open.path("asn").asLong()).isEqualTo(23456);
        assertThat(open.path("capabilities").path("65").path("asn4").asLong()).isEqualTo(POD_AS);

        RouteAttributes v4 = p.exabgp().awaitRoute(OURS4, ROUTE);
        assertThat(v4).isEqualTo(new RouteAttributes(p.pod4(), List.of(POD_AS), List.of(new Community(65000, 100)),
                OptionalLong.of(5), OptionalLong.empty()));
        RouteAttributes v6 = p.exabgp().awaitRoute(OURS6, ROUTE);
        assertThat(v6.nextHop()).isEqualTo(p.pod6());
        assertThat(v6.asPath()).containsExactly(POD_AS);

        p.podbgp().awaitRoute(p.peer(), THEIRS4, ROUTE);
        p.podbgp().awaitRoute(p.peer(), THEIRS6, ROUTE);
        ReceivedRoute got = p.podbgp().receivedFrom(p.peer()).get(THEIRS4);
        assertThat(got.nextHop()).isEqualTo(p.exabgp4());
        assertThat(got.attributes().asPath()).isEqualTo(AsPath.ofSequence(EXABGP_AS));
        assertThat(got.attributes().med().value()).isEqualTo(20);
        assertThat(got.attributes().communities().values()).containsExactly(Communities.community(65020, 1));
        assertThat(p.podbgp().receivedFrom(p.peer()).get(THEIRS6).nextHop()).isEqualTo(p.exabgp6());

        p.podbgp().await(() -> p.podbgp().endOfRibFrom(p.peer()).containsAll(BOTH), ROUTE, "End-of-RIB from ExaBGP");
        p.podbgp().await(() -> endOfRibAtExabgp(p.exabgp()).equals(Set.of("ipv4 unicast", "ipv6 unicast")), ROUTE,
                "ExaBGP receiving our End-of-RIB for both families");

        p.podbgp().withdraw(OURS4);
        p.exabgp().awaitNoRoute(OURS4, ROUTE);
        p.exabgp().withdraw(THEIRS4);
        p.podbgp().awaitNoRoute(p.peer(), THEIRS4, ROUTE);
        p.podbgp().withdraw(OURS6);
        p.exabgp().awaitNoRoute(OURS6, ROUTE);
        p.exabgp().withdraw(THEIRS6);
        p.podbgp().awaitNoRoute(p.peer(), THEIRS6, ROUTE);
        Interop.assertNeverReset(p.podbgp(), p.peer());
    }

    @Test
    void ibgpOverIpv6TransportCarriesBothFamiliesBothWays(Lab lab) {
        Pair p = start(lab, IPV6, 65000, 65000);
        assertThat(p.podbgp().peer(p.peer()).negotiated().orElseThrow().families()).isEqualTo(BOTH);

        RouteAttributes v4 = p.exabgp().awaitRoute(OURS4, ROUTE);
        assertThat(v4).isEqualTo(new RouteAttributes(p.pod4(), List.of(), List.of(new Community(65000, 100)),
                OptionalLong.of(5), OptionalLong.of(100)));
        RouteAttributes v6 = p.exabgp().awaitRoute(OURS6, ROUTE);
        assertThat(v6.nextHop()).isEqualTo(p.pod6());
        assertThat(v6.asPath()).isEmpty();

        p.podbgp().awaitRoute(p.peer(), THEIRS4, ROUTE);
        p.podbgp().awaitRoute(p.peer(), THEIRS6, ROUTE);
        ReceivedRoute got = p.podbgp().receivedFrom(p.peer()).get(THEIRS4);
        assertThat(got.nextHop()).isEqualTo(p.exabgp4());
        assertThat(got.attributes().asPath()).isEqualTo(AsPath.EMPTY);
        assertThat(got.attributes().localPref().value()).isEqualTo(100);
        assertThat(p.podbgp().receivedFrom(p.peer()).get(THEIRS6).nextHop()).isEqualTo(p.exabgp6());

        p.podbgp().await(() -> p.podbgp().endOfRibFrom(p.peer()).containsAll(BOTH), ROUTE, "End-of-RIB from ExaBGP");
        p.podbgp().await(() -> endOfRibAtExabgp(p.exabgp()).equals(Set.of("ipv4 unicast", "ipv6 unicast")), ROUTE,
                "ExaBGP receiving our End-of-RIB for both families");

        p.podbgp().withdraw(OURS6);
        p.exabgp().awaitNoRoute(OURS6, ROUTE);
        p.exabgp().withdraw(THEIRS6);
        p.podbgp().awaitNoRoute(p.peer(), THEIRS6, ROUTE);
        Interop.assertNeverReset(p.podbgp(), p.peer());
    }

    /**
     * ExaBGP 4.2.21 drops the session when it answers a refresh on a session with enhanced route
     * refresh (RFC 7313) negotiated: its peer loop fails with "Broken TCP connection" right after
     * the request. So podbgp asks over a session where it advertises plain route refresh only.
     */
    @Test
    void rfc2918_ourRouteRefreshMakesExabgpResendItsRoutesWithoutResettingTheSession(Lab lab) {
        SessionConfig plain = Interop.session(POD_AS, EXABGP_AS, "192.0.2.1");
        plain = plain.withCapabilities(plain.capabilities().stream().filter(c -> !(c instanceof EnhancedRouteRefresh)).toList(),
                List.of());
        Pair p = start(lab, IPV4, POD_AS, EXABGP_AS, plain);
        p.podbgp().awaitRoute(p.peer(), THEIRS4, ROUTE);
        p.podbgp().awaitRoute(p.peer(), THEIRS6, ROUTE);

        for (Prefix prefix : List.of(THEIRS4, THEIRS6)) {
            int before = p.podbgp().announcementsOf(p.peer(), prefix);
            p.podbgp().peer(p.peer()).requestRefresh(prefix.family() == IPV4 ? Family.IPV4_UNICAST : Family.IPV6_UNICAST);
            p.podbgp().await(() -> p.podbgp().announcementsOf(p.peer(), prefix) > before, ROUTE,
                    prefix + " announced again after our route refresh");
        }
        assertThat(p.exabgp().messages("refresh")).extracting(ExabgpInteropTest::refreshAtExabgp)
                .containsExactly("ipv4 unicast query", "ipv6 unicast query");

        assertThat(p.podbgp().state(p.peer())).isEqualTo(SessionState.ESTABLISHED);
        Interop.assertNeverReset(p.podbgp(), p.peer());
    }

    /** RFC 7313 §4: ExaBGP asks; we answer with BoRR, our routes of that family, EoRR. */
    @Test
    void rfc7313_s4_exabgpsRefreshIsAnsweredBetweenBorrAndEorrWithoutResettingTheSession(Lab lab) {
        Pair p = start(lab, IPV4, POD_AS, EXABGP_AS);
        p.exabgp().awaitRoute(OURS4, ROUTE);
        p.exabgp().awaitRoute(OURS6, ROUTE);
        assertThat(p.podbgp().peer(p.peer()).negotiated().orElseThrow().enhancedRouteRefresh()).isTrue();

        for (Prefix prefix : List.of(OURS4, OURS6)) {
            Family family = prefix.family() == IPV4 ? Family.IPV4_UNICAST : Family.IPV6_UNICAST;
            int seen = p.exabgp().messages("refresh").size();
            long before = announcementsAtExabgp(p.exabgp(), prefix);
            assertThat(p.exabgp().send("announce route-refresh " + family)).isEqualTo("done");
            p.podbgp().await(() -> p.podbgp().refreshRequestsFrom(p.peer()).contains(family), ROUTE,
                    "ExaBGP's route refresh for " + family);
            p.podbgp().await(() -> announcementsAtExabgp(p.exabgp(), prefix) > before
                    && p.exabgp().messages("refresh").size() >= seen + 2, ROUTE, "ExaBGP receiving " + prefix + " again");
            List<JsonNode> markers = p.exabgp().messages("refresh").subList(seen, seen + 2);
            assertThat(markers).extracting(ExabgpInteropTest::refreshAtExabgp)
                    .containsExactly(family + " begin", family + " end");
            // The re-announcement lies between the two markers (ExaBGP numbers its API lines).
            long begin = markers.get(0).path("counter").asLong();
            long end = markers.get(1).path("counter").asLong();
            assertThat(p.exabgp().messages("update").stream()
                    .filter(l -> l.path("counter").asLong() > begin && l.path("counter").asLong() < end)
                    .map(l -> l.path("neighbor").path("message").path("update").path("announce").toString()))
                    .anyMatch(a -> a.contains("\"nlri\":\"" + prefix + "\""));
        }

        assertThat(p.exabgp().state(p.pod())).isEqualTo(dev.podbgp.lab.peer.SessionState.ESTABLISHED);
        Interop.assertNeverReset(p.podbgp(), p.peer());
    }

    private static String refreshAtExabgp(JsonNode line) {
        JsonNode r = line.path("neighbor").path("route-refresh");
        return r.path("afi").asText() + " " + r.path("safi").asText() + " " + r.path("subtype").asText();
    }

    @Test
    void rfc4271_s6_5_frozenExabgpIsDroppedWithHoldTimerExpiredAndComesBackByItself(Lab lab) {
        Pair p = start(lab, IPV4, POD_AS, EXABGP_AS);
        p.podbgp().awaitRoute(p.peer(), THEIRS4, ROUTE);

        long frozenAt = System.nanoTime();
        p.exabgp().freeze();
        p.podbgp().await(() -> !Interop.resets(p.podbgp(), p.peer()).isEmpty(), Duration.ofSeconds(Interop.HOLD + 2),
                "podbgp dropping the frozen ExaBGP");
        long tookMs = (System.nanoTime() - frozenAt) / 1_000_000;
        Interop.assertHoldTimerExpired(p.podbgp(), p.peer());
        // Negotiated hold time is ExaBGP's 3 s (the smaller one); never later than our own 9 s.
        assertThat(tookMs).isBetween(2_000L, Interop.HOLD * 1_000L);
        assertThat(p.podbgp().receivedFrom(p.peer())).isEmpty();

        p.exabgp().thaw();
        p.podbgp().awaitEstablished(p.peer(), UP);
        p.exabgp().awaitEstablished(UP);
        p.podbgp().awaitRoute(p.peer(), THEIRS4, ROUTE);
    }
}
