package dev.podbgp.rib.policy;

import java.time.Duration;
import java.util.Optional;

/**
 * The most prefixes one peer may have accepted in one address family, and what happens beyond.
 *
 * @param limit          prefixes allowed; one more exceeds it. Sent in the Cease data (RFC 4486 §4), so 32 bits.
 * @param warningPercent a warning is logged once the count reaches this share of the limit (1..100)
 * @param onExceed       tear the session down, or keep it and stop accepting new prefixes
 */
public record MaxPrefixLimit(long limit, int warningPercent, OnExceed onExceed) {

    /** What to do once the limit is exceeded. */
    public sealed interface OnExceed {
    }

    /**
     * Send Cease / Maximum Number of Prefixes Reached and close. The peer's routes go with the
     * session, which protects the FIB from a leaked full table.
     *
     * @param restartAfter when the session may be started again; empty means only an operator restarts it
     */
    public record Teardown(Optional<Duration> restartAfter) implements OnExceed {
        public Teardown {
            if (restartAfter.isPresent() && (restartAfter.get().isNegative() || restartAfter.get().isZero())) {
                throw new IllegalArgumentException("a restart interval must be positive; an immediate restart would loop");
            }
        }

        public static Teardown restartAfter(Duration interval) {
            return new Teardown(Optional.of(interval));
        }

        public static Teardown untilCleared() {
            return new Teardown(Optional.empty());
        }
    }

    /** Keep the session and the prefixes accepted so far, refuse new ones until some are withdrawn. */
    public record StopAccepting() implements OnExceed {
    }

    public MaxPrefixLimit {
        U32.check(limit, "max-prefix limit");
        if (warningPercent < 1 || warningPercent > 100) {
            throw new IllegalArgumentException("max-prefix warning at " + warningPercent + "% is outside 1..100");
        }
    }

    /** The count at which the warning is given: the percentage of the limit, rounded up. */
    public long warningThreshold() {
        return (limit * warningPercent + 99) / 100;
    }
}
