package dev.podbgp.rib;

import static dev.podbgp.rib.Fixtures.LOCAL_AS;
import static dev.podbgp.rib.Fixtures.ebgp;
import static dev.podbgp.rib.Fixtures.ibgp;
import static dev.podbgp.rib.Fixtures.path;
import static dev.podbgp.rib.Fixtures.route;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.attr.Communities;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.inet.Ipv4Address;
import org.junit.jupiter.api.Test;

/** Golden tests of the decision process, one RFC clause each. */
class BestPathTest {

    private final BestPath bestPath = new BestPath(BestPathOptions.defaults(LOCAL_AS));

    // Peers ordered so that each tie-break below would pick the other route if the rule under
    // test did not decide first: B has the lower router id and the lower address.
    private final PeerInfo a = ebgp(1, "192.0.2.20", 64501, "10.0.0.20");
    private final PeerInfo b = ebgp(2, "192.0.2.10", 64502, "10.0.0.10");

    private Decision decide(Route x, Route y) {
        Decision one = bestPath.compare(x, y);
        Decision other = bestPath.compare(y, x);
        assertThat(other.best()).isEqualTo(one.best());
        assertThat(other.decidedBy()).isEqualTo(one.decidedBy());
        return one;
    }

    @Test
    void rfc4271_s9_1_2_2_a_higherLocalPrefWins() {
        PeerInfo ia = ibgp(1, "192.0.2.20", "10.0.0.20");
        PeerInfo ib = ibgp(2, "192.0.2.10", "10.0.0.10");
        Route winner = route(ia, path(64501, 64510).localPref(200).build());
        Route loser = route(ib, path(64502).localPref(150).build());
        Decision d = decide(winner, loser);
        assertThat(d.best()).isEqualTo(winner);
        assertThat(d.decidedBy()).isEqualTo(BestPathStep.HIGHER_LOCAL_PREF);
    }

    @Test
    void rfc4271_s9_1_1_missingLocalPrefCountsAs100() {
        PeerInfo ia = ibgp(1, "192.0.2.20", "10.0.0.20");
        PeerInfo ib = ibgp(2, "192.0.2.10", "10.0.0.10");
        Route at101 = route(ia, path(64501).localPref(101).build());
        Route absent = route(ib, path(64502).build());
        assertThat(decide(at101, absent).best()).isEqualTo(at101);
        Route at99 = route(ia, path(64501).localPref(99).build());
        assertThat(decide(at99, absent).best()).isEqualTo(absent);
        Route at100 = route(ia, path(64501).localPref(100).build());
        assertThat(decide(at100, absent).decidedBy()).isNotEqualTo(BestPathStep.HIGHER_LOCAL_PREF);
    }

    @Test
    void rfc4271_s9_1_2_2_a_shorterAsPathWins() {
        Route winner = route(a, path(64501).build());
        Route loser = route(b, path(64502, 64510).build());
        Decision d = decide(winner, loser);
        assertThat(d.best()).isEqualTo(winner);
        assertThat(d.decidedBy()).isEqualTo(BestPathStep.SHORTER_AS_PATH);
    }

    @Test
    void rfc4271_s9_1_2_2_b_lowerOriginWins() {
        Route winner = route(a, path(64501).origin(Origin.EGP).build());
        Route loser = route(b, path(64502).origin(Origin.INCOMPLETE).build());
        Decision d = decide(winner, loser);
        assertThat(d.best()).isEqualTo(winner);
        assertThat(d.decidedBy()).isEqualTo(BestPathStep.LOWER_ORIGIN);
    }

    @Test
    void rfc4271_s9_1_2_2_c_lowerMedWinsWithinTheSameNeighbourAs() {
        PeerInfo a2 = ebgp(1, "192.0.2.20", 64501, "10.0.0.20");
        PeerInfo b2 = ebgp(2, "192.0.2.10", 64501, "10.0.0.10");
        Route winner = route(a2, path(64501).med(10).build());
        Route loser = route(b2, path(64501).med(20).build());
        Decision d = decide(winner, loser);
        assertThat(d.best()).isEqualTo(winner);
        assertThat(d.decidedBy()).isEqualTo(BestPathStep.LOWER_MED);
    }

    @Test
    void rfc4271_s9_1_2_2_c_medComparedOnlyWithinTheSameNeighbourAs() {
        Route lowMed = route(a, path(64501).med(10).build());
        Route highMed = route(b, path(64502).med(20).build());
        Decision d = decide(lowMed, highMed);
        // Different neighbour ASes: MED is skipped and the router id picks B.
        assertThat(d.best()).isEqualTo(highMed);
        assertThat(d.decidedBy()).isEqualTo(BestPathStep.LOWER_ROUTER_ID);

        BestPath always = new BestPath(BestPathOptions.defaults(LOCAL_AS).withAlwaysCompareMed(true));
        Decision forced = always.compare(lowMed, highMed);
        assertThat(forced.best()).isEqualTo(lowMed);
        assertThat(forced.decidedBy()).isEqualTo(BestPathStep.LOWER_MED);
    }

    @Test
    void rfc4271_s9_1_2_2_c_missingMedCountsAsZero() {
        PeerInfo a2 = ebgp(1, "192.0.2.20", 64501, "10.0.0.20");
        PeerInfo b2 = ebgp(2, "192.0.2.10", 64501, "10.0.0.10");
        Route noMed = route(a2, path(64501).build());
        Route med5 = route(b2, path(64501).med(5).build());
        Decision d = decide(noMed, med5);
        assertThat(d.best()).isEqualTo(noMed);
        assertThat(d.decidedBy()).isEqualTo(BestPathStep.LOWER_MED);
    }

    /**
     * The classic MED non-transitivity: X(AS1, MED 10), Y(AS1, MED 5), Z(AS2, MED 0). Pairwise,
     * the winner would depend on the order; as an elimination, Y removes X, then Y and Z go on to
     * the router-id tie-break, whatever the order.
     */
    @Test
    void rfc4271_s9_1_2_2_c_medEliminationDoesNotDependOnOrder() {
        PeerInfo x = ebgp(1, "192.0.2.1", 64501, "10.0.0.1");
        PeerInfo y = ebgp(2, "192.0.2.2", 64501, "10.0.0.3");
        PeerInfo z = ebgp(3, "192.0.2.3", 64502, "10.0.0.2");
        Route rx = route(x, path(64501).med(10).build());
        Route ry = route(y, path(64501).med(5).build());
        Route rz = route(z, path(64502).med(0).build());
        Route[][] orders = {{rx, ry, rz}, {rx, rz, ry}, {ry, rx, rz}, {ry, rz, rx}, {rz, rx, ry}, {rz, ry, rx}};
        for (Route[] order : orders) {
            Decision d = bestPath.select(order, 3);
            assertThat(d.best()).isEqualTo(rz);
            assertThat(d.decidedBy()).isEqualTo(BestPathStep.LOWER_ROUTER_ID);
        }
    }

    @Test
    void rfc4271_s9_1_2_2_c_emptyAsPathHasTheLocalAsAsNeighbour() {
        PeerInfo ia = ibgp(1, "192.0.2.20", "10.0.0.20");
        PeerInfo ib = ibgp(2, "192.0.2.10", "10.0.0.10");
        Route winner = route(ia, PathAttributes.of(Origin.IGP, dev.podbgp.bgp.wire.attr.AsPath.EMPTY,
                new dev.podbgp.bgp.wire.attr.MultiExitDisc(1)));
        Route loser = route(ib, PathAttributes.of(Origin.IGP, dev.podbgp.bgp.wire.attr.AsPath.EMPTY,
                new dev.podbgp.bgp.wire.attr.MultiExitDisc(2)));
        Decision d = decide(winner, loser);
        assertThat(d.best()).isEqualTo(winner);
        assertThat(d.decidedBy()).isEqualTo(BestPathStep.LOWER_MED);
    }

    @Test
    void rfc4271_s9_1_2_2_d_ebgpBeatsIbgp() {
        PeerInfo internal = ibgp(2, "192.0.2.10", "10.0.0.10");
        Route external = route(a, path(64501).build());
        Route learnedInside = route(internal, path(64502).build());
        Decision d = decide(external, learnedInside);
        assertThat(d.best()).isEqualTo(external);
        assertThat(d.decidedBy()).isEqualTo(BestPathStep.EBGP_OVER_IBGP);
    }

    @Test
    void rfc4271_s9_1_2_2_f_oneAttributeSetFromTwoPeersIsDecidedByRouterId() {
        // Both routes hold the same attribute set object, so the attribute steps are skipped.
        PathAttributes shared = path(64501, 64600).med(5).build();
        PeerInfo low = ebgp(1, "192.0.2.20", 64501, "10.0.0.1");
        PeerInfo high = ebgp(2, "192.0.2.10", 64501, "10.0.0.2");
        Decision d = decide(route(high, shared), route(low, shared));
        assertThat(d.best()).isEqualTo(route(low, shared));
        assertThat(d.decidedBy()).isEqualTo(BestPathStep.LOWER_ROUTER_ID);
    }

    @Test
    void rfc4271_s9_1_2_2_d_oneAttributeSetFromAnExternalAndAnInternalPeer() {
        PathAttributes shared = path(64501).build();
        PeerInfo internal = ibgp(2, "192.0.2.10", "10.0.0.10");
        Decision d = decide(route(internal, shared), route(a, shared));
        assertThat(d.best()).isEqualTo(route(a, shared));
        assertThat(d.decidedBy()).isEqualTo(BestPathStep.EBGP_OVER_IBGP);
    }

    @Test
    void rfc4271_s9_1_2_2_f_lowerRouterIdWins() {
        PeerInfo low = ebgp(1, "192.0.2.20", 64501, "10.0.0.1");
        PeerInfo high = ebgp(2, "192.0.2.10", 64502, "10.0.0.2");
        Route winner = route(low, path(64501).build());
        Route loser = route(high, path(64502).build());
        Decision d = decide(winner, loser);
        assertThat(d.best()).isEqualTo(winner);
        assertThat(d.decidedBy()).isEqualTo(BestPathStep.LOWER_ROUTER_ID);
    }

    @Test
    void rfc4271_s9_1_2_2_f_routerIdComparesUnsigned() {
        PeerInfo low = ebgp(1, "192.0.2.20", 64501, "10.0.0.1");
        PeerInfo high = ebgp(2, "192.0.2.10", 64502, "200.0.0.1");
        Decision d = decide(route(low, path(64501).build()), route(high, path(64502).build()));
        assertThat(d.best().peer()).isEqualTo(low);
    }

    @Test
    void rfc4456_s9_originatorIdReplacesRouterIdInTieBreak() {
        // Both reflected by iBGP route reflectors: the reflector with the lower router id
        // carries the route whose originator has the higher one.
        PeerInfo rr1 = ibgp(1, "192.0.2.20", "10.0.0.1");
        PeerInfo rr2 = ibgp(2, "192.0.2.10", "10.0.0.2");
        Route viaLowRr = route(rr1, path(64501).originatorId("10.9.0.9").clusterList("10.0.0.1").build());
        Route viaHighRr = route(rr2, path(64502).originatorId("10.9.0.1").clusterList("10.0.0.2").build());
        Decision d = decide(viaLowRr, viaHighRr);
        assertThat(d.best()).isEqualTo(viaHighRr);
        assertThat(d.decidedBy()).isEqualTo(BestPathStep.LOWER_ROUTER_ID);
    }

    @Test
    void rfc4456_s9_shorterClusterListWins() {
        PeerInfo rr1 = ibgp(1, "192.0.2.20", "10.0.0.1");
        PeerInfo rr2 = ibgp(2, "192.0.2.10", "10.0.0.2");
        Route twoHops = route(rr1, path(64501).originatorId("10.9.0.9").clusterList("10.0.0.1", "10.0.0.7").build());
        Route oneHop = route(rr2, path(64502).originatorId("10.9.0.9").clusterList("10.0.0.2").build());
        Decision d = decide(twoHops, oneHop);
        assertThat(d.best()).isEqualTo(oneHop);
        assertThat(d.decidedBy()).isEqualTo(BestPathStep.SHORTER_CLUSTER_LIST);
    }

    @Test
    void rfc4271_s9_1_2_2_g_lowerPeerAddressWins() {
        // Same router id (RFC 6286 allows it across ASes): the address decides.
        PeerInfo low = ebgp(1, "192.0.2.10", 64501, "10.0.0.1");
        PeerInfo high = ebgp(2, "192.0.2.20", 64502, "10.0.0.1");
        Route winner = route(low, path(64501).build());
        Route loser = route(high, path(64502).build());
        Decision d = decide(winner, loser);
        assertThat(d.best()).isEqualTo(winner);
        assertThat(d.decidedBy()).isEqualTo(BestPathStep.LOWER_PEER_ADDRESS);
    }

    @Test
    void rfc7911_s3_lowerPathIdBreaksTheLastTie() {
        PathAttributes attrs = path(64501).build();
        Route p7 = new Route(a, 7, attrs, Ipv4Address.parse("192.0.2.7"));
        Route p3 = new Route(a, 3, attrs, Ipv4Address.parse("192.0.2.3"));
        Decision d = decide(p7, p3);
        assertThat(d.best()).isEqualTo(p3);
        assertThat(d.decidedBy()).isEqualTo(BestPathStep.LOWER_PATH_ID);
    }

    @Test
    void rfc9494_llgrStaleIsLeastPreferred() {
        // The stale route would win on LOCAL_PREF, AS_PATH and router id.
        PeerInfo ia = ibgp(1, "192.0.2.20", "10.0.0.1");
        PeerInfo ib = ibgp(2, "192.0.2.10", "10.0.0.2");
        Route stale = route(ia, path(64501).localPref(300).communities(Communities.LLGR_STALE).build());
        Route fresh = route(ib, path(64502, 64503, 64504).localPref(100).build());
        Decision d = decide(stale, fresh);
        assertThat(d.best()).isEqualTo(fresh);
        assertThat(d.decidedBy()).isEqualTo(BestPathStep.NOT_LLGR_STALE);
    }

    @Test
    void rfc9494_twoStaleRoutesAreRankedNormally() {
        Route s1 = route(a, path(64501).communities(Communities.LLGR_STALE).build());
        Route s2 = route(b, path(64502, 64503).communities(Communities.LLGR_STALE).build());
        Decision d = decide(s1, s2);
        assertThat(d.best()).isEqualTo(s1);
        assertThat(d.decidedBy()).isEqualTo(BestPathStep.SHORTER_AS_PATH);
    }

    @Test
    void locallyOriginatedRouteBeatsEveryLearnedRoute() {
        PeerInfo local = PeerInfo.local(LOCAL_AS, Fixtures.ROUTER_ID);
        Route own = new Route(local, 0, PathAttributes.of(Origin.INCOMPLETE, dev.podbgp.bgp.wire.attr.AsPath.EMPTY),
                Ipv4Address.ANY);
        Route learned = route(a, path(64501).localPref(1000).build());
        Decision d = decide(own, learned);
        assertThat(d.best()).isEqualTo(own);
        assertThat(d.decidedBy()).isEqualTo(BestPathStep.LOCALLY_ORIGINATED);
    }

    @Test
    void aSingleCandidateIsDecidedByNothing() {
        Route only = route(a, path(64501).build());
        Decision d = bestPath.select(new Route[] {only}, 1);
        assertThat(d.best()).isEqualTo(only);
        assertThat(d.decidedBy()).isEqualTo(BestPathStep.ONLY_PATH);
        assertThat(d.nextHops()).containsExactly(a.address());
    }
}
