package dev.podbgp.daemon.run;

import dev.podbgp.log.EventLog;
import dev.podbgp.rib.LocRibChange;
import dev.podbgp.rib.RibListener;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.function.BooleanSupplier;

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
 * <p>Changes are counted on the RIB thread (the only writer); {@link #check} runs on the daemon's
 * metrics thread. The collection stops the JVM for a few hundred milliseconds at a full table, far
 * below any hold time, and only after the table went quiet.
 */
final class HeapTrim implements RibListener {
    /** About a twentieth of a full table: podCIDR churn of a cluster never gets there. */
    static final long LARGE_CHANGE = 50_000;
    private static final EventLog LOG = EventLog.named("podbgp.memory");

    private final Runnable collector;
    private final BooleanSupplier fibIdle;
    private volatile long changes;
    private long changesAtLastCheck;
    private long changesAtLastTrim;

    HeapTrim(BooleanSupplier fibIdle) {
        this(Runtime.getRuntime()::gc, fibIdle);
    }

    HeapTrim(Runnable collector, BooleanSupplier fibIdle) {
        this.collector = collector;
        this.fibIdle = fibIdle;
    }

    @Override
    @SuppressWarnings("NonAtomicOperationOnVolatileField") // one writer: the RIB thread
    public void onLocRibChange(LocRibChange change) {
        changes++;
    }

    /** Trims when the table was quiet since the last call after a large change; true when it did. */
    boolean check() {
        long now = changes;
        boolean quiet = now == changesAtLastCheck;
        changesAtLastCheck = now;
        if (!quiet || now - changesAtLastTrim < LARGE_CHANGE || !fibIdle.getAsBoolean()) {
            return false;
        }
        long sinceTrim = now - changesAtLastTrim;
        changesAtLastTrim = now;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        MemoryUsage before = memory.getHeapMemoryUsage();
        long start = System.nanoTime();
        collector.run();
        long millis = (System.nanoTime() - start) / 1_000_000;
        MemoryUsage after = memory.getHeapMemoryUsage();
        LOG.info("heap-trimmed").with("rib-changes", sinceTrim)
                .with("used-mb", mb(before.getUsed()) + "->" + mb(after.getUsed()))
                .with("committed-mb", mb(before.getCommitted()) + "->" + mb(after.getCommitted()))
                .with("millis", millis).log();
        return true;
    }

    private static long mb(long bytes) {
        return bytes >> 20;
    }
}
