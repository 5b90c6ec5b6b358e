package dev.podbgp.bench;

import dev.podbgp.rib.Rib;
import java.lang.management.ManagementFactory;

/**
 * Retained heap per route (issue 5 target: at most 48 bytes per route with one peer): heap
 * used after GC with an empty {@link Rib}, then after loading 1M routes, divided by the route
 * count. The table's prefixes and attribute sets exist before the first measurement, so only
 * what the RIB itself keeps is counted (with 1,000 attribute sets, their share is nil anyway).
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.podbgp.bench.RibHeapFootprint</pre>
 */
public final class RibHeapFootprint {

    private RibHeapFootprint() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : RibLoadBenchmark.ROUTES;
        RibTable table = new RibTable(n);
        Rib rib = table.newRib();
        long empty = usedAfterGc();
        table.load(rib, table.peerA);
        long onePeer = usedAfterGc();
        table.load(rib, table.peerB);
        long twoPeers = usedAfterGc();
        System.out.printf("routes per peer: %d, prefixes in Loc-RIB: %d, attribute sets: %d%n",
                n, rib.prefixCount(), rib.interner().size());
        System.out.printf("one peer:  %.1f bytes/route (%d bytes retained)%n", (onePeer - empty) / (double) n,
                onePeer - empty);
        System.out.printf("two peers: %.1f bytes/route (%d bytes retained for %d routes)%n",
                (twoPeers - empty) / (2.0 * n), twoPeers - empty, 2L * n);
        if (rib.routeCount(table.peerA) != n) {
            throw new IllegalStateException("table not loaded");
        }
    }

    private static long usedAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        // Repeat until the figure settles: one System.gc() may leave floating garbage.
        for (int i = 0; i < 5; i++) {
            System.gc();
            long now = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(now - used) < 64 * 1024) {
                return now;
            }
            used = now;
        }
        return used;
    }
}
