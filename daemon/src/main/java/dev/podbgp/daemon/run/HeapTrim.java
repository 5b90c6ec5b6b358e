package dev.podbgp.daemon.run;

import dev.podbgp.log.EventLog;
import dev.podbgp.rib.LocRibChange;
import dev.podbgp.rib.RibListener;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Keeps the heap near what the table needs. The serial collector returns memory only at a full
 * collection, and until the heap bound it grows the old generation with the garbage each young
 * collection promotes rather than collect it: a million routes streaming in left about 300 MB
 * committed around 60 MB of live data, two full tables (2.4M paths, 171 MB live) reached the
 * 512 MB bound, and the FIB writer's kernel scan of 5M routes promoted 650 MB of garbage. So this
 * runs a full collection ({@link Runtime#gc()}) in two cases; scripts/jvm.options'
 * MaxHeapFreeRatio then decides how much stays committed.
 *
 * <ul>
 *   <li>{@code quiet}: at least {@link #LARGE_CHANGE} Loc-RIB changes since the last trim, none
 *   during the last check period, and the FIB writer has written them all (its buffers are garbage
 *   only then). A full table's withdrawal and relearning end at the same footprint each time.
 *   <li>{@code outgrown}: the committed heap is past what the table needs now, by
 *   {@link #GROWTH} plus {@link #HEADROOM}, whatever the table is doing: the first table
 *   streaming in, a table flapping faster than the check period, the FIB writer's scans. What it
 *   needs is the live heap the last trim measured plus, for each path the RIB gained since, what a
 *   path cost at that trim ({@link #costPerPath}), so the bound rises with the table from the
 *   first route on. At most {@link #PAUSE_SHARE} of the time goes to these collections: after one
 *   that stopped the JVM for P ms the next waits P / PAUSE_SHARE.
 * </ul>
 *
 * <p>Changes are counted on the RIB thread (the only writer); {@link #check} runs on the daemon's
 * metrics thread; the paths come from the counts the RIB thread publishes. A collection stops the
 * JVM for 0.1-0.5 s at a full table, far below any hold time.
 */
final class HeapTrim implements RibListener {
    /** About a twentieth of a full table: podCIDR churn of a cluster never gets there. */
    static final long LARGE_CHANGE = 50_000;
    /** How far the committed heap may outgrow the table's estimated live heap before it is trimmed... */
    static final double GROWTH = 1.5;
    /** ...plus this: the young generation (jvm.options' MaxNewSize, 32 MB) and a margin. */
    static final long HEADROOM = 48L << 20;
    /**
     * A path's cost before a trim has measured one: above what the measured tables cost (46 B a path
     * for 50 peers' single paths, 68 B for two peers' shared IPv4 and IPv6 prefixes, docs/memory.md),
     * so a first table is trimmed late rather than often.
     */
    static final long FIRST_COST_PER_PATH = 96;
    /** The most of the time outgrown trims may stop the JVM for. */
    static final double PAUSE_SHARE = 0.05;
    private static final EventLog LOG = EventLog.named("podbgp.memory");

    private final Runnable collector;
    private final BooleanSupplier fibIdle;
    private final HeapGauge heap;
    private final LongSupplier paths;
    private final LongSupplier nanoTime;
    private volatile long changes;
    private long changesAtLastCheck;
    private long changesAtLastTrim;
    /** Quiet trims count from each other: an outgrown trim late in a load leaves the load's end to one. */
    private long changesAtQuietTrim;
    /** The heap before any table: what a trim's measure of the table is above. */
    private final long emptyLive;
    /** What the last trim measured (before the first: the heap at start). */
    private long liveAtTrim;
    private long committedAfterTrim;
    private long pathsAtTrim;
    private long costPerPath = FIRST_COST_PER_PATH;
    private long noOutgrownTrimBefore;

    HeapTrim(BooleanSupplier fibIdle, LongSupplier paths) {
        this(Runtime.getRuntime()::gc, fibIdle, HeapGauge.jvm(), paths, System::nanoTime);
    }

    HeapTrim(Runnable collector, BooleanSupplier fibIdle, HeapGauge heap, LongSupplier paths, LongSupplier nanoTime) {
        this.collector = collector;
        this.fibIdle = fibIdle;
        this.heap = heap;
        this.paths = paths;
        this.nanoTime = nanoTime;
        this.emptyLive = heap.used();
        this.liveAtTrim = emptyLive;
        this.committedAfterTrim = heap.committed();
        this.noOutgrownTrimBefore = nanoTime.getAsLong();
    }

    @Override
    @SuppressWarnings("NonAtomicOperationOnVolatileField") // one writer: the RIB thread
    public void onLocRibChange(LocRibChange change) {
        changes++;
    }

    /** Trims when a large change went quiet or the heap outgrew the table (see the class comment); true when it did. */
    boolean check() {
        long now = changes;
        boolean quiet = now == changesAtLastCheck;
        changesAtLastCheck = now;
        if (quiet && now - changesAtQuietTrim >= LARGE_CHANGE && fibIdle.getAsBoolean()) {
            changesAtQuietTrim = now;
            trim("quiet", now);
            return true;
        }
        long bound = bound();
        if (heap.committed() > bound && nanoTime.getAsLong() - noOutgrownTrimBefore >= 0) {
            long millis = trim("outgrown", now);
            noOutgrownTrimBefore = nanoTime.getAsLong() + (long) (millis * 1_000_000 / PAUSE_SHARE);
            return true;
        }
        return false;
    }

    /** The committed heap past which the table has outgrown its need. */
    long bound() {
        long need = liveAtTrim + costPerPath * Math.max(0, paths.getAsLong() - pathsAtTrim);
        return Math.max((long) (need * GROWTH), committedAfterTrim) + HEADROOM;
    }

    private long trim(String why, long changesNow) {
        long sinceTrim = changesNow - changesAtLastTrim;
        changesAtLastTrim = changesNow;
        long usedBefore = heap.used();
        long committedBefore = heap.committed();
        long bound = bound();
        long start = nanoTime.getAsLong();
        collector.run();
        long millis = (nanoTime.getAsLong() - start) / 1_000_000;
        liveAtTrim = heap.used();
        committedAfterTrim = heap.committed();
        pathsAtTrim = paths.getAsLong();
        if (pathsAtTrim >= LARGE_CHANGE) {
            // Live data of a table still loading (queued UPDATEs, the FIB writer's backlog) counts too: a high
            // measure, so the next bound is late rather than early.
            costPerPath = Math.max(1, (liveAtTrim - emptyLive) / pathsAtTrim);
        }
        LOG.info("heap-trimmed").with("why", why).with("rib-changes", sinceTrim).with("paths", pathsAtTrim)
                .with("used-mb", mb(usedBefore) + "->" + mb(liveAtTrim))
                .with("committed-mb", mb(committedBefore) + "->" + mb(committedAfterTrim))
                .with("bound-mb", mb(bound)).with("path-bytes", costPerPath).with("millis", millis).log();
        return millis;
    }

    private static long mb(long bytes) {
        return bytes >> 20;
    }
}
