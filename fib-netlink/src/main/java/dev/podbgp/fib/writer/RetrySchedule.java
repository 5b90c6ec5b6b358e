package dev.podbgp.fib.writer;

import dev.podbgp.inet.Ipv4PrefixMap;
import java.time.Duration;
import java.util.Arrays;

/**
 * The routes of one family the kernel refused, and when each is tried again: the first retry
 * after {@code first}, doubling per attempt up to {@code max}. The writer thread changes it;
 * {@link FibWriter#retrying()} reads its size from any thread, so every method locks.
 */
final class RetrySchedule {

    private record Retry(int attempts, long dueNanos) {}

    private final long firstNanos;
    private final long maxNanos;
    private final Ipv4PrefixMap<Retry> retries = new Ipv4PrefixMap<>(16);
    private long[] due = new long[64];

    RetrySchedule(Duration first, Duration max) {
        this.firstNanos = first.toNanos();
        this.maxNanos = max.toNanos();
    }

    /** The request for {@code key} failed (again): schedules the next try; returns the attempt number. */
    synchronized int failed(long key, long nowNanos) {
        Retry previous = retries.get(key);
        int attempts = previous == null ? 1 : previous.attempts() + 1;
        long delay = Math.min(firstNanos << Math.min(attempts - 1, 20), maxNanos);
        retries.put(key, new Retry(attempts, nowNanos + delay));
        return attempts;
    }

    /** The request for {@code key} succeeded: whether it had failed before. */
    synchronized boolean succeeded(long key) {
        return retries.remove(key) != null;
    }

    synchronized boolean contains(long key) {
        return retries.get(key) != null;
    }

    synchronized int size() {
        return retries.size();
    }

    /** When the next retry is due ({@link System#nanoTime()}), or {@link Long#MAX_VALUE}. */
    synchronized long nextDueNanos() {
        // Few routes are ever retrying at once; scanning them is cheaper than keeping a heap in step.
        long[] min = {Long.MAX_VALUE};
        retries.forEach((key, r) -> min[0] = Math.min(min[0], r.dueNanos()));
        return min[0];
    }

    /** Visits the keys due at {@code nowNanos}; the visitor may write, which may fail or succeed them. */
    <X extends Exception> void forEachDue(long nowNanos, KeyVisitor<X> visitor) throws X {
        int count;
        long[] keys;
        synchronized (this) {
            int[] n = {0};
            retries.forEach((key, r) -> {
                if (r.dueNanos() <= nowNanos) {
                    if (n[0] == due.length) {
                        due = Arrays.copyOf(due, n[0] * 2);
                    }
                    due[n[0]++] = key;
                }
            });
            count = n[0];
            keys = due;
        }
        // Outside the lock: a write may flush a batch, whose answers change this schedule.
        for (int i = 0; i < count; i++) {
            visitor.visit(keys[i]);
        }
    }

    /** Visits every key retrying now; the visitor must not change this schedule. */
    synchronized <X extends Exception> void forEachKey(KeyVisitor<X> visitor) throws X {
        retries.forEach((key, r) -> visitor.visit(key));
    }

    @FunctionalInterface
    interface KeyVisitor<X extends Exception> {
        void visit(long key) throws X;
    }
}
