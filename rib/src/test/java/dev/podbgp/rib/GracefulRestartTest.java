package dev.podbgp.rib;

import static dev.podbgp.rib.Fixtures.LOCAL_AS;
import static dev.podbgp.rib.Fixtures.ebgp;
import static dev.podbgp.rib.Fixtures.ip;
import static dev.podbgp.rib.Fixtures.path;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.attr.Communities;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Ipv6Prefix;
import dev.podbgp.inet.Prefix;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The receiving side of graceful restart (RFC 4724 §4.2) and long-lived graceful restart (RFC 9494). */
class GracefulRestartTest {

    private static final Prefix A = Ipv4Prefix.parse("203.0.113.0/24");
    private static final Prefix B = Ipv4Prefix.parse("198.51.100.0/24");
    private static final Prefix C = Ipv4Prefix.parse("192.0.2.128/25");
    private static final Prefix V6 = Ipv6Prefix.parse("2001:db8:1::/48");
    private static final Duration RESTART = Duration.ofSeconds(120);
    private static final Set<Family> V4 = Set.of(Family.IPV4_UNICAST);

    private final PeerInfo tor1 = ebgp(1, "192.0.2.1", 64512, "10.0.0.1");
    private final PeerInfo tor2 = ebgp(2, "192.0.2.2", 64513, "10.0.0.2");
    private final List<LocRibChange> changes = new ArrayList<>();
    private final Rib rib = new Rib(Fixtures.ROUTER_ID, BestPathOptions.defaults(LOCAL_AS));

    GracefulRestartTest() {
        rib.addListener(changes::add);
        rib.addPeer(tor1, PeerImport.acceptAll(tor1, LOCAL_AS));
        rib.addPeer(tor2, PeerImport.acceptAll(tor2, LOCAL_AS));
        rib.announce(tor1, A, 0, path(64512).build(), ip("192.0.2.1"));
        rib.announce(tor1, B, 0, path(64512).build(), ip("192.0.2.1"));
        rib.announce(tor1, C, 0, path(64512).communities(Communities.NO_LLGR).build(), ip("192.0.2.1"));
        rib.announce(tor1, V6, 0, path(64512).build(), Ipv6Address.parse("2001:db8::1"));
        changes.clear();
    }

    @Test
    void rfc4724_s4_2_routesOfRetainedFamiliesStayMarkedStaleAndOthersGo() {
        rib.peerRestarting(tor1, V4, RESTART, Map.of());

        assertThat(changes).containsExactly(new LocRibChange.Withdrawn(V6));
        assertThat(rib.decision(A).best().peer()).isEqualTo(tor1);
        assertThat(rib.isStale(tor1, A, 0)).isTrue();
        assertThat(rib.importStats(tor1).stale()).isEqualTo(3);
        assertThat(rib.staleFamilies(tor1)).containsExactly(Family.IPV4_UNICAST);
    }

    @Test
    void rfc4724_s4_2_reAnnouncementClearsTheMarkAndEndOfRibSweepsTheRest() {
        rib.peerRestarting(tor1, V4, RESTART, Map.of());
        rib.peerUp(tor1, V4);
        changes.clear();
        rib.announce(tor1, A, 0, path(64512).build(), ip("192.0.2.1"));
        assertThat(changes).as("the same route again changes nothing").isEmpty();
        assertThat(rib.isStale(tor1, A, 0)).isFalse();

        rib.endOfRib(tor1, Family.IPV4_UNICAST);

        assertThat(changes).containsExactlyInAnyOrder(new LocRibChange.Withdrawn(B), new LocRibChange.Withdrawn(C));
        assertThat(rib.decision(A)).isNotNull();
        assertThat(rib.importStats(tor1).stale()).isZero();
        assertThat(rib.staleFamilies(tor1)).isEmpty();
    }

    @Test
    void rfc4724_s4_2_aFamilyWhoseForwardingStateTheNewOpenDoesNotPreserveIsSweptAtOnce() {
        rib.peerRestarting(tor1, Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST), RESTART, Map.of());
        rib.peerUp(tor1, V4);
        assertThat(changes).containsExactly(new LocRibChange.Withdrawn(V6));
        assertThat(rib.isStale(tor1, A, 0)).isTrue();
    }

    @Test
    void rfc4724_s4_2_restartTimerExpiryRemovesTheStaleRoutes() {
        rib.announce(tor2, A, 0, path(64513, 64600).build(), ip("192.0.2.2"));
        rib.peerRestarting(tor1, V4, RESTART, Map.of());
        changes.clear();

        rib.restartTimerExpired(tor1);

        assertThat(rib.decision(A).best().peer()).isEqualTo(tor2);
        assertThat(rib.decision(B)).isNull();
        assertThat(rib.routeCount(tor1)).isZero();
    }

    @Test
    void rfc9494_s4_2_restartExpiryWithALongLivedTimeMarksLlgrStaleAndDropsNoLlgrRoutes() {
        rib.peerRestarting(tor1, V4, RESTART, Map.of(Family.IPV4_UNICAST, Duration.ofHours(1)));

        rib.restartTimerExpired(tor1);

        Route a = rib.decision(A).best();
        assertThat(a.isLlgrStale()).isTrue();
        assertThat(rib.decision(C)).as("NO_LLGR").isNull();
        assertThat(rib.isStale(tor1, B, 0)).isTrue();
        assertThat(rib.decision(A).best().attributes())
                .as("interned: one attribute set for every LLGR-stale route with the same attributes")
                .isSameAs(rib.decision(B).best().attributes());

        rib.llgrTimerExpired(tor1, Family.IPV4_UNICAST);

        assertThat(rib.decision(A)).isNull();
        assertThat(rib.routeCount(tor1)).isZero();
    }

    @Test
    void rfc9494_s4_3_llgrStaleRoutesAreLeastPreferredWhileGrStaleOnesStillCompete() {
        rib.announce(tor2, A, 0, path(64513, 64600, 64601).build(), ip("192.0.2.2"));
        rib.peerRestarting(tor1, V4, RESTART, Map.of(Family.IPV4_UNICAST, Duration.ofHours(1)));
        assertThat(rib.decision(A).best().peer()).as("GR-stale: still the shorter path").isEqualTo(tor1);

        rib.restartTimerExpired(tor1);

        assertThat(rib.decision(A).best().peer()).isEqualTo(tor2);
        assertThat(rib.decision(A).decidedBy()).isEqualTo(BestPathStep.NOT_LLGR_STALE);
    }

    @Test
    void rfc9494_s4_2_zeroRestartTimeGoesStraightToTheLongLivedPhase() {
        rib.peerRestarting(tor1, Set.of(), Duration.ZERO, Map.of(Family.IPV4_UNICAST, Duration.ofMinutes(10)));
        assertThat(rib.decision(A).best().isLlgrStale()).isTrue();
        assertThat(rib.decision(V6)).isNull();
        assertThat(rib.decision(C)).isNull();
    }

    @Test
    void rfc9494_sessionBackAndReAnnouncementClearsLlgrStaleAndEndOfRibSweeps() {
        rib.peerRestarting(tor1, V4, RESTART, Map.of(Family.IPV4_UNICAST, Duration.ofHours(1)));
        rib.restartTimerExpired(tor1);
        rib.peerUp(tor1, V4);
        changes.clear();

        rib.announce(tor1, A, 0, path(64512).build(), ip("192.0.2.1"));
        rib.endOfRib(tor1, Family.IPV4_UNICAST);

        assertThat(rib.decision(A).best().isLlgrStale()).isFalse();
        assertThat(rib.decision(B)).isNull();
        assertThat(changes).hasSize(2);
        rib.llgrTimerExpired(tor1, Family.IPV4_UNICAST);
        assertThat(rib.decision(A)).as("a late timer finds nothing stale").isNotNull();
    }

    @Test
    void peerDownDuringARestartRemovesEverything() {
        rib.peerRestarting(tor1, V4, RESTART, Map.of());
        rib.peerDown(tor1);
        assertThat(rib.routeCount(tor1)).isZero();
        assertThat(rib.importStats(tor1).stale()).isZero();
    }

    @Test
    void rfc7911_stalenessIsPerPathId() {
        rib.announce(tor2, A, 1, path(64513).build(), ip("192.0.2.2"));
        rib.announce(tor2, A, 2, path(64513, 1).build(), ip("192.0.2.22"));
        rib.peerRestarting(tor2, V4, RESTART, Map.of());
        rib.announce(tor2, A, 2, path(64513, 1).build(), ip("192.0.2.22"));
        rib.endOfRib(tor2, Family.IPV4_UNICAST);
        assertThat(rib.routes(A)).filteredOn(r -> r.peer().equals(tor2)).extracting(Route::pathId).containsExactly(2);
    }

    @Test
    void softReconfigurationKeepsTheLlgrStaleMarkWhenPolicyIsReapplied() {
        PeerInfo tor3 = ebgp(3, "192.0.2.3", 64514, "10.0.0.3");
        rib.addPeer(tor3, PeerImport.acceptAll(tor3, LOCAL_AS).withSoftReconfiguration(true));
        rib.announce(tor3, B, 0, path(64514).build(), ip("192.0.2.3"));
        rib.peerRestarting(tor3, V4, Duration.ZERO, Map.of(Family.IPV4_UNICAST, Duration.ofMinutes(5)));

        rib.reapplyImport(tor3);

        assertThat(rib.routes(B)).filteredOn(r -> r.peer().equals(tor3)).singleElement()
                .satisfies(r -> assertThat(r.isLlgrStale()).isTrue());
    }

    @Test
    void rfc4724_s4_2_withSoftReconfigurationARejectedRouteNotSentAgainDoesNotComeBackOnReapply() {
        PeerInfo tor3 = ebgp(3, "192.0.2.3", 64514, "10.0.0.3");
        dev.podbgp.rib.policy.Policy rejectAll = new dev.podbgp.rib.policy.Policy("in", List.of(),
                dev.podbgp.rib.policy.Verdict.REJECT);
        PeerImport rejecting = PeerImport.acceptAll(tor3, LOCAL_AS).withSoftReconfiguration(true)
                .withPipeline(new dev.podbgp.rib.policy.ImportPipeline(
                        new dev.podbgp.rib.policy.PodCidrGuard(List.of(), List.of()),
                        dev.podbgp.rib.policy.PeerKind.EXTERNAL, rejectAll));
        rib.addPeer(tor3, rejecting);
        rib.announce(tor3, B, 0, path(64514).build(), ip("192.0.2.3"));
        assertThat(rib.importStats(tor3).prePolicy()).isEqualTo(1);

        rib.peerRestarting(tor3, V4, RESTART, Map.of());
        rib.peerUp(tor3, V4);
        rib.endOfRib(tor3, Family.IPV4_UNICAST);
        rib.setImport(tor3, PeerImport.acceptAll(tor3, LOCAL_AS).withSoftReconfiguration(true));

        assertThat(rib.routes(B)).extracting(Route::peer).doesNotContain(tor3);
        assertThat(rib.importStats(tor3).prePolicy()).isZero();
    }
}
