package dev.podbgp.daemon.process;

import java.time.Duration;

/**
 * How long a helper that exited waits before it is started again: {@code initial}, doubled for each exit in a row,
 * never more than {@code max}. A run that lasted {@code stableAfter} or longer counts as healthy and starts the
 * sequence over, so a helper that crashes once a day restarts at once while one that crashes at start does not spin.
 * (ExaBGP 4.2 respawns at once and gives up after five deaths within about a minute, stopping itself.)
 */
public record RestartBackoff(Duration initial, Duration max, Duration stableAfter) {

    public static final RestartBackoff DEFAULT = new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60),
            Duration.ofSeconds(60));

    public RestartBackoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max: " + initial + ", " + max);
        }
    }

    /**
     * @param exitsInARow how many runs in a row ended before {@code stableAfter}, this one included (1 for the first)
     */
    public Duration delay(int exitsInARow) {
        if (exitsInARow < 1) {
            throw new IllegalArgumentException("exitsInARow starts at 1: " + exitsInARow);
        }
        Duration d = initial;
        for (int i = 1; i < exitsInARow && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }

    /** The count of the next exit: reset to 1 by a run of at least {@code stableAfter}. */
    public int nextExitCount(int exitsInARow, Duration ran) {
        return ran.compareTo(stableAfter) >= 0 ? 1 : exitsInARow + 1;
    }
}
