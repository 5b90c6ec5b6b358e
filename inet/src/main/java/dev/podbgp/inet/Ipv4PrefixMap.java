package dev.podbgp.inet;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An open-addressing map from an IPv4 prefix packed in a {@code long}
 * ({@link Ipv4Prefix#toLong()}) to a value: two flat arrays, no entry objects and
 * no boxed keys (DESIGN "Memory and speed"), 12 bytes a slot. Linear probing with
 * backward-shift deletion, so no tombstones build up under churn. Null values are not stored.
 * Any other non-negative {@code long} is a valid key too (the FIB writer keys its IPv6 routes
 * by number); the hashing is tuned for packed prefixes.
 *
 * <p>Empty slots hold the key {@link #EMPTY}, which no packed prefix equals, so a probe reads
 * only the key array and touches the value array once, at the slot it found. Sixteen adjacent
 * /24s (one /20) get adjacent home slots, see {@link #home}.
 *
 * <p>The table may have any number of slots, not only a power of two: growth doubles it, and
 * {@link #trimToSize()} gives back what a power of two would waste once a large change is over
 * (a million routes need 1.4M slots, 17 MB, where the next power of two is 2M, 25 MB).
 *
 * @param <V> the value type
 */
public final class Ipv4PrefixMap<V> {

    /**
     * Visits one entry; the map must not be changed while visiting. It may throw what the
     * caller's own loop would ({@code X}), so a visitor that writes to a socket needs no wrapping.
     */
    @FunctionalInterface
    public interface ThrowingEntryVisitor<V, X extends Exception> {
        void visit(long prefix, V value) throws X;
    }

    /** A visitor that throws nothing checked. */
    @FunctionalInterface
    public interface EntryVisitor<V> extends ThrowingEntryVisitor<V, RuntimeException> {
    }

    // Grow at 3/4 full: linear probing stays short up to there.
    private static final int MAX_FILL_PERCENT = 75;

    // The largest array the JVM allocates; doubling stops here.
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    // Packed prefixes have their top 24 bits clear, so -1 is never a key.
    private static final long EMPTY = -1L;

    // Key bits 16-19 are address bits 8-11: the /24s inside one /20.
    private static final int RUN_SHIFT = 16;
    private static final long RUN_MASK = 0xFL << RUN_SHIFT;

    // Per map: copying one map into another in iteration order (the FIB writer moves each batch
    // into its desired state) would otherwise fill the second map's slots in order, one long
    // probe run: 55 s instead of 0.2 s for a million /24s. Growing and trimming keep the seed, which
    // is safe: a home slot is the hash scaled to the table, so the entries arrive in the new table's
    // home order, each at its home or just past the one before.
    private final long seed = ThreadLocalRandom.current().nextLong() & ~RUN_MASK;
    private long[] keys;
    private Object[] values;
    private int size;

    public Ipv4PrefixMap() {
        this(16);
    }

    public Ipv4PrefixMap(int expectedSize) {
        allocate(capacityFor(expectedSize));
    }

    /** The fewest slots that hold {@code expectedSize} entries without growing. */
    private static int capacityFor(int expectedSize) {
        return (int) Math.min(MAX_CAPACITY, Math.max(16, (long) expectedSize * 100 / MAX_FILL_PERCENT + 1));
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        values = new Object[capacity];
    }

    /** The slot after {@code i}, wrapping at the end: a compare, as the table need not be a power of two. */
    private int next(int i) {
        int n = i + 1;
        return n == keys.length ? 0 : n;
    }

    // Fibonacci hashing of the key without its /20 run bits picks where the run starts; the
    // run bits then step through adjacent slots. Full-table feeds send prefixes largely in
    // address order (peers walk their tables in order), so consecutive /24s land in the same
    // cache lines instead of costing a cache miss each (RibLoadBenchmark, bench/README.md).
    // Prefixes shorter than /20 have no run bits and hash as before.
    private int home(long key) {
        long h = ((key & ~RUN_MASK) ^ seed) * 0x9E37_79B9_7F4A_7C15L;
        // One more mixing round so that the seed reorders the top bits, not just flips some.
        h = (h ^ (h >>> 29)) * 0xBF58_476D_1CE4_E5B9L;
        int capacity = keys.length;
        // The top 32 bits scaled to the table ("fastrange"): a multiply instead of a mask, any capacity.
        int start = (int) (((h >>> 32) * capacity) >>> 32);
        int home = start + (int) ((key & RUN_MASK) >>> RUN_SHIFT);
        // At most 15 past the end, and the table has at least 16 slots: one wrap.
        return home < capacity ? home : home - capacity;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    @SuppressWarnings("unchecked")
    public V get(long key) {
        for (int i = home(key); ; i = next(i)) {
            long k = keys[i];
            if (k == key) {
                return (V) values[i];
            }
            if (k == EMPTY) {
                return null;
            }
        }
    }

    /** Stores {@code value} (not null) under {@code key}; returns the previous value or null. */
    @SuppressWarnings("unchecked")
    public V put(long key, V value) {
        if (value == null || key == EMPTY) {
            throw new IllegalArgumentException(value == null ? "null value" : "key -1 is not a packed prefix");
        }
        for (int i = home(key); ; i = next(i)) {
            long k = keys[i];
            if (k == key) {
                Object old = values[i];
                values[i] = value;
                return (V) old;
            }
            if (k == EMPTY) {
                keys[i] = key;
                values[i] = value;
                if (++size * 100L > (long) keys.length * MAX_FILL_PERCENT) {
                    grow();
                }
                return null;
            }
        }
    }

    @SuppressWarnings("unchecked")
    public V remove(long key) {
        for (int i = home(key); ; i = next(i)) {
            long k = keys[i];
            if (k == key) {
                Object old = values[i];
                shiftBack(i);
                size--;
                return (V) old;
            }
            if (k == EMPTY) {
                return null;
            }
        }
    }

    // Backward-shift deletion: move later entries of the probe run into the hole unless that
    // would put them before their home slot.
    private void shiftBack(int hole) {
        for (int i = next(hole); keys[i] != EMPTY; i = next(i)) {
            int home = home(keys[i]);
            if (distance(home, i) >= distance(hole, i)) {
                keys[hole] = keys[i];
                values[hole] = values[i];
                hole = i;
            }
        }
        keys[hole] = EMPTY;
        values[hole] = null;
    }

    /** How many slots forward from {@code from} to {@code to}, wrapping at the end. */
    private int distance(int from, int to) {
        int d = to - from;
        return d >= 0 ? d : d + keys.length;
    }

    private void grow() {
        rehash((int) Math.min(2L * keys.length, MAX_CAPACITY));
    }

    /**
     * Rehashes into a table of about the fewest slots the entries need, plus room for a sixteenth more
     * entries, so that a settled table does not double at its next few routes (a full table grows by
     * less than {@code HeapTrim.LARGE_CHANGE} between two large changes). Cheap when there is little
     * to give back: a table within an eighth of that size is kept. Growth afterwards doubles as usual.
     * The fuller table probes longer: lookups out of address order and removals cost more than in a
     * half-empty one (bench/README.md, PrefixMapBenchmark); filling and reading in address order do not.
     *
     * @return whether the table was rehashed
     */
    public boolean trimToSize() {
        int wanted = capacityFor(size + size / 16);
        if (keys.length <= wanted + wanted / 8) {
            return false;
        }
        rehash(wanted);
        return true;
    }

    private void rehash(int capacity) {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        allocate(capacity);
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != EMPTY) {
                int i = home(oldKeys[j]);
                while (keys[i] != EMPTY) {
                    i = next(i);
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }

    @SuppressWarnings("unchecked")
    public <X extends Exception> void forEach(ThrowingEntryVisitor<? super V, X> visitor) throws X {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                visitor.visit(keys[i], (V) values[i]);
            }
        }
    }

    /** The most slots in a row that are taken: how long the worst probe can get (for tests). */
    int longestRun() {
        int longest = 0;
        int run = 0;
        // Twice round, so a run that wraps past the end is counted whole.
        for (int i = 0; i < 2 * keys.length && run < keys.length; i++) {
            run = keys[i % keys.length] == EMPTY ? 0 : run + 1;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /**
     * Empties the map and gives back a table more than four times larger than {@code expectedSize}
     * entries need. A buffer that took a full table once (a million routes, 12 MB) would otherwise
     * keep that size for the daemon's life; one that is refilled at the same size keeps it.
     */
    public void clearAndShrink(int expectedSize) {
        int wanted = capacityFor(expectedSize);
        if (keys.length > 4 * wanted) {
            allocate(wanted);
            size = 0;
        } else {
            clear();
        }
    }

    /** Slots in the table (12 bytes each): what the map costs, whatever its size. */
    public int capacity() {
        return keys.length;
    }

    /** Empties the map, keeping its capacity; an empty map costs nothing to clear. */
    public void clear() {
        // The FIB writer clears its swap buffers after every pass, mostly when they are empty
        // but sized for a million routes.
        if (size > 0) {
            Arrays.fill(keys, EMPTY);
            Arrays.fill(values, null);
            size = 0;
        }
    }
}
