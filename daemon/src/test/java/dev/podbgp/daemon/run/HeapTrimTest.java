package dev.podbgp.daemon.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.LocRibChange;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HeapTrimTest {
    private final AtomicInteger collections = new AtomicInteger();
    private boolean fibIdle = true;
    private long committed = 100L << 20;
    /** What ran, in order: "tables" for the tables' trim, "gc" for the collection. */
    private final List<String> steps = new ArrayList<>();
    private final HeapTrim trim = new HeapTrim(() -> {
        steps.add("gc");
        collections.incrementAndGet();
    }, () -> steps.add("tables"), () -> fibIdle, () -> committed);
    private static final LocRibChange CHANGE = new LocRibChange.Withdrawn(Prefix.parse("10.0.0.0/24"));

    private void changes(long n) {
        for (long i = 0; i < n; i++) {
            trim.onLocRibChange(CHANGE);
        }
    }

    @Test
    void aLargeChangeIsTrimmedOnceTheTableWentQuiet() {
        changes(HeapTrim.LARGE_CHANGE);
        assertThat(trim.check()).as("changes since the last check: still loading").isFalse();
        assertThat(trim.check()).as("quiet for a period").isTrue();
        assertThat(trim.check()).as("nothing new since the trim").isFalse();
        assertThat(collections).hasValue(1);
        assertThat(steps).as("the tables give back their room first, so the collection frees it").containsExactly("tables", "gc");
    }

    @Test
    void aTableStillStreamingInIsNotInterrupted() {
        for (int period = 0; period < 5; period++) {
            changes(HeapTrim.LARGE_CHANGE);
            assertThat(trim.check()).isFalse();
        }
        assertThat(collections).hasValue(0);
        assertThat(trim.check()).isTrue();
    }

    @Test
    void waitsForTheFibWriterWhoseBuffersHoldTheTableUntilWritten() {
        changes(HeapTrim.LARGE_CHANGE);
        trim.check();
        fibIdle = false;
        assertThat(trim.check()).isFalse();
        assertThat(trim.check()).isFalse();
        fibIdle = true;
        assertThat(trim.check()).isTrue();
        assertThat(collections).hasValue(1);
    }

    @Test
    void smallChurnNeverCollects() {
        for (int period = 0; period < 10; period++) {
            changes(HeapTrim.LARGE_CHANGE / 20);
            trim.check();
            trim.check();
        }
        assertThat(collections).as("%d changes in all, below the threshold", HeapTrim.LARGE_CHANGE / 2).hasValue(0);
        assertThat(steps).as("nor are the tables rehashed").isEmpty();
    }

    @Test
    void eachLargeChangeAfterATrimIsTrimmedAgain() {
        for (int cycle = 1; cycle <= 3; cycle++) {
            changes(HeapTrim.LARGE_CHANGE);
            trim.check();
            trim.check();
            assertThat(collections).hasValue(cycle);
        }
    }

    @Test
    void aTableThatNeverGoesQuietIsTrimmedOnceTheHeapOutgrowsTheLastTrim() {
        changes(HeapTrim.LARGE_CHANGE);
        trim.check();
        assertThat(trim.check()).as("the first quiet trim measures the table: 100 MB").isTrue();
        long bound = (long) (committed * HeapTrim.CHURN_GROWTH) + HeapTrim.CHURN_HEADROOM;
        for (int period = 0; period < 3; period++) {
            changes(HeapTrim.LARGE_CHANGE);
            committed = bound; // grown, but not past the bound
            assertThat(trim.check()).isFalse();
        }
        changes(HeapTrim.LARGE_CHANGE);
        committed = bound + 1;
        assertThat(trim.check()).as("busy, and past the bound").isTrue();
        committed = 120L << 20;
        changes(HeapTrim.LARGE_CHANGE);
        assertThat(trim.check()).as("the new measure is what the trim left").isFalse();
        assertThat(collections).hasValue(2);
    }

    @Test
    void theFirstTableStreamingInIsNeverInterruptedHoweverTheHeapGrows() {
        for (int period = 0; period < 5; period++) {
            changes(HeapTrim.LARGE_CHANGE);
            committed += 200L << 20;
            assertThat(trim.check()).isFalse();
        }
        assertThat(collections).hasValue(0);
    }
}
