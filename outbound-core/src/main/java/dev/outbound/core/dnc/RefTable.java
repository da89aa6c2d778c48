package dev.outbound.core.dnc;

import java.util.function.LongPredicate;

/**
 * An open-addressing hash table from a customer reference to an expiry (epoch second) and a
 * metadata id; the same design as {@link LongTable} (linear probing, backward-shift deletion,
 * fixed capacity per instance so that lock-free readers never index out of bounds).
 *
 * <p>Memory: 20 bytes per slot (4 reference + 4 cached hash + 8 expiry + 4 metadata id) at 27 to
 * 54 bytes per entry, plus the reference strings themselves, which the table keeps.
 */
final class RefTable {
    private static final long PHI = 0x9E3779B97F4A7C15L;

    final String[] keys;
    final int[] hashes;
    final long[] expiries;
    final int[] metas;
    private final int mask;
    private final int shift;
    private final int maxSize;
    private int size;

    RefTable(int expectedEntries) {
        int capacity = LongTable.capacityFor(expectedEntries);
        keys = new String[capacity];
        hashes = new int[capacity];
        expiries = new long[capacity];
        metas = new int[capacity];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        maxSize = capacity - (capacity >>> 2);
    }

    int size() {
        return size;
    }

    boolean hasRoomFor(int more) {
        return (long) size + more <= maxSize;
    }

    private int home(int hash) {
        return (int) ((hash * PHI) >>> shift);
    }

    /** The slot holding the key, or -1; bounded and in range even while a writer works. */
    int indexOf(String key) {
        String[] k = keys;
        int[] h = hashes;
        int m = mask;
        int hash = key.hashCode();
        int i = home(hash);
        for (int probes = 0; probes <= m; probes++) {
            String found = k[i];
            if (found == null) {
                return -1;
            }
            if (h[i] == hash && found.equals(key)) {
                return i;
            }
            i = (i + 1) & m;
        }
        return -1;
    }

    boolean put(String key, long expiry, int meta) {
        int hash = key.hashCode();
        int i = home(hash);
        while (true) {
            String found = keys[i];
            if (found == null) {
                if (size >= maxSize) {
                    throw new IllegalStateException("table full: caller must grow it first");
                }
                expiries[i] = expiry;
                metas[i] = meta;
                hashes[i] = hash;
                keys[i] = key;
                size++;
                return true;
            }
            if (hashes[i] == hash && found.equals(key)) {
                expiries[i] = expiry;
                metas[i] = meta;
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    boolean remove(String key) {
        int hole = indexOf(key);
        if (hole < 0) {
            return false;
        }
        int j = hole;
        while (true) {
            j = (j + 1) & mask;
            String k = keys[j];
            if (k == null) {
                break;
            }
            if (((j - home(hashes[j])) & mask) >= ((j - hole) & mask)) {
                keys[hole] = k;
                hashes[hole] = hashes[j];
                expiries[hole] = expiries[j];
                metas[hole] = metas[j];
                hole = j;
            }
        }
        keys[hole] = null;
        hashes[hole] = 0;
        expiries[hole] = 0L;
        metas[hole] = 0;
        size--;
        return true;
    }

    RefTable grownFor(int more) {
        RefTable bigger = new RefTable((int) Math.min(Integer.MAX_VALUE, Math.max((long) size + more, 2L * size)));
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                bigger.put(keys[i], expiries[i], metas[i]);
            }
        }
        return bigger;
    }

    RefTable retaining(LongPredicate keepExpiry) {
        int kept = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null && keepExpiry.test(expiries[i])) {
                kept++;
            }
        }
        RefTable result = new RefTable(kept);
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null && keepExpiry.test(expiries[i])) {
                result.put(keys[i], expiries[i], metas[i]);
            }
        }
        return result;
    }
}
