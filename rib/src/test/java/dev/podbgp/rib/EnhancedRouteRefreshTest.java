package dev.podbgp.rib;

import static dev.podbgp.rib.Fixtures.LOCAL_AS;
import static dev.podbgp.rib.Fixtures.ebgp;
import static dev.podbgp.rib.Fixtures.ip;
import static dev.podbgp.rib.Fixtures.path;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Ipv6Prefix;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.policy.Comparison;
import dev.podbgp.rib.policy.ImportPipeline;
import dev.podbgp.rib.policy.Match;
import dev.podbgp.rib.policy.PeerKind;
import dev.podbgp.rib.policy.PodCidrGuard;
import dev.podbgp.rib.policy.Policy;
import dev.podbgp.rib.policy.Rule;
import dev.podbgp.rib.policy.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The receiving side of enhanced route refresh (RFC 7313 §4): BoRR marks, re-advertisement, EoRR sweep, timer. */
class EnhancedRouteRefreshTest {

    private static final Prefix A = Ipv4Prefix.parse("203.0.113.0/24");
    private static final Prefix B = Ipv4Prefix.parse("198.51.100.0/24");
    private static final Prefix C = Ipv4Prefix.parse("192.0.2.128/25");
    private static final Prefix V6 = Ipv6Prefix.parse("2001:db8:1::/48");
    private static final Family V4 = Family.IPV4_UNICAST;

    private final PeerInfo tor1 = ebgp(1, "192.0.2.1", 64512, "10.0.0.1");
    private final PeerInfo tor2 = ebgp(2, "192.0.2.2", 64513, "10.0.0.2");
    private final List<LocRibChange> changes = new ArrayList<>();
    private final List<PeerNotice> notices = new ArrayList<>();
    private final Rib rib = new Rib(Fixtures.ROUTER_ID, BestPathOptions.defaults(LOCAL_AS));

    EnhancedRouteRefreshTest() {
        rib.addListener(changes::add);
        rib.addNoticeListener(notices::add);
        rib.addPeer(tor1, PeerImport.acceptAll(tor1, LOCAL_AS));
        rib.addPeer(tor2, PeerImport.acceptAll(tor2, LOCAL_AS));
        announceAll();
        changes.clear();
    }

    private void announceAll() {
        rib.announce(tor1, A, 0, path(64512).build(), ip("192.0.2.1"));
        rib.announce(tor1, B, 0, path(64512).build(), ip("192.0.2.1"));
        rib.announce(tor1, C, 0, path(64512).build(), ip("192.0.2.1"));
        rib.announce(tor1, V6, 0, path(64512).build(), Ipv6Address.parse("2001:db8::1"));
    }

    @Test
    void rfc7313_s4_borrMarksTheFamilysRoutesStaleAndTheyStillForward() {
        rib.beginRefresh(tor1, V4, 1);

        assertThat(changes).as("marking changes no route").isEmpty();
        assertThat(rib.isRefreshStale(tor1, A, 0)).isTrue();
        assertThat(rib.isRefreshStale(tor1, C, 0)).isTrue();
        assertThat(rib.isRefreshStale(tor1, V6, 0)).as("another family").isFalse();
        assertThat(rib.decision(A).best().peer()).isEqualTo(tor1);
        assertThat(rib.isStale(tor1, A, 0)).as("not graceful-restart stale").isFalse();
    }

    @Test
    void rfc7313_s4_routesSentAgainBeforeEorrStayAndEorrRemovesTheRest() {
        rib.beginRefresh(tor1, V4, 1);
        rib.announce(tor1, A, 0, path(64512).build(), ip("192.0.2.1"));
        rib.announce(tor1, B, 0, path(64512, 64600).build(), ip("192.0.2.1"));
        assertThat(rib.isRefreshStale(tor1, A, 0)).isFalse();
        changes.clear();

        assertThat(rib.endRefresh(tor1, V4)).isEqualTo(1);

        assertThat(changes).containsExactly(new LocRibChange.Withdrawn(C));
        assertThat(notices).containsExactly(new PeerNotice.RefreshEnded(tor1, V4, 1, false));
        assertThat(rib.decision(A)).isNotNull();
        assertThat(rib.decision(B).best().attributes().asPath().toString()).isEqualTo("64512 64600");
        assertThat(rib.decision(V6)).as("the other family is not swept").isNotNull();
        assertThat(rib.isRefreshStale(tor1, A, 0) || rib.isRefreshStale(tor1, B, 0)).isFalse();
    }

    @Test
    void rfc7313_s4_aWithdrawalDuringTheRefreshIsAppliedAndNotSweptTwice() {
        rib.beginRefresh(tor1, V4, 1);
        rib.withdraw(tor1, B, 0);
        rib.announce(tor1, A, 0, path(64512).build(), ip("192.0.2.1"));
        changes.clear();

        assertThat(rib.endRefresh(tor1, V4)).as("only C was still stale").isEqualTo(1);
        assertThat(changes).containsExactly(new LocRibChange.Withdrawn(C));
    }

    @Test
    void rfc7313_s4_aSweptRouteLeavesTheOtherPeersPathAsBest() {
        rib.announce(tor2, C, 0, path(64513, 64600).build(), ip("192.0.2.2"));
        rib.beginRefresh(tor1, V4, 1);
        changes.clear();

        rib.endRefresh(tor1, V4);

        assertThat(rib.decision(C).best().peer()).isEqualTo(tor2);
        assertThat(rib.routeCount(tor1)).as("only V6 left").isEqualTo(1);
        assertThat(rib.routeCount(tor2)).isEqualTo(1);
    }

    @Test
    void rfc7313_s4_anEorrWithoutABorrRemovesNothing() {
        assertThat(rib.endRefresh(tor1, V4)).isZero();
        assertThat(changes).isEmpty();
        assertThat(rib.routeCount(tor1)).isEqualTo(4);
    }

    @Test
    void rfc7313_s4_withoutAnEorrTheTimerOfThatBorrRemovesTheStaleRoutes() {
        rib.beginRefresh(tor1, V4, 7);
        rib.announce(tor1, A, 0, path(64512).build(), ip("192.0.2.1"));

        assertThat(rib.refreshStaleTimerExpired(tor1, V4, 6)).as("an older round's timer").isZero();
        assertThat(rib.refreshStaleTimerExpired(tor1, Family.IPV6_UNICAST, 7)).as("no refresh of that family").isZero();
        assertThat(notices).as("a timer that finds nothing to end says nothing").isEmpty();
        assertThat(rib.refreshStaleTimerExpired(tor1, V4, 7)).isEqualTo(2);
        assertThat(notices).containsExactly(new PeerNotice.RefreshEnded(tor1, V4, 2, true));

        assertThat(rib.decision(A)).isNotNull();
        assertThat(rib.decision(B)).isNull();
        assertThat(rib.decision(C)).isNull();
        assertThat(Rib.REFRESH_STALE_TIME).isEqualTo(Duration.ofSeconds(360));
    }

    @Test
    void rfc7313_s4_theTimerOfAFinishedRefreshChangesNothing() {
        rib.beginRefresh(tor1, V4, 1);
        announceAll();
        rib.endRefresh(tor1, V4);
        rib.announce(tor1, Ipv4Prefix.parse("10.1.0.0/16"), 0, path(64512).build(), ip("192.0.2.1"));
        changes.clear();

        assertThat(rib.refreshStaleTimerExpired(tor1, V4, 1)).isZero();
        assertThat(changes).isEmpty();
    }

    @Test
    void rfc7313_s4_aSecondBorrStartsTheRefreshAgainUnderItsOwnTimer() {
        rib.beginRefresh(tor1, V4, 1);
        rib.announce(tor1, A, 0, path(64512).build(), ip("192.0.2.1"));
        rib.beginRefresh(tor1, V4, 2);

        assertThat(rib.isRefreshStale(tor1, A, 0)).as("marked again by the second BoRR").isTrue();
        assertThat(rib.refreshStaleTimerExpired(tor1, V4, 1)).as("the first BoRR's timer").isZero();
        rib.announce(tor1, B, 0, path(64512).build(), ip("192.0.2.1"));
        assertThat(rib.endRefresh(tor1, V4)).isEqualTo(2);
        assertThat(rib.decision(B)).isNotNull();
        assertThat(rib.decision(A)).isNull();
    }

    @Test
    void rfc7313_s4_theMarksEndWithTheSession() {
        rib.beginRefresh(tor1, V4, 1);
        rib.peerDown(tor1);
        announceAll();
        changes.clear();

        assertThat(rib.endRefresh(tor1, V4)).as("an EoRR of the new session without its own BoRR").isZero();
        assertThat(rib.routeCount(tor1)).isEqualTo(4);
    }

    @Test
    void rfc7313_s4_gracefulRestartDuringARefreshKeepsTheRoutesAsRestartStaleOnly() {
        rib.beginRefresh(tor1, V4, 1);
        rib.peerRestarting(tor1, Set.of(V4), Duration.ofSeconds(120), Map.of());
        rib.peerUp(tor1, Set.of(V4));

        assertThat(rib.isStale(tor1, A, 0)).isTrue();
        assertThat(rib.isRefreshStale(tor1, A, 0)).isFalse();
        assertThat(rib.endRefresh(tor1, V4)).isZero();
        assertThat(rib.decision(A)).as("kept until End-of-RIB").isNotNull();
    }

    @Test
    void rfc7313_s4_aRefreshWhileRestartMarksWaitSweepsOnlyItsOwnMarks() {
        rib.peerRestarting(tor1, Set.of(V4), Duration.ofSeconds(120), Map.of());
        rib.peerUp(tor1, Set.of(V4));
        rib.announce(tor1, A, 0, path(64512).build(), ip("192.0.2.1"));
        rib.beginRefresh(tor1, V4, 1);
        rib.announce(tor1, B, 0, path(64512).build(), ip("192.0.2.1"));
        changes.clear();

        // A was sent after the restart, not in the refresh: it goes. C was sent in neither: it goes too.
        assertThat(rib.endRefresh(tor1, V4)).isEqualTo(2);
        assertThat(changes).containsExactlyInAnyOrder(new LocRibChange.Withdrawn(A), new LocRibChange.Withdrawn(C));
        assertThat(rib.isStale(tor1, B, 0)).as("B was sent again: no restart mark either").isFalse();
        rib.endOfRib(tor1, V4);
        assertThat(rib.decision(B)).isNotNull();
    }

    @Test
    void rfc7313_s4_withSoftReconfigurationARejectedRouteNotSentAgainLeavesThePrePolicyStoreToo() {
        PeerInfo soft = ebgp(3, "192.0.2.3", 64514, "10.0.0.3");
        PodCidrGuard guard = new PodCidrGuard(List.of(Ipv4Prefix.parse("10.244.1.0/24")),
                List.of(Ipv4Prefix.parse("10.244.0.0/16")));
        Policy onlyShort = new Policy("in", List.of(Rule.reject("long", new Match.AsPathLength(Comparison.GT, 1))),
                Verdict.ACCEPT);
        PeerImport strict = PeerImport.acceptAll(soft, LOCAL_AS)
                .withPipeline(new ImportPipeline(guard, PeerKind.EXTERNAL, onlyShort)).withSoftReconfiguration(true);
        rib.addPeer(soft, strict);
        Prefix rejected = Ipv4Prefix.parse("10.9.0.0/16");
        rib.announce(soft, rejected, 0, path(64514, 64700).build(), ip("192.0.2.3"));
        rib.announce(soft, A, 0, path(64514).build(), ip("192.0.2.3"));
        assertThat(rib.importStats(soft).prePolicy()).isEqualTo(2);

        rib.beginRefresh(soft, V4, 1);
        rib.announce(soft, A, 0, path(64514).build(), ip("192.0.2.3"));
        assertThat(rib.endRefresh(soft, V4)).isEqualTo(1);

        assertThat(rib.importStats(soft).prePolicy()).isEqualTo(1);
        rib.setImport(soft, strict.withPipeline(new ImportPipeline(guard, PeerKind.EXTERNAL, Policy.acceptAll("in"))));
        assertThat(rib.decision(rejected)).as("not sent again, so not brought back by a policy change").isNull();
    }
}
