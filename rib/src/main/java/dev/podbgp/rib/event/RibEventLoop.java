package dev.podbgp.rib.event;

import dev.podbgp.rib.Rib;
import dev.podbgp.rib.out.AdjRibOut;
import dev.podbgp.rib.out.OutboundPeer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The RIB's queue and the loop that drains it (DESIGN "Threads": one RIB thread owns all RIB state, the
 * {@link Rib} and the {@link AdjRibOut} it feeds, and takes typed events from a queue). It owns no thread: the caller runs {@link #run()} on the thread it made for the RIB, or
 * calls {@link #drain()} where it already has one. Any thread may hand in events.
 *
 * <p>Events are applied in arrival order, in batches of up to {@code maxBatch}; after each batch the
 * {@code afterBatch} hook runs on the RIB thread (e.g. to flush the FIB coalescer and Adj-RIB-Out once per batch
 * rather than per prefix). An event that throws is a bug, not a peer's fault: it is reported to the
 * {@link FailureHandler} and the loop goes on with the next event, so one bad event cannot stop routing.
 *
 * <p>The queue is bounded: a session's event loop uses {@link #offer} and, when it is refused, stops reading from
 * its socket until the RIB catches up, so a fast peer meets TCP back-pressure instead of growing the heap.
 */
public final class RibEventLoop implements AutoCloseable {

    /** Told about an event whose application threw; called on the RIB thread. */
    @FunctionalInterface
    public interface FailureHandler {
        void onFailure(RibEvent event, RuntimeException failure);
    }

    // Not a RibEvent, so no caller can send it: only close() does.
    private static final Object CLOSE = new Object();

    private final Rib rib;
    private final AdjRibOut adjRibOut;
    private final UpdateApplier updates;
    private final BlockingQueue<Object> queue;
    private final int maxBatch;
    private final Runnable afterBatch;
    private final FailureHandler failures;
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();
    private volatile boolean closed;

    /** {@code adjRibOut} must already listen to {@code rib}'s Loc-RIB changes. */
    public RibEventLoop(Rib rib, AdjRibOut adjRibOut, int capacity, int maxBatch, Runnable afterBatch,
            FailureHandler failures) {
        if (capacity < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("capacity " + capacity + " and batch " + maxBatch + " must be positive");
        }
        this.rib = Objects.requireNonNull(rib);
        this.adjRibOut = Objects.requireNonNull(adjRibOut);
        this.updates = new UpdateApplier(rib);
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        this.afterBatch = Objects.requireNonNull(afterBatch);
        this.failures = Objects.requireNonNull(failures);
    }

    /** Queues an event without blocking; false when the queue is full or closed (the caller slows its input). */
    public boolean offer(RibEvent event) {
        Objects.requireNonNull(event);
        return !closed && queue.offer(event);
    }

    /** Queues an event, waiting for room; for threads that may block (timers, config), never a Netty event loop. */
    public void put(RibEvent event) throws InterruptedException {
        Objects.requireNonNull(event);
        if (closed) {
            throw new IllegalStateException("the RIB event loop is closed");
        }
        queue.put(event);
    }

    /** Events waiting. */
    public int backlog() {
        return queue.size();
    }

    /** Events applied so far, and how many of them threw. */
    public long appliedCount() {
        return applied.get();
    }

    public long failureCount() {
        return failed.get();
    }

    /**
     * Applies events until {@link #close()} is called and everything queued before it is applied. Blocks while
     * the queue is empty. Call it from the one RIB thread.
     */
    public void run() throws InterruptedException {
        List<Object> batch = new ArrayList<>(maxBatch);
        while (true) {
            if (closed && queue.isEmpty()) {
                // drain() already took the close marker.
                return;
            }
            batch.add(queue.take());
            queue.drainTo(batch, maxBatch - 1);
            if (!applyBatch(batch)) {
                return;
            }
            batch.clear();
        }
    }

    /** Applies what is queued now without waiting, batch by batch; returns how many events were applied. */
    public int drain() {
        List<Object> batch = new ArrayList<>(maxBatch);
        int n = 0;
        while (queue.drainTo(batch, maxBatch) > 0) {
            n += batch.size();
            boolean open = applyBatch(batch);
            batch.clear();
            if (!open) {
                break;
            }
        }
        return n;
    }

    /**
     * Stops accepting events; {@link #run()} returns once those queued before are applied. Waits for room in a
     * full queue, so call it from a thread that may block.
     */
    @Override
    public void close() {
        closed = true;
        try {
            queue.put(CLOSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** False when the batch held the close marker. */
    private boolean applyBatch(List<Object> batch) {
        boolean open = true;
        for (Object o : batch) {
            if (o == CLOSE) {
                open = false;
                continue;
            }
            RibEvent event = (RibEvent) o;
            try {
                apply(event);
                applied.incrementAndGet();
            } catch (RuntimeException e) {
                failed.incrementAndGet();
                report(event, e);
            }
        }
        try {
            afterBatch.run();
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            report(null, e);
        }
        return open;
    }

    private void report(RibEvent event, RuntimeException e) {
        try {
            failures.onFailure(event, e);
        } catch (RuntimeException ignored) {
            // A failing failure handler must not stop the RIB either; the count above still records it.
        }
    }

    /** What each event does to the RIB and Adj-RIB-Out. */
    void apply(RibEvent event) {
        switch (event) {
            case RibEvent.PeerAdded e -> rib.addPeer(e.peer(), e.settings());
            case RibEvent.PeerRemoved e -> {
                adjRibOut.removePeer(e.peer().id());
                rib.removePeer(e.peer());
            }
            case RibEvent.SessionEstablished e -> established(e);
            case RibEvent.SessionClosed e -> adjRibOut.removePeer(e.peerId());
            case RibEvent.PeerUnconfigured e -> {
                adjRibOut.removePeer(e.peerId());
                rib.forgetPeerAddress(e.address());
            }
            case RibEvent.PeerDown e -> {
                adjRibOut.removePeer(e.peer().id());
                rib.peerDown(e.peer());
            }
            case RibEvent.PeerRestarting e -> {
                adjRibOut.removePeer(e.peer().id());
                rib.peerRestarting(e.peer(), e.retained(), e.restartTime(), e.llgrStaleTime());
            }
            case RibEvent.UpdateReceived e -> updates.apply(e.peer(), e.update());
            case RibEvent.EndOfRib e -> rib.endOfRib(e.peer(), e.family());
            case RibEvent.Originate e -> rib.originate(e.prefix(), e.attributes(), e.scope());
            case RibEvent.WithdrawOriginated e -> rib.withdrawOriginated(e.prefix(), e.scope());
            case RibEvent.ForgetOriginated e -> rib.forgetOriginated(e.prefix(), e.scope());
            case RibEvent.AggregatesChanged e -> adjRibOut.setAggregates(e.aggregates());
            case RibEvent.ImportChanged e -> {
                if (rib.importOf(e.peer()) != null) {
                    // Without soft reconfiguration the RIB answers with a RouteRefreshNeeded notice.
                    rib.setImport(e.peer(), e.settings());
                }
            }
            case RibEvent.ExportChanged e -> {
                if (adjRibOut.contains(e.peerId())) {
                    // Another update group sends it the difference: withdrawals for what it no longer gets, then
                    // the new announcements.
                    OutboundPeer now = adjRibOut.peer(e.peerId());
                    adjRibOut.changeProfile(now.withExport(e.kind(), e.nextHopSelf(), e.exportPolicy()));
                }
            }
            case RibEvent.RefreshRequested e -> {
                if (adjRibOut.contains(e.peerId())) {
                    adjRibOut.routeRefresh(e.peerId(), e.family(), e.enhanced());
                }
            }
            case RibEvent.RefreshBegun e -> rib.beginRefresh(e.peer(), e.family(), e.round());
            case RibEvent.RefreshEnded e -> rib.endRefresh(e.peer(), e.family());
            case RibEvent.RefreshStaleTimerExpired e -> rib.refreshStaleTimerExpired(e.peer(), e.family(), e.round());
            case RibEvent.RestartTimerExpired e -> rib.restartTimerExpired(e.peer());
            case RibEvent.LlgrTimerExpired e -> rib.llgrTimerExpired(e.peer(), e.family());
            case RibEvent.Wake e -> { }
            case RibEvent.Inspect e -> e.query().accept(rib);
            case RibEvent.TrimTables e -> {
                rib.trimTables();
                e.done().run();
            }
        }
    }

    private void established(RibEvent.SessionEstablished e) {
        if (rib.importOf(e.peer()) == null) {
            rib.addPeer(e.peer(), e.settings());
        }
        rib.peerUp(e.peer(), e.forwardingPreserved());
        // A reconnect replaces the session that was there: bytes encoded for it must not reach this one.
        adjRibOut.removePeer(e.peer().id());
        adjRibOut.addPeer(e.outbound());
    }
}
