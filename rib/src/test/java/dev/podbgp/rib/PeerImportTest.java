package dev.podbgp.rib;

import static dev.podbgp.rib.Fixtures.LOCAL_AS;
import static dev.podbgp.rib.Fixtures.ebgp;
import static dev.podbgp.rib.Fixtures.ibgp;
import static dev.podbgp.rib.Fixtures.ip;
import static dev.podbgp.rib.Fixtures.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Ipv6Prefix;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.policy.Action;
import dev.podbgp.rib.policy.ImportPipeline;
import dev.podbgp.rib.policy.Match;
import dev.podbgp.rib.policy.MaxPrefixLimit;
import dev.podbgp.rib.policy.MaxPrefixVerdict;
import dev.podbgp.rib.policy.PeerKind;
import dev.podbgp.rib.policy.PodCidrGuard;
import dev.podbgp.rib.policy.Policy;
import dev.podbgp.rib.policy.Rule;
import dev.podbgp.rib.policy.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-peer import: the policy pipeline, loop checks, max-prefix and soft reconfiguration inbound. */
class PeerImportTest {

    private static final Prefix POD = Ipv4Prefix.parse("10.244.1.0/24");
    private static final Prefix OTHER_POD = Ipv4Prefix.parse("10.244.2.0/24");
    private static final Prefix P1 = Ipv4Prefix.parse("203.0.113.0/24");

    private final PeerInfo tor = ebgp(1, "192.0.2.1", 64512, "10.0.0.1");
    private final PeerInfo mesh = ibgp(2, "10.0.0.2", "10.0.0.2");
    private final List<LocRibChange> changes = new ArrayList<>();
    private final List<PeerNotice> notices = new ArrayList<>();
    private final Rib rib = new Rib(Fixtures.ROUTER_ID, BestPathOptions.defaults(LOCAL_AS));

    PeerImportTest() {
        rib.addListener(changes::add);
        rib.addNoticeListener(notices::add);
    }

    private static PodCidrGuard guard() {
        return new PodCidrGuard(List.of(POD), List.of(Ipv4Prefix.parse("10.244.0.0/16")));
    }

    private PeerImport importOf(PeerInfo peer, PeerKind kind, Policy policy) {
        return PeerImport.acceptAll(peer, LOCAL_AS).withPipeline(new ImportPipeline(guard(), kind, policy));
    }

    private static Prefix v4(int i) {
        return new Ipv4Prefix(0xC6120000 | i << 8, 24);
    }

    @Test
    void safeDefaultsOfThePipelineApplyPerPeerAndRejectionsAreCounted() {
        rib.addPeer(tor, importOf(tor, PeerKind.EXTERNAL, Policy.acceptAll("import")));
        rib.addPeer(mesh, importOf(mesh, PeerKind.MESH, Policy.acceptAll("import")));

        rib.announce(tor, POD, 0, path(64512).build(), ip("192.0.2.1"));
        rib.announce(tor, P1, 0, path(64512).build(), ip("192.0.2.1"));
        rib.announce(mesh, P1, 0, path().build(), ip("10.0.0.2"));
        rib.announce(mesh, OTHER_POD, 0, path().build(), ip("10.0.0.2"));

        assertThat(rib.decision(POD)).as("own podCIDR refused from any peer").isNull();
        assertThat(rib.routes(P1)).extracting(Route::peer).containsExactly(tor);
        assertThat(rib.decision(OTHER_POD).best().peer()).isEqualTo(mesh);
        assertThat(rib.importStats(tor)).isEqualTo(new ImportStats(1, 1, 0, 1, 0, 0));
        assertThat(rib.importStats(mesh)).isEqualTo(new ImportStats(1, 1, 0, 1, 0, 0));
    }

    @Test
    void policyActionsApplyWithThePeersContextAndARejectionWithdrawsTheEarlierRoute() {
        Policy policy = new Policy("in", List.of(
                Rule.reject("no-long", new Match.AsPathLength(dev.podbgp.rib.policy.Comparison.GT, 2)),
                Rule.accept("pref", new Match.NeighborAs(64512), new Action.SetLocalPref(300))), Verdict.REJECT);
        PeerInfo ibgpTor = ibgp(3, "192.0.2.3", "10.0.0.3");
        rib.addPeer(ibgpTor, PeerImport.acceptAll(ibgpTor, LOCAL_AS)
                .withPipeline(new ImportPipeline(guard(), PeerKind.EXTERNAL, policy)));
        rib.announce(ibgpTor, P1, 0, path(64600).build(), ip("192.0.2.3"));
        assertThat(rib.decision(P1)).as("neighbour AS is " + LOCAL_AS + ", not 64512: default reject").isNull();

        rib.addPeer(tor, importOf(tor, PeerKind.EXTERNAL, policy));
        rib.announce(tor, P1, 0, path(64512).build(), ip("192.0.2.1"));
        assertThat(rib.decision(P1).best().attributes().localPref().value()).isEqualTo(300);
        rib.announce(tor, P1, 0, path(64512, 1, 2).build(), ip("192.0.2.1"));
        assertThat(changes.getLast()).isEqualTo(new LocRibChange.Withdrawn(P1));
    }

    @Test
    void rfc4271_s9_1_2_allowAsInLetsOurAsAppearUpToNTimes() {
        rib.addPeer(tor, PeerImport.acceptAll(tor, LOCAL_AS).withAllowAsIn(2));
        rib.announce(tor, v4(1), 0, path(64512, LOCAL_AS, 64600).build(), ip("192.0.2.1"));
        rib.announce(tor, v4(2), 0, path(64512, LOCAL_AS, LOCAL_AS).build(), ip("192.0.2.1"));
        rib.announce(tor, v4(3), 0, path(64512, LOCAL_AS, 1, LOCAL_AS, LOCAL_AS).build(), ip("192.0.2.1"));
        assertThat(rib.decision(v4(1))).isNotNull();
        assertThat(rib.decision(v4(2))).isNotNull();
        assertThat(rib.decision(v4(3))).as("three times is a loop with allowas-in 2").isNull();
        assertThat(rib.importStats(tor).rejected()).isEqualTo(1);
    }

    @Test
    void rfc4456_s8_aRouteWithOurClusterIdInItsClusterListIsDiscarded() {
        Ipv4Address cluster = Ipv4Address.parse("10.255.255.1");
        rib.addPeer(mesh, PeerImport.acceptAll(mesh, LOCAL_AS).withClusterId(cluster));
        rib.announce(mesh, v4(1), 0, path().clusterList("10.9.9.9", "10.255.255.1").build(), ip("10.0.0.2"));
        rib.announce(mesh, v4(2), 0, path().clusterList("10.9.9.9").build(), ip("10.0.0.2"));
        assertThat(rib.decision(v4(1))).isNull();
        assertThat(rib.decision(v4(2))).isNotNull();
    }

    @Test
    void rfc4486_s4_maxPrefixTearDownIsANoticeWithCeaseAndTheRestartDelayAndStopsTheFlood() {
        MaxPrefixLimit limit = new MaxPrefixLimit(3, 60, MaxPrefixLimit.Teardown.restartAfter(Duration.ofSeconds(30)));
        rib.addPeer(tor, PeerImport.acceptAll(tor, LOCAL_AS).withMaxPrefix(Family.IPV4_UNICAST, limit));
        for (int i = 1; i <= 6; i++) {
            rib.announce(tor, v4(i), 0, path(64512).build(), ip("192.0.2.1"));
        }
        assertThat(notices).hasSize(2);
        assertThat(notices.get(0)).isEqualTo(new PeerNotice.MaxPrefix(tor, Family.IPV4_UNICAST,
                new MaxPrefixVerdict.Warn(2, 2, 3)));
        PeerNotice.MaxPrefix down = (PeerNotice.MaxPrefix) notices.get(1);
        assertThat(down.verdict()).isInstanceOfSatisfying(MaxPrefixVerdict.TearDown.class, t -> {
            assertThat(t.notification().error()).contains(BgpError.CEASE_MAXIMUM_PREFIXES_REACHED);
            assertThat(t.restartAfter()).contains(Duration.ofSeconds(30));
        });
        assertThat(rib.routeCount(tor)).isEqualTo(3);
        assertThat(rib.importStats(tor).refusedByMaxPrefix()).isEqualTo(3);
        // A replacement of an accepted route is not a new prefix.
        rib.announce(tor, v4(1), 0, path(64512, 7).build(), ip("192.0.2.1"));
        assertThat(rib.decision(v4(1)).best().attributes().asPath().length()).isEqualTo(2);
        rib.peerDown(tor);
        rib.announce(tor, v4(9), 0, path(64512).build(), ip("192.0.2.1"));
        assertThat(rib.routeCount(tor)).as("a new session accepts again").isEqualTo(1);
    }

    @Test
    void maxPrefixStopAcceptingRefusesNewPrefixesUntilSomeAreWithdrawnAndCountsPerFamily() {
        MaxPrefixLimit limit = new MaxPrefixLimit(2, 100, new MaxPrefixLimit.StopAccepting());
        rib.addPeer(tor, PeerImport.acceptAll(tor, LOCAL_AS).withMaxPrefix(Family.IPV4_UNICAST, limit));
        for (int i = 1; i <= 4; i++) {
            rib.announce(tor, v4(i), 0, path(64512).build(), ip("192.0.2.1"));
        }
        // IPv6 has no limit: the IPv4 count does not hold it back.
        rib.announce(tor, Ipv6Prefix.parse("2001:db8:1::/48"), 0, path(64512).build(), Ipv6Address.parse("2001:db8::1"));
        assertThat(rib.decision(v4(3))).isNull();
        assertThat(rib.decision(v4(4))).isNull();
        assertThat(rib.routeCount(tor)).isEqualTo(3);
        assertThat(notices).containsExactly(
                new PeerNotice.MaxPrefix(tor, Family.IPV4_UNICAST, new MaxPrefixVerdict.Warn(2, 2, 2)),
                new PeerNotice.MaxPrefix(tor, Family.IPV4_UNICAST, new MaxPrefixVerdict.StopAccepting(1, 2)));
        rib.withdraw(tor, v4(1), 0);
        rib.announce(tor, v4(4), 0, path(64512).build(), ip("192.0.2.1"));
        assertThat(rib.decision(v4(4))).isNotNull();
        rib.announce(tor, v4(5), 0, path(64512).build(), ip("192.0.2.1"));
        assertThat(notices.getLast()).as("refusing again after a withdrawal is told again")
                .isEqualTo(new PeerNotice.MaxPrefix(tor, Family.IPV4_UNICAST, new MaxPrefixVerdict.StopAccepting(1, 2)));
    }

    @Test
    void softReconfigurationReappliesANewPolicyAndPublishesOnlyRealChanges() {
        Policy none = Policy.acceptAll("import");
        rib.addPeer(tor, importOf(tor, PeerKind.EXTERNAL, none).withSoftReconfiguration(true));
        rib.announce(tor, v4(1), 0, path(64512).build(), ip("192.0.2.1"));
        rib.announce(tor, v4(2), 0, path(64512, 64700).build(), ip("192.0.2.1"));
        Policy onlyShort = new Policy("in", List.of(Rule.reject("long", new Match.AsPathLength(
                dev.podbgp.rib.policy.Comparison.GT, 1))), Verdict.ACCEPT);
        changes.clear();

        assertThat(rib.setImport(tor, importOf(tor, PeerKind.EXTERNAL, onlyShort).withSoftReconfiguration(true))).isTrue();

        assertThat(changes).containsExactly(new LocRibChange.Withdrawn(v4(2)));
        assertThat(rib.importStats(tor).prePolicy()).isEqualTo(2);
        changes.clear();
        assertThat(rib.setImport(tor, importOf(tor, PeerKind.EXTERNAL, none).withSoftReconfiguration(true))).isTrue();
        assertThat(changes).extracting(LocRibChange::prefix).containsExactly(v4(2));
        assertThat(notices).isEmpty();
    }

    @Test
    void softReconfigurationMatchesWithdrawalsAndAddPathIds() {
        rib.addPeer(tor, PeerImport.acceptAll(tor, LOCAL_AS).withSoftReconfiguration(true));
        rib.announce(tor, P1, 1, path(64512).build(), ip("192.0.2.1"));
        rib.announce(tor, P1, 2, path(64512, 5).build(), ip("192.0.2.11"));
        rib.announce(tor, P1, 1, path(64512, 6).build(), ip("192.0.2.1"));
        rib.withdraw(tor, P1, 2);
        assertThat(rib.importStats(tor).prePolicy()).isEqualTo(1);
        changes.clear();
        rib.reapplyImport(tor);
        assertThat(changes).as("nothing changed").isEmpty();
        assertThat(rib.routes(P1)).singleElement().extracting(Route::pathId).isEqualTo(1);
    }

    @Test
    void rfc2918_withoutSoftReconfigurationAPolicyChangeAsksForARouteRefresh() {
        rib.addPeer(tor, importOf(tor, PeerKind.EXTERNAL, Policy.acceptAll("import")));
        rib.announce(tor, P1, 0, path(64512).build(), ip("192.0.2.1"));
        Policy rejectAll = new Policy("in", List.of(), Verdict.REJECT);

        assertThat(rib.setImport(tor, importOf(tor, PeerKind.EXTERNAL, rejectAll))).isFalse();

        assertThat(notices).containsExactly(new PeerNotice.RouteRefreshNeeded(tor));
        assertThat(rib.decision(P1)).as("kept until the peer sends it again").isNotNull();
        rib.announce(tor, P1, 0, path(64512).build(), ip("192.0.2.1"));
        assertThat(rib.decision(P1)).isNull();
    }

    /** The same import as {@link #importOf} with {@code own} as this node's podCIDRs. */
    private PeerImport withOwnPodCidr(PeerInfo peer, PeerKind kind, Prefix own) {
        return PeerImport.acceptAll(peer, LOCAL_AS).withPipeline(new ImportPipeline(
                new PodCidrGuard(List.of(own), guard().clusterPodCidrs()), kind, Policy.acceptAll("import")));
    }

    @Test
    void podCidrChangeAloneIsAppliedToStoredRoutesWithoutARouteRefresh() {
        rib.addPeer(tor, importOf(tor, PeerKind.EXTERNAL, Policy.acceptAll("import")));
        rib.announce(tor, P1, 0, path(64512).build(), ip("192.0.2.1"));
        rib.announce(tor, OTHER_POD, 0, path(64512).build(), ip("192.0.2.1"));
        changes.clear();

        assertThat(rib.setImport(tor, withOwnPodCidr(tor, PeerKind.EXTERNAL, OTHER_POD))).isTrue();

        assertThat(notices).as("nothing asked of the peer").isEmpty();
        assertThat(rib.decision(OTHER_POD)).as("now ours: the learned route goes").isNull();
        assertThat(changes).containsExactly(new LocRibChange.Withdrawn(OTHER_POD));
        assertThat(rib.decision(P1)).isNotNull();
    }

    @Test
    void aPodCidrGivenUpAsksOnlyThePeerWhoseRouteItRefusedForARouteRefresh() {
        rib.addPeer(tor, importOf(tor, PeerKind.EXTERNAL, Policy.acceptAll("import")));
        rib.addPeer(mesh, importOf(mesh, PeerKind.MESH, Policy.acceptAll("import")));
        rib.announce(tor, Ipv4Prefix.parse("10.244.1.128/25"), 0, path(64512).build(), ip("192.0.2.1"));
        rib.announce(mesh, OTHER_POD, 0, path().build(), ip("10.0.0.2"));

        assertThat(rib.setImport(tor, withOwnPodCidr(tor, PeerKind.EXTERNAL, OTHER_POD))).isFalse();
        assertThat(rib.setImport(mesh, withOwnPodCidr(mesh, PeerKind.MESH, OTHER_POD))).isTrue();

        // tor's /25 was refused for 10.244.1.0/24, which is no longer ours: only tor can send it again.
        assertThat(notices).containsExactly(new PeerNotice.RouteRefreshNeeded(tor));
        assertThat(rib.decision(OTHER_POD)).isNull();
    }

    @Test
    void aPeerNotRegisteredCannotAnnounceAndItsPeerDownOrRemovalChangesNothing() {
        PeerInfo other = ebgp(4, "192.0.2.4", 64513, "10.0.0.4");
        rib.addPeer(tor, PeerImport.acceptAll(tor, LOCAL_AS));
        rib.announce(tor, P1, 0, path(64512).build(), ip("192.0.2.1"));
        assertThatThrownBy(() -> rib.announce(other, P1, 0, path(64513).build(), ip("192.0.2.4")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not registered");
        assertThat(rib.routes(P1)).extracting(Route::peer).containsExactly(tor);
        assertThat(rib.importOf(other)).isNull();

        changes.clear();
        rib.peerDown(other);
        rib.removePeer(other);
        assertThat(changes).isEmpty();
        assertThat(rib.routeCount(tor)).isEqualTo(1);
        assertThat(rib.routeCount(other)).isZero();
    }

    @Test
    void turningSoftReconfigurationOffStillAppliesTheNewPolicyOnceThenForgetsTheStore() {
        rib.addPeer(tor, PeerImport.acceptAll(tor, LOCAL_AS).withSoftReconfiguration(true));
        rib.announce(tor, P1, 0, path(64512).build(), ip("192.0.2.1"));
        Policy rejectAll = new Policy("in", List.of(), Verdict.REJECT);

        assertThat(rib.setImport(tor, importOf(tor, PeerKind.EXTERNAL, rejectAll))).isTrue();

        assertThat(rib.decision(P1)).isNull();
        assertThat(rib.importStats(tor).prePolicy()).isZero();
        assertThat(rib.reapplyImport(tor)).isFalse();
        assertThat(notices).containsExactly(new PeerNotice.RouteRefreshNeeded(tor));
    }
}
