package dev.podbgp.bgp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.session.NegotiatedSession;
import dev.podbgp.bgp.session.PeerAsRule;
import dev.podbgp.bgp.session.SessionConfig;
import dev.podbgp.bgp.session.SessionReport;
import dev.podbgp.bgp.session.SessionState;
import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Prefix;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Listen ranges on loopback: speaker "rr" (AS 65000) has no configured peer, only the range 127.0.1.0/24; speakers
 * dial it from addresses inside and outside the range, with AS numbers the range's rule accepts or not.
 */
class DynamicRangeLoopbackTest {

    static final InetAddress RR = address("127.0.0.1");
    static final Prefix RANGE = Prefix.parse("127.0.1.0/24");

    /** The range side's view: dynamic peers coming and going, and sessions. */
    static final class RangeEvents implements PeerListener {
        final BlockingQueue<BgpPeer> added = new LinkedBlockingQueue<>();
        final BlockingQueue<BgpPeer> removed = new LinkedBlockingQueue<>();
        final BlockingQueue<NegotiatedSession> established = new LinkedBlockingQueue<>();
        /** Every event, in order, as "kind address". */
        final List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public void dynamicPeerAdded(BgpPeer peer) {
            order.add("added " + peer.config().address().getHostAddress());
            added.add(peer);
        }

        @Override
        public void dynamicPeerRemoved(BgpPeer peer) {
            order.add("removed " + peer.config().address().getHostAddress());
            removed.add(peer);
        }

        @Override
        public void established(BgpPeer peer, NegotiatedSession session) {
            order.add("established " + peer.config().address().getHostAddress());
            established.add(session);
        }

        @Override
        public void down(BgpPeer peer, SessionReport.SessionDown down) {
            order.add("down " + peer.config().address().getHostAddress());
        }
    }

    /** A dialling side's view. */
    static final class DialEvents extends SpeakerLoopbackTest.Events {
        DialEvents() {
            super(new LinkedBlockingQueue<>());
        }
    }

    final RangeEvents rrEvents = new RangeEvents();
    final List<BgpSpeaker> speakers = new ArrayList<>();
    BgpSpeaker rr;

    @AfterEach
    void stop() {
        speakers.forEach(BgpSpeaker::close);
    }

    static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static SessionConfig session(long localAs, long peerAs, String id) {
        SessionConfig c = SessionConfig.of(localAs, peerAs, Ipv4Address.parse(id), Set.of(Family.IPV4_UNICAST));
        return c.withHoldTime(9, 3).withTimers(Duration.ofSeconds(1), c.restartBackoff());
    }

    void startRange(PeerAsRule rule, int maxSessions, String password) {
        rr = BgpSpeaker.start(SpeakerConfig.listeningOn(new InetSocketAddress(RR, 0)), rrEvents);
        speakers.add(rr);
        PeerConfig template = PeerConfig.of(RR, session(65000, 65000, "192.0.2.1").withAcceptedPeerAs(rule));
        rr.addDynamicRange(new DynamicRange(RANGE, password == null ? template : template.withMd5Password(password),
                maxSessions));
    }

    /** A speaker in {@code as} at {@code from} with one active peer: the range side. */
    BgpPeer dial(String from, long as, DialEvents events, String password) {
        BgpSpeaker s = BgpSpeaker.start(new SpeakerConfig(List.of(), 1, true, null), events);
        speakers.add(s);
        PeerConfig toRr = PeerConfig.of(RR, session(as, 65000, "192.0.2.9")).withPort(rr.boundAddresses().getFirst().getPort())
                .withLocalAddress(address(from));
        return s.addPeer(password == null ? toRr : toRr.withMd5Password(password));
    }

    /** A plain TCP connection from {@code from} is accepted by the kernel and closed by the speaker, unanswered. */
    void closedWithoutAWord(String from) throws java.io.IOException {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(from, 0));
            s.connect(rr.boundAddresses().getFirst(), 2_000);
            s.setSoTimeout(2_000);
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
    }

    static void await(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(done.getAsBoolean()).as("reached within 20 s").isTrue();
    }

    @Test
    void aConnectionFromTheRangeBecomesAPeerThatLastsAsLongAsItsSession() throws Exception {
        startRange(new PeerAsRule.Range(65001, 65010), 8, null);
        DialEvents client = new DialEvents();
        BgpPeer toRr = dial("127.0.1.5", 65005, client, null);

        NegotiatedSession atRr = rrEvents.established.poll(20, TimeUnit.SECONDS);
        assertThat(atRr).as("established at the range side").isNotNull();
        assertThat(atRr.peerAs()).isEqualTo(65005);
        assertThat(client.established.poll(10, TimeUnit.SECONDS)).isNotNull();
        BgpPeer dynamic = rr.peer(address("127.0.1.5")).orElseThrow();
        assertThat(dynamic.dynamicRange()).map(DynamicRange::range).contains(RANGE);
        assertThat(dynamic.config().session().passive()).isTrue();
        assertThat(dynamic.state()).isEqualTo(SessionState.ESTABLISHED);

        toRr.stop("going away");
        assertThat(rrEvents.removed.poll(10, TimeUnit.SECONDS)).isSameAs(dynamic);
        assertThat(rr.peers()).isEmpty();
        assertThat(rrEvents.order).containsExactly("added 127.0.1.5", "established 127.0.1.5", "down 127.0.1.5",
                "removed 127.0.1.5");
    }

    @Test
    void aPeerThatComesBackIsANewDynamicPeer() throws Exception {
        startRange(new PeerAsRule.Exactly(65005), 8, null);
        DialEvents client = new DialEvents();
        BgpPeer toRr = dial("127.0.1.5", 65005, client, null);
        assertThat(rrEvents.established.poll(20, TimeUnit.SECONDS)).isNotNull();
        BgpPeer first = rrEvents.added.poll(1, TimeUnit.SECONDS);
        toRr.stop("bounce");
        assertThat(rrEvents.removed.poll(10, TimeUnit.SECONDS)).isSameAs(first);
        toRr.restart();
        assertThat(rrEvents.established.poll(20, TimeUnit.SECONDS)).isNotNull();
        BgpPeer second = rrEvents.added.poll(1, TimeUnit.SECONDS);
        assertThat(second).isNotNull().isNotSameAs(first);
        assertThat(rr.peer(address("127.0.1.5"))).containsSame(second);
    }

    @Test
    void rfc4271_s6_2_anAsTheRangeDoesNotAcceptIsBadPeerAs() throws Exception {
        startRange(new PeerAsRule.Range(65001, 65003), 8, null);
        DialEvents client = new DialEvents();
        dial("127.0.1.5", 65005, client, null);
        SessionReport.SessionDown down = client.down.poll(20, TimeUnit.SECONDS);
        assertThat(down).isNotNull();
        assertThat(down.notification()).isPresent();
        assertThat(down.notification().get().error()).contains(BgpError.BAD_PEER_AS);
        assertThat(rrEvents.removed.poll(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(rrEvents.established).isEmpty();
        await(() -> rr.peer(address("127.0.1.5")).isEmpty());
    }

    @Test
    void externalAcceptsAnyAsButOurOwn() throws Exception {
        startRange(new PeerAsRule.External(), 8, null);
        DialEvents internal = new DialEvents();
        dial("127.0.1.7", 65000, internal, null);
        SessionReport.SessionDown down = internal.down.poll(20, TimeUnit.SECONDS);
        assertThat(down).isNotNull();
        assertThat(down.notification().orElseThrow().error()).contains(BgpError.BAD_PEER_AS);

        DialEvents external = new DialEvents();
        dial("127.0.1.8", 4200000000L, external, null);
        assertThat(external.established.poll(20, TimeUnit.SECONDS)).isNotNull();
        NegotiatedSession atRr = rrEvents.established.poll(10, TimeUnit.SECONDS);
        assertThat(atRr).isNotNull();
        assertThat(atRr.peerAs()).isEqualTo(4200000000L);
        assertThat(atRr.internal()).isFalse();
    }

    @Test
    void aConnectionFromOutsideTheRangeIsRefused() throws Exception {
        startRange(new PeerAsRule.Exactly(65005), 8, null);
        closedWithoutAWord("127.0.2.5");
        assertThat(rr.refusedConnections()).isEqualTo(1);
        assertThat(rrEvents.added).isEmpty();
        assertThat(rr.peers()).isEmpty();
    }

    @Test
    void connectionsBeyondTheRangesLimitAreRefused() throws Exception {
        startRange(new PeerAsRule.Exactly(65005), 1, null);
        DialEvents client = new DialEvents();
        dial("127.0.1.5", 65005, client, null);
        assertThat(rrEvents.established.poll(20, TimeUnit.SECONDS)).isNotNull();
        closedWithoutAWord("127.0.1.6");
        assertThat(rr.refusedConnections()).isEqualTo(1);
        assertThat(rr.peers()).hasSize(1);
    }

    @Test
    void aConfiguredPeerTakesItsAddressOverFromADynamicOne() throws Exception {
        startRange(new PeerAsRule.Range(65001, 65010), 8, null);
        DialEvents client = new DialEvents();
        dial("127.0.1.5", 65005, client, null);
        assertThat(rrEvents.established.poll(20, TimeUnit.SECONDS)).isNotNull();
        BgpPeer dynamic = rr.peer(address("127.0.1.5")).orElseThrow();
        BgpPeer configured = rr.addPeer(PeerConfig.of(address("127.0.1.5"),
                session(65000, 65005, "192.0.2.1").withPassive(true)));
        SessionReport.SessionDown down = client.down.poll(10, TimeUnit.SECONDS);
        assertThat(down.notification().orElseThrow().error()).contains(BgpError.CEASE_OTHER_CONFIGURATION_CHANGE);
        assertThat(rrEvents.removed.poll(10, TimeUnit.SECONDS)).isSameAs(dynamic);
        await(() -> configured.state() == SessionState.ESTABLISHED);
        assertThat(rr.peer(address("127.0.1.5"))).containsSame(configured);
        assertThat(configured.dynamicRange()).isEmpty();
    }

    @Test
    void rfc4486_removingTheRangeEndsItsPeers() throws Exception {
        startRange(new PeerAsRule.Exactly(65005), 8, null);
        DialEvents client = new DialEvents();
        dial("127.0.1.5", 65005, client, null);
        assertThat(rrEvents.established.poll(20, TimeUnit.SECONDS)).isNotNull();
        rr.removeDynamicRange(RANGE);
        SessionReport.SessionDown down = client.down.poll(10, TimeUnit.SECONDS);
        assertThat(down.notification().orElseThrow().error()).contains(BgpError.CEASE_PEER_DECONFIGURED);
        assertThat(rrEvents.removed.poll(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(rr.peers()).isEmpty();
        assertThat(rr.dynamicRanges()).isEmpty();
    }

    @Test
    void rfc2385_theRangesPasswordCoversEveryAddressOfIt() throws Exception {
        startRange(new PeerAsRule.Exactly(65005), 8, "range-secret");
        DialEvents signed = new DialEvents();
        dial("127.0.1.5", 65005, signed, "range-secret");
        assertThat(signed.established.poll(20, TimeUnit.SECONDS)).as("signed with the range's key").isNotNull();

        // Unsigned SYNs to a socket holding a key for their source are dropped by the kernel: no connection, no peer.
        DialEvents unsigned = new DialEvents();
        BgpPeer plain = dial("127.0.1.6", 65005, unsigned, null);
        Thread.sleep(3_000);
        assertThat(plain.state()).isNotEqualTo(SessionState.ESTABLISHED);
        assertThat(rr.peer(address("127.0.1.6"))).isEmpty();

        rr.removeDynamicRange(RANGE);
        assertThat(signed.down.poll(10, TimeUnit.SECONDS)).isNotNull();
    }
}
