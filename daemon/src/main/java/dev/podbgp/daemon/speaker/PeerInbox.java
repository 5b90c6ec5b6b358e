package dev.podbgp.daemon.speaker;

import dev.podbgp.bgp.transport.BgpPeer;
import dev.podbgp.rib.event.RibEvent;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One peer's way into the RIB queue, in order (DESIGN "Threads": when the queue is full, the event loops stop
 * reading that peer). Once the queue refused one of the peer's events, the following ones wait here in arrival
 * order, the peer's socket stops being read, and the inbox puts itself in {@code backlogged} so the RIB thread
 * moves them on ({@link #release}) as room appears.
 *
 * <p>Any thread may submit (event loops, the config thread, the timer thread); the RIB thread releases. Guarded
 * by this object's monitor.
 */
final class PeerInbox {

    private final Supplier<BgpPeer> session;
    private final Set<PeerInbox> backlogged;
    private final ArrayDeque<RibEvent> overflow = new ArrayDeque<>();
    private boolean paused;
    /** The peer was removed from the configuration: later events of its session are dropped. */
    private boolean closed;

    PeerInbox(Supplier<BgpPeer> session, Set<PeerInbox> backlogged) {
        this.session = session;
        this.backlogged = backlogged;
    }

    /** Hands an event of this peer to the RIB in arrival order; pauses reading when the RIB is full. */
    synchronized void submit(RibEvent event, Predicate<RibEvent> offer) {
        if (!closed) {
            enqueue(event, offer);
        }
    }

    /**
     * The last event of this peer (its removal): queued behind everything the session handed on before, and
     * nothing after it is accepted.
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
                backlogged.add(this);
                BgpPeer b = session.get();
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
        backlogged.remove(this);
        BgpPeer b = session.get();
        if (b != null) {
            b.resumeReading(() -> !paused());
        }
    }

    synchronized boolean paused() {
        return paused;
    }
}
