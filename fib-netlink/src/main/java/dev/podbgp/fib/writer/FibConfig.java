package dev.podbgp.fib.writer;

import java.time.Duration;

/**
 * How the FIB writer behaves.
 *
 * @param gracefulRestart at start, keep our routes the RIB has not (yet) asked for until
 *     {@link FibWriter#ribConverged()}; at shutdown, keep all our routes in the kernel
 * @param firstRetry the first backoff after a failure, doubled per attempt up to {@code maxRetry}
 * @param firstNexthopId the first nexthop-object id we use in this namespace
 * @param useNexthopObjects false forces RTA_MULTIPATH for ECMP even where objects exist
 * @param selfHealing listen to route and link notifications: rewrite our routes others delete,
 *     re-sync when a link comes back up (costs a notification per route change)
 */
public record FibConfig(boolean gracefulRestart, Duration firstRetry, Duration maxRetry, int firstNexthopId,
        boolean useNexthopObjects, boolean selfHealing) {

    public static FibConfig defaults() {
        return new FibConfig(false, Duration.ofMillis(100), Duration.ofSeconds(30), 0x50000000, true, true);
    }

    public FibConfig withGracefulRestart(boolean on) {
        return new FibConfig(on, firstRetry, maxRetry, firstNexthopId, useNexthopObjects, selfHealing);
    }

    public FibConfig withRetry(Duration first, Duration max) {
        return new FibConfig(gracefulRestart, first, max, firstNexthopId, useNexthopObjects, selfHealing);
    }

    public FibConfig withNexthopObjects(boolean on) {
        return new FibConfig(gracefulRestart, firstRetry, maxRetry, firstNexthopId, on, selfHealing);
    }

    public FibConfig withSelfHealing(boolean on) {
        return new FibConfig(gracefulRestart, firstRetry, maxRetry, firstNexthopId, useNexthopObjects, on);
    }
}
