package dev.podbgp.rib;

import java.util.Arrays;

/**
 * An open-addressing map from an IPv4 prefix packed in a {@code long}
 * ({@link dev.podbgp.inet.Ipv4Prefix#toLong()}) to a value: two flat arrays, no entry objects and
 * no boxed keys (DESIGN "Memory and speed"), 12 bytes a slot. Linear probing with
 * backward-shift deletion, so no tombstones build up under churn. Null values are not stored.
 *
 * @param <V> the value type
 */
public final class Ipv4PrefixMap<V> {

    /** Visits one entry; the map must not be changed while visiting. */
    @FunctionalInterface
    public interface EntryVisitor<V> {
        void visit(long prefix, V value);
    }

    // Grow at 3/4 full: linear probing stays short up to there.
    private static final int MAX_FILL_PERCENT = 75;

    private long[] keys;
    private Object[] values;
    private int mask;
    private int shift;
    private int size;

    public Ipv4PrefixMap() {
        this(16);
    }

    public Ipv4PrefixMap(int expectedSize) {
        int capacity = Integer.highestOneBit(Math.max(16, expectedSize * 100 / MAX_FILL_PERCENT) - 1) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new Object[capacity];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    // Fibonacci hashing: packed prefixes differ mostly in the middle bits, which the
    // multiplication spreads into the top bits that select the slot.
    private int home(long key) {
        return (int) ((key * 0x9E37_79B9_7F4A_7C15L) >>> shift);
    }

    public int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    public V get(long key) {
        for (int i = home(key); ; i = (i + 1) & mask) {
            Object v = values[i];
            if (v == null) {
                return null;
            }
            if (keys[i] == key) {
                return (V) v;
            }
        }
    }

    /** Stores {@code value} (not null) under {@code key}; returns the previous value or null. */
    @SuppressWarnings("unchecked")
    public V put(long key, V value) {
        if (value == null) {
            throw new IllegalArgumentException("null value");
        }
        for (int i = home(key); ; i = (i + 1) & mask) {
            Object v = values[i];
            if (v == null) {
                keys[i] = key;
                values[i] = value;
                if (++size * 100L > (long) keys.length * MAX_FILL_PERCENT) {
                    grow();
                }
                return null;
            }
            if (keys[i] == key) {
                values[i] = value;
                return (V) v;
            }
        }
    }

    @SuppressWarnings("unchecked")
    public V remove(long key) {
        for (int i = home(key); ; i = (i + 1) & mask) {
            Object v = values[i];
            if (v == null) {
                return null;
            }
            if (keys[i] == key) {
                shiftBack(i);
                size--;
                return (V) v;
            }
        }
    }

    // Backward-shift deletion: move later entries of the probe run into the hole unless that
    // would put them before their home slot.
    private void shiftBack(int hole) {
        for (int i = (hole + 1) & mask; values[i] != null; i = (i + 1) & mask) {
            int home = home(keys[i]);
            if (((i - home) & mask) >= ((i - hole) & mask)) {
                keys[hole] = keys[i];
                values[hole] = values[i];
                hole = i;
            }
        }
        values[hole] = null;
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        allocate(oldKeys.length * 2);
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldValues[j] != null) {
                int i = home(oldKeys[j]);
                while (values[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }

    @SuppressWarnings("unchecked")
    public void forEach(EntryVisitor<? super V> visitor) {
        for (int i = 0; i < keys.length; i++) {
            if (values[i] != null) {
                visitor.visit(keys[i], (V) values[i]);
            }
        }
    }

    public void clear() {
        Arrays.fill(values, null);
        size = 0;
    }
}
