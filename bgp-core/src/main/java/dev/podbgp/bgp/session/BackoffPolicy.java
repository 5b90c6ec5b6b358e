package dev.podbgp.bgp.session;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a session waits in Idle before restarting after a failure (see {@link RestartBackoff}).
 *
 * @param base        the wait after the first failure; doubled after each further one
 * @param cap         the longest wait while not damped
 * @param dampAfter   from this many consecutive failures on, wait {@code dampPenalty} instead
 *                    (RFC 4271 §8.1.1 DampPeerOscillations: a misconfigured peer must not flap
 *                    in a tight loop)
 * @param dampPenalty the wait once damped
 * @param stableAfter an Established session that lasted at least this long clears the failure
 *                    count when it goes down; a shorter one counts as a failure
 */
public record BackoffPolicy(Duration base, Duration cap, int dampAfter, Duration dampPenalty, Duration stableAfter) {

    /**
     * 1 s doubling to 30 s, then 60 s from the 8th failure in a row: the first retry is quick (a
     * peer restarting), and no wait is longer than half the connect-retry time RFC 4271 suggests
     * (120 s), so a peer that was away for minutes is tried again within a minute of its return.
     * A session waiting here still takes the peer's own connection at once (see BgpSession).
     */
    public static final BackoffPolicy DEFAULT = new BackoffPolicy(
            Duration.ofSeconds(1), Duration.ofSeconds(30), 8, Duration.ofSeconds(60), Duration.ofSeconds(60));

    public BackoffPolicy {
        Objects.requireNonNull(stableAfter, "stableAfter");
        if (!base.isPositive() || cap.compareTo(base) < 0 || dampPenalty.compareTo(cap) < 0 || dampAfter < 1
                || stableAfter.isNegative()) {
            throw new IllegalArgumentException("backoff needs 0 < base <= cap <= dampPenalty and dampAfter >= 1: " + this);
        }
    }
}
