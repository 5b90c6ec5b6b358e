package dev.podbgp.fib.writer;

import java.util.Arrays;

/**
 * An open-addressing map from non-negative {@code long} keys (packed IPv4 prefixes) to objects:
 * no boxed keys and no entry objects, so a million routes cost two arrays.
 */
final class LongObjectMap<V> {

    private static final long EMPTY = -1L;

    private long[] keys;
    private Object[] values;
    private int size;

    LongObjectMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        values = new Object[capacity];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private int slot(long key) {
        int mask = keys.length - 1;
        int i = hash(key) & mask;
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    @SuppressWarnings("unchecked")
    V get(long key) {
        int i = slot(key);
        return keys[i] == EMPTY ? null : (V) values[i];
    }

    boolean containsKey(long key) {
        return keys[slot(key)] != EMPTY;
    }

    @SuppressWarnings("unchecked")
    V put(long key, V value) {
        if (key < 0) {
            throw new IllegalArgumentException("key " + key);
        }
        int i = slot(key);
        if (keys[i] == EMPTY) {
            keys[i] = key;
            values[i] = value;
            if (++size * 2 > keys.length) {
                grow();
            }
            return null;
        }
        V old = (V) values[i];
        values[i] = value;
        return old;
    }

    @SuppressWarnings("unchecked")
    V remove(long key) {
        int i = slot(key);
        if (keys[i] == EMPTY) {
            return null;
        }
        V old = (V) values[i];
        // Backward-shift deletion keeps every probe chain unbroken without tombstones.
        int mask = keys.length - 1;
        int hole = i;
        for (int j = (i + 1) & mask; keys[j] != EMPTY; j = (j + 1) & mask) {
            int home = hash(keys[j]) & mask;
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        keys[hole] = EMPTY;
        values[hole] = null;
        size--;
        return old;
    }

    void clear() {
        if (size > 0) {
            Arrays.fill(keys, EMPTY);
            Arrays.fill(values, null);
            size = 0;
        }
    }

    interface Visitor<V> {
        void visit(long key, V value) throws java.io.IOException;
    }

    @SuppressWarnings("unchecked")
    void forEach(Visitor<V> visitor) throws java.io.IOException {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                visitor.visit(keys[i], (V) values[i]);
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        values = new Object[keys.length];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int j = slot(oldKeys[i]);
                keys[j] = oldKeys[i];
                values[j] = oldValues[i];
            }
        }
    }
}
