package dev.podbgp.daemon.speaker;

import dev.podbgp.bgp.session.NegotiatedSession;
import dev.podbgp.bgp.transport.BgpPeer;
import dev.podbgp.config.state.DesiredPeer;
import dev.podbgp.rib.PeerInfo;
import dev.podbgp.rib.event.RibEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * One configured peer as the speaker tracks it: its settings, its transport session, what the
 * RIB knows it as, and counters for {@code show} and metrics. Fields written by the event loop
 * or the RIB thread and read by the control API are volatile or atomic.
 */
final class PeerSlot {

    /** Dense id for the RIB's per-peer arrays; kept for the life of the configuration entry. */
    final int id;
    volatile DesiredPeer desired;
    volatile BgpPeer bgp;
    /** The PeerInfo of the current or last session (router id from its OPEN); null before the first. */
    volatile PeerInfo info;
    volatile NegotiatedSession negotiated;
    volatile Instant since = Instant.now();
    volatile String lastError = "";
    final AtomicLong updatesIn = new AtomicLong();
    final AtomicLong updatesOut = new AtomicLong();
    final AtomicLong flaps = new AtomicLong();
    /** Received, accepted, advertised prefixes, published by the RIB thread (a fresh array each time). */
    volatile long[] prefixCounts = new long[3];

    // RIB thread only.
    boolean registeredInRib;
    boolean inAdjRibOut;
    /** The session Adj-RIB-Out encodes for; bytes for it are dropped once another session is up. */
    NegotiatedSession joinedSession;
    /** Graceful-restart timers of the last restart; cancelled when the peer is back or removed. */
    final List<ScheduledFuture<?>> restartTimers = new ArrayList<>();
    /** Bumped when the session comes back: a restart timer of an earlier generation is ignored. */
    int restartGeneration;

    // Inbound backpressure, guarded by this object's monitor: once the RIB queue refused one of
    // this peer's events, the following ones wait here in order and the socket stops being read.
    private final ArrayDeque<RibEvent> overflow = new ArrayDeque<>();
    private boolean paused;
    /** Removed from the configuration: later events of its session are dropped. */
    private boolean closed;

    PeerSlot(int id, DesiredPeer desired) {
        this.id = id;
        this.desired = desired;
    }

    /** Hands an event of this peer to the RIB in arrival order; pauses reading when the RIB is full. */
    synchronized void submit(RibEvent event, Predicate<RibEvent> offer) {
        if (!closed) {
            enqueue(event, offer);
        }
    }

    /**
     * The last event of this slot (its removal): queued behind everything the session handed on
     * before, and nothing after it is accepted.
     */
    synchronized void close(RibEvent last, Predicate<RibEvent> offer) {
        closed = true;
        enqueue(last, offer);
    }

    private void enqueue(RibEvent event, Predicate<RibEvent> offer) {
        if (paused || !offer.test(event)) {
            overflow.addLast(event);
            if (!paused) {
                paused = true;
                BgpPeer b = bgp;
                if (b != null) {
                    b.pauseReading();
                }
            }
        }
    }

    /** On the RIB thread after a batch: moves waiting events on while there is room, then resumes reading. */
    synchronized void release(Predicate<RibEvent> offer) {
        if (!paused) {
            return;
        }
        while (!overflow.isEmpty()) {
            if (!offer.test(overflow.peekFirst())) {
                return;
            }
            overflow.removeFirst();
        }
        paused = false;
        BgpPeer b = bgp;
        if (b != null) {
            b.resumeReading(() -> !paused());
        }
    }

    synchronized boolean paused() {
        return paused;
    }
}
