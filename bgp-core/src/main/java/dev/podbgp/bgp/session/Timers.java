package dev.podbgp.bgp.session;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The deadline of each running timer, kept by the session itself so that a driver's
 * scheduled task which fires late (after a stop) or early (after the deadline moved) cannot
 * be mistaken for an expiry.
 *
 * <p>Moving a deadline later ({@link #push}) emits nothing: the pending task fires at the old
 * time, {@link #expired} sees the new deadline and re-arms for the rest. This keeps a busy
 * session from rescheduling its hold timer for every UPDATE it receives.
 */
final class Timers {

    private final InstantSource clock;
    private final Map<TimerKind, Instant> deadlines = new EnumMap<>(TimerKind.class);

    Timers(InstantSource clock) {
        this.clock = clock;
    }

    void start(TimerKind timer, Duration delay, List<SessionAction> out) {
        deadlines.put(timer, clock.instant().plus(delay));
        out.add(new SessionOrder.StartTimer(timer, delay));
    }

    void stop(TimerKind timer, List<SessionAction> out) {
        if (deadlines.remove(timer) != null) {
            out.add(new SessionOrder.StopTimer(timer));
        }
    }

    /** Restarts a running timer without telling the driver (see the class comment). */
    void push(TimerKind timer, Duration delay) {
        if (deadlines.containsKey(timer)) {
            deadlines.put(timer, clock.instant().plus(delay));
        }
    }

    boolean running(TimerKind timer) {
        return deadlines.containsKey(timer);
    }

    /**
     * Whether a firing of {@code timer} is a real expiry. A firing for a stopped timer is
     * dropped; one before the deadline re-arms the timer for the time left.
     */
    boolean expired(TimerKind timer, List<SessionAction> out) {
        Instant deadline = deadlines.get(timer);
        if (deadline == null) {
            return false;
        }
        Instant now = clock.instant();
        if (now.isBefore(deadline)) {
            out.add(new SessionOrder.StartTimer(timer, Duration.between(now, deadline)));
            return false;
        }
        deadlines.remove(timer);
        return true;
    }
}
