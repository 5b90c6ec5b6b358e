package dev.podbgp.fib.writer;

import java.time.Duration;

/**
 * How the FIB writer behaves.
 *
 * @param keepStaleAtStart at start, keep our routes the RIB has not (yet) asked for until
 *     {@link FibWriter#ribConverged()}: a restart (a crash included) leaves forwarding as it was
 * @param keepOnClose at close, leave all our routes in the kernel for the next start
 * @param firstRetry the first backoff after a failure, doubled per attempt up to {@code maxRetry}
 * @param firstNexthopId the first nexthop-object id we use in this namespace
 * @param useNexthopObjects false forces RTA_MULTIPATH for ECMP even where objects exist
 * @param selfHealing listen to route and link notifications: rewrite our routes others delete,
 *     re-sync when a link comes back up (costs a notification per route change)
 * @param scanInterval how often the kernel's routes of ours are dumped and compared with the
 *     desired state anyway, for what no notification reports (a route of ours another program
 *     replaced); {@link Duration#ZERO}: never
 */
public record FibConfig(boolean keepStaleAtStart, boolean keepOnClose, Duration firstRetry, Duration maxRetry, int firstNexthopId,
        boolean useNexthopObjects, boolean selfHealing, Duration scanInterval) {

    /** BIRD's kernel protocol scans every 60 s by default too. */
    public static final Duration DEFAULT_SCAN_INTERVAL = Duration.ofSeconds(60);

    public FibConfig {
        if (scanInterval.isNegative()) {
            throw new IllegalArgumentException("scanInterval " + scanInterval + " is negative");
        }
    }

    public static FibConfig defaults() {
        return new FibConfig(false, false, Duration.ofMillis(100), Duration.ofSeconds(30), 0x50000000, true, true,
                DEFAULT_SCAN_INTERVAL);
    }

    /** Both halves of a restart: routes kept at close, and kept as stale at the next start. */
    public FibConfig withGracefulRestart(boolean on) {
        return new FibConfig(on, on, firstRetry, maxRetry, firstNexthopId, useNexthopObjects, selfHealing, scanInterval);
    }

    public FibConfig withKeepStaleAtStart(boolean on) {
        return new FibConfig(on, keepOnClose, firstRetry, maxRetry, firstNexthopId, useNexthopObjects, selfHealing, scanInterval);
    }

    public FibConfig withKeepOnClose(boolean on) {
        return new FibConfig(keepStaleAtStart, on, firstRetry, maxRetry, firstNexthopId, useNexthopObjects, selfHealing, scanInterval);
    }

    public FibConfig withRetry(Duration first, Duration max) {
        return new FibConfig(keepStaleAtStart, keepOnClose, first, max, firstNexthopId, useNexthopObjects, selfHealing, scanInterval);
    }

    public FibConfig withNexthopObjects(boolean on) {
        return new FibConfig(keepStaleAtStart, keepOnClose, firstRetry, maxRetry, firstNexthopId, on, selfHealing, scanInterval);
    }

    public FibConfig withSelfHealing(boolean on) {
        return new FibConfig(keepStaleAtStart, keepOnClose, firstRetry, maxRetry, firstNexthopId, useNexthopObjects, on, scanInterval);
    }

    public FibConfig withScanInterval(Duration interval) {
        return new FibConfig(keepStaleAtStart, keepOnClose, firstRetry, maxRetry, firstNexthopId, useNexthopObjects, selfHealing, interval);
    }
}
