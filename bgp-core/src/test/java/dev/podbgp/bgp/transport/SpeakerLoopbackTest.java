package dev.podbgp.bgp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.session.NegotiatedSession;
import dev.podbgp.bgp.session.SessionConfig;
import dev.podbgp.bgp.session.SessionReport;
import dev.podbgp.bgp.session.SessionState;
import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.bgp.wire.message.UpdatePacker;
import dev.podbgp.bgp.wire.nlri.NlriEntry;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Prefix;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two podbgp speakers in one JVM on loopback addresses: the transport and session end to end.
 * Their sessions share a {@link ManualSessionClock}, so hold times pass when the test says,
 * and each timer's messages have arrived before the next timer fires.
 */
class SpeakerLoopbackTest {

    static final Set<Family> BOTH = Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST);

    /** Collects what a speaker's listener sees. */
    static class Events implements PeerListener {
        final BlockingQueue<SessionState> moves;
        final BlockingQueue<NegotiatedSession> established = new LinkedBlockingQueue<>();
        final BlockingQueue<Update> updates = new LinkedBlockingQueue<>();
        final BlockingQueue<Family> endOfRib = new LinkedBlockingQueue<>();
        final BlockingQueue<SessionReport.SessionDown> down = new LinkedBlockingQueue<>();

        /** @param moves where the state changes go, shared by both speakers */
        Events(BlockingQueue<SessionState> moves) {
            this.moves = moves;
        }

        @Override
        public void stateChanged(BgpPeer peer, SessionState from, SessionState to) {
            moves.add(to);
        }

        @Override
        public void established(BgpPeer peer, NegotiatedSession session) {
            established.add(session);
        }

        @Override
        public void update(BgpPeer peer, Update update) {
            updates.add(update);
        }

        @Override
        public void endOfRib(BgpPeer peer, Family family) {
            endOfRib.add(family);
        }

        @Override
        public void down(BgpPeer peer, SessionReport.SessionDown d) {
            down.add(d);
        }
    }

    final ManualSessionClock clock = new ManualSessionClock(this::networkIdle);
    final BlockingQueue<SessionState> moves = new LinkedBlockingQueue<>();
    final Events eventsA = new Events(moves);
    final Events eventsB = new Events(moves);
    BgpSpeaker a;
    BgpSpeaker b;

    @AfterEach
    void stop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    static SessionConfig session(long localAs, long peerAs, String id) {
        SessionConfig c = SessionConfig.of(localAs, peerAs, Ipv4Address.parse(id), BOTH);
        // Hold 3 s, keepalive 1 s: four seconds of session time are more than one hold time.
        return new SessionConfig(c.localAs(), c.peerAs(), c.localId(), 3, 1, Duration.ofSeconds(1),
                c.restartBackoff(), false, c.capabilities(), c.required());
    }

    void startPair(boolean bothActive) throws Exception {
        InetAddress addrA = InetAddress.getByName("127.0.0.1");
        InetAddress addrB = InetAddress.getByName("127.0.0.2");
        a = BgpSpeaker.start(SpeakerConfig.listeningOn(new InetSocketAddress(addrA, 0)), eventsA, clock);
        b = BgpSpeaker.start(SpeakerConfig.listeningOn(new InetSocketAddress(addrB, 0)), eventsB, clock);
        int portA = a.boundAddresses().getFirst().getPort();
        int portB = b.boundAddresses().getFirst().getPort();
        SessionConfig sa = session(65001, 4200000002L, "192.0.2.1");
        SessionConfig sb = session(4200000002L, 65001, "192.0.2.2");
        PeerConfig toB = PeerConfig.of(addrB, sa).withPort(portB).withLocalAddress(addrA);
        if (bothActive) {
            a.addPeer(toB);
            b.addPeer(PeerConfig.of(addrA, sb).withPort(portA).withLocalAddress(addrB));
        } else {
            sb = new SessionConfig(sb.localAs(), sb.peerAs(), sb.localId(), sb.holdTime(), sb.keepaliveTime(),
                    sb.connectRetryTime(), sb.restartBackoff(), true, sb.capabilities(), sb.required());
            // The passive side first: A's first connection must not find B without A configured
            // (refused, A down from OpenSent, a retry), which the tests would see as a down.
            b.addPeer(PeerConfig.of(addrA, sb).withPort(portA).withLocalAddress(addrB));
            a.addPeer(toB);
        }
    }

    /** Nothing the two speakers sent each other is still in the kernel, unacknowledged or unread. */
    private boolean networkIdle() {
        Set<Integer> ports = Stream.concat(a.boundAddresses().stream(), b.boundAddresses().stream())
                .map(InetSocketAddress::getPort).collect(Collectors.toSet());
        return TcpQueues.empty(ports);
    }

    @Test
    void rfc4271_s8_sessionEstablishesAndUpdatesFlowBothWays() throws Exception {
        startPair(false);
        awaitSessions(() -> !eventsA.established.isEmpty() && !eventsB.established.isEmpty());
        NegotiatedSession na = eventsA.established.poll(10, TimeUnit.SECONDS);
        NegotiatedSession nb = eventsB.established.poll(10, TimeUnit.SECONDS);
        assertThat(na).as("A established").isNotNull();
        assertThat(nb).as("B established").isNotNull();
        assertThat(na.peerAs()).isEqualTo(4200000002L);
        assertThat(na.codec().fourOctetAs()).isTrue();
        assertThat(na.families()).containsExactlyInAnyOrderElementsOf(BOTH);
        assertThat(na.holdTime()).isEqualTo(3);

        BgpPeer peerOfA = a.peer(InetAddress.getByName("127.0.0.2")).orElseThrow();
        assertThat(peerOfA.state()).isEqualTo(SessionState.ESTABLISHED);
        List<Update> updates = UpdatePacker.announce(Family.IPV6_UNICAST,
                PathAttributes.of(Origin.IGP, AsPath.ofSequence(65001)), IpAddress.parse("2001:db8::1"), null,
                List.of(NlriEntry.of(Prefix.parse("fd00:10:240:1::/64"))), na.codec());
        peerOfA.send(updates);
        peerOfA.send(List.of(na.endOfRib(Family.IPV6_UNICAST)));
        Update got = eventsB.updates.poll(5, TimeUnit.SECONDS);
        assertThat(got).isEqualTo(updates.getFirst());
        assertThat(eventsB.endOfRib.poll(5, TimeUnit.SECONDS)).isEqualTo(Family.IPV6_UNICAST);

        // Keepalives keep it up well past the 3 s hold time.
        clock.advance(Duration.ofSeconds(4));
        assertThat(peerOfA.state()).isEqualTo(SessionState.ESTABLISHED);
        assertThat(eventsA.down).isEmpty();
    }

    @Test
    void rfc4271_s6_8_simultaneousConnectsResolveToOneSession() throws Exception {
        startPair(true);
        BgpPeer ofA = a.peer(InetAddress.getByName("127.0.0.2")).orElseThrow();
        BgpPeer ofB = b.peer(InetAddress.getByName("127.0.0.1")).orElseThrow();
        // Both sides dial out. §6.8 closes one connection by BGP identifier, but a side whose
        // connection is already Established keeps it (also §6.8), so when the two sides see
        // the race differently one reset can happen before they settle on one session.
        awaitSessions(() -> ofA.state() == SessionState.ESTABLISHED && ofB.state() == SessionState.ESTABLISHED);
        assertThat(ofA.state()).isEqualTo(SessionState.ESTABLISHED);
        assertThat(ofB.state()).isEqualTo(SessionState.ESTABLISHED);
        assertThat(eventsA.established.size()).as("establishments on A").isBetween(1, 2);
        eventsA.down.clear();
        eventsB.down.clear();
        // Settled: one session per side, and it stays up (hold time 3 s).
        clock.advance(Duration.ofSeconds(4));
        assertThat(eventsA.down).isEmpty();
        assertThat(eventsB.down).isEmpty();
        assertThat(ofA.state()).isEqualTo(SessionState.ESTABLISHED);
    }

    /**
     * Waits (20 s at most) until {@code done}. Session time stands still meanwhile, except when
     * no state has changed for 100 ms and a side waits for a timer to try again (its connection
     * was refused, lost or reset): then it moves on to the next timer, as the real clock would.
     */
    private void awaitSessions(BooleanSupplier done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            boolean quiet = moves.poll(100, TimeUnit.MILLISECONDS) == null;
            if (quiet && Stream.concat(a.peers().stream(), b.peers().stream()).anyMatch(SpeakerLoopbackTest::waitsForTimer)) {
                clock.advanceToNextTimer();
            }
        }
        // A move to Established is reported just before the establishment itself: let it land.
        clock.settle();
    }

    private static boolean waitsForTimer(BgpPeer peer) {
        SessionState s = peer.state();
        return s == SessionState.IDLE || s == SessionState.ACTIVE && !peer.config().session().passive();
    }

    @Test
    void rfc9003_administrativeShutdownCarriesTheMessage() throws Exception {
        startPair(false);
        awaitSessions(() -> !eventsB.established.isEmpty());
        assertThat(eventsB.established.poll(10, TimeUnit.SECONDS)).isNotNull();
        a.peer(InetAddress.getByName("127.0.0.2")).orElseThrow().stop("maintenance: replacing the ToR");
        SessionReport.SessionDown down = eventsB.down.poll(5, TimeUnit.SECONDS);
        assertThat(down).isNotNull();
        assertThat(down.notification()).isPresent();
        assertThat(down.notification().get().error()).contains(BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN);
        assertThat(down.notification().get().shutdownCommunication()).contains("maintenance: replacing the ToR");
    }

    @Test
    void connectionsFromUnknownAddressesAreRefused() throws Exception {
        startPair(false);
        InetSocketAddress listenA = a.boundAddresses().getFirst();
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress("127.0.0.9", 0));
            s.connect(listenA, 2_000);
            s.setSoTimeout(2_000);
            // The speaker closes without a word (no OPEN, no NOTIFICATION): end of stream.
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(a.refusedConnections()).isEqualTo(1);
    }
}
