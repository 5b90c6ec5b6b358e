package dev.podbgp.bfd.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bfd.session.SessionEvent.AdminUp;
import dev.podbgp.bfd.session.SessionEvent.PacketReceived;
import dev.podbgp.bfd.session.SessionEvent.TimerExpired;
import dev.podbgp.bfd.session.SessionOrder.Send;
import dev.podbgp.bfd.session.SessionOrder.StartTimer;
import dev.podbgp.bfd.session.SessionReport.StateChanged;
import dev.podbgp.bfd.wire.BfdState;
import dev.podbgp.bfd.wire.ControlPacket;
import dev.podbgp.bfd.wire.ControlPacketCodec;
import dev.podbgp.bfd.wire.DecodeResult;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.random.RandomGenerator;

/**
 * Two sessions wired to each other through the codec, and a scheduler for their timers: what a
 * transport does, with a fake clock and a link that can be cut. Packets arrive without delay but
 * after the sender has finished handling the event that sent them.
 */
final class SessionPair {

    static final Ipv4Address A_ADDRESS = Ipv4Address.of(192, 0, 2, 1);
    static final Ipv4Address B_ADDRESS = Ipv4Address.of(192, 0, 2, 2);

    final FakeNanoClock clock = new FakeNanoClock();
    final End a;
    final End b;
    private final Queue<Runnable> inFlight = new ArrayDeque<>();

    /** One side: its session, its pending timers, and what it did and heard, stamped with the clock. */
    final class End {
        final BfdSession session;
        final IpAddress address;
        final List<StateChanged> changes = new ArrayList<>();
        final List<Long> changedAt = new ArrayList<>();
        final List<ControlPacket> sent = new ArrayList<>();
        final List<SessionAction> all = new ArrayList<>();
        final Map<TimerKind, Long> pending = new EnumMap<>(TimerKind.class);
        boolean deaf;
        long lastHeardAt;
        End other;

        End(SessionConfig config, IpAddress address, RandomGenerator random) {
            this.session = new BfdSession(config, clock, random);
            this.address = address;
        }

        void handle(SessionEvent event) {
            for (SessionAction action : session.handle(event)) {
                all.add(action);
                switch (action) {
                    case Send(ControlPacket packet) -> {
                        sent.add(packet);
                        byte[] wire = ControlPacketCodec.encode(packet);
                        inFlight.add(() -> other.deliver(wire, address));
                    }
                    case StartTimer(TimerKind timer, Duration delay) -> pending.put(timer, clock.nanoTime() + delay.toNanos());
                    case StateChanged change -> {
                        changes.add(change);
                        changedAt.add(clock.nanoTime());
                    }
                    case SessionReport.PacketDiscarded _ -> {}
                }
            }
        }

        private void deliver(byte[] wire, IpAddress from) {
            if (deaf) {
                return;
            }
            lastHeardAt = clock.nanoTime();
            handle(PacketReceived.of((DecodeResult.Decoded) ControlPacketCodec.decode(wire), from));
        }

        /** The state moves of this side, as "FROM>TO". */
        List<String> path() {
            return changes.stream().map(c -> c.from() + ">" + c.to()).toList();
        }
    }

    SessionPair(SessionConfig forA, SessionConfig forB, RandomGenerator random) {
        a = new End(forA, A_ADDRESS, random);
        b = new End(forB, B_ADDRESS, random);
        a.other = b;
        b.other = a;
    }

    /** 50 ms both ways, Detect Mult 3, no jitter. */
    static SessionPair standard() {
        return new SessionPair(config(1, B_ADDRESS), config(2, A_ADDRESS), SessionFixture.NO_JITTER);
    }

    static SessionConfig config(int discriminator, IpAddress peer) {
        return SessionConfig.of(discriminator, peer, HopMode.SINGLE_HOP)
                .withTimers(SessionFixture.FAST, SessionFixture.FAST, 3);
    }

    /** Both enabled at the same instant, before either hears the other. */
    SessionPair startBoth() {
        a.handle(new AdminUp());
        b.handle(new AdminUp());
        deliverAll();
        return this;
    }

    /** {@link #startBoth()}, then long enough for both to be Up and done with their polls. */
    SessionPair upAndSettled() {
        startBoth();
        runFor(Duration.ofSeconds(3));
        assertBothIn(BfdState.UP);
        return this;
    }

    void assertBothIn(BfdState state) {
        assertThat(a.session.state()).as("a").isEqualTo(state);
        assertThat(b.session.state()).as("b").isEqualTo(state);
    }

    void handle(End end, SessionEvent event) {
        end.handle(event);
        deliverAll();
    }

    /** Runs every timer due within {@code span}, in time order, then moves the clock to its end. */
    void runFor(Duration span) {
        long end = clock.nanoTime() + span.toNanos();
        while (true) {
            End owner = null;
            TimerKind next = null;
            long due = end;
            for (End side : List.of(a, b)) {
                for (Map.Entry<TimerKind, Long> e : side.pending.entrySet()) {
                    if (e.getValue() - due <= 0 && (owner == null || e.getValue() - due < 0)) {
                        owner = side;
                        next = e.getKey();
                        due = e.getValue();
                    }
                }
            }
            if (owner == null) {
                clock.setTo(end);
                return;
            }
            clock.setTo(due);
            owner.pending.remove(next);
            owner.handle(new TimerExpired(next));
            deliverAll();
        }
    }

    private void deliverAll() {
        while (!inFlight.isEmpty()) {
            inFlight.poll().run();
        }
    }
}
