package dev.podbgp.daemon.speaker;

import dev.podbgp.log.EventLog;
import dev.podbgp.rib.Rib;
import dev.podbgp.rib.event.RibEvent;
import dev.podbgp.rib.event.RibEventLoop;
import dev.podbgp.rib.out.AdjRibOut;
import dev.podbgp.rib.out.OutputSink;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The one platform thread "podbgp-rib" that owns the RIB and Adj-RIB-Out (DESIGN "Threads"), its queue, and what
 * it does after each batch of events: move the backlogged peers' waiting events on, ask each session whether it
 * can take more, send Adj-RIB-Out's encoded UPDATEs, publish the prefix counts. Other threads only hand it events
 * ({@link #offer}, {@link #post}, {@link #wake}) or wait for a read-only {@link #query}.
 */
final class RibThread implements AutoCloseable {

    private static final EventLog LOG = EventLog.named("podbgp.speaker");
    private static final int QUEUE_CAPACITY = 16_384;
    private static final int MAX_BATCH = 256;

    private final AdjRibOut adjRibOut;
    private final Set<PeerInbox> backlogged;
    private final PrefixCountPublisher counts;
    private final RibEventLoop loop;
    private final Thread thread;

    RibThread(Rib rib, AdjRibOut adjRibOut, Set<PeerInbox> backlogged, PrefixCountPublisher counts) {
        this.adjRibOut = adjRibOut;
        this.backlogged = backlogged;
        this.counts = counts;
        this.loop = new RibEventLoop(rib, adjRibOut, QUEUE_CAPACITY, MAX_BATCH, this::afterBatch,
                (event, failure) -> LOG.error("rib-failure")
                        .with("rib-event", event == null ? "after-batch" : event.getClass().getSimpleName())
                        .thrown(failure).log());
        this.thread = Thread.ofPlatform().name("podbgp-rib").unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** Queues without blocking; false when the queue is full (the caller keeps the event, see {@link PeerInbox}). */
    boolean offer(RibEvent event) {
        return loop.offer(event);
    }

    /** From a thread that may wait (never an event loop): the event is never dropped. */
    void post(RibEvent event) {
        try {
            loop.put(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing an event to the RIB", e);
        }
    }

    /**
     * Makes the thread run its after-batch work soon (a channel became writable, counts are due). When the queue
     * is full a batch is coming anyway, so a refused wake is not lost.
     */
    void wake() {
        loop.offer(new RibEvent.Wake());
    }

    int backlog() {
        return loop.backlog();
    }

    /** Runs {@code query} on the RIB thread and waits for it: a consistent view for show and metrics. */
    <T> T query(Function<Rib, T> query, Duration timeout) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Object[] result = new Object[1];
        RuntimeException[] failure = new RuntimeException[1];
        loop.put(new RibEvent.Inspect(r -> {
            try {
                result[0] = query.apply(r);
            } catch (RuntimeException e) {
                failure[0] = e;
            } finally {
                done.countDown();
            }
        }));
        if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the RIB did not answer within " + timeout);
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }

    /**
     * Has the RIB thread trim its tables ({@link Rib#trimTables()}) after the events queued before, and waits for
     * it; false when it did not get there within {@code timeout} (it still will).
     */
    boolean trimTables(Duration timeout) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        loop.put(new RibEvent.TrimTables(done::countDown));
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        try {
            loop.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void afterBatch() {
        for (PeerInbox inbox : backlogged) {
            inbox.release(loop::offer);
        }
        adjRibOut.pollWritable();
        adjRibOut.flush(OutputSink.TO_PEER_OUTPUT);
        counts.publish(loop.backlog() > 0);
    }

    /** Applies what was queued before, then ends the thread (waits up to 5 s). */
    @Override
    public void close() {
        loop.close();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
