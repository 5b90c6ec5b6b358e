package dev.podbgp.daemon.run;

import dev.podbgp.log.EventLog;
import dev.podbgp.rib.LocRibChange;
import dev.podbgp.rib.RibListener;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Gives heap back once a large table change is over. The serial collector grows the heap while a
 * full table streams in (young generation sized to the heap, garbage promoted during the burst) and
 * returns memory only at a full collection, which an idle daemon never reaches on its own: after a
 * million routes it kept about 300 MB committed around 60 MB of live data. So when at least
 * {@link #LARGE_CHANGE} Loc-RIB changes happened since the last trim, none during the last check
 * period, and the FIB writer has written them all (its buffers are garbage only then), one full
 * collection runs ({@link Runtime#gc()}); scripts/jvm.options' MaxHeapFreeRatio
 * then decides how much stays committed. A full table's withdrawal and relearning thus end at the
 * same footprint each time instead of ratcheting up.
 *
 * <p>A table that never goes quiet (a peer flapping its full table faster than the check period)
 * would still ratchet: the serial collector grows the old generation with the garbage each pass
 * promotes rather than collect it. So once a quiet trim has measured what the table needs, a
 * large change also trims while the table is busy when the committed heap has outgrown that
 * measure by {@link #CHURN_GROWTH} plus {@link #CHURN_HEADROOM}; the trim after it is the new
 * measure. The first table streaming in is never interrupted: there is no measure yet.
 *
 * <p>Before the collection the tables that grew by doubling are trimmed ({@code trimTables}: the RIB thread and
 * the FIB writer trim their own), so that the collection frees the room the change left in them too.
 *
 * <p>Changes are counted on the RIB thread (the only writer); {@link #check} runs on the daemon's
 * metrics thread. The collection stops the JVM for a few hundred milliseconds at a full table, far
 * below any hold time, and only after the table went quiet.
 */
final class HeapTrim implements RibListener {
    /** About a twentieth of a full table: podCIDR churn of a cluster never gets there. */
    static final long LARGE_CHANGE = 50_000;
    /** How far the committed heap may outgrow the last trim's before a busy table is trimmed too. */
    static final double CHURN_GROWTH = 1.5;
    static final long CHURN_HEADROOM = 32L << 20;
    private static final EventLog LOG = EventLog.named("podbgp.memory");
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final Runnable collector;
    private final Runnable trimTables;
    private final BooleanSupplier fibIdle;
    private final LongSupplier committed;
    private volatile long changes;
    private long changesAtLastCheck;
    private long changesAtLastTrim;
    /** The committed heap right after the last trim; 0 before the first. */
    private long committedAfterTrim;

    /** {@code trimTables} runs on the metrics thread before each collection and returns once the tables are trimmed. */
    HeapTrim(BooleanSupplier fibIdle, Runnable trimTables) {
        this(Runtime.getRuntime()::gc, trimTables, fibIdle, () -> MEMORY.getHeapMemoryUsage().getCommitted());
    }

    HeapTrim(Runnable collector, Runnable trimTables, BooleanSupplier fibIdle, LongSupplier committed) {
        this.collector = collector;
        this.trimTables = trimTables;
        this.fibIdle = fibIdle;
        this.committed = committed;
    }

    @Override
    @SuppressWarnings("NonAtomicOperationOnVolatileField") // one writer: the RIB thread
    public void onLocRibChange(LocRibChange change) {
        changes++;
    }

    /**
     * Trims after a large change when the table was quiet since the last call, or when it is still busy
     * but the heap has outgrown the last trim's ({@link #CHURN_GROWTH}); true when it did.
     */
    boolean check() {
        long now = changes;
        boolean quiet = now == changesAtLastCheck;
        changesAtLastCheck = now;
        if (now - changesAtLastTrim < LARGE_CHANGE) {
            return false;
        }
        String why;
        if (quiet && fibIdle.getAsBoolean()) {
            why = "quiet";
        } else if (!quiet && committedAfterTrim > 0
                && committed.getAsLong() > committedAfterTrim * CHURN_GROWTH + CHURN_HEADROOM) {
            why = "churn";
        } else {
            return false;
        }
        long sinceTrim = now - changesAtLastTrim;
        changesAtLastTrim = now;
        trimTables.run();
        MemoryUsage before = MEMORY.getHeapMemoryUsage();
        long start = System.nanoTime();
        collector.run();
        long millis = (System.nanoTime() - start) / 1_000_000;
        MemoryUsage after = MEMORY.getHeapMemoryUsage();
        committedAfterTrim = committed.getAsLong();
        LOG.info("heap-trimmed").with("why", why).with("rib-changes", sinceTrim)
                .with("used-mb", mb(before.getUsed()) + "->" + mb(after.getUsed()))
                .with("committed-mb", mb(before.getCommitted()) + "->" + mb(after.getCommitted()))
                .with("millis", millis).log();
        return true;
    }

    private static long mb(long bytes) {
        return bytes >> 20;
    }
}
