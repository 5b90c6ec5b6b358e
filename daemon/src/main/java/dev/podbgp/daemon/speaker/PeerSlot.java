package dev.podbgp.daemon.speaker;

import dev.podbgp.bgp.session.NegotiatedSession;
import dev.podbgp.bgp.transport.BgpPeer;
import dev.podbgp.config.state.DesiredPeer;
import dev.podbgp.rib.PeerInfo;
import dev.podbgp.rib.event.RibEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;

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

    // RIB thread only.
    boolean registeredInRib;
    boolean inAdjRibOut;

    // Inbound backpressure, guarded by this object's monitor: once the RIB queue refused one of
    // this peer's events, the following ones wait here in order and the socket stops being read.
    private final ArrayDeque<RibEvent> overflow = new ArrayDeque<>();
    private boolean paused;

    PeerSlot(int id, DesiredPeer desired) {
        this.id = id;
        this.desired = desired;
    }

    /** Hands an event of this peer to the RIB in arrival order; pauses reading when the RIB is full. */
    synchronized void submit(RibEvent event, java.util.function.Predicate<RibEvent> offer) {
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
    synchronized void release(java.util.function.Predicate<RibEvent> offer) {
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
            b.resumeReading();
        }
    }

    synchronized boolean paused() {
        return paused;
    }
}
