package dev.podbgp.rib.out;

import static dev.podbgp.rib.out.OutFixtures.LOCAL_AS;
import static dev.podbgp.rib.out.OutFixtures.PLAIN;
import static dev.podbgp.rib.out.OutFixtures.ROUTER_ID;
import static dev.podbgp.rib.out.OutFixtures.ebgpPeer;
import static dev.podbgp.rib.out.OutFixtures.out;
import static dev.podbgp.rib.out.OutFixtures.p;
import static dev.podbgp.rib.out.Sent.announced;
import static dev.podbgp.rib.out.Sent.withdrawn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.attr.MultiExitDisc;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.BestPathOptions;
import dev.podbgp.rib.PeerInfo;
import dev.podbgp.rib.PeerScope;
import dev.podbgp.rib.Rib;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Routes the node originates for named peers only (ExaBGP's {@code neighbor A announce route}): each peer gets what
 * was announced to it, through a real {@link Rib} and its {@link AdjRibOut}.
 */
class ScopedOriginationTest {

    private static final Prefix SERVICE = p("192.0.2.1/32");

    private final Rib rib = new Rib(ROUTER_ID, BestPathOptions.defaults(LOCAL_AS));
    private final AdjRibOut ribOut = new AdjRibOut(PLAIN, rib);
    private final PeerInfo a = ebgpPeer(1, "10.0.0.2", 65002);
    private final PeerInfo b = ebgpPeer(2, "10.0.0.3", 65002);
    private final Sent sent = new Sent();

    @BeforeEach
    void twoPeersOfOneProfile() {
        rib.addListener(ribOut);
        ribOut.addPeer(out(a));
        ribOut.addPeer(out(b));
        ribOut.flush(sent);
        sent.clear();
        assertThat(ribOut.groups()).hasSize(1);
    }

    @Test
    void aRouteScopedToOnePeerReachesThatPeerOnly() {
        rib.originate(SERVICE, med(10), only(a));
        ribOut.flush(sent);

        assertThat(announcedTo(a)).containsExactly(SERVICE);
        assertThat(sent.updates(b.id())).isEmpty();
        // The named peer has a group of its own; the other keeps the shared one.
        assertThat(ribOut.groups()).hasSize(2);
        assertThat(ribOut.group(a.id()).scopedPeer()).isEqualTo(a.address());
        assertThat(ribOut.group(b.id()).scopedPeer()).isNull();
        // The Loc-RIB holds one local route, the named peer's, and nothing reaches the FIB's side of it.
        assertThat(rib.decision(SERVICE).best().peer().isLocal()).isTrue();
        assertThat(rib.scopedPeers()).containsExactly(a.address());
    }

    @Test
    void theSamePrefixGoesToTwoPeersWithTheirOwnAttributes() {
        rib.originate(SERVICE, med(10), only(a));
        rib.originate(SERVICE, med(20), only(b));
        ribOut.flush(sent);

        assertThat(medsTo(a)).containsExactly(10L);
        assertThat(medsTo(b)).containsExactly(20L);
        sent.clear();

        // A new announcement to one of them changes only what that one is sent.
        rib.originate(SERVICE, med(30), only(b));
        ribOut.flush(sent);
        assertThat(sent.updates(a.id())).isEmpty();
        assertThat(medsTo(b)).containsExactly(30L);
    }

    @Test
    void aScopedWithdrawalRemovesTheRouteOnlyForThosePeers() {
        rib.originate(SERVICE, med(10), only(a));
        rib.originate(SERVICE, med(20), only(b));
        ribOut.flush(sent);
        sent.clear();

        rib.withdrawOriginated(SERVICE, only(a));
        ribOut.flush(sent);
        assertThat(withdrawnFrom(a)).containsExactly(SERVICE);
        assertThat(sent.updates(b.id())).isEmpty();
        // b's route is what the Loc-RIB holds now.
        assertThat(rib.decision(SERVICE).best().attributes().med().value()).isEqualTo(20);
        sent.clear();

        rib.withdrawOriginated(SERVICE, only(b));
        ribOut.flush(sent);
        assertThat(withdrawnFrom(b)).containsExactly(SERVICE);
        assertThat(rib.decision(SERVICE)).isNull();
        assertThat(rib.scopedPeers()).isEmpty();
        // Nobody is named any more: the peers share one group again.
        assertThat(ribOut.groups()).hasSize(1);
    }

    @Test
    void aScopedWithdrawalOfARouteForEveryoneLeavesTheOthersTheirs() {
        rib.originate(SERVICE, med(10));
        ribOut.flush(sent);
        assertThat(announcedTo(a)).containsExactly(SERVICE);
        assertThat(announcedTo(b)).containsExactly(SERVICE);
        sent.clear();

        rib.withdrawOriginated(SERVICE, only(a));
        ribOut.flush(sent);
        assertThat(withdrawnFrom(a)).containsExactly(SERVICE);
        assertThat(sent.updates(b.id())).isEmpty();
        sent.clear();

        // A peer that comes later is not named by the withdrawal and gets the route for everyone.
        PeerInfo c = ebgpPeer(3, "10.0.0.4", 65002);
        ribOut.addPeer(out(c));
        ribOut.flush(sent);
        assertThat(announcedTo(c)).containsExactly(SERVICE);
    }

    @Test
    void anAnnouncementForEveryoneReplacesWhatNamedPeersWereSent() {
        rib.originate(SERVICE, med(10), only(a));
        ribOut.flush(sent);
        sent.clear();

        rib.originate(SERVICE, med(40));
        ribOut.flush(sent);
        assertThat(medsTo(a)).containsExactly(40L);
        assertThat(medsTo(b)).containsExactly(40L);
        assertThat(rib.scopedOrigin(SERVICE)).isNull();
        assertThat(ribOut.groups()).hasSize(1);
    }

    @Test
    void aPeerConfiguredLaterIsNotNamedByAnEarlierScope() {
        rib.originate(SERVICE, med(10), only(a));
        ribOut.flush(sent);
        sent.clear();

        PeerInfo c = ebgpPeer(3, "10.0.0.4", 65002);
        ribOut.addPeer(out(c));
        ribOut.flush(sent);
        assertThat(announcedTo(c)).isEmpty();
        // It shares b's group: neither is named.
        assertThat(ribOut.group(c.id())).isSameAs(ribOut.group(b.id()));
    }

    @Test
    void aRemovedPeerIsForgottenSoItsAddressStartsAfreshWhenConfiguredAgain() {
        rib.originate(SERVICE, med(10), only(a));
        rib.originate(SERVICE, med(20), only(b));
        ribOut.flush(sent);
        sent.clear();

        ribOut.removePeer(a.id());
        rib.removePeer(a);
        ribOut.flush(sent);
        assertThat(rib.scopedPeers()).containsExactly(b.address());
        assertThat(sent.updates(b.id())).isEmpty();
        assertThat(rib.decision(SERVICE).best().attributes().med().value()).isEqualTo(20);

        PeerInfo again = ebgpPeer(4, "10.0.0.2", 65002);
        ribOut.addPeer(out(again));
        ribOut.flush(sent);
        assertThat(announcedTo(again)).isEmpty();

        ribOut.removePeer(b.id());
        rib.removePeer(b);
        ribOut.flush(sent);
        assertThat(rib.decision(SERVICE)).isNull();
        assertThat(rib.scopedPeers()).isEmpty();
    }

    @Test
    void forgettingTheRouteForEveryoneKeepsWhatNamedPeersWereSent() {
        rib.originate(SERVICE, med(10));
        rib.originate(SERVICE, med(20), only(a));
        ribOut.flush(sent);
        assertThat(medsTo(a)).containsExactly(20L);
        assertThat(medsTo(b)).containsExactly(10L);
        sent.clear();

        // The helper that announced to everyone ended; the one that named a did not.
        rib.forgetOriginated(SERVICE, PeerScope.EVERYONE);
        ribOut.flush(sent);
        assertThat(sent.updates(a.id())).isEmpty();
        assertThat(withdrawnFrom(b)).containsExactly(SERVICE);
        sent.clear();

        rib.originate(SERVICE, med(10));
        rib.originate(SERVICE, med(20), only(a));
        ribOut.flush(sent);
        sent.clear();
        // Forgetting what a was told falls back to the route for everyone.
        rib.forgetOriginated(SERVICE, only(a));
        ribOut.flush(sent);
        assertThat(medsTo(a)).containsExactly(10L);
        assertThat(sent.updates(b.id())).isEmpty();
    }

    @Test
    void peersNamedByNoScopeStillShareOneEncoding() {
        PeerInfo c = ebgpPeer(3, "10.0.0.4", 65002);
        ribOut.addPeer(out(c));
        rib.originate(SERVICE, med(10), only(a));
        ribOut.flush(sent);
        long before = ribOut.encodedMessages();

        rib.originate(p("10.244.1.0/24"), PathAttributes.of(Origin.IGP));
        ribOut.flush(sent);
        // One encoding for b and c together, one for a's own group.
        assertThat(ribOut.encodedMessages() - before).isEqualTo(2);
        assertThat(sent.updates(b.id())).flatExtracting(Sent::announced).contains(p("10.244.1.0/24"));
        assertThat(sent.updates(c.id())).flatExtracting(Sent::announced).contains(p("10.244.1.0/24"));
    }

    private static PeerScope only(PeerInfo peer) {
        return PeerScope.Peers.of(Set.<IpAddress>of(peer.address()));
    }

    private static PathAttributes med(long value) {
        return PathAttributes.of(Origin.IGP, new MultiExitDisc(value));
    }

    private List<Prefix> announcedTo(PeerInfo peer) {
        return sent.updates(peer.id()).stream().flatMap(u -> announced(u).stream()).toList();
    }

    private List<Prefix> withdrawnFrom(PeerInfo peer) {
        return sent.updates(peer.id()).stream().flatMap(u -> withdrawn(u).stream()).toList();
    }

    private List<Long> medsTo(PeerInfo peer) {
        return sent.updates(peer.id()).stream().filter(u -> !announced(u).isEmpty()).map(Update::attributes)
                .map(at -> at.med() == null ? -1L : at.med().value()).toList();
    }
}
