package io.hotswap.runtime.leak.heap;

import java.util.function.LongConsumer;

/**
 * Object identifiers of a dump mapped to one long each, in two flat arrays: a search's memory is
 * some 32 bytes per object it reached, not a boxed entry's 80. Identifier 0 (HPROF's null) is
 * never a key. Not thread-safe: one search uses it.
 */
final class LongMap {

    private long[] keys;
    private long[] values;
    private int size;
    private final int maxSize;

    /** @param maxSize the most keys it takes: {@link #put} refuses beyond it */
    LongMap(int maxSize) {
        this.maxSize = maxSize;
        int capacity = 16;
        this.keys = new long[capacity];
        this.values = new long[capacity];
    }

    int size() {
        return size;
    }

    boolean contains(long key) {
        return slot(keys, key) >= 0;
    }

    /** The value of {@code key}, or {@code absent}. */
    long get(long key, long absent) {
        int s = slot(keys, key);
        return s >= 0 ? values[s] : absent;
    }

    /**
     * Maps {@code key} to {@code value} unless it has a value already.
     *
     * @return false if it had one, or if the map is full ({@link #full()} tells which)
     */
    boolean putIfAbsent(long key, long value) {
        if (key == 0) {
            throw new IllegalArgumentException("identifier 0 is null, never an object");
        }
        if (slot(keys, key) >= 0 || size >= maxSize) {
            return false;
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int s = ~slot(keys, key);
        keys[s] = key;
        values[s] = value;
        size++;
        return true;
    }

    boolean full() {
        return size >= maxSize;
    }

    void forEachKey(LongConsumer action) {
        for (long k : keys) {
            if (k != 0) {
                action.accept(k);
            }
        }
    }

    // The slot holding key (>= 0), or ~ the empty slot where it would go.
    private static int slot(long[] keys, long key) {
        int mask = keys.length - 1;
        int i = Long.hashCode(key * 0x9E37_79B9_7F4A_7C15L) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) {
                return i;
            }
            if (k == 0) {
                return ~i;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int s = ~slot(keys, oldKeys[i]);
                keys[s] = oldKeys[i];
                values[s] = oldValues[i];
            }
        }
    }
}
