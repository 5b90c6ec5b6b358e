package dev.podbgp.daemon.speaker;

import dev.podbgp.rib.ImportStats;
import dev.podbgp.rib.PeerInfo;
import dev.podbgp.rib.Rib;
import dev.podbgp.rib.out.AdjRibOut;
import java.time.Duration;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * The prefix counts {@code show neighbors} and the metrics read, published by the RIB thread so that any thread
 * reads them without waiting: a query would queue behind a full table's UPDATEs. Exact as soon as the RIB queue is
 * empty; under load at most every {@link #EVERY}, and a timer wakes the RIB thread once things are quiet so the
 * last change is shown too ({@link #stale}).
 */
final class PrefixCountPublisher {

    static final Duration EVERY = Duration.ofMillis(200);

    private final Rib rib;
    private final AdjRibOut adjRibOut;
    private final Supplier<Collection<PeerSlot>> slots;
    private volatile int locRibSize;
    private volatile long paths;
    private volatile boolean stale;
    // RIB thread only.
    private long publishedAt = System.nanoTime() - EVERY.toNanos();

    PrefixCountPublisher(Rib rib, AdjRibOut adjRibOut, Supplier<Collection<PeerSlot>> slots) {
        this.rib = rib;
        this.adjRibOut = adjRibOut;
        this.slots = slots;
    }

    /** On the RIB thread after a batch; {@code busy}: more events are queued. */
    void publish(boolean busy) {
        long now = System.nanoTime();
        if (busy && now - publishedAt < EVERY.toNanos()) {
            stale = true;
            return;
        }
        stale = false;
        publishedAt = now;
        locRibSize = rib.prefixCount();
        long adjRibIn = 0;
        for (PeerSlot slot : slots.get()) {
            PeerInfo info = slot.info;
            if (info == null || rib.importOf(info) == null) {
                continue;
            }
            ImportStats stats = rib.importStats(info);
            adjRibIn += stats.adjRibIn();
            long advertised = adjRibOut.contains(slot.id) ? adjRibOut.group(slot.id).tableSize() : 0;
            slot.prefixCounts = new PrefixCounts(stats.accepted() + stats.rejected() + stats.refusedByMaxPrefix(),
                    stats.adjRibIn(), advertised);
        }
        paths = adjRibIn;
    }

    /** Whether a change is not shown yet; any thread. */
    boolean stale() {
        return stale;
    }

    /** The peers' Adj-RIB-In routes (paths), summed, as last published; any thread. */
    long paths() {
        return paths;
    }

    /** Loc-RIB prefixes as last published; any thread. */
    int locRibSize() {
        return locRibSize;
    }
}
