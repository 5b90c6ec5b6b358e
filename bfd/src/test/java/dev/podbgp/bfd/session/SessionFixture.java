package dev.podbgp.bfd.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bfd.session.SessionEvent.AdminUp;
import dev.podbgp.bfd.session.SessionEvent.PacketReceived;
import dev.podbgp.bfd.session.SessionEvent.TimerExpired;
import dev.podbgp.bfd.session.SessionOrder.Send;
import dev.podbgp.bfd.session.SessionOrder.StartTimer;
import dev.podbgp.bfd.session.SessionReport.PacketDiscarded;
import dev.podbgp.bfd.session.SessionReport.StateChanged;
import dev.podbgp.bfd.wire.BfdState;
import dev.podbgp.bfd.wire.ControlPacket;
import dev.podbgp.bfd.wire.DiscardReason;
import dev.podbgp.inet.Ipv4Address;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One session under test, 50 ms both ways and Detect Mult 3, with a fake clock and no jitter
 * (every wait is the full interval).
 */
final class SessionFixture {

    static final Ipv4Address LOCAL = Ipv4Address.of(10, 0, 0, 1);
    static final Ipv4Address PEER = Ipv4Address.of(10, 0, 0, 2);
    static final int LOCAL_DISCR = 0x1111;
    static final int PEER_DISCR = 0x2222;
    static final Duration FAST = Duration.ofMillis(50);
    static final Duration SLOW = Duration.ofSeconds(1);

    /** nextDouble() is 0: the jitter factor is its highest, 1 (0.9 with Detect Mult 1). */
    static final RandomGenerator NO_JITTER = () -> 0L;
    /** nextDouble() is just below 1: the jitter factor is just above its lowest, 0.75. */
    static final RandomGenerator MOST_JITTER = () -> -1L;

    final FakeNanoClock clock = new FakeNanoClock();
    final BfdSession session;

    SessionFixture() {
        this(config());
    }

    SessionFixture(SessionConfig config) {
        this(config, NO_JITTER);
    }

    SessionFixture(SessionConfig config, RandomGenerator random) {
        this.session = new BfdSession(config, clock, random);
    }

    static SessionConfig config() {
        return SessionConfig.of(LOCAL_DISCR, PEER, HopMode.SINGLE_HOP).withTimers(FAST, FAST, 3);
    }

    List<SessionAction> handle(SessionEvent event) {
        return session.handle(event);
    }

    List<SessionAction> start() {
        return handle(new AdminUp());
    }

    List<SessionAction> receive(PeerPacket peer) {
        return receive(peer.packet());
    }

    List<SessionAction> receive(ControlPacket packet) {
        return handle(PacketReceived.of(packet, PEER));
    }

    List<SessionAction> fire(TimerKind timer) {
        return handle(new TimerExpired(timer));
    }

    /** Moves the clock, then fires the timer. */
    List<SessionAction> after(Duration wait, TimerKind timer) {
        clock.advance(wait);
        return fire(timer);
    }

    /** Started, heard the peer's hello (Init), then its Init (Up). */
    SessionFixture up() {
        start();
        receive(PeerPacket.hello());
        assertThat(session.state()).isEqualTo(BfdState.INIT);
        receive(PeerPacket.of(BfdState.INIT));
        assertThat(session.state()).isEqualTo(BfdState.UP);
        return this;
    }

    /** {@link #up()}, then the peer's F for the poll that announced the fast intervals, then a plain packet. */
    SessionFixture upAndSettled() {
        up();
        receive(PeerPacket.of(BfdState.UP).fin());
        receive(PeerPacket.of(BfdState.UP));
        assertThat(session.pollInProgress()).isFalse();
        return this;
    }

    // ---- reading action lists

    static List<ControlPacket> sent(List<SessionAction> actions) {
        return only(actions, Send.class).stream().map(Send::packet).toList();
    }

    static ControlPacket sentOne(List<SessionAction> actions) {
        List<ControlPacket> sent = sent(actions);
        assertThat(sent).hasSize(1);
        return sent.getFirst();
    }

    static List<StateChanged> changes(List<SessionAction> actions) {
        return only(actions, StateChanged.class);
    }

    static List<StartTimer> timers(List<SessionAction> actions, TimerKind kind) {
        return only(actions, StartTimer.class).stream().filter(t -> t.timer() == kind).toList();
    }

    static List<DiscardReason> discards(List<SessionAction> actions) {
        return only(actions, PacketDiscarded.class).stream().map(d -> d.discard().reason()).toList();
    }

    static <T extends SessionAction> List<T> only(List<SessionAction> actions, Class<T> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
