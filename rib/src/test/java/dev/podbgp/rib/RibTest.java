package dev.podbgp.rib;

import static dev.podbgp.rib.Fixtures.LOCAL_AS;
import static dev.podbgp.rib.Fixtures.ebgp;
import static dev.podbgp.rib.Fixtures.ibgp;
import static dev.podbgp.rib.Fixtures.ip;
import static dev.podbgp.rib.Fixtures.path;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Ipv6Prefix;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.policy.Action;
import dev.podbgp.rib.policy.Comparison;
import dev.podbgp.rib.policy.ImportPipeline;
import dev.podbgp.rib.policy.Match;
import dev.podbgp.rib.policy.PeerKind;
import dev.podbgp.rib.policy.PodCidrGuard;
import dev.podbgp.rib.policy.Policy;
import dev.podbgp.rib.policy.Rule;
import dev.podbgp.rib.policy.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rib operations: each reruns best path for the touched prefixes and publishes what changed. */
class RibTest {

    private static final Prefix P1 = Ipv4Prefix.parse("203.0.113.0/24");
    private static final Prefix P2 = Ipv4Prefix.parse("198.51.100.0/24");
    private static final Prefix P6 = Ipv6Prefix.parse("2001:db8:1::/48");

    private final PeerInfo tor1 = ebgp(1, "192.0.2.1", 64512, "10.0.0.1");
    private final PeerInfo tor2 = ebgp(2, "192.0.2.2", 64512, "10.0.0.2");
    private final List<LocRibChange> changes = new ArrayList<>();
    private final Rib rib = rib(BestPathOptions.defaults(LOCAL_AS), Policy.acceptAll("import"));

    /** A Rib with tor1 and tor2 registered, both importing through {@code policy}. */
    private Rib rib(BestPathOptions options, Policy policy) {
        Rib r = new Rib(Fixtures.ROUTER_ID, options);
        r.addListener(changes::add);
        register(r, tor1, policy);
        register(r, tor2, policy);
        return r;
    }

    private static PeerInfo register(Rib r, PeerInfo peer, Policy policy) {
        r.addPeer(peer, PeerImport.acceptAll(peer, LOCAL_AS).withPipeline(
                new ImportPipeline(new PodCidrGuard(List.of(), List.of()), PeerKind.EXTERNAL, policy)));
        return peer;
    }

    private PeerInfo registered(PeerInfo peer) {
        return register(rib, peer, Policy.acceptAll("import"));
    }

    private static LocRibChange.Selected selected(LocRibChange c) {
        assertThat(c).isInstanceOf(LocRibChange.Selected.class);
        return (LocRibChange.Selected) c;
    }

    @Test
    void firstAnnouncementIsSelectedAndPublished() {
        rib.announce(tor1, P1, 0, path(64512).build(), ip("192.0.2.1"));
        assertThat(changes).hasSize(1);
        LocRibChange.Selected s = selected(changes.getFirst());
        assertThat(s.prefix()).isEqualTo(P1);
        assertThat(s.best().peer()).isEqualTo(tor1);
        assertThat(s.nextHops()).containsExactly(ip("192.0.2.1"));
        assertThat(rib.routeCount(tor1)).isEqualTo(1);
        assertThat(rib.prefixCount()).isEqualTo(1);
    }

    @Test
    void aRepeatedIdenticalAnnouncementPublishesNothing() {
        rib.announce(tor1, P1, 0, path(64512).build(), ip("192.0.2.1"));
        rib.announce(tor1, P1, 0, path(64512).build(), ip("192.0.2.1"));
        assertThat(changes).hasSize(1);
        assertThat(rib.routeCount(tor1)).isEqualTo(1);
    }

    @Test
    void rfc4271_s9_1_2_aBetterRouteFromAnotherPeerTakesOver() {
        rib.announce(tor1, P1, 0, path(64512, 64600).build(), ip("192.0.2.1"));
        rib.announce(tor2, P1, 0, path(64512).build(), ip("192.0.2.2"));
        assertThat(changes).hasSize(2);
        LocRibChange.Selected s = selected(changes.get(1));
        assertThat(s.best().peer()).isEqualTo(tor2);
        assertThat(s.decision().decidedBy()).isEqualTo(BestPathStep.SHORTER_AS_PATH);
        // A worse route from a third peer changes nothing that forwarding sees.
        rib.announce(registered(ebgp(3, "192.0.2.3", 64513, "10.0.0.3")), P1, 0, path(64513, 1, 2).build(),
                ip("192.0.2.3"));
        assertThat(changes).hasSize(2);
        assertThat(rib.routes(P1)).hasSize(3);
    }

    @Test
    void rfc4271_s9_1_2_withdrawingTheBestRouteFallsBackToTheNext() {
        rib.announce(tor1, P1, 0, path(64512, 64600).build(), ip("192.0.2.1"));
        rib.announce(tor2, P1, 0, path(64512).build(), ip("192.0.2.2"));
        changes.clear();
        rib.withdraw(tor2, P1, 0);
        assertThat(changes).hasSize(1);
        assertThat(selected(changes.getFirst()).best().peer()).isEqualTo(tor1);
        assertThat(rib.decision(P1).decidedBy()).isEqualTo(BestPathStep.ONLY_PATH);
        rib.withdraw(tor1, P1, 0);
        assertThat(changes).hasSize(2);
        assertThat(changes.get(1)).isEqualTo(new LocRibChange.Withdrawn(P1));
        assertThat(rib.decision(P1)).isNull();
        assertThat(rib.prefixCount()).isZero();
        assertThat(rib.routeCount(tor1)).isZero();
    }

    @Test
    void withdrawingAnUnknownRouteIsANoOp() {
        rib.announce(tor1, P1, 0, path(64512).build(), ip("192.0.2.1"));
        rib.withdraw(tor2, P1, 0);
        rib.withdraw(tor1, P1, 9);
        rib.withdraw(tor1, P2, 0);
        assertThat(changes).hasSize(1);
        assertThat(rib.routeCount(tor1)).isEqualTo(1);
    }

    @Test
    void rfc7911_pathsOfOnePeerAreKeptApartByPathId() {
        rib.announce(tor1, P1, 1, path(64512, 64600).build(), ip("192.0.2.11"));
        rib.announce(tor1, P1, 2, path(64512).build(), ip("192.0.2.12"));
        assertThat(rib.routes(P1)).hasSize(2);
        assertThat(rib.decision(P1).best().pathId()).isEqualTo(2);
        rib.withdraw(tor1, P1, 2);
        assertThat(rib.decision(P1).best().pathId()).isEqualTo(1);
        assertThat(rib.routeCount(tor1)).isEqualTo(1);
    }

    @Test
    void rfc4271_s8_2_2_peerDownDropsAllItsRoutesAndRecomputes() {
        rib.announce(tor1, P1, 0, path(64512).build(), ip("192.0.2.1"));
        rib.announce(tor1, P2, 0, path(64512).build(), ip("192.0.2.1"));
        rib.announce(tor1, P6, 0, path(64512).build(), Ipv6Address.parse("2001:db8::1"));
        rib.announce(tor2, P1, 0, path(64512, 64600).build(), ip("192.0.2.2"));
        rib.announce(tor1, P1, 7, path(64512, 64600, 64601).build(), ip("192.0.2.1"));
        changes.clear();
        rib.peerDown(tor1);
        assertThat(rib.routeCount(tor1)).isZero();
        assertThat(rib.routeCount(tor2)).isEqualTo(1);
        assertThat(changes).containsExactlyInAnyOrder(
                new LocRibChange.Withdrawn(P2),
                new LocRibChange.Withdrawn(P6),
                new LocRibChange.Selected(P1, rib.decision(P1), List.of(ip("192.0.2.2"))));
        assertThat(rib.decision(P1).best().peer()).isEqualTo(tor2);
        assertThat(rib.prefixCount()).isEqualTo(1);
    }

    @Test
    void peerDownOfAnotherPeerLeavesOursAlone() {
        rib.announce(tor1, P1, 0, path(64512).build(), ip("192.0.2.1"));
        rib.peerDown(tor2);
        assertThat(changes).hasSize(1);
        assertThat(rib.routeCount(tor1)).isEqualTo(1);
    }

    @Test
    void ecmpNextHopSetIsPublishedAndShrinksOnWithdraw() {
        Rib ecmp = rib(BestPathOptions.defaults(LOCAL_AS).withMaxPaths(4), Policy.acceptAll("import"));
        ecmp.announce(tor1, P1, 0, path(64512).build(), ip("192.0.2.1"));
        ecmp.announce(tor2, P1, 0, path(64512).build(), ip("192.0.2.2"));
        assertThat(changes).hasSize(2);
        assertThat(selected(changes.get(1)).nextHops()).containsExactly(ip("192.0.2.1"), ip("192.0.2.2"));
        // tor1 is still best, but the ECMP set changed: forwarding must hear about it.
        assertThat(selected(changes.get(1)).best().peer()).isEqualTo(tor1);
        ecmp.withdraw(tor2, P1, 0);
        assertThat(selected(changes.get(2)).nextHops()).containsExactly(ip("192.0.2.1"));
    }

    @Test
    void originatedRouteWinsAndLearnedRouteReturnsWhenItIsWithdrawn() {
        rib.announce(tor1, P1, 0, path(64512).localPref(500).build(), ip("192.0.2.1"));
        rib.originate(P1, PathAttributes.of(Origin.IGP, AsPath.EMPTY));
        LocRibChange.Selected own = selected(changes.get(1));
        assertThat(own.best().peer().isLocal()).isTrue();
        assertThat(own.decision().decidedBy()).isEqualTo(BestPathStep.LOCALLY_ORIGINATED);
        assertThat(own.nextHops()).containsExactly(Ipv4Address.ANY);
        rib.withdrawOriginated(P1);
        assertThat(selected(changes.get(2)).best().peer()).isEqualTo(tor1);
    }

    @Test
    void originatedIpv6RouteHasTheUnspecifiedNextHop() {
        rib.originate(P6, PathAttributes.of(Origin.IGP, AsPath.EMPTY));
        assertThat(selected(changes.getFirst()).nextHops()).containsExactly(Ipv6Address.ANY);
        assertThat(rib.routeCount(rib.localPeer())).isEqualTo(1);
    }

    @Test
    void importPolicyCanRejectAndRejectionWithdrawsTheEarlierRoute() {
        Policy noLongPaths = new Policy("in", List.of(Rule.reject("long", new Match.AsPathLength(Comparison.GT, 2))),
                Verdict.ACCEPT);
        Rib r = rib(BestPathOptions.defaults(LOCAL_AS), noLongPaths);
        r.announce(tor1, P1, 0, path(64512).build(), ip("192.0.2.1"));
        r.announce(tor1, P1, 0, path(64512, 1, 2).build(), ip("192.0.2.1"));
        assertThat(changes).hasSize(2);
        assertThat(changes.get(1)).isEqualTo(new LocRibChange.Withdrawn(P1));
        assertThat(r.routeCount(tor1)).isZero();
    }

    @Test
    void importPolicyModificationsAreInterned() {
        Policy setPref = new Policy("in", List.of(Rule.accept("pref", new Match.Any(), new Action.SetLocalPref(200))),
                Verdict.ACCEPT);
        Rib r = rib(BestPathOptions.defaults(LOCAL_AS), setPref);
        PeerInfo mesh = register(r, ibgp(3, "192.0.2.3", "10.0.0.3"), setPref);
        r.announce(mesh, P1, 0, path(64512).build(), ip("192.0.2.3"));
        r.announce(mesh, P2, 0, path(64512).build(), ip("192.0.2.3"));
        assertThat(r.decision(P1).best().attributes()).isSameAs(r.decision(P2).best().attributes());
        assertThat(r.decision(P1).best().attributes().localPref().value()).isEqualTo(200);
    }

    @Test
    void prefixesWithTheSameRouteShareOneRouteObject() {
        rib.announce(tor1, P1, 0, path(64512).build(), ip("192.0.2.1"));
        rib.announce(tor1, P2, 0, path(64512).build(), ip("192.0.2.1"));
        rib.announce(tor2, P2, 0, path(64512, 64600).build(), ip("192.0.2.2"));
        assertThat(rib.decision(P2).best()).isSameAs(rib.decision(P1).best());
        rib.announce(tor1, P2, 0, path(64512).med(1).build(), ip("192.0.2.1"));
        assertThat(rib.routes(P2)).doesNotContain(rib.decision(P1).best());
        assertThat(rib.decision(P1).best().attributes().med()).isNull();
    }

    @Test
    void rfc4271_s5_1_5_localPrefFromAnExternalPeerIsIgnored() {
        rib.announce(tor1, P1, 0, path(64512).localPref(900).build(), ip("192.0.2.1"));
        assertThat(rib.decision(P1).best().attributes().localPref()).isNull();
        PeerInfo mesh = registered(ibgp(3, "192.0.2.3", "10.0.0.3"));
        rib.announce(mesh, P2, 0, path(64512).localPref(900).build(), ip("192.0.2.3"));
        assertThat(rib.decision(P2).best().attributes().localPref().value()).isEqualTo(900);
    }

    @Test
    void rfc4271_s9_1_2_aRouteWithOurAsInItsPathIsNotACandidate() {
        rib.announce(tor1, P1, 0, path(64512, LOCAL_AS, 64600).build(), ip("192.0.2.1"));
        assertThat(changes).isEmpty();
        assertThat(rib.routeCount(tor1)).isZero();
    }

    @Test
    void rfc4456_s8_aRouteCarryingOurRouterIdAsOriginatorIsIgnored() {
        PeerInfo rr = registered(ibgp(3, "192.0.2.3", "10.0.0.3"));
        rib.announce(rr, P1, 0, path(64512).originatorId(Fixtures.ROUTER_ID.toString()).build(), ip("192.0.2.3"));
        assertThat(changes).isEmpty();
    }

    @Test
    void forEachRouteVisitsOnePeersAdjRibIn() {
        rib.announce(tor1, P1, 0, path(64512).build(), ip("192.0.2.1"));
        rib.announce(tor2, P1, 0, path(64512).build(), ip("192.0.2.2"));
        rib.announce(tor2, P6, 0, path(64512).build(), Ipv6Address.parse("2001:db8::2"));
        List<Prefix> seen = new ArrayList<>();
        rib.forEachRoute(tor2, (prefix, route) -> {
            assertThat(route.peer()).isEqualTo(tor2);
            seen.add(prefix);
        });
        assertThat(seen).containsExactlyInAnyOrder(P1, P6);
    }
}
