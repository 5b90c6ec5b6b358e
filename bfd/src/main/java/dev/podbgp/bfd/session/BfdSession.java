package dev.podbgp.bfd.session;

import static dev.podbgp.bfd.session.SessionConfig.micros;

import dev.podbgp.bfd.auth.Authenticator;
import dev.podbgp.bfd.session.SessionEvent.AdminDown;
import dev.podbgp.bfd.session.SessionEvent.AdminUp;
import dev.podbgp.bfd.session.SessionEvent.PacketReceived;
import dev.podbgp.bfd.session.SessionEvent.ParametersChanged;
import dev.podbgp.bfd.session.SessionEvent.TimerExpired;
import dev.podbgp.bfd.session.SessionOrder.Send;
import dev.podbgp.bfd.session.SessionReport.PacketDiscarded;
import dev.podbgp.bfd.session.SessionReport.StateChanged;
import dev.podbgp.bfd.wire.BfdState;
import dev.podbgp.bfd.wire.ControlPacket;
import dev.podbgp.bfd.wire.Diagnostic;
import dev.podbgp.bfd.wire.DiscardReason;
import dev.podbgp.bfd.wire.Discarded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One BFD session in asynchronous mode (RFC 5880 §6.2, §6.8): events in, actions out, one method
 * per state. Not thread-safe by design: the event loop that owns the session's socket is its only
 * caller (DESIGN.md, Threads).
 *
 * <p>A new session is AdminDown and silent. {@link AdminUp} moves it to Down and starts the periodic
 * packets; from then on it always transmits (slowly while not Up, §6.8.3), AdminDown included, so a
 * peer learns of an administrative stop (§6.8.16).
 *
 * <p>Not implemented: Demand mode of our own (bfd.DemandMode is 0; a peer's D bit is honoured) and
 * the Echo function (Required Min Echo RX Interval is 0: we loop nothing back).
 */
public final class BfdSession {

    private SessionConfig config;
    private final NanoClock clock;
    private final Timers timers;
    private final TransmitJitter jitter;
    private final Authenticator authenticator;
    private final TimerNegotiation timing;

    private BfdState state = BfdState.ADMIN_DOWN;
    private Diagnostic localDiag = Diagnostic.NO_DIAGNOSTIC;
    private RemoteVariables remote = RemoteVariables.INITIAL;
    private boolean transmitting;
    private Duration lastTransmitInterval;
    /** When a packet last passed the checks; the clock reading is meaningless until {@code remote.heard()}. */
    private long lastHeard;
    private List<SessionAction> out = new ArrayList<>();

    public BfdSession(SessionConfig config, NanoClock clock, RandomGenerator random) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timers = new Timers(clock);
        this.jitter = new TransmitJitter(random);
        this.authenticator = Authenticator.of(config.auth(), random);
        this.timing = new TimerNegotiation(config.desiredMinTx(), config.requiredMinRx());
        this.lastTransmitInterval = transmitInterval();
    }

    /** Feeds one event; returns what the driver must do, in order. */
    public List<SessionAction> handle(SessionEvent event) {
        out = new ArrayList<>();
        switch (event) {
            case PacketReceived received -> received(received);
            case TimerExpired(TimerKind timer) -> {
                if (timers.expired(timer, out)) {
                    switch (timer) {
                        case TRANSMIT -> transmitTimerExpired();
                        case DETECTION -> detectionTimerExpired();
                    }
                }
            }
            case AdminUp _ -> adminUp();
            case AdminDown(Diagnostic diagnostic) -> adminDown(diagnostic);
            case ParametersChanged change -> parametersChanged(change);
        }
        honourShorterInterval();
        return List.copyOf(out);
    }

    public BfdState state() {
        return state;
    }

    /** bfd.LocalDiag: why the session last went down. */
    public Diagnostic localDiagnostic() {
        return localDiag;
    }

    public RemoteVariables remote() {
        return remote;
    }

    public SessionConfig config() {
        return config;
    }

    /** Whether our packets carry P, a change of intervals not yet confirmed by the peer (§6.5). */
    public boolean pollInProgress() {
        return timing.polling();
    }

    /**
     * §6.8.7: the negotiated interval between our periodic packets before jitter, the larger of what we
     * want to send at and what the peer can receive.
     */
    public Duration transmitInterval() {
        return TimerNegotiation.max(timing.effectiveTx(), remote.minRx());
    }

    /**
     * §6.8.4: the peer's Detect Mult times the larger of our Required Min RX and the peer's Desired
     * Min TX; empty until the peer has been heard.
     */
    public Optional<Duration> detectionTime() {
        return remote.heard() ? Optional.of(detection()) : Optional.empty();
    }

    // ---- events

    /** RFC 5880 §6.8.6, in its order. */
    private void received(PacketReceived event) {
        ControlPacket packet = event.packet();
        Optional<Discarded> refused = selectsThisSession(event).or(() -> authenticates(event));
        if (refused.isPresent()) {
            out.add(new PacketDiscarded(refused.get()));
            return;
        }
        lastHeard = clock.nanoTime();
        remote = RemoteVariables.of(packet);
        timing.received(packet.fin(), state == BfdState.UP);
        // A valid packet keeps bfd.RemoteDiscr alive (§6.8.1) even in AdminDown, where expiry changes no state.
        timers.restart(TimerKind.DETECTION, detection(), out);
        boolean proceed = switch (state) {
            case ADMIN_DOWN -> inAdminDown();
            case DOWN -> inDown(packet.state());
            case INIT -> inInit(packet.state());
            case UP -> inUp(packet.state());
        };
        // §6.8.6, §6.8.7: P is answered at once, whatever the timers and the state, unless discarded.
        if (proceed && packet.poll()) {
            out.add(new Send(packet(false, true)));
        }
    }

    /**
     * §6.8.6 session selection: a non-zero Your Discriminator must be ours; a zero one leaves the
     * addressing, and this session's peer is the address it answers (RFC 5881 §3, RFC 5883 §4).
     * Once the peer knows our discriminator its packets may come from another address (§6.3).
     */
    private Optional<Discarded> selectsThisSession(PacketReceived event) {
        int your = event.packet().yourDiscriminator();
        if (your != 0) {
            return your == config.localDiscriminator() ? Optional.empty() : Optional.of(new Discarded(
                    DiscardReason.UNKNOWN_DISCRIMINATOR, "Your Discriminator " + Integer.toUnsignedString(your)
                            + ", this session is " + Integer.toUnsignedString(config.localDiscriminator())));
        }
        return event.source().equals(config.peer()) ? Optional.empty() : Optional.of(new Discarded(
                DiscardReason.UNKNOWN_SOURCE, "Your Discriminator 0 from " + event.source() + ", the peer is " + config.peer()));
    }

    private Optional<Discarded> authenticates(PacketReceived event) {
        // §6.8.1: bfd.AuthSeqKnown goes back to 0 after twice the Detection Time without a packet.
        if (remote.heard() && clock.nanoTime() - lastHeard >= 2 * detection().toNanos()) {
            authenticator.forgetSequence();
        }
        return authenticator.check(event.packet(), event.wire());
    }

    private void transmitTimerExpired() {
        if (periodicTransmissionAllowed()) {
            out.add(new Send(packet(timing.polling(), false)));
        }
        armTransmit();
    }

    /** §6.8.4 in Init and Up; §6.8.1 in every state: the peer's discriminator is forgotten. */
    private void detectionTimerExpired() {
        remote = remote.withoutDiscriminator();
        switch (state) {
            case INIT, UP -> moveTo(BfdState.DOWN, Diagnostic.CONTROL_DETECTION_TIME_EXPIRED);
            case ADMIN_DOWN, DOWN -> {}
        }
    }

    /** §6.8.16, enabling. */
    private void adminUp() {
        if (state == BfdState.ADMIN_DOWN) {
            moveTo(BfdState.DOWN, Diagnostic.NO_DIAGNOSTIC);
            startTransmitting();
        }
    }

    /** §6.8.16, disabling: packets go on, so the peer learns of it and stays Down. */
    private void adminDown(Diagnostic diagnostic) {
        if (state == BfdState.ADMIN_DOWN) {
            localDiag = diagnostic;
        } else {
            moveTo(BfdState.ADMIN_DOWN, diagnostic);
        }
        startTransmitting();
    }

    private void parametersChanged(ParametersChanged change) {
        config = config.withTimers(change.desiredMinTx(), change.requiredMinRx(), change.detectMult());
        timing.configure(config.desiredMinTx(), config.requiredMinRx(), state == BfdState.UP);
    }

    // ---- the §6.8.6 state table, one method per state; each says whether processing goes on

    /** bfd.SessionState AdminDown: the packet is discarded, after what it says of the peer was kept. */
    private boolean inAdminDown() {
        out.add(new PacketDiscarded(new Discarded(DiscardReason.ADMIN_DOWN, "this session is AdminDown")));
        return false;
    }

    private boolean inDown(BfdState received) {
        switch (received) {
            case DOWN -> moveTo(BfdState.INIT, Diagnostic.NO_DIAGNOSTIC);
            case INIT -> moveTo(BfdState.UP, Diagnostic.NO_DIAGNOSTIC);
            // A peer in AdminDown holds us in Down; a peer in Up has not seen us restart yet.
            case ADMIN_DOWN, UP -> {}
        }
        return true;
    }

    private boolean inInit(BfdState received) {
        switch (received) {
            case ADMIN_DOWN -> moveTo(BfdState.DOWN, Diagnostic.NEIGHBOR_SIGNALED_SESSION_DOWN);
            case INIT, UP -> moveTo(BfdState.UP, Diagnostic.NO_DIAGNOSTIC);
            case DOWN -> {}
        }
        return true;
    }

    private boolean inUp(BfdState received) {
        switch (received) {
            case ADMIN_DOWN, DOWN -> moveTo(BfdState.DOWN, Diagnostic.NEIGHBOR_SIGNALED_SESSION_DOWN);
            case INIT, UP -> {}
        }
        return true;
    }

    // ---- what the states share

    /**
     * bfd.LocalDiag says why the session last went down; on the way up (Init, Up) it goes back to
     * No Diagnostic, so a peer never reads an old failure as a new one.
     */
    private void moveTo(BfdState to, Diagnostic diagnostic) {
        BfdState from = state;
        state = to;
        localDiag = diagnostic;
        out.add(new StateChanged(from, to, diagnostic, remote.controlPlaneIndependent()));
        timing.stateChanged(to == BfdState.UP);
    }

    private void startTransmitting() {
        if (transmitting) {
            return;
        }
        transmitting = true;
        if (mayTransmit()) {
            out.add(new Send(packet(timing.polling(), false)));
        }
        armTransmit();
    }

    private void armTransmit() {
        lastTransmitInterval = transmitInterval();
        timers.start(TimerKind.TRANSMIT, jitter.next(lastTransmitInterval, config.detectMult()), out);
    }

    /**
     * §6.8.3: when the negotiated interval shrinks (the peer lowered its Required Min RX, a poll ended,
     * we lowered our Desired Min TX) the new one applies at once, not after the pending long wait.
     */
    private void honourShorterInterval() {
        if (!transmitting) {
            return;
        }
        Duration interval = transmitInterval();
        if (interval.compareTo(lastTransmitInterval) < 0) {
            timers.atMost(TimerKind.TRANSMIT, jitter.next(interval, config.detectMult()), out);
        }
        lastTransmitInterval = interval;
    }

    /** §6.1, §6.8.7: a passive session is silent until it knows the peer's discriminator. */
    private boolean mayTransmit() {
        return !(config.passive() && remote.discriminator() == 0);
    }

    /**
     * §6.8.7: no periodic packets to a peer that wants none (Required Min RX 0), nor while the peer's
     * Demand mode is active (its D bit, both Up) unless a Poll Sequence is being sent.
     */
    private boolean periodicTransmissionAllowed() {
        boolean remoteDemandActive = remote.demand() && state == BfdState.UP && remote.state() == BfdState.UP;
        return mayTransmit() && remote.minRxMicros() != 0 && (!remoteDemandActive || timing.polling());
    }

    /** §6.8.7: the contents of a Control packet; P and F are never both set (§6.5). */
    private ControlPacket packet(boolean poll, boolean fin) {
        ControlPacket packet = new ControlPacket(localDiag.code(), state, poll, fin, config.controlPlaneIndependent(), false,
                config.detectMult(), config.localDiscriminator(), remote.discriminator(),
                micros(timing.advertisedTx()), micros(timing.advertisedRx()), 0, Optional.empty());
        return authenticator.sign(packet);
    }

    private Duration detection() {
        return TimerNegotiation.max(timing.effectiveRx(), remote.desiredMinTx()).multipliedBy(remote.detectMult());
    }
}
