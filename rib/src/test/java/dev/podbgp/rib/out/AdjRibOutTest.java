package dev.podbgp.rib.out;

import static dev.podbgp.rib.out.OutFixtures.CLUSTER_ID;
import static dev.podbgp.rib.out.OutFixtures.REFLECTOR;
import static dev.podbgp.rib.out.OutFixtures.attrs;
import static dev.podbgp.rib.out.OutFixtures.client;
import static dev.podbgp.rib.out.OutFixtures.ebgpPeer;
import static dev.podbgp.rib.out.OutFixtures.out;
import static dev.podbgp.rib.out.OutFixtures.p;
import static dev.podbgp.rib.out.OutFixtures.route;
import static dev.podbgp.rib.out.Sent.announced;
import static dev.podbgp.rib.out.Sent.withdrawn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.LocalPref;
import dev.podbgp.bgp.wire.attr.MultiExitDisc;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.bgp.wire.message.RouteRefresh;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.Decision;
import dev.podbgp.rib.LocRibChange;
import dev.podbgp.rib.PeerInfo;
import dev.podbgp.rib.Route;
import dev.podbgp.rib.policy.PeerKind;
import dev.podbgp.rib.policy.Policy;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdjRibOutTest {

    private static final Prefix P1 = p("10.1.0.0/24");
    private static final Prefix P2 = p("10.2.0.0/24");
    private static final Prefix P3 = p("10.3.0.0/24");

    private final LocRibCopy locRib = new LocRibCopy();
    private final AdjRibOut ribOut = locRib.adjRibOut(REFLECTOR);
    private final Sent sent = new Sent();

    private static LocRibChange selected(Prefix prefix, Route best) {
        return new LocRibChange.Selected(prefix, new Decision(best, null, List.of(best)), List.of(best.nextHop()));
    }

    private void select(Prefix prefix, Route best) {
        locRib.apply(selected(prefix, best));
    }

    private void withdraw(Prefix prefix) {
        locRib.apply(new LocRibChange.Withdrawn(prefix));
    }

    private static Route fromClient(PeerInfo c, long... path) {
        return route(c, attrs(AsPath.ofSequence(path)));
    }

    /** Adds the peers and sends them their (empty) initial table, so later output is only changes. */
    private List<PeerInfo> clients(int n) {
        List<PeerInfo> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            PeerInfo c = client(i, "10.0." + (i >> 8) + "." + (i & 0xff));
            ribOut.addPeer(out(c));
            out.add(c);
        }
        ribOut.flush(sent);
        sent.clear();
        return out;
    }

    private static boolean containsBytes(byte[] haystack, String hex) {
        return HexFormat.of().formatHex(haystack).contains(hex);
    }

    @Test
    void rfc4456_s8_reflectedUpdateCarriesOriginatorIdAndClusterListBytes() {
        List<PeerInfo> c = clients(3);
        select(P1, fromClient(c.get(0), 65010));
        ribOut.flush(sent);
        byte[] msg = sent.bytes(2).getFirst();
        // ORIGINATOR_ID (optional, type 9, length 4) = client 1's router id 10.0.0.1.
        assertThat(containsBytes(msg, "8009040a000001")).isTrue();
        // CLUSTER_LIST (optional, type 10, length 4) = our cluster id 10.255.255.1.
        assertThat(containsBytes(msg, "800a040affff01")).isTrue();
        assertThat(CLUSTER_ID.toString()).isEqualTo("10.255.255.1");
        Update u = Sent.decode(List.of(msg)).getFirst();
        assertThat(announced(u)).containsExactly(P1);
        assertThat(u.attributes().localPref()).isEqualTo(new LocalPref(100));
        assertThat(u.attributes().nextHop().address()).isEqualTo(c.get(0).address());
    }

    @Test
    void encodeOnce_oneThousandMembersShareTheSameBytes() {
        List<PeerInfo> c = clients(1000);
        assertThat(ribOut.groups()).hasSize(1);
        long before = ribOut.encodedMessages();
        select(P1, fromClient(c.get(0), 65010));
        ribOut.flush(sent);
        assertThat(ribOut.encodedMessages() - before).isEqualTo(1);
        assertThat(sent.writes).hasSize(999).doesNotContainKey(1);
        byte[] first = sent.bytes(2).getFirst();
        for (int id = 2; id <= 1000; id++) {
            assertThat(sent.bytes(id)).hasSize(1);
            assertThat(sent.bytes(id).getFirst()).isSameAs(first);
        }
    }

    @Test
    void splitHorizon_sourceGetsAWithdrawalWhileOthersShareTheAnnouncement() {
        List<PeerInfo> c = clients(3);
        select(P1, fromClient(c.get(1), 65020));
        ribOut.flush(sent);
        assertThat(sent.writes.keySet()).containsExactlyInAnyOrder(1, 3);
        sent.clear();

        // Client 1's route becomes best: client 1 had client 2's route from us, so it loses it.
        select(P1, fromClient(c.get(0), 65010));
        ribOut.flush(sent);
        assertThat(sent.updates(1)).singleElement().satisfies(u -> assertThat(withdrawn(u)).containsExactly(P1));
        assertThat(sent.updates(2)).singleElement().satisfies(u -> {
            assertThat(announced(u)).containsExactly(P1);
            assertThat(u.attributes().asPath()).isEqualTo(AsPath.ofSequence(65010));
        });
        // Client 2 was the old source, so it got its own copy; the content is the same as client 3's.
        assertThat(sent.bytes(3).getFirst()).isEqualTo(sent.bytes(2).getFirst());
        sent.clear();

        // And back: client 1 gets client 2's route again, and client 2 loses client 1's.
        select(P1, fromClient(c.get(1), 65020));
        ribOut.flush(sent);
        assertThat(sent.updates(1)).singleElement().satisfies(u -> assertThat(announced(u)).containsExactly(P1));
        assertThat(sent.updates(2)).singleElement().satisfies(u -> assertThat(withdrawn(u)).containsExactly(P1));
        assertThat(sent.updates(3)).singleElement().satisfies(u -> assertThat(announced(u)).containsExactly(P1));
        sent.clear();

        // Withdrawn: client 2 never had it from us, so it gets nothing.
        withdraw(P1);
        ribOut.flush(sent);
        assertThat(sent.writes.keySet()).containsExactlyInAnyOrder(1, 3);
        assertThat(sent.updates(1)).singleElement().satisfies(u -> assertThat(withdrawn(u)).containsExactly(P1));
    }

    @Test
    void slowPeer_tenThousandFlapsWhileBlockedLeaveOnePendingEntry() {
        List<PeerInfo> c = clients(3);
        ribOut.setWritable(3, false);
        for (int i = 0; i < 10_000; i++) {
            if (i % 2 == 0) {
                select(P1, route(c.get(0), attrs(AsPath.ofSequence(65010), new MultiExitDisc(i))));
            } else {
                withdraw(P1);
            }
            ribOut.flush(sent);
        }
        assertThat(ribOut.pendingCount(3)).isEqualTo(1);
        assertThat(sent.writes).doesNotContainKey(3);
        assertThat(sent.updates(2)).hasSize(10_000);

        // The last change was a withdrawal and client 3 never had the route: nothing to send.
        ribOut.setWritable(3, true);
        ribOut.flush(sent);
        assertThat(sent.writes).doesNotContainKey(3);
        assertThat(ribOut.pendingCount(3)).isZero();
    }

    @Test
    void slowPeer_getsOnlyTheLatestStateWhenWritableAgain() {
        List<PeerInfo> c = clients(3);
        select(P1, fromClient(c.get(0), 65010));
        select(P2, fromClient(c.get(0), 65010));
        ribOut.flush(sent);
        sent.clear();
        ribOut.setWritable(3, false);
        for (int i = 0; i < 1_000; i++) {
            select(P1, route(c.get(0), attrs(AsPath.ofSequence(65010), new MultiExitDisc(i))));
            ribOut.flush(sent);
        }
        withdraw(P2);
        select(P3, fromClient(c.get(1), 65020));
        ribOut.flush(sent);
        assertThat(ribOut.pendingCount(3)).isEqualTo(3);

        ribOut.setWritable(3, true);
        ribOut.flush(sent);
        List<Update> u = sent.updates(3);
        // Withdrawals first, then one UPDATE per distinct attribute set.
        assertThat(u).hasSize(3);
        assertThat(withdrawn(u.get(0))).containsExactly(P2);
        assertThat(announced(u.get(1))).containsExactly(P1);
        assertThat(u.get(1).attributes().med()).isEqualTo(new MultiExitDisc(999));
        assertThat(announced(u.get(2))).containsExactly(P3);
    }

    @Test
    void rfc4724_s2_newPeerGetsTheFullTableThenEndOfRibPerFamily() {
        PeerInfo source = client(1, "10.0.0.1");
        select(P1, fromClient(source, 65010));
        select(P2, fromClient(source, 65010));
        select(P3, fromClient(source, 65030));
        select(p("fd10::/64"), new Route(source, 0, attrs(AsPath.ofSequence(65010)),
                IpAddress.parse("fd00::10")));
        ribOut.flush(sent);
        ribOut.addPeer(out(client(2, "10.0.0.2")));
        ribOut.flush(sent);
        List<Update> u = sent.updates(2);
        List<Prefix> all = new ArrayList<>();
        u.forEach(m -> all.addAll(announced(m)));
        assertThat(all).containsExactlyInAnyOrder(P1, P2, P3, p("fd10::/64"));
        // P1 and P2 share attributes and one UPDATE; P3 and the IPv6 prefix have their own.
        assertThat(u).hasSize(5);
        assertThat(u.get(3).endOfRibFamily()).isEqualTo(Family.IPV4_UNICAST);
        assertThat(u.get(4).endOfRibFamily()).isEqualTo(Family.IPV6_UNICAST);
    }

    @Test
    void newPeerLeftOutOfItsOwnRoutesInTheInitialTable() {
        PeerInfo c1 = client(1, "10.0.0.1");
        ribOut.addPeer(out(c1));
        select(P1, fromClient(c1, 65010));
        ribOut.flush(sent);
        assertThat(sent.updates(1)).hasSize(2).allMatch(Update::isEndOfRib);
    }

    /** An IPv4 and an IPv6 route from client 1, already sent to the others. */
    private List<PeerInfo> clientsWithBothFamilies(int n) {
        List<PeerInfo> c = clients(n);
        select(P1, fromClient(c.get(0), 65010));
        select(V6, new Route(c.get(0), 0, attrs(AsPath.ofSequence(65010)), IpAddress.parse("fd00::10")));
        ribOut.flush(sent);
        sent.clear();
        return c;
    }

    private static final Prefix V6 = p("fd10::/64");
    /** RFC 7313 §3: ROUTE-REFRESH for IPv4 unicast, subtype 1 (BoRR) and 2 (EoRR). */
    private static final String BORR_IPV4 = "FF".repeat(16) + "0017" + "05" + "0001" + "01" + "01";
    private static final String EORR_IPV4 = "FF".repeat(16) + "0017" + "05" + "0001" + "02" + "01";

    @Test
    void rfc2918_s4_routeRefreshResendsOnlyTheAskedFamilyWithoutMarkersOrEndOfRib() {
        clientsWithBothFamilies(2);
        ribOut.routeRefresh(2, Family.IPV4_UNICAST, false);
        ribOut.flush(sent);
        assertThat(sent.messages(2)).singleElement().isInstanceOfSatisfying(Update.class, u -> {
            assertThat(announced(u)).containsExactly(P1);
            assertThat(u.isEndOfRib()).isFalse();
        });
        assertThat(sent.writes).doesNotContainKey(1);
    }

    @Test
    void rfc7313_s4_enhancedRefreshAnswerIsBorrThenTheFamilyThenEorr() {
        clientsWithBothFamilies(2);
        ribOut.routeRefresh(2, Family.IPV4_UNICAST, true);
        ribOut.flush(sent);
        List<byte[]> wire = sent.bytes(2);
        assertThat(wire).hasSize(3);
        assertThat(HexFormat.of().withUpperCase().formatHex(wire.get(0))).isEqualTo(BORR_IPV4);
        assertThat(announced(Sent.decode(List.of(wire.get(1))).getFirst())).containsExactly(P1);
        assertThat(HexFormat.of().withUpperCase().formatHex(wire.get(2))).isEqualTo(EORR_IPV4);
        // One write: the channel cannot put anything of this peer's between the markers and the UPDATEs.
        assertThat(sent.writes.get(2)).hasSize(1);
    }

    @Test
    void rfc7313_s4_emptyFamilyIsStillFramedSoThePeerDropsWhatItHeld() {
        clients(2);
        ribOut.routeRefresh(2, Family.IPV4_UNICAST, true);
        ribOut.flush(sent);
        assertThat(sent.bytes(2)).extracting(b -> HexFormat.of().withUpperCase().formatHex(b))
                .containsExactly(BORR_IPV4, EORR_IPV4);
    }

    @Test
    void rfc7313_s4_blockedPeerGetsTheFramedAnswerWithLaterChangesWhenWritable() {
        clientsWithBothFamilies(2);
        ribOut.setWritable(2, false);
        ribOut.routeRefresh(2, Family.IPV4_UNICAST, true);
        ribOut.flush(sent);
        select(P2, fromClient(ribOut.peer(1).peer(), 65020));
        ribOut.flush(sent);
        assertThat(sent.writes).doesNotContainKey(2);
        ribOut.setWritable(2, true);
        ribOut.flush(sent);
        List<byte[]> wire = sent.bytes(2);
        assertThat(HexFormat.of().withUpperCase().formatHex(wire.getFirst())).isEqualTo(BORR_IPV4);
        assertThat(HexFormat.of().withUpperCase().formatHex(wire.getLast())).isEqualTo(EORR_IPV4);
        List<Prefix> inside = new ArrayList<>();
        Sent.decode(wire.subList(1, wire.size() - 1)).forEach(u -> inside.addAll(announced(u)));
        assertThat(inside).containsExactlyInAnyOrder(P1, P2);
    }

    @Test
    void rfc7313_s4_refreshOwedSurvivesAnExportChange() {
        clientsWithBothFamilies(2);
        ribOut.setWritable(2, false);
        ribOut.routeRefresh(2, Family.IPV6_UNICAST, true);
        ribOut.changeProfile(ribOut.peer(2).withExport(PeerKind.MESH, true, Policy.acceptAll("export")));
        ribOut.setWritable(2, true);
        ribOut.flush(sent);
        assertThat(sent.messages(2)).filteredOn(RouteRefresh.class::isInstance)
                .extracting(m -> ((RouteRefresh) m).subtype())
                .containsExactly(1, 2);
    }

    @Test
    void withdrawalsGoFirstAndEqualAttributesArePackedTogether() {
        List<PeerInfo> c = clients(2);
        select(P1, fromClient(c.get(0), 65010));
        ribOut.flush(sent);
        sent.clear();
        withdraw(P1);
        select(P2, fromClient(c.get(0), 65020));
        select(P3, fromClient(c.get(0), 65020));
        select(p("10.4.0.0/24"), fromClient(c.get(0), 65040));
        ribOut.flush(sent);
        List<Update> u = sent.updates(2);
        assertThat(u).hasSize(3);
        assertThat(withdrawn(u.get(0))).containsExactly(P1);
        assertThat(announced(u.get(1))).containsExactly(P2, P3);
        assertThat(announced(u.get(2))).containsExactly(p("10.4.0.0/24"));
    }

    @Test
    void peersWithDifferentCodecCapabilitiesOrSettingsGetDifferentGroups() {
        PeerInfo a = client(1, "10.0.0.1");
        PeerInfo b = client(2, "10.0.0.2");
        PeerInfo twoOctet = client(3, "10.0.0.3");
        PeerInfo ebgp = ebgpPeer(4, "192.0.2.4", 65004);
        ribOut.addPeer(out(a));
        ribOut.addPeer(out(b));
        ribOut.addPeer(new OutboundPeer(twoOctet, PeerKind.MESH, false, OutFixtures.v4("10.0.0.1"), null,
                Policy.acceptAll("export"), SessionCapabilities.RFC4271, Set.of(Family.IPV4_UNICAST)));
        ribOut.addPeer(out(ebgp));
        assertThat(ribOut.groups()).hasSize(3);
        assertThat(ribOut.group(1)).isSameAs(ribOut.group(2));
        ribOut.removePeer(3);
        assertThat(ribOut.groups()).hasSize(2);
    }

    @Test
    void groupCreatedLaterStartsFromTheCurrentLocRib() {
        PeerInfo c1 = client(1, "10.0.0.1");
        select(P1, fromClient(c1, 65010));
        ribOut.flush(sent);
        ribOut.addPeer(out(ebgpPeer(9, "192.0.2.9", 65009)));
        ribOut.flush(sent);
        List<Update> u = sent.updates(9);
        assertThat(announced(u.getFirst())).containsExactly(P1);
        assertThat(u.getFirst().attributes().asPath()).isEqualTo(AsPath.ofSequence(OutFixtures.LOCAL_AS, 65010));
        assertThat(u.getFirst().attributes().localPref()).isNull();
        assertThat(ribOut.group(9).tableSize()).isEqualTo(1);
    }

    @Test
    void exportPolicyChangeOnARunningSessionSendsTheDifference() {
        PeerInfo c1 = client(1, "10.0.0.1");
        PeerInfo ebgp = ebgpPeer(9, "192.0.2.9", 65009);
        select(P1, fromClient(c1, 65010));
        select(P2, fromClient(c1, 65020));
        ribOut.addPeer(out(ebgp));
        ribOut.flush(sent);
        sent.clear();

        // The reload: P1 is no longer exported to this peer; P2 still is.
        Policy onlyP2 = new Policy("only-p2", List.of(dev.podbgp.rib.policy.Rule.accept("p2",
                new dev.podbgp.rib.policy.Match.PrefixIn(List.of(dev.podbgp.rib.policy.PrefixRange.exact(P2))))),
                dev.podbgp.rib.policy.Verdict.REJECT);
        ribOut.changeProfile(out(ebgp, false, onlyP2));
        ribOut.flush(sent);

        List<Update> u = sent.updates(9);
        assertThat(u.stream().flatMap(x -> withdrawn(x).stream())).containsExactly(P1);
        assertThat(u.stream().flatMap(x -> announced(x).stream())).containsExactly(P2);
        assertThat(u).noneMatch(Update::isEndOfRib);
        assertThat(ribOut.group(9).profile().exportPolicy()).isEqualTo(onlyP2);
    }

    @Test
    void aWithdrawalCollectedBeforeAProfileChangeStillReachesThePeer() {
        PeerInfo c1 = client(1, "10.0.0.1");
        PeerInfo ebgp = ebgpPeer(9, "192.0.2.9", 65009);
        select(P1, fromClient(c1, 65010));
        ribOut.addPeer(out(ebgp));
        ribOut.flush(sent);
        sent.clear();

        withdraw(P1);
        ribOut.changeProfile(out(ebgp, false, Policy.acceptAll("renamed")));
        ribOut.flush(sent);

        List<Update> u = sent.updates(9);
        assertThat(u.stream().flatMap(x -> withdrawn(x).stream())).containsExactly(P1);
        assertThat(u.stream().flatMap(x -> announced(x).stream())).isEmpty();
    }

    @Test
    void rfc4724_s2_aPeerMovedBeforeItsInitialTableStillGetsEndOfRib() {
        PeerInfo c1 = client(1, "10.0.0.1");
        PeerInfo ebgp = ebgpPeer(9, "192.0.2.9", 65009);
        select(P1, fromClient(c1, 65010));
        ribOut.addPeer(out(ebgp));
        ribOut.changeProfile(out(ebgp, false, Policy.acceptAll("renamed")));
        ribOut.flush(sent);

        List<Update> u = sent.updates(9);
        assertThat(u.stream().flatMap(x -> announced(x).stream())).containsExactly(P1);
        assertThat(u).anyMatch(Update::isEndOfRib);
    }

    @Test
    void unchangedOutputSendsNothing() {
        // MED from another AS is stripped towards eBGP, so a MED-only change changes nothing there.
        PeerInfo e = ebgpPeer(9, "192.0.2.9", 65009);
        ribOut.addPeer(out(e));
        PeerInfo c1 = client(1, "10.0.0.1");
        PathAttributes withMed = attrs(AsPath.ofSequence(65010), new MultiExitDisc(5));
        select(P1, route(c1, withMed));
        ribOut.flush(sent);
        sent.clear();
        long before = ribOut.encodedMessages();
        select(P1, route(c1, withMed.with(new MultiExitDisc(6))));
        ribOut.flush(sent);
        assertThat(sent.writes).isEmpty();
        assertThat(ribOut.encodedMessages()).isEqualTo(before);
    }

    @Test
    void blockedNewPeerGetsItsInitialTableOnlyWhenWritable() {
        PeerInfo source = client(1, "10.0.0.1");
        select(P1, fromClient(source, 65010));
        ribOut.addPeer(out(client(2, "10.0.0.2")));
        ribOut.setWritable(2, false);
        ribOut.flush(sent);
        select(P2, fromClient(source, 65010));
        ribOut.flush(sent);
        assertThat(sent.writes).isEmpty();
        ribOut.setWritable(2, true);
        ribOut.flush(sent);
        List<Update> u = sent.updates(2);
        assertThat(announced(u.getFirst())).containsExactlyInAnyOrder(P1, P2);
        assertThat(u.subList(1, u.size())).allMatch(Update::isEndOfRib).hasSize(2);
    }

    @Test
    void rfc6793_s4_2_2_twoOctetPeerGroupEncodesAsTransAndAs4Path() {
        PeerInfo old = ebgpPeer(9, "192.0.2.9", 65009);
        ribOut.addPeer(new OutboundPeer(old, PeerKind.EXTERNAL, false, OutFixtures.v4("10.0.0.1"), null,
                Policy.acceptAll("export"), SessionCapabilities.RFC4271, Set.of(Family.IPV4_UNICAST)));
        ribOut.addPeer(out(ebgpPeer(10, "192.0.2.10", 65009)));
        ribOut.flush(sent);
        sent.clear();
        select(P1, fromClient(client(1, "10.0.0.1"), 4_200_000_000L));
        ribOut.flush(sent);
        byte[] toOld = sent.bytes(9).getFirst();
        // AS_PATH with 2-octet ASNs: one AS_SEQUENCE of 65000 and AS_TRANS (23456).
        assertThat(containsBytes(toOld, "40020602" + "02fde85ba0")).isTrue();
        // AS4_PATH (optional transitive, type 17) carries the real path.
        assertThat(containsBytes(toOld, "c0110a0202" + "0000fde8fa56ea00")).isTrue();
        Update decoded = Sent.decode(List.of(toOld), SessionCapabilities.RFC4271).getFirst();
        assertThat(decoded.attributes().asPath()).isEqualTo(AsPath.ofSequence(OutFixtures.LOCAL_AS, 4_200_000_000L));
        // The 4-octet peer of the same AS is another group with other bytes.
        assertThat(ribOut.group(9)).isNotSameAs(ribOut.group(10));
        assertThat(sent.updates(10).getFirst().attributes().asPath())
                .isEqualTo(AsPath.ofSequence(OutFixtures.LOCAL_AS, 4_200_000_000L));
    }

    @Test
    void initialTableIsEncodedOnceForPeersComingUpTogether() {
        PeerInfo upstream = ebgpPeer(5000, "192.0.2.50", 65050);
        select(P1, route(upstream, attrs(AsPath.ofSequence(65050))));
        select(P2, route(upstream, attrs(AsPath.ofSequence(65050))));
        select(P3, route(upstream, attrs(AsPath.ofSequence(65050, 65051))));
        ribOut.flush(sent);
        long before = ribOut.encodedMessages();
        for (int i = 1; i <= 1000; i++) {
            ribOut.addPeer(out(client(i, "10.0." + (i >> 8) + "." + (i & 0xff))));
        }
        ribOut.flush(sent);
        // Two attribute sets, then End-of-RIB for IPv4 and IPv6: four messages for all 1,000.
        assertThat(ribOut.encodedMessages() - before).isEqualTo(4);
        List<byte[]> first = sent.writes.get(1).getFirst();
        for (int i = 2; i <= 1000; i++) {
            assertThat(sent.writes.get(i)).singleElement().isSameAs(first);
        }
        List<Update> u = Sent.decode(first);
        assertThat(u.get(0).attributes().asPath()).isNotEqualTo(u.get(1).attributes().asPath());
        assertThat(u.subList(0, 2)).flatExtracting(Sent::announced).containsExactlyInAnyOrder(P1, P2, P3);

        // A change makes the cached table stale: a later peer gets the new state.
        withdraw(P3);
        ribOut.flush(sent);
        ribOut.addPeer(out(client(1001, "10.0.3.233")));
        ribOut.flush(sent);
        assertThat(sent.updates(1001)).flatExtracting(Sent::announced).containsExactlyInAnyOrder(P1, P2);
    }
}
