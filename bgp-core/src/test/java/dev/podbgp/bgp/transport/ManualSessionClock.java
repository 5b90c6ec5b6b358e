package dev.podbgp.bgp.transport;

import io.netty.channel.EventLoop;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Session time that moves only when the test says so. Timers are kept here instead of on the
 * event loops; {@link #advance} runs each one that falls due on its own loop, in deadline
 * order, and lets what it sent arrive and be handled before time moves on. So a hold time
 * passes in milliseconds, and keepalives still have to be sent and received to keep a session up.
 *
 * <p>Event loops read the time and schedule; the test thread advances. The queue is guarded by
 * this object's lock, which the test thread never holds while it waits for a loop.
 */
final class ManualSessionClock implements SessionClock, InstantSource {

    /** How long one loop task, or the network, may take before the test fails instead of hanging. */
    private static final long TIMEOUT_SECONDS = 5;

    private record Timer(Instant deadline, long order, EventLoop loop, FutureTask<Void> task) {}

    private final PriorityQueue<Timer> timers = new PriorityQueue<>(
            Comparator.comparing(Timer::deadline).thenComparingLong(Timer::order));
    private final Set<EventLoop> loops = new LinkedHashSet<>();
    private final BooleanSupplier networkIdle;
    private long scheduled;
    private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

    /** @param networkIdle true when no byte the sessions sent is still on its way or unread */
    ManualSessionClock(BooleanSupplier networkIdle) {
        this.networkIdle = networkIdle;
    }

    @Override
    public InstantSource time() {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public synchronized Future<?> schedule(EventLoop loop, Runnable task, Duration delay) {
        FutureTask<Void> pending = new FutureTask<>(task, null);
        timers.add(new Timer(now.plus(delay), scheduled++, loop, pending));
        loops.add(loop);
        return pending;
    }

    /** Moves time forward by {@code span}, running every timer that falls due meanwhile. */
    void advance(Duration span) throws Exception {
        Instant until = now.plus(span);
        for (Timer due = nextDue(until); due != null; due = nextDue(until)) {
            fire(due);
        }
        now = until;
        settle();
    }

    /** Moves time to the next pending timer and runs it (and any due at the same instant); false when none is pending. */
    boolean advanceToNextTimer() throws Exception {
        Instant next;
        synchronized (this) {
            dropCancelled();
            if (timers.isEmpty()) {
                return false;
            }
            next = timers.peek().deadline();
        }
        advance(Duration.between(now, next));
        return true;
    }

    private synchronized Timer nextDue(Instant until) {
        dropCancelled();
        Timer first = timers.peek();
        return first == null || first.deadline().isAfter(until) ? null : timers.poll();
    }

    private void dropCancelled() {
        while (!timers.isEmpty() && timers.peek().task().isCancelled()) {
            timers.poll();
        }
    }

    private void fire(Timer due) throws Exception {
        if (due.deadline().isAfter(now)) {
            now = due.deadline();
        }
        // A cancelled FutureTask does nothing when run, so a stop that races this is harmless.
        due.loop().submit(due.task()).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        settle();
    }

    /**
     * Lets every loop finish what it is doing and what that caused, answers included. Once the
     * network is idle every byte sent has been read; a loop reads in the I/O half of an
     * iteration and queues each message as a task (BgpPeer.enqueue), so two empty tasks in a
     * row on each loop come after it. Repeated until handling the messages sent nothing more.
     */
    void settle() throws Exception {
        do {
            awaitNetworkIdle();
            drainLoops();
        } while (!networkIdle.getAsBoolean());
        drainLoops();
    }

    private void awaitNetworkIdle() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!networkIdle.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("bytes still in flight after " + TIMEOUT_SECONDS + " s");
            }
            // A delayed ACK (about 40 ms on Linux) is what usually keeps a queue non-empty here.
            Thread.sleep(1);
        }
    }

    private void drainLoops() throws Exception {
        List<EventLoop> known;
        synchronized (this) {
            known = List.copyOf(loops);
        }
        for (int round = 0; round < 2; round++) {
            for (EventLoop loop : known) {
                loop.submit(() -> { }).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        }
    }
}
