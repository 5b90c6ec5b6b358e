package dev.podbgp.daemon.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.LocRibChange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeapTrimTest {
    private static final long MB = 1L << 20;
    private static final LocRibChange CHANGE = new LocRibChange.Withdrawn(Prefix.parse("10.0.0.0/24"));

    /** The heap as a serial collector keeps it: a collection leaves {@link #live}, committed 1.5x that (at least 10 MB). */
    private final class Heap implements HeapGauge {
        long used = 8 * MB;
        long committed = 10 * MB;
        long live = 8 * MB;
        long pauseNanos = 100_000_000;
        int collections;

        @Override
        public long committed() {
            return committed;
        }

        @Override
        public long used() {
            return used;
        }

        void collect() {
            collections++;
            used = live;
            committed = Math.max(10 * MB, live * 3 / 2);
            clock += pauseNanos;
        }

        /** Garbage (or live data) the application adds: used and committed grow alike. */
        void grow(long bytes) {
            used += bytes;
            committed = Math.max(committed, used);
        }
    }

    private final Heap heap = new Heap();
    private boolean fibIdle = true;
    private long paths;
    private long clock;
    /** What ran, in order: "tables" for the tables' trim, "gc" for the collection. */
    private final List<String> steps = new ArrayList<>();
    private final HeapTrim trim = new HeapTrim(() -> {
        steps.add("gc");
        heap.collect();
    }, () -> steps.add("tables"), () -> fibIdle, heap, () -> paths, () -> clock);

    private void changes(long n) {
        for (long i = 0; i < n; i++) {
            trim.onLocRibChange(CHANGE);
        }
    }

    /** One check period: the clock moves 5 s, as the daemon's checks do. */
    private boolean check() {
        clock += 5_000_000_000L;
        return trim.check();
    }

    @Test
    void aLargeChangeIsTrimmedOnceTheTableWentQuiet() {
        changes(HeapTrim.LARGE_CHANGE);
        assertThat(check()).as("changes since the last check: still loading").isFalse();
        assertThat(check()).as("quiet for a period").isTrue();
        assertThat(check()).as("nothing new since the trim").isFalse();
        assertThat(heap.collections).isEqualTo(1);
        assertThat(steps).as("the tables give back their room first, so the collection frees it").containsExactly("tables", "gc");
    }

    @Test
    void waitsForTheFibWriterWhoseBuffersHoldTheTableUntilWritten() {
        changes(HeapTrim.LARGE_CHANGE);
        check();
        fibIdle = false;
        assertThat(check()).isFalse();
        assertThat(check()).isFalse();
        fibIdle = true;
        assertThat(check()).isTrue();
        assertThat(heap.collections).isEqualTo(1);
    }

    @Test
    void smallChurnNeverCollects() {
        for (int period = 0; period < 10; period++) {
            changes(HeapTrim.LARGE_CHANGE / 20);
            check();
            check();
        }
        assertThat(heap.collections).as("%d changes in all, below the threshold", HeapTrim.LARGE_CHANGE / 2).isZero();
    }

    @Test
    void eachLargeChangeAfterATrimIsTrimmedAgain() {
        for (int cycle = 1; cycle <= 3; cycle++) {
            changes(HeapTrim.LARGE_CHANGE);
            check();
            check();
            assertThat(heap.collections).isEqualTo(cycle);
        }
    }

    @Test
    void aTableStreamingInIsLeftAloneWhileTheHeapGrowsAsItsPathsCost() {
        for (int period = 0; period < 10; period++) {
            changes(HeapTrim.LARGE_CHANGE);
            paths += 200_000;
            heap.grow(200_000 * HeapTrim.FIRST_COST_PER_PATH);
            assertThat(check()).as("period %d: %d MB committed, %d MB bound", period, heap.committed / MB, trim.bound() / MB)
                    .isFalse();
        }
        assertThat(check()).as("then quiet").isTrue();
        assertThat(heap.collections).isEqualTo(1);
    }

    @Test
    void theFirstTableIsTrimmedWhileStreamingInOnceTheHeapOutgrowsItsPaths() {
        // 100k paths at the first guess of 64 B: with the empty heap's 8 MB, a bound of 1.5 x 14.1 + 48 = 69 MB.
        changes(HeapTrim.LARGE_CHANGE);
        paths = 100_000;
        heap.grow(60 * MB);
        assertThat(check()).as("68 MB used and committed, within the bound").isFalse();
        heap.live = 20 * MB;
        heap.grow(10 * MB);
        changes(HeapTrim.LARGE_CHANGE);
        assertThat(check()).as("78 MB: past it, though the table is still busy").isTrue();
        assertThat(heap.collections).isEqualTo(1);
        assertThat(heap.committed).isEqualTo(30 * MB);
        assertThat(steps).as("mid-load the tables are left as they are").containsExactly("gc");
    }

    @Test
    void aQuietTrimMeasuresWhatAPathCostsAndTheBoundFollowsThePathsFromThere() {
        changes(HeapTrim.LARGE_CHANGE);
        paths = 1_000_000;
        heap.live = 8 * MB + 1_000_000 * 40L; // 40 B a path, below the first guess
        heap.grow(50 * MB);
        check();
        assertThat(check()).as("quiet").isTrue();
        assertThat(trim.bound()).as("1.5 x the live heap plus headroom")
                .isEqualTo((long) (heap.live * HeapTrim.GROWTH) + HeapTrim.HEADROOM);
        paths = 2_000_000;
        assertThat(trim.bound()).as("a million paths more at the measured 40 B")
                .isEqualTo((long) ((heap.live + 1_000_000 * 40L) * HeapTrim.GROWTH) + HeapTrim.HEADROOM);
    }

    @Test
    void anOutgrownTrimMeasuresNothingSinceWhatIsLiveThenMayBeTransient() {
        paths = 1_000_000;
        long bound = trim.bound();
        heap.live = 400 * MB; // a kernel scan's dump, say
        heap.grow(500 * MB);
        assertThat(check()).isTrue();
        assertThat(trim.bound()).isEqualTo(bound);
    }

    @Test
    void garbageWithoutAnyRibChangeIsTrimmedToo() {
        // The FIB writer's kernel scan: the table is quiet, its dump is promoted and dies.
        paths = 1_000_000; // at the first guess of 64 B a path: a bound of 1.5 x 69 + 48 = 151 MB
        heap.live = 70 * MB;
        heap.grow(150 * MB);
        assertThat(check()).as("the first table's garbage").isTrue();
        int trims = 1;
        for (int period = 0; period < 12; period++) {
            heap.grow(60 * MB);
            assertThat(heap.committed).isLessThan(trim.bound() + 80 * MB);
            if (check()) {
                trims++;
            }
        }
        assertThat(trims).as("no RIB change, but the heap kept outgrowing the table: every 10 s").isEqualTo(1 + 6);
        assertThat(heap.committed).isLessThan(trim.bound());
    }

    @Test
    void outgrownTrimsTakeAtMostAShareOfTheTime() {
        paths = 1_000_000;
        heap.live = 60 * MB;
        heap.pauseNanos = 2_000_000_000L; // 2 s a collection: the next one waits 40 s
        heap.grow(600 * MB);
        assertThat(check()).isTrue();
        int periods = 0;
        do {
            heap.grow(300 * MB);
            periods++;
        } while (!check());
        assertThat(periods * 5).as("seconds until the next").isGreaterThanOrEqualTo(40);
    }

    @Test
    void aHeapTheCollectorCannotShrinkIsCollectedLessAndLessOften() {
        // Live data the paths do not account for (an idle daemon's thousand sessions, say): every trim leaves
        // the heap past the bound, so the waits double: 10, 20, 40, 80, 160 s.
        heap.live = 100 * MB;
        heap.grow(100 * MB);
        heap.pauseNanos = 0;
        long start = clock;
        List<Long> trims = new ArrayList<>();
        for (int period = 0; period < 70; period++) {
            if (check()) {
                trims.add((clock - start) / 1_000_000_000L);
            }
        }
        assertThat(trims).containsExactly(5L, 15L, 35L, 75L, 155L, 315L);
    }
}
