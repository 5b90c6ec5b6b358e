package dev.podbgp.config;

import java.time.Duration;
import java.util.Optional;

/**
 * The most prefixes a peer may have accepted per address family.
 *
 * @param limit          1..4294967295 (sent in the Cease data of RFC 4486 §4, so 32 bits)
 * @param warningPercent a warning is logged at this share of the limit (1..100)
 * @param onExceed       tear down (and maybe restart later) or stop accepting
 */
public record MaxPrefixSpec(long limit, int warningPercent, OnExceed onExceed) {

    /** What happens beyond the limit. */
    public sealed interface OnExceed {
    }

    /** Cease / Maximum Number of Prefixes Reached; restart after the interval, or only by hand when empty. */
    public record Teardown(Optional<Duration> restartAfter) implements OnExceed {
    }

    /** Keep the session, refuse further prefixes. */
    public record StopAccepting() implements OnExceed {
    }

    /**
     * Safe default on every external peer (DESIGN.md): a leaked full table (~1M routes) from a
     * top-of-rack router must not reach the FIB, while 20000 leaves room for the podCIDRs of
     * very large clusters. The session is retried after five minutes, so a leak that gets fixed
     * heals without an operator, yet the peer is not hammered.
     */
    public static final MaxPrefixSpec EXTERNAL_DEFAULT =
            new MaxPrefixSpec(20_000, 80, new Teardown(Optional.of(Duration.ofMinutes(5))));

    public MaxPrefixSpec {
        if (limit < 1 || limit > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("max-prefix limit " + limit + " is outside 1..4294967295");
        }
        if (warningPercent < 1 || warningPercent > 100) {
            throw new IllegalArgumentException("warning at " + warningPercent + "% is outside 1..100");
        }
    }
}
