package dev.podbgp.bfd.session;

import java.time.Duration;
import java.util.List;

/**
 * The deadline of each running timer, kept by the session so that a driver's task which fires
 * late (the deadline moved) or for a timer already expired cannot be taken for an expiry.
 *
 * <p>The detection timer is restarted by every packet, tens of times a second. Moving a deadline
 * later emits nothing: the pending task fires at the old time, {@link #expired} sees the new
 * deadline and re-arms for the rest. Only a deadline moved earlier than the pending task is
 * rescheduled. Times are {@link NanoClock} readings, compared by difference as nanoTime requires.
 */
final class Timers {

    private final NanoClock clock;
    private final boolean[] running = new boolean[TimerKind.values().length];
    private final long[] deadline = new long[TimerKind.values().length];
    /** When the driver's pending task for the timer fires. */
    private final long[] firesAt = new long[TimerKind.values().length];

    Timers(NanoClock clock) {
        this.clock = clock;
    }

    void start(TimerKind timer, Duration delay, List<SessionAction> out) {
        int i = timer.ordinal();
        running[i] = true;
        deadline[i] = clock.nanoTime() + delay.toNanos();
        schedule(timer, delay, out);
    }

    /** A new deadline {@code delay} from now, later or earlier than the current one. */
    void restart(TimerKind timer, Duration delay, List<SessionAction> out) {
        int i = timer.ordinal();
        if (!running[i]) {
            start(timer, delay, out);
            return;
        }
        deadline[i] = clock.nanoTime() + delay.toNanos();
        if (deadline[i] - firesAt[i] < 0) {
            schedule(timer, delay, out);
        }
    }

    /** Brings a running timer's deadline forward to {@code delay} from now; never later. */
    void atMost(TimerKind timer, Duration delay, List<SessionAction> out) {
        int i = timer.ordinal();
        long candidate = clock.nanoTime() + delay.toNanos();
        if (running[i] && candidate - deadline[i] < 0) {
            deadline[i] = candidate;
            schedule(timer, delay, out);
        }
    }

    boolean running(TimerKind timer) {
        return running[timer.ordinal()];
    }

    /**
     * Whether a firing of {@code timer} is a real expiry. A firing for a timer not running is
     * dropped; one before the deadline re-arms the timer for the time left.
     */
    boolean expired(TimerKind timer, List<SessionAction> out) {
        int i = timer.ordinal();
        if (!running[i]) {
            return false;
        }
        long left = deadline[i] - clock.nanoTime();
        if (left > 0) {
            schedule(timer, Duration.ofNanos(left), out);
            return false;
        }
        running[i] = false;
        return true;
    }

    private void schedule(TimerKind timer, Duration delay, List<SessionAction> out) {
        firesAt[timer.ordinal()] = deadline[timer.ordinal()];
        out.add(new SessionOrder.StartTimer(timer, delay));
    }
}
