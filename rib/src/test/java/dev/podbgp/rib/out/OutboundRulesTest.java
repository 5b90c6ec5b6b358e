package dev.podbgp.rib.out;

import static dev.podbgp.rib.out.OutFixtures.CLUSTER_ID;
import static dev.podbgp.rib.out.OutFixtures.LOCAL;
import static dev.podbgp.rib.out.OutFixtures.LOCAL_AS;
import static dev.podbgp.rib.out.OutFixtures.PLAIN;
import static dev.podbgp.rib.out.OutFixtures.REFLECTOR;
import static dev.podbgp.rib.out.OutFixtures.TRANSIT;
import static dev.podbgp.rib.out.OutFixtures.attrs;
import static dev.podbgp.rib.out.OutFixtures.client;
import static dev.podbgp.rib.out.OutFixtures.ebgpPeer;
import static dev.podbgp.rib.out.OutFixtures.nonClient;
import static dev.podbgp.rib.out.OutFixtures.out;
import static dev.podbgp.rib.out.OutFixtures.p;
import static dev.podbgp.rib.out.OutFixtures.route;
import static dev.podbgp.rib.out.OutFixtures.v4;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.AttributeType;
import dev.podbgp.bgp.wire.attr.ClusterList;
import dev.podbgp.bgp.wire.attr.Communities;
import dev.podbgp.bgp.wire.attr.LocalPref;
import dev.podbgp.bgp.wire.attr.MultiExitDisc;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.OriginatorId;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.PeerInfo;
import dev.podbgp.rib.Route;
import dev.podbgp.rib.policy.Action;
import dev.podbgp.rib.policy.Match;
import dev.podbgp.rib.policy.PeerKind;
import dev.podbgp.rib.policy.Policy;
import dev.podbgp.rib.policy.Rule;
import dev.podbgp.rib.policy.Verdict;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutboundRulesTest {

    private static final Prefix PREFIX = p("10.1.0.0/24");
    private static final PeerInfo EBGP_A = ebgpPeer(1, "192.0.2.1", 65001);
    private static final PeerInfo EBGP_B = ebgpPeer(2, "192.0.2.2", 65002);
    private static final PeerInfo CLIENT_A = client(3, "10.0.0.3");
    private static final PeerInfo CLIENT_B = client(4, "10.0.0.4");
    private static final PeerInfo NON_CLIENT_A = nonClient(5, "10.0.0.5");
    private static final PeerInfo NON_CLIENT_B = nonClient(6, "10.0.0.6");

    private static Outbound.Advertise advertised(Outbound o) {
        assertThat(o).isInstanceOf(Outbound.Advertise.class);
        return (Outbound.Advertise) o;
    }

    private static Suppression suppressed(Outbound o) {
        assertThat(o).isInstanceOf(Outbound.Suppressed.class);
        return ((Outbound.Suppressed) o).reason();
    }

    private static Outbound send(Route r, PeerInfo to, NodeSettings node) {
        return OutboundRules.forPeer(PREFIX, r, out(to), node);
    }

    @Test
    void splitHorizon_neverBackToTheSourcePeer() {
        Route r = route(CLIENT_A, attrs(AsPath.ofSequence(65010)));
        assertThat(suppressed(send(r, CLIENT_A, REFLECTOR))).isEqualTo(Suppression.SOURCE_PEER);
        Route e = route(EBGP_A, attrs(AsPath.ofSequence(65001)));
        assertThat(suppressed(send(e, EBGP_A, TRANSIT))).isEqualTo(Suppression.SOURCE_PEER);
    }

    @Test
    void rfc4271_s9_2_ibgpLearnedNotSentToIbgpWithoutReflection() {
        Route r = route(NON_CLIENT_A, attrs(AsPath.ofSequence(65010)));
        assertThat(suppressed(send(r, NON_CLIENT_B, PLAIN))).isEqualTo(Suppression.IBGP_SPLIT_HORIZON);
        // Client flags mean nothing when the node is not a reflector.
        Route c = route(CLIENT_A, attrs(AsPath.ofSequence(65010)));
        assertThat(suppressed(send(c, CLIENT_B, PLAIN))).isEqualTo(Suppression.IBGP_SPLIT_HORIZON);
    }

    @Test
    void rfc4456_s6_fromClientToClientsAndNonClients() {
        Route r = route(CLIENT_A, attrs(AsPath.ofSequence(65010)));
        advertised(send(r, CLIENT_B, REFLECTOR));
        advertised(send(r, NON_CLIENT_A, REFLECTOR));
    }

    @Test
    void rfc4456_s6_fromNonClientToClientsOnly() {
        Route r = route(NON_CLIENT_A, attrs(AsPath.ofSequence(65010)));
        advertised(send(r, CLIENT_A, REFLECTOR));
        assertThat(suppressed(send(r, NON_CLIENT_B, REFLECTOR))).isEqualTo(Suppression.NON_CLIENT_TO_NON_CLIENT);
    }

    @Test
    void rfc4456_s6_fromEbgpToAllIbgpPeers_notReflectedSoNoOriginatorId() {
        Route r = route(EBGP_A, attrs(AsPath.ofSequence(65001)));
        for (PeerInfo to : List.of(CLIENT_A, NON_CLIENT_A)) {
            Outbound.Advertise a = advertised(send(r, to, REFLECTOR));
            assertThat(a.attributes().originatorId()).isNull();
            assertThat(a.attributes().clusterList()).isNull();
        }
    }

    @Test
    void rfc4456_s8_reflectionSetsOriginatorIdAndPrependsClusterId() {
        Route r = route(CLIENT_A, attrs(AsPath.ofSequence(65010)));
        PathAttributes a = advertised(send(r, CLIENT_B, REFLECTOR)).attributes();
        assertThat(a.originatorId()).isEqualTo(new OriginatorId(CLIENT_A.routerId()));
        assertThat(a.clusterList()).isEqualTo(new ClusterList(new int[] {CLUSTER_ID.bits()}));
    }

    @Test
    void rfc4456_s8_originatorIdKeptAndClusterIdGoesInFront() {
        Route r = route(CLIENT_A, attrs(AsPath.ofSequence(65010), new OriginatorId(v4("10.9.9.9")),
                new ClusterList(new int[] {v4("10.8.8.8").bits()})));
        PathAttributes a = advertised(send(r, NON_CLIENT_A, REFLECTOR)).attributes();
        assertThat(a.originatorId()).isEqualTo(new OriginatorId(v4("10.9.9.9")));
        assertThat(a.clusterList()).isEqualTo(new ClusterList(new int[] {CLUSTER_ID.bits(), v4("10.8.8.8").bits()}));
    }

    @Test
    void rfc4456_s8_originatorIdAndClusterListStrippedTowardsEbgp() {
        Route r = route(CLIENT_A, attrs(AsPath.ofSequence(65010), new OriginatorId(v4("10.9.9.9")),
                new ClusterList(new int[] {v4("10.8.8.8").bits()})));
        PathAttributes a = advertised(send(r, EBGP_A, REFLECTOR)).attributes();
        assertThat(a.has(AttributeType.ORIGINATOR_ID.code())).isFalse();
        assertThat(a.has(AttributeType.CLUSTER_LIST.code())).isFalse();
    }

    @Test
    void rfc1997_noAdvertise_toNoPeer() {
        Route r = route(EBGP_A, attrs(AsPath.ofSequence(65001), Communities.of(Communities.NO_ADVERTISE)));
        assertThat(suppressed(send(r, CLIENT_A, REFLECTOR))).isEqualTo(Suppression.NO_ADVERTISE);
        assertThat(suppressed(send(r, EBGP_B, TRANSIT))).isEqualTo(Suppression.NO_ADVERTISE);
    }

    @Test
    void rfc1997_noExport_toIbgpButNotEbgp() {
        Route r = route(EBGP_A, attrs(AsPath.ofSequence(65001), Communities.of(Communities.NO_EXPORT)));
        advertised(send(r, CLIENT_A, REFLECTOR));
        assertThat(suppressed(send(r, EBGP_B, TRANSIT))).isEqualTo(Suppression.NO_EXPORT);
    }

    @Test
    void rfc1997_noExportSubconfed_withoutConfederationsNoEbgpPeer() {
        Route r = route(CLIENT_A, attrs(AsPath.ofSequence(65010), Communities.of(Communities.NO_EXPORT_SUBCONFED)));
        advertised(send(r, CLIENT_B, REFLECTOR));
        assertThat(suppressed(send(r, EBGP_B, REFLECTOR))).isEqualTo(Suppression.NO_EXPORT_SUBCONFED);
    }

    @Test
    void rfc4271_s5_1_5_localPrefDefaultsTo100TowardsIbgp() {
        Route r = route(EBGP_A, attrs(AsPath.ofSequence(65001)));
        assertThat(advertised(send(r, NON_CLIENT_A, PLAIN)).attributes().localPref()).isEqualTo(new LocalPref(100));
        Route set = route(CLIENT_A, attrs(AsPath.ofSequence(65010), new LocalPref(250)));
        assertThat(advertised(send(set, CLIENT_B, REFLECTOR)).attributes().localPref()).isEqualTo(new LocalPref(250));
    }

    @Test
    void rfc4271_s5_1_5_localPrefNeverToEbgp_evenWhenExportPolicySetsIt() {
        Route r = route(CLIENT_A, attrs(AsPath.ofSequence(65010), new LocalPref(250)));
        assertThat(advertised(send(r, EBGP_A, REFLECTOR)).attributes().localPref()).isNull();
        Policy setsIt = new Policy("x", List.of(Rule.accept("lp", new Match.Any(), new Action.SetLocalPref(300))),
                Verdict.ACCEPT);
        Outbound o = OutboundRules.forPeer(PREFIX, r, out(EBGP_A, false, setsIt), REFLECTOR);
        assertThat(advertised(o).attributes().localPref()).isNull();
    }

    @Test
    void rfc4271_s5_1_4_medFromAnotherAsNotPassedToEbgp() {
        Route r = route(EBGP_A, attrs(AsPath.ofSequence(65001), new MultiExitDisc(50)));
        assertThat(advertised(send(r, EBGP_B, TRANSIT)).attributes().med()).isNull();
        // Inside the AS it is kept, so iBGP peers can compare it (§9.1.2.2 c).
        assertThat(advertised(send(r, NON_CLIENT_A, TRANSIT)).attributes().med()).isEqualTo(new MultiExitDisc(50));
    }

    @Test
    void rfc4271_s5_1_2_ebgpPrependsOurAs_ibgpLeavesThePath() {
        Route r = route(EBGP_A, attrs(AsPath.ofSequence(65001, 65100)));
        assertThat(advertised(send(r, EBGP_B, TRANSIT)).attributes().asPath())
                .isEqualTo(AsPath.ofSequence(LOCAL_AS, 65001, 65100));
        assertThat(advertised(send(r, NON_CLIENT_A, TRANSIT)).attributes().asPath())
                .isEqualTo(AsPath.ofSequence(65001, 65100));
    }

    @Test
    void rfc4271_s5_1_3_ebgpGetsNextHopSelf_ibgpNextHopUnchanged() {
        Route r = route(EBGP_A, attrs(AsPath.ofSequence(65001)));
        assertThat(advertised(send(r, EBGP_B, TRANSIT)).nextHop()).isEqualTo(v4("10.0.0.1"));
        assertThat(advertised(send(r, NON_CLIENT_A, TRANSIT)).nextHop()).isEqualTo(EBGP_A.address());
        Outbound self = OutboundRules.forPeer(PREFIX, r, out(NON_CLIENT_A, true, Policy.acceptAll("e")), TRANSIT);
        assertThat(advertised(self).nextHop()).isEqualTo(v4("10.0.0.1"));
    }

    @Test
    void rfc4456_s10_reflectedRouteKeepsNextHopEvenWithNextHopSelf() {
        Route r = route(CLIENT_A, attrs(AsPath.ofSequence(65010)));
        Outbound o = OutboundRules.forPeer(PREFIX, r, out(CLIENT_B, true, Policy.acceptAll("e")), REFLECTOR);
        assertThat(advertised(o).nextHop()).isEqualTo(CLIENT_A.address());
    }

    @Test
    void rfc4271_s5_1_2_localRouteGetsEmptyPathToIbgpAndOurAsToEbgp_nextHopSelf() {
        Route mine = new Route(LOCAL, 0, PathAttributes.of(Origin.INCOMPLETE), dev.podbgp.inet.Ipv4Address.ANY);
        Outbound.Advertise toIbgp = advertised(send(mine, NON_CLIENT_A, PLAIN));
        assertThat(toIbgp.attributes().asPath()).isEqualTo(AsPath.EMPTY);
        assertThat(toIbgp.attributes().origin()).isEqualTo(Origin.INCOMPLETE);
        assertThat(toIbgp.attributes().localPref()).isEqualTo(new LocalPref(100));
        assertThat(toIbgp.nextHop()).isEqualTo(v4("10.0.0.1"));
        Outbound.Advertise toEbgp = advertised(send(mine, EBGP_A, PLAIN));
        assertThat(toEbgp.attributes().asPath()).isEqualTo(AsPath.ofSequence(LOCAL_AS));
        assertThat(toEbgp.nextHop()).isEqualTo(v4("10.0.0.1"));
        assertThat(toEbgp.attributes().has(AttributeType.NEXT_HOP.code())).isFalse();
    }

    @Test
    void localIpv6RouteGetsTheIpv6SelfAddress_orNothingWithoutOne() {
        Prefix v6 = p("fd10::/64");
        Route mine = new Route(LOCAL, 0, PathAttributes.of(Origin.IGP), Ipv6Address.ANY);
        assertThat(advertised(OutboundRules.forPeer(v6, mine, out(EBGP_A), PLAIN)).nextHop())
                .isEqualTo(Ipv6Address.parse("fd00::1"));
        OutboundPeer noV6 = new OutboundPeer(EBGP_A, PeerKind.EXTERNAL, false, SelfNextHops.of(v4("10.0.0.1"), null),
                Policy.acceptAll("e"), SessionCapabilities.FOUR_OCTET_AS, OutFixtures.BOTH);
        assertThat(suppressed(OutboundRules.forPeer(v6, mine, noV6, PLAIN))).isEqualTo(Suppression.NO_USABLE_NEXT_HOP);
    }

    private static final Ipv6Address LINK_LOCAL = Ipv6Address.parse("fe80::1");

    private static OutboundPeer withSelf(PeerInfo peer, boolean nextHopSelf, SelfNextHops self) {
        return new OutboundPeer(peer, peer.internal() ? PeerKind.MESH : PeerKind.EXTERNAL, nextHopSelf, self,
                Policy.acceptAll("e"), SessionCapabilities.FOUR_OCTET_AS, OutFixtures.BOTH);
    }

    @Test
    void rfc2545_s3_ownIpv6RouteCarriesGlobalAndLinkLocalToAPeerOnTheLink() {
        Route mine = new Route(LOCAL, 0, PathAttributes.of(Origin.IGP), Ipv6Address.ANY);
        // An IPv4 session: the IPv6 addresses are the node's own on the session's interface.
        OutboundPeer onLink = withSelf(EBGP_A, false,
                new SelfNextHops(v4("10.0.0.1"), Ipv6Address.parse("2001:db8::1"), LINK_LOCAL));
        Outbound.Advertise a = advertised(OutboundRules.forPeer(p("fd10::/64"), mine, onLink, PLAIN));
        assertThat(a.nextHop()).isEqualTo(Ipv6Address.parse("2001:db8::1"));
        assertThat(a.linkLocalNextHop()).isEqualTo(LINK_LOCAL);
    }

    @Test
    void rfc2545_s3_peerNotOnTheLinkGetsTheGlobalNextHopOnly() {
        Route mine = new Route(LOCAL, 0, PathAttributes.of(Origin.IGP), Ipv6Address.ANY);
        OutboundPeer multihop = withSelf(EBGP_A, false, SelfNextHops.of(v4("10.0.0.1"), Ipv6Address.parse("2001:db8::1")));
        Outbound.Advertise a = advertised(OutboundRules.forPeer(p("fd10::/64"), mine, multihop, PLAIN));
        assertThat(a.nextHop()).isEqualTo(Ipv6Address.parse("2001:db8::1"));
        assertThat(a.linkLocalNextHop()).isNull();
    }

    @Test
    void rfc2545_s3_linkLocalAloneIsNoUsableNextHop() {
        // The link-local only ever follows a global address; without one the IPv6 route is not sent.
        Route mine = new Route(LOCAL, 0, PathAttributes.of(Origin.IGP), Ipv6Address.ANY);
        OutboundPeer noGlobal = withSelf(EBGP_A, false, new SelfNextHops(v4("10.0.0.1"), null, LINK_LOCAL));
        assertThat(suppressed(OutboundRules.forPeer(p("fd10::/64"), mine, noGlobal, PLAIN)))
                .isEqualTo(Suppression.NO_USABLE_NEXT_HOP);
    }

    @Test
    void rfc2545_s3_nextHopPassedOnUnchangedNeverCarriesOurLinkLocal() {
        Route learned = new Route(NON_CLIENT_A, 0, attrs(AsPath.EMPTY), Ipv6Address.parse("2001:db8::99"));
        OutboundPeer client = withSelf(CLIENT_B, false,
                new SelfNextHops(v4("10.0.0.1"), Ipv6Address.parse("2001:db8::1"), LINK_LOCAL));
        Outbound.Advertise a = advertised(OutboundRules.forPeer(p("fd10::/64"), learned, client, REFLECTOR));
        assertThat(a.nextHop()).isEqualTo(Ipv6Address.parse("2001:db8::99"));
        assertThat(a.linkLocalNextHop()).isNull();
    }

    @Test
    void ipv4OverAnIpv6SessionNeedsAnIpv4NextHopOfOurs() {
        // An IPv6 session without RFC 8950: our IPv4 route goes only with an IPv4 address of ours.
        Route mine = new Route(LOCAL, 0, PathAttributes.of(Origin.IGP), dev.podbgp.inet.Ipv4Address.ANY);
        OutboundPeer v6Session = withSelf(EBGP_A, false, new SelfNextHops(null, Ipv6Address.parse("2001:db8::1"), LINK_LOCAL));
        assertThat(suppressed(OutboundRules.forPeer(PREFIX, mine, v6Session, PLAIN)))
                .isEqualTo(Suppression.NO_USABLE_NEXT_HOP);
        OutboundPeer dual = withSelf(EBGP_A, false,
                new SelfNextHops(v4("192.0.2.10"), Ipv6Address.parse("2001:db8::1"), LINK_LOCAL));
        Outbound.Advertise a = advertised(OutboundRules.forPeer(PREFIX, mine, dual, PLAIN));
        assertThat(a.nextHop()).isEqualTo(v4("192.0.2.10"));
        assertThat(a.linkLocalNextHop()).isNull();
    }

    @Test
    void selfNextHops_linkLocalMustBeLinkLocal() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new SelfNextHops(null, Ipv6Address.parse("2001:db8::1"), Ipv6Address.parse("2001:db8::2")))
                .withMessageContaining("not a link-local");
    }

    @Test
    void rfc8950_ipv4RouteOnASessionWithoutIpv4_getsOurLinkLocal_onlyWhenNegotiated() {
        Route mine = new Route(LOCAL, 0, PathAttributes.of(Origin.IGP), Ipv6Address.ANY);
        Ipv6Address ours = Ipv6Address.parse("fe80::1");
        OutboundPeer unnumbered = new OutboundPeer(EBGP_A, PeerKind.EXTERNAL, false, new SelfNextHops(null, null, ours),
                Policy.acceptAll("e"), SessionCapabilities.FOUR_OCTET_AS.withExtendedNextHop(Set.of(Family.IPV4_UNICAST)), OutFixtures.BOTH);
        assertThat(advertised(OutboundRules.forPeer(PREFIX, mine, unnumbered, PLAIN)).nextHop()).isEqualTo(ours);
        OutboundPeer without = new OutboundPeer(EBGP_A, PeerKind.EXTERNAL, false, new SelfNextHops(null, null, ours),
                Policy.acceptAll("e"), SessionCapabilities.FOUR_OCTET_AS, OutFixtures.BOTH);
        assertThat(suppressed(OutboundRules.forPeer(PREFIX, mine, without, PLAIN))).isEqualTo(Suppression.NO_USABLE_NEXT_HOP);
    }

    @Test
    void familyNotNegotiated_isNotSent() {
        Route mine = new Route(LOCAL, 0, PathAttributes.of(Origin.IGP), Ipv6Address.ANY);
        OutboundPeer v4only = new OutboundPeer(EBGP_A, PeerKind.EXTERNAL, false,
                SelfNextHops.of(v4("10.0.0.1"), Ipv6Address.parse("fd00::1")), Policy.acceptAll("e"), SessionCapabilities.FOUR_OCTET_AS,
                Set.of(Family.IPV4_UNICAST));
        assertThat(suppressed(OutboundRules.forPeer(p("fd10::/64"), mine, v4only, PLAIN)))
                .isEqualTo(Suppression.FAMILY_NOT_NEGOTIATED);
    }

    @Test
    void exportScope_externalToExternalOnlyAsTransit() {
        Route r = route(EBGP_A, attrs(AsPath.ofSequence(65001)));
        assertThat(suppressed(send(r, EBGP_B, PLAIN))).isEqualTo(Suppression.EXPORT_SCOPE);
        advertised(send(r, EBGP_B, TRANSIT));
    }

    @Test
    void exportPolicy_runsLastOnTheRewrittenAttributes() {
        // The policy sees our AS already prepended: a one-AS path arrives with length 2, a two-AS one with 3.
        Policy policy = new Policy("out", List.of(
                Rule.reject("long", new Match.AsPathLength(dev.podbgp.rib.policy.Comparison.GE, 3)),
                Rule.accept("tag", new Match.Any(), new Action.Prepend(OptionalLong.empty(), 1))), Verdict.REJECT);
        Route shortPath = route(EBGP_A, attrs(AsPath.ofSequence(65001)));
        Outbound.Advertise a = advertised(OutboundRules.forPeer(PREFIX, shortPath, out(EBGP_B, false, policy), TRANSIT));
        assertThat(a.attributes().asPath()).isEqualTo(AsPath.ofSequence(LOCAL_AS, LOCAL_AS, 65001));
        Route longer = route(EBGP_A, attrs(AsPath.ofSequence(65001, 65100)));
        assertThat(suppressed(OutboundRules.forPeer(PREFIX, longer, out(EBGP_B, false, policy), TRANSIT)))
                .isEqualTo(Suppression.EXPORT_POLICY);
    }
}
