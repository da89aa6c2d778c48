package dev.outbound.core.dnc;

import dev.outbound.core.OutboundException;
import java.util.function.LongPredicate;

/**
 * An open-addressing hash table from a non-zero {@code long} key to an expiry (epoch second) and
 * a metadata id, with linear probing and backward-shift deletion (no tombstones, so look-ups stay
 * short however many removals happen).
 *
 * <p>Memory: 21 bytes per slot (8 key + 8 expiry + 4 metadata id in three parallel arrays, and
 * one byte of membership filter); the table is at most 75% full and doubles when it would be
 * fuller, so a table holds 28 to 56 bytes per entry.
 *
 * <p>Most look-ups miss (most numbers are on no list), and in a table of millions of entries a
 * probe of the key array is a trip to main memory. A bit set of eight bits per slot, an
 * eighth of the key array's size, answers most misses from the cache instead: a key's bit is set
 * when it is stored and only cleared when the table is rebuilt, so a clear bit proves absence and
 * a set bit (about 6% of absent keys at the fullest) costs the probe it would have cost anyway.
 *
 * <p>The capacity is fixed per instance: growing makes a new table. That is what lets a reader
 * without a lock take the arrays of one instance and never index out of bounds; it may still read
 * a half-written state, which the caller's lock validation rejects. Writers need exclusive access.
 */
final class LongTable {
    /** The key value that marks an empty slot; real keys are never 0. */
    static final long EMPTY = 0L;

    private static final long PHI = 0x9E3779B97F4A7C15L;
    private static final int MIN_CAPACITY = 16;
    private static final int MAX_CAPACITY = 1 << 30;

    private static final long FILTER_MIX = 0xC2B2AE3D27D4EB4FL;

    final long[] keys;
    final long[] expiries;
    final int[] metas;
    private final long[] filter;
    private final int filterShift;
    private final int mask;
    private final int shift;
    private final int maxSize;
    private int size;

    LongTable(int expectedEntries) {
        int capacity = capacityFor(expectedEntries);
        keys = new long[capacity];
        expiries = new long[capacity];
        metas = new int[capacity];
        filter = new long[capacity / 8];
        filterShift = 64 - (Integer.numberOfTrailingZeros(capacity) + 3);
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        maxSize = capacity - (capacity >>> 2);
    }

    /** The smallest power of two that holds the entries at most 75% full. */
    static int capacityFor(int entries) {
        long needed = Math.max(MIN_CAPACITY, ((long) Math.max(entries, 0) * 4 + 2) / 3);
        if (needed > MAX_CAPACITY) {
            throw new OutboundException("A Do-Not-Call table cannot hold " + entries
                    + " entries: the limit is " + (MAX_CAPACITY - (MAX_CAPACITY >>> 2)));
        }
        return Integer.highestOneBit((int) needed - 1) << 1;
    }

    int size() {
        return size;
    }

    /** @return whether {@code more} new keys fit without growing */
    boolean hasRoomFor(int more) {
        return (long) size + more <= maxSize;
    }

    private int home(long key) {
        return (int) ((key * PHI) >>> shift);
    }

    /**
     * The slot holding the key, or -1. Safe to call while a writer works (bounded probe, in-range
     * indices); the answer is then only meaningful after the caller validates.
     */
    int indexOf(long key) {
        int bit = (int) ((key * FILTER_MIX) >>> filterShift);
        if ((filter[bit >>> 6] & (1L << bit)) == 0) {
            return -1;
        }
        long[] k = keys;
        int m = mask;
        int i = home(key);
        for (int probes = 0; probes <= m; probes++) {
            long found = k[i];
            if (found == key) {
                return i;
            }
            if (found == EMPTY) {
                return -1;
            }
            i = (i + 1) & m;
        }
        return -1;
    }

    /**
     * Stores or replaces the key's values. The caller makes sure there is room when the key is new.
     *
     * @return {@code true} when the key was new
     */
    boolean put(long key, long expiry, int meta) {
        int i = home(key);
        while (true) {
            long found = keys[i];
            if (found == key) {
                expiries[i] = expiry;
                metas[i] = meta;
                return false;
            }
            if (found == EMPTY) {
                if (size >= maxSize) {
                    throw new IllegalStateException("table full: caller must grow it first");
                }
                int bit = (int) ((key * FILTER_MIX) >>> filterShift);
                filter[bit >>> 6] |= 1L << bit;
                expiries[i] = expiry;
                metas[i] = meta;
                keys[i] = key;
                size++;
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    /** @return {@code true} when the key was there and is now gone */
    boolean remove(long key) {
        int hole = indexOf(key);
        if (hole < 0) {
            return false;
        }
        // Backward shift: pull later entries of the probe run into the hole when their home slot
        // does not lie cyclically between the hole and where they sit.
        int j = hole;
        while (true) {
            j = (j + 1) & mask;
            long k = keys[j];
            if (k == EMPTY) {
                break;
            }
            if (((j - home(k)) & mask) >= ((j - hole) & mask)) {
                keys[hole] = k;
                expiries[hole] = expiries[j];
                metas[hole] = metas[j];
                hole = j;
            }
        }
        keys[hole] = EMPTY;
        expiries[hole] = 0L;
        metas[hole] = 0;
        size--;
        return true;
    }

    /** @return a new table with every entry of this one and room for {@code more} new ones */
    LongTable grownFor(int more) {
        LongTable bigger = new LongTable((int) Math.min(Integer.MAX_VALUE, Math.max((long) size + more, 2L * size)));
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                bigger.put(keys[i], expiries[i], metas[i]);
            }
        }
        return bigger;
    }

    /** @return a new table with the entries whose expiry the filter keeps */
    LongTable retaining(LongPredicate keepExpiry) {
        int kept = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY && keepExpiry.test(expiries[i])) {
                kept++;
            }
        }
        LongTable result = new LongTable(kept);
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY && keepExpiry.test(expiries[i])) {
                result.put(keys[i], expiries[i], metas[i]);
            }
        }
        return result;
    }
}
