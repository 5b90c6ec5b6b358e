package dev.podbgp.bgp.session;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Consecutive failures of one peer and the wait before the next attempt: exponential from
 * {@link BackoffPolicy#base()}, capped at {@link BackoffPolicy#cap()}, replaced by
 * {@link BackoffPolicy#dampPenalty()} once damped, and always jittered.
 *
 * <p>Jitter follows RFC 4271 §10: the wait is multiplied by a random factor from 0.75 to 1, so
 * the peers of a node that restarted do not all retry in the same instant.
 */
public final class RestartBackoff {

    private static final double JITTER_LOW = 0.75;
    private static final double JITTER_SPAN = 0.25;
    /** 2^30 times any sane base is beyond every cap; stops the shift from overflowing. */
    private static final int MAX_DOUBLINGS = 30;

    private final BackoffPolicy policy;
    private final RandomGenerator random;
    private int failures;

    public RestartBackoff(BackoffPolicy policy, RandomGenerator random) {
        this.policy = policy;
        this.random = random;
    }

    /** Counts one more failure and returns how long to wait before the next attempt. */
    public Duration nextDelay() {
        failures++;
        long millis = failures >= policy.dampAfter() ? policy.dampPenalty().toMillis() : undamped(failures);
        double factor = JITTER_LOW + JITTER_SPAN * random.nextDouble();
        return Duration.ofMillis((long) (millis * factor));
    }

    private long undamped(int n) {
        long base = policy.base().toMillis();
        long cap = policy.cap().toMillis();
        int doublings = Math.min(n - 1, MAX_DOUBLINGS);
        return base > cap >> doublings ? cap : Math.min(cap, base << doublings);
    }

    /** The peer behaved (stayed Established long enough, or an operator restarted it). */
    public void reset() {
        failures = 0;
    }

    public int failures() {
        return failures;
    }

    public boolean damped() {
        return failures >= policy.dampAfter();
    }

    public BackoffPolicy policy() {
        return policy;
    }
}
