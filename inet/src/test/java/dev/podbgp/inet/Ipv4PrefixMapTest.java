package dev.podbgp.inet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Ipv4PrefixMapTest {

    @Test
    void growsPastItsInitialCapacity() {
        Ipv4PrefixMap<String> map = new Ipv4PrefixMap<>();
        for (int i = 0; i < 100_000; i++) {
            map.put(Ipv4Prefix.pack(i << 8, 24), "v" + i);
        }
        assertThat(map.size()).isEqualTo(100_000);
        assertThat(map.get(Ipv4Prefix.pack(77_777 << 8, 24))).isEqualTo("v77777");
        assertThat(map.get(Ipv4Prefix.pack(77_777 << 8, 23))).isNull();
    }

    @Test
    void theDefaultRouteKeyZeroIsAnOrdinaryKey() {
        Ipv4PrefixMap<String> map = new Ipv4PrefixMap<>();
        assertThat(map.get(Ipv4Prefix.DEFAULT.toLong())).isNull();
        map.put(Ipv4Prefix.DEFAULT.toLong(), "default");
        assertThat(map.get(0L)).isEqualTo("default");
        assertThat(map.remove(0L)).isEqualTo("default");
        assertThat(map.size()).isZero();
    }

    @Test
    void clearAndShrinkGivesBackATableGrownForAFarLargerFill() {
        Ipv4PrefixMap<String> map = new Ipv4PrefixMap<>();
        for (int i = 0; i < 100_000; i++) {
            map.put(Ipv4Prefix.pack(0x0A00_0000 + (i << 8), 24), "x");
        }
        int grown = map.capacity();
        map.clearAndShrink(100_000);
        assertThat(map.isEmpty()).isTrue();
        assertThat(map.capacity()).as("refilled at the same size: keeps its table").isEqualTo(grown);
        for (int i = 0; i < 100_000; i++) {
            map.put(Ipv4Prefix.pack(0x0A00_0000 + (i << 8), 24), "x");
        }
        map.clearAndShrink(1_000);
        assertThat(map.isEmpty()).isTrue();
        assertThat(map.capacity()).isLessThanOrEqualTo(2048);
        map.put(Ipv4Prefix.pack(0x0A00_0000, 24), "y");
        assertThat(map.get(Ipv4Prefix.pack(0x0A00_0000, 24))).isEqualTo("y");
        assertThat(map.get(Ipv4Prefix.pack(0x0A00_0100, 24))).isNull();
    }

    @Test
    void clearEmptiesTheMapWhichStaysUsable() {
        Ipv4PrefixMap<String> map = new Ipv4PrefixMap<>();
        map.clear();
        assertThat(map.isEmpty()).isTrue();
        map.put(Ipv4Prefix.pack(0x0a000000, 8), "ten");
        assertThat(map.isEmpty()).isFalse();
        map.clear();
        assertThat(map.isEmpty()).isTrue();
        assertThat(map.get(Ipv4Prefix.pack(0x0a000000, 8))).isNull();
        map.put(Ipv4Prefix.pack(0x0a000000, 8), "again");
        assertThat(map.get(Ipv4Prefix.pack(0x0a000000, 8))).isEqualTo("again");
    }

    @Test
    void aVisitorsCheckedExceptionReachesTheCaller() {
        Ipv4PrefixMap<String> map = new Ipv4PrefixMap<>();
        map.put(Ipv4Prefix.pack(0x0a000000, 8), "ten");
        assertThatThrownBy(() -> map.forEach((key, value) -> {
            throw new IOException("socket gone at " + Ipv4Prefix.fromLong(key));
        })).isInstanceOf(IOException.class).hasMessage("socket gone at 10.0.0.0/8");
    }

    /**
     * Copying a map into a smaller one in the first one's slot order is what the FIB writer does
     * with a big batch. With one hash for every map, that order crowds the keys into the front of
     * the copy: one probe run as long as the copy (a million /24s took 55 s to copy instead of
     * 0.2 s). Here the copy has a sixteenth of the source's slots and stops short of growing,
     * which would spread the run out again.
     */
    @Test
    void aCopyInIterationOrderIntoASmallerMapKeepsProbeRunsShort() {
        Ipv4PrefixMap<Boolean> source = new Ipv4PrefixMap<>();
        for (int i = 0; i < 1_000_000; i++) {
            source.put(Ipv4Prefix.pack(0x0a00_0000 + (i << 8), 24), Boolean.TRUE);
        }
        // 126,667 slots, grows past 95,000 keys.
        Ipv4PrefixMap<Boolean> copy = new Ipv4PrefixMap<>(95_000);
        source.forEach((key, value) -> {
            if (copy.size() < 90_000) {
                copy.put(key, value);
            }
        });
        assertThat(copy.size()).isEqualTo(90_000);
        // As a map of that size filled in address order, give or take: the /20 runs make those
        // 600 to 1,000 slots long; the crowded copy had one run of all 90,000 keys.
        Ipv4PrefixMap<Boolean> inAddressOrder = new Ipv4PrefixMap<>(95_000);
        for (int i = 0; i < 90_000; i++) {
            inAddressOrder.put(Ipv4Prefix.pack(0x0a00_0000 + (i << 8), 24), Boolean.TRUE);
        }
        assertThat(copy.longestRun()).isLessThan(4 * inAddressOrder.longestRun());
    }

    @Test
    void anyExpectedSizeGetsATableThatHoldsItWithoutGrowing() {
        for (int expected : new int[] {0, 1, 17, 1000, 12_345, 100_003}) {
            Ipv4PrefixMap<Integer> map = new Ipv4PrefixMap<>(expected);
            int slots = map.capacity();
            for (int i = 0; i < expected; i++) {
                map.put(Ipv4Prefix.pack(0x0a00_0000 + (i << 8), 24), i);
            }
            assertThat(map.capacity()).as("expected %d", expected).isEqualTo(slots);
            assertThat(slots).as("expected %d", expected).isLessThanOrEqualTo(Math.max(16, expected * 4 / 3 + 2));
            for (int i = 0; i < expected; i++) {
                assertThat(map.get(Ipv4Prefix.pack(0x0a00_0000 + (i << 8), 24))).isEqualTo(i);
            }
        }
    }

    /** A full table: 1M /24s need 1.42M slots after the trim, not the 2M of the next power of two. */
    @Test
    void trimToSizeGivesBackWhatDoublingLeftAndKeepsEveryEntry() {
        // 16 slots, doubled 17 times to 2,097,152: the table of a power-of-two map.
        Ipv4PrefixMap<Integer> map = new Ipv4PrefixMap<>(12);
        int n = 1_000_000;
        for (int i = 0; i < n; i++) {
            map.put(Ipv4Prefix.pack(0x0100_0000 + (i << 8), 24), i);
        }
        int grown = map.capacity();
        assertThat(grown).isGreaterThanOrEqualTo(n * 4 / 3);
        assertThat(map.trimToSize()).isTrue();
        assertThat(map.capacity()).isBetween(n * 4 / 3, n * 3 / 2).isLessThan(grown * 3 / 4);
        assertThat(map.size()).isEqualTo(n);
        for (int i = 0; i < n; i++) {
            assertThat(map.get(Ipv4Prefix.pack(0x0100_0000 + (i << 8), 24))).isEqualTo(i);
        }
        assertThat(map.trimToSize()).as("already near its size: nothing to do").isFalse();
        // Probe runs as in a table filled at that size: the rehash met the entries in its home order.
        Ipv4PrefixMap<Integer> fresh = new Ipv4PrefixMap<>(n + n / 16);
        for (int i = 0; i < n; i++) {
            fresh.put(Ipv4Prefix.pack(0x0100_0000 + (i << 8), 24), i);
        }
        assertThat(map.longestRun()).isLessThan(2 * fresh.longestRun());
    }

    @Test
    void aTrimmedTableTakesASixteenthMoreBeforeGrowingAndThenDoubles() {
        Ipv4PrefixMap<Integer> map = new Ipv4PrefixMap<>();
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            map.put(Ipv4Prefix.pack(0x0a00_0000 + (i << 8), 24), i);
        }
        map.trimToSize();
        int trimmed = map.capacity();
        int i = n;
        for (; i < n + n / 16; i++) {
            map.put(Ipv4Prefix.pack(0x0a00_0000 + (i << 8), 24), i);
        }
        assertThat(map.capacity()).isEqualTo(trimmed);
        while (map.capacity() == trimmed) {
            map.put(Ipv4Prefix.pack(0x0a00_0000 + (i << 8), 24), i);
            i++;
        }
        assertThat(map.capacity()).isEqualTo(2 * trimmed);
        for (int k = 0; k < i; k++) {
            assertThat(map.get(Ipv4Prefix.pack(0x0a00_0000 + (k << 8), 24))).isEqualTo(k);
        }
    }

    @Test
    void trimToSizeShrinksATableMostlyWithdrawn() {
        Ipv4PrefixMap<Integer> map = new Ipv4PrefixMap<>();
        for (int i = 0; i < 200_000; i++) {
            map.put(Ipv4Prefix.pack(0x0a00_0000 + (i << 8), 24), i);
        }
        for (int i = 0; i < 200_000; i++) {
            if (i % 100 != 0) {
                map.remove(Ipv4Prefix.pack(0x0a00_0000 + (i << 8), 24));
            }
        }
        assertThat(map.trimToSize()).isTrue();
        assertThat(map.capacity()).isLessThanOrEqualTo(2000 * 3 / 2);
        Map<Long, Integer> seen = new HashMap<>();
        map.forEach(seen::put);
        assertThat(seen).hasSize(2000);
        seen.forEach((key, value) -> assertThat(key).isEqualTo(Ipv4Prefix.pack(0x0a00_0000 + (value << 8), 24)));
        map.clear();
        assertThat(map.trimToSize()).isTrue();
        assertThat(map.capacity()).isEqualTo(16);
        assertThat(map.get(Ipv4Prefix.pack(0x0a00_0000, 24))).isNull();
    }
}
