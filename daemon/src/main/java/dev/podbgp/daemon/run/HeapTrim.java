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
 * 512 MB bound, and 5M routes from 50 peers left 1,289 MB in use around 281 MB of live data. So this
 * runs a full collection ({@link Runtime#gc()}) in two cases; scripts/jvm.options'
 * MaxHeapFreeRatio then decides how much stays committed.
 *
 * <ul>
 *   <li>{@code quiet}: at least {@link #LARGE_CHANGE} Loc-RIB changes since the last quiet trim, none
 *   during the last check period, and the FIB writer has written them all (its buffers are garbage
 *   only then). A full table's withdrawal and relearning end at the same footprint each time.
 *   <li>{@code outgrown}: the committed heap is past what the table needs, by {@link #GROWTH}
 *   plus {@link #HEADROOM}, whatever the table is doing: the first table streaming in, a table
 *   flapping faster than the check period, the FIB writer's periodic kernel scan (no RIB change at
 *   all). What the table needs is the heap before it plus what each of its paths costs; a quiet
 *   trim measures that cost (the live heap then, with the FIB written and nothing in flight), and
 *   {@link #FIRST_COST_PER_PATH} stands in before the first. An outgrown trim measures nothing: it
 *   may come in the middle of a scan or a load, whose transient data would raise the bound for
 *   good. So the heap after one can still be past the bound (that transient data is live, or live
 *   data the paths do not account for, such as many idle sessions), and at most
 *   {@link #PAUSE_SHARE} of the time goes to these collections: after one that stopped the JVM
 *   for P ms the next waits P / PAUSE_SHARE (at least {@link #MIN_OUTGROWN_WAIT_NANOS} (10 s)), twice that
 *   after one that left the heap past the bound, four times after two such in a row, and so on up
 *   to {@link #MAX_BACKOFF} times.
 * </ul>
 *
 * <p>Before a quiet collection the tables that grew by doubling are trimmed ({@code trimTables}: the RIB thread
 * and the FIB writer trim their own), so that the collection frees the room the change left in them too.
 *
 * <p>Changes are counted on the RIB thread (the only writer); {@link #check} runs on the daemon's
 * metrics thread; the paths come from the counts the RIB thread publishes. A collection stopped the
 * JVM for 0.03-0.75 s at the measured tables (1M to 5M routes), far below any hold time.
 */
final class HeapTrim implements RibListener {
    /** About a twentieth of a full table: podCIDR churn of a cluster never gets there. */
    static final long LARGE_CHANGE = 50_000;
    /**
     * How far the committed heap may outgrow the table's live heap before it is trimmed... Above the
     * 1/(1 - MaxHeapFreeRatio) = 1.11 that jvm.options leaves committed after a collection, so a trim
     * of a table that costs what was measured ends below the bound.
     */
    static final double GROWTH = 1.5;
    /** ...plus this: the young generation (jvm.options' MaxNewSize, 16 MB) and a margin. */
    static final long HEADROOM = 48L << 20;
    /**
     * A path's cost before a quiet trim has measured one: between what the measured tables cost (46 B
     * a path for 50 peers' disjoint single paths, 72 B for two peers' shared IPv4 and IPv6 prefixes,
     * docs/memory.md). Too low a guess costs trims, bounded by {@link #PAUSE_SHARE}; too high, heap.
     */
    static final long FIRST_COST_PER_PATH = 64;
    /** The most of the time outgrown trims may stop the JVM for. */
    static final double PAUSE_SHARE = 0.05;
    /** The shortest wait between outgrown trims: two check periods, so a load gets one or two, not one each period. */
    static final long MIN_OUTGROWN_WAIT_NANOS = 10_000_000_000L;
    /** How many times longer the wait may become after outgrown trims that left the heap past the bound. */
    static final int MAX_BACKOFF = 64;
    private static final EventLog LOG = EventLog.named("podbgp.memory");

    private final Runnable collector;
    private final Runnable trimTables;
    private final BooleanSupplier fibIdle;
    private final HeapGauge heap;
    private final LongSupplier paths;
    private final LongSupplier nanoTime;
    private volatile long changes;
    private long changesAtLastCheck;
    private long changesAtLastTrim;
    /** Quiet trims count from each other: an outgrown trim late in a load leaves the load's end to one. */
    private long changesAtQuietTrim;
    /** The heap before any table: what the table's need is above. */
    private final long emptyLive;
    private long costPerPath = FIRST_COST_PER_PATH;
    private long noOutgrownTrimBefore;
    /** 1, doubled after each outgrown trim that left the heap past the bound, up to {@link #MAX_BACKOFF}. */
    private int backoff = 1;

    /** {@code trimTables} runs on the metrics thread before each quiet collection and returns once the tables are trimmed. */
    HeapTrim(BooleanSupplier fibIdle, LongSupplier paths, Runnable trimTables) {
        this(Runtime.getRuntime()::gc, trimTables, fibIdle, HeapGauge.jvm(), paths, System::nanoTime);
    }

    HeapTrim(Runnable collector, Runnable trimTables, BooleanSupplier fibIdle, HeapGauge heap, LongSupplier paths,
             LongSupplier nanoTime) {
        this.collector = collector;
        this.trimTables = trimTables;
        this.fibIdle = fibIdle;
        this.heap = heap;
        this.paths = paths;
        this.nanoTime = nanoTime;
        this.emptyLive = heap.used();
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
            trim("quiet", true, now);
            backoff = 1;
            return true;
        }
        if (heap.committed() > bound() && nanoTime.getAsLong() - noOutgrownTrimBefore >= 0) {
            long millis = trim("outgrown", false, now);
            long wait = Math.max(MIN_OUTGROWN_WAIT_NANOS, (long) (millis * 1_000_000 / PAUSE_SHARE));
            noOutgrownTrimBefore = nanoTime.getAsLong() + wait * backoff;
            backoff = heap.committed() > bound() ? Math.min(MAX_BACKOFF, backoff * 2) : 1;
            return true;
        }
        return false;
    }

    /** The committed heap past which the heap has outgrown the table. */
    long bound() {
        long need = emptyLive + costPerPath * paths.getAsLong();
        return (long) (need * GROWTH) + HEADROOM;
    }

    /** Collects; {@code measures}: the table is quiet and written, so the live heap is what it costs. */
    private long trim(String why, boolean measures, long changesNow) {
        long sinceTrim = changesNow - changesAtLastTrim;
        changesAtLastTrim = changesNow;
        long usedBefore = heap.used();
        long committedBefore = heap.committed();
        long bound = bound();
        if (measures) {
            // Settled tables only: mid-load, a table trimmed now would grow again at once.
            trimTables.run();
        }
        long start = nanoTime.getAsLong();
        collector.run();
        long millis = (nanoTime.getAsLong() - start) / 1_000_000;
        long live = heap.used();
        long pathsNow = paths.getAsLong();
        if (measures && pathsNow >= LARGE_CHANGE) {
            costPerPath = Math.max(1, (live - emptyLive) / pathsNow);
        }
        LOG.info("heap-trimmed").with("why", why).with("rib-changes", sinceTrim).with("paths", pathsNow)
                .with("used-mb", mb(usedBefore) + "->" + mb(live))
                .with("committed-mb", mb(committedBefore) + "->" + mb(heap.committed()))
                .with("bound-mb", mb(bound)).with("path-bytes", costPerPath).with("millis", millis).log();
        return millis;
    }

    private static long mb(long bytes) {
        return bytes >> 20;
    }
}
