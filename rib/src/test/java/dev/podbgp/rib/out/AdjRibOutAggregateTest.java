package dev.podbgp.rib.out;

import static dev.podbgp.rib.out.OutFixtures.LOCAL;
import static dev.podbgp.rib.out.OutFixtures.LOCAL_AS;
import static dev.podbgp.rib.out.OutFixtures.PLAIN;
import static dev.podbgp.rib.out.OutFixtures.ROUTER_ID;
import static dev.podbgp.rib.out.OutFixtures.attrs;
import static dev.podbgp.rib.out.OutFixtures.ebgpPeer;
import static dev.podbgp.rib.out.OutFixtures.out;
import static dev.podbgp.rib.out.OutFixtures.p;
import static dev.podbgp.rib.out.OutFixtures.route;
import static dev.podbgp.rib.out.OutFixtures.v4;
import static dev.podbgp.rib.out.Sent.announced;
import static dev.podbgp.rib.out.Sent.withdrawn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podbgp.bgp.wire.attr.Aggregator;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.AsPathSegment;
import dev.podbgp.bgp.wire.attr.AttributeType;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.Decision;
import dev.podbgp.rib.LocRibChange;
import dev.podbgp.rib.PeerInfo;
import dev.podbgp.rib.Route;
import dev.podbgp.rib.policy.PeerKind;
import dev.podbgp.rib.policy.Policy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Configured aggregates in Adj-RIB-Out (RFC 4271 §9.2.2.2, RFC 9774). */
class AdjRibOutAggregateTest {

    private static final Prefix CLUSTER = p("10.244.0.0/16");
    private static final Prefix OWN = p("10.244.1.0/24");
    private static final Prefix OTHER_NODE = p("10.244.2.0/24");
    private static final Prefix OUTSIDE = p("10.99.0.0/24");

    private static final PeerInfo TOR = ebgpPeer(1, "192.0.2.1", 65100);
    private static final PeerInfo TOR_B = ebgpPeer(2, "192.0.2.2", 65100);
    private static final PeerInfo MESH = new PeerInfo(3, v4("10.0.0.3"), LOCAL_AS, v4("10.0.0.3"), true, false);
    private static final PeerInfo FAR_AS = ebgpPeer(4, "192.0.2.4", 65200);

    private final LocRibCopy locRib = new LocRibCopy();
    private final AdjRibOut ribOut = locRib.adjRibOut(PLAIN);
    private final Sent sent = new Sent();

    private static Aggregate aggregate(Prefix prefix, boolean summaryOnly) {
        return new Aggregate(prefix, summaryOnly, AggregatePeers.EXTERNAL);
    }

    private static Route own(Origin origin) {
        return new Route(LOCAL, 0, PathAttributes.of(origin, AsPath.EMPTY), Ipv4Address.ANY);
    }

    private void select(Prefix prefix, Route best) {
        locRib.apply(new LocRibChange.Selected(prefix, new Decision(best, null, List.of(best)),
                List.of(best.nextHop())));
    }

    private void withdraw(Prefix prefix) {
        locRib.apply(new LocRibChange.Withdrawn(prefix));
    }

    /** The peers join and are sent their initial tables; later output is only changes. */
    private void established(PeerInfo... peers) {
        for (PeerInfo p : peers) {
            ribOut.addPeer(out(p));
        }
        flush();
    }

    private void flush() {
        ribOut.flush(sent);
    }

    /** What the peer holds from us after everything it was sent, replayed in order. */
    private Map<Prefix, PathAttributes> held(PeerInfo peer) {
        Map<Prefix, PathAttributes> out = new LinkedHashMap<>();
        for (Update u : sent.updates(peer.id())) {
            withdrawn(u).forEach(out::remove);
            announced(u).forEach(p -> out.put(p, u.attributes()));
        }
        return out;
    }

    @Test
    void rfc4271_s9_2_2_2_announcedWhileAContributorExists_andWithdrawnWithTheLastOne() {
        ribOut.setAggregates(List.of(aggregate(CLUSTER, false)));
        established(TOR);
        assertThat(held(TOR)).isEmpty();

        select(OWN, own(Origin.IGP));
        select(OTHER_NODE, route(MESH, attrs(AsPath.EMPTY)));
        flush();
        assertThat(held(TOR)).containsOnlyKeys(CLUSTER, OWN, OTHER_NODE);

        withdraw(OWN);
        flush();
        assertThat(held(TOR)).containsOnlyKeys(CLUSTER, OTHER_NODE);

        sent.clear();
        withdraw(OTHER_NODE);
        flush();
        List<Update> last = sent.updates(TOR.id());
        assertThat(last).hasSize(1);
        assertThat(withdrawn(last.getFirst())).containsExactlyInAnyOrder(CLUSTER, OTHER_NODE);
    }

    @Test
    void rfc4271_s9_2_2_2_onlyStrictlyMoreSpecificRoutesOfTheFamilyContribute() {
        ribOut.setAggregates(List.of(aggregate(CLUSTER, false)));
        established(TOR);
        select(OUTSIDE, own(Origin.IGP));
        select(p("10.0.0.0/8"), own(Origin.IGP));
        select(p("fd00:244::/64"), new Route(LOCAL, 0, PathAttributes.of(Origin.IGP, AsPath.EMPTY), Ipv6Address.ANY));
        flush();
        assertThat(held(TOR)).doesNotContainKey(CLUSTER);

        // A Loc-RIB route for the aggregate's own prefix is no contributor either.
        select(CLUSTER, route(MESH, attrs(AsPath.ofSequence(65100))));
        flush();
        assertThat(held(TOR).get(CLUSTER).aggregator()).isNull();
    }

    @Test
    void summaryOnly_theSelectedPeersGetTheAggregateAlone_othersTheMoreSpecifics() {
        ribOut.setAggregates(List.of(aggregate(CLUSTER, true)));
        established(TOR, MESH);
        select(OWN, own(Origin.IGP));
        select(OUTSIDE, own(Origin.IGP));
        flush();

        assertThat(held(TOR)).containsOnlyKeys(CLUSTER, OUTSIDE);
        assertThat(held(MESH)).containsOnlyKeys(OWN, OUTSIDE);
        assertThat(ribOut.groups()).hasSize(2);
    }

    @Test
    void aContributorThatChangesNothingOfTheAggregate_sendsNothing() {
        ribOut.setAggregates(List.of(aggregate(CLUSTER, true)));
        established(TOR);
        select(OWN, own(Origin.IGP));
        flush();
        sent.clear();

        select(OTHER_NODE, route(MESH, attrs(AsPath.EMPTY)));
        withdraw(OWN);
        flush();
        assertThat(sent.writes).doesNotContainKey(TOR.id());
        long encoded = ribOut.encodedMessages();
        select(p("10.244.9.0/24"), own(Origin.IGP));
        flush();
        assertThat(ribOut.encodedMessages()).isEqualTo(encoded);
    }

    @Test
    void rfc4271_s9_2_2_2_originIsTheWorstOfTheContributors() {
        ribOut.setAggregates(List.of(aggregate(CLUSTER, true)));
        established(TOR);
        select(OWN, own(Origin.IGP));
        flush();
        assertThat(held(TOR).get(CLUSTER).origin()).isEqualTo(Origin.IGP);

        select(p("10.244.3.0/24"), own(Origin.EGP));
        flush();
        assertThat(held(TOR).get(CLUSTER).origin()).isEqualTo(Origin.EGP);

        select(p("10.244.4.0/24"), own(Origin.INCOMPLETE));
        flush();
        assertThat(held(TOR).get(CLUSTER).origin()).isEqualTo(Origin.INCOMPLETE);

        withdraw(p("10.244.4.0/24"));
        withdraw(p("10.244.3.0/24"));
        flush();
        assertThat(held(TOR).get(CLUSTER).origin()).isEqualTo(Origin.IGP);
    }

    @Test
    void rfc9774_noAsSet_ourAsAlone_atomicAggregateOnlyWhenContributorsHadAPath() {
        ribOut.setAggregates(List.of(aggregate(CLUSTER, true)));
        established(TOR);
        select(OWN, own(Origin.IGP));
        flush();
        PathAttributes fromOwn = held(TOR).get(CLUSTER);
        assertThat(fromOwn.asPath()).isEqualTo(AsPath.ofSequence(LOCAL_AS));
        assertThat(fromOwn.has(AttributeType.ATOMIC_AGGREGATE.code())).as("nothing was lost").isFalse();
        // RFC 4271 §5.1.7: our AS (4 octets here) and our BGP identifier.
        assertThat(fromOwn.aggregator()).isEqualTo(new Aggregator(LOCAL_AS, ROUTER_ID));

        select(OTHER_NODE, route(FAR_AS, attrs(AsPath.ofSequence(65200, 65201))));
        flush();
        PathAttributes withLearned = held(TOR).get(CLUSTER);
        assertThat(withLearned.asPath()).isEqualTo(AsPath.ofSequence(LOCAL_AS));
        assertThat(withLearned.asPath().segments()).extracting(AsPathSegment::type)
                .doesNotContain(AsPathSegment.Type.AS_SET);
        assertThat(withLearned.has(AttributeType.ATOMIC_AGGREGATE.code())).as("65200 65201 were dropped").isTrue();

        withdraw(OTHER_NODE);
        flush();
        assertThat(held(TOR).get(CLUSTER).has(AttributeType.ATOMIC_AGGREGATE.code())).isFalse();
    }

    @Test
    void rfc4271_s5_1_6_s5_1_7_goldenBytesOfTheAggregateTowardsEbgp() {
        ribOut.setAggregates(List.of(aggregate(CLUSTER, true)));
        established(TOR);
        sent.clear();
        select(OTHER_NODE, route(FAR_AS, attrs(AsPath.ofSequence(65200))));
        flush();
        String hex = java.util.HexFormat.of().formatHex(sent.bytes(TOR.id()).getFirst());
        assertThat(hex.substring(32)).isEqualTo("003c" + "02" + "0000" + "0022"
                + "40010100"                         // ORIGIN IGP
                + "40020602010000fde8"               // AS_PATH: AS_SEQUENCE [65000], no AS_SET (RFC 9774)
                + "4003040a000001"                   // NEXT_HOP: our address on the session
                + "400600"                           // ATOMIC_AGGREGATE: 65200 was left out
                + "c007080000fde80aff0001"           // AGGREGATOR 65000 10.255.0.1, 4 octets (RFC 6793)
                + "100af4");                         // 10.244.0.0/16
    }

    @Test
    void nextHopAndMedFollowTheNormalExport() {
        ribOut.setAggregates(List.of(aggregate(CLUSTER, false)));
        established(TOR);
        select(OWN, own(Origin.IGP));
        flush();
        Update u = sent.updates(TOR.id()).stream().filter(x -> announced(x).contains(CLUSTER)).findFirst().orElseThrow();
        // Our own route towards eBGP: our address on the session (RFC 4271 §5.1.3), no MED of its own.
        assertThat(u.attributes().nextHop().address()).isEqualTo(IpAddress.parse("10.0.0.1"));
        assertThat(u.attributes().med()).isNull();
        assertThat(u.attributes().localPref()).isNull();
    }

    @Test
    void theFamilyFollowsThePrefix_anIpv6AggregateOfIpv6Contributors() {
        Prefix v6Cluster = p("fd00:244::/48");
        Prefix v6Own = p("fd00:244:0:1::/64");
        ribOut.setAggregates(List.of(aggregate(CLUSTER, true), aggregate(v6Cluster, true)));
        established(TOR);
        select(v6Own, new Route(LOCAL, 0, PathAttributes.of(Origin.IGP, AsPath.EMPTY), Ipv6Address.ANY));
        flush();
        assertThat(held(TOR)).containsOnlyKeys(v6Cluster);
        Update u = sent.updates(TOR.id()).stream().filter(x -> announced(x).contains(v6Cluster)).findFirst()
                .orElseThrow();
        // RFC 4760: in MP_REACH_NLRI, with our IPv6 address on the session as next hop.
        assertThat(u.attributes().mpReach().nextHop()).isEqualTo(IpAddress.parse("fd00::1"));
        assertThat(u.attributes().aggregator()).isEqualTo(new Aggregator(LOCAL_AS, ROUTER_ID));
    }

    @Test
    void peersByAddress_onlyTheNamedPeerGetsIt() {
        AggregatePeers onlyB = new AggregatePeers(Set.of(TOR_B.address()), Set.of());
        ribOut.setAggregates(List.of(new Aggregate(CLUSTER, true, onlyB)));
        established(TOR, TOR_B);
        select(OWN, own(Origin.IGP));
        flush();
        assertThat(held(TOR)).containsOnlyKeys(OWN);
        assertThat(held(TOR_B)).containsOnlyKeys(CLUSTER);
    }

    @Test
    void aggregateForAPrefixTheLocRibHas_replacesItTowardsTheSelectedPeersOnly() {
        ribOut.setAggregates(List.of(aggregate(CLUSTER, false)));
        established(TOR, MESH);
        // Learned from outside: the mesh gets it; the other router not (no transit, DESIGN.md safe defaults).
        select(CLUSTER, route(FAR_AS, attrs(AsPath.ofSequence(65200))));
        flush();
        assertThat(held(TOR)).isEmpty();
        assertThat(held(MESH)).containsOnlyKeys(CLUSTER);

        select(OWN, own(Origin.IGP));
        flush();
        assertThat(held(TOR).get(CLUSTER).aggregator()).isEqualTo(new Aggregator(LOCAL_AS, ROUTER_ID));
        assertThat(held(MESH).get(CLUSTER).asPath()).as("not the aggregate").isEqualTo(AsPath.ofSequence(65200));

        withdraw(OWN);
        flush();
        assertThat(held(TOR)).doesNotContainKey(CLUSTER);
        assertThat(held(MESH).get(CLUSTER).aggregator()).isNull();
    }

    @Test
    void reload_addingAndRemovingAnAggregate_sendsOnlyTheDifference_withoutEndOfRib() {
        established(TOR, MESH);
        select(OWN, own(Origin.IGP));
        select(OTHER_NODE, route(MESH, attrs(AsPath.EMPTY)));
        flush();
        assertThat(held(TOR)).containsOnlyKeys(OWN, OTHER_NODE);
        sent.clear();

        ribOut.setAggregates(List.of(aggregate(CLUSTER, true)));
        flush();
        assertThat(held(TOR)).containsOnlyKeys(CLUSTER);
        assertThat(sent.updates(TOR.id())).noneMatch(Update::isEndOfRib);
        assertThat(sent.writes).doesNotContainKey(MESH.id());

        ribOut.setAggregates(List.of(aggregate(CLUSTER, false)));
        flush();
        assertThat(held(TOR)).containsOnlyKeys(CLUSTER, OWN, OTHER_NODE);

        ribOut.setAggregates(List.of());
        flush();
        assertThat(held(TOR)).containsOnlyKeys(OWN, OTHER_NODE);
        assertThat(sent.writes).doesNotContainKey(MESH.id());
        assertThat(ribOut.groups()).hasSize(2);
    }

    @Test
    void reload_removingAnAggregateWhosePrefixTheLocRibHas_givesThePeersTheLearnedRouteBack() {
        ribOut.setAggregates(List.of(aggregate(CLUSTER, false)));
        established(TOR);
        select(CLUSTER, route(MESH, attrs(AsPath.ofSequence(65200))));
        select(OWN, own(Origin.IGP));
        flush();
        assertThat(held(TOR).get(CLUSTER).aggregator()).isNotNull();

        ribOut.setAggregates(List.of());
        flush();
        assertThat(held(TOR).get(CLUSTER).aggregator()).isNull();
        assertThat(held(TOR).get(CLUSTER).asPath()).isEqualTo(AsPath.ofSequence(LOCAL_AS, 65200));
    }

    @Test
    void aPeerThatComesUpLater_getsTheAggregateInItsInitialTable() {
        ribOut.setAggregates(List.of(aggregate(CLUSTER, true)));
        select(OWN, own(Origin.IGP));
        flush();
        established(TOR);
        List<Update> dump = sent.updates(TOR.id());
        assertThat(held(TOR)).containsOnlyKeys(CLUSTER);
        assertThat(dump.getLast().isEndOfRib()).isTrue();
    }

    @Test
    void anExportChangeThatMakesThePeerMesh_dropsTheAggregate() {
        ribOut.setAggregates(List.of(aggregate(CLUSTER, true)));
        established(TOR);
        select(OWN, own(Origin.IGP));
        flush();
        assertThat(held(TOR)).containsOnlyKeys(CLUSTER);

        ribOut.changeProfile(ribOut.peer(TOR.id()).withExport(PeerKind.MESH, false, Policy.acceptAll("export")));
        flush();
        assertThat(held(TOR)).containsOnlyKeys(OWN);
    }

    @Test
    void badAggregates_areRefused() {
        assertThatThrownBy(() -> aggregate(p("10.244.0.1/32"), false)).hasMessageContaining("host route");
        assertThatThrownBy(() -> aggregate(p("fd00::1/128"), false)).hasMessageContaining("host route");
        assertThatThrownBy(() -> new AggregatePeers(Set.of(), Set.of())).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new AggregatePeers(Set.of(), Set.of(PeerKind.LOCAL))).hasMessageContaining("local");
        assertThatThrownBy(() -> ribOut.setAggregates(List.of(aggregate(CLUSTER, false), aggregate(CLUSTER, true))))
                .hasMessageContaining("twice");
    }
}
