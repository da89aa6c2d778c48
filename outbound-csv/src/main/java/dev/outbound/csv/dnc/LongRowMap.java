package dev.outbound.csv.dnc;

/**
 * The first row of the file that gave each number, keyed by its E.164 digits: an open-addressing
 * table of two {@code long} arrays with linear probing, so that a file of ten million numbers
 * costs 16 to 32 bytes a number rather than the hundred or so of a {@code HashMap<Long, Long>}.
 * Keys are never 0 (E.164 digits never are). Not thread-safe; nothing is ever removed.
 */
final class LongRowMap {
    private static final long PHI = 0x9E3779B97F4A7C15L;

    private long[] keys = new long[16];
    private long[] rows = new long[16];
    private int size;

    /**
     * Records the row for a key unless the key has one.
     *
     * @param key the number's digits, not 0
     * @param row the row giving it
     * @return the row the key already had, or 0 when this call recorded it
     */
    long putIfAbsent(long key, long row) {
        int mask = keys.length - 1;
        int i = home(key, keys.length);
        while (keys[i] != 0) {
            if (keys[i] == key) {
                return rows[i];
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        rows[i] = row;
        if (++size > keys.length - (keys.length >>> 2)) {
            grow();
        }
        return 0;
    }

    /** @return how many keys are held */
    int size() {
        return size;
    }

    private static int home(long key, int capacity) {
        return (int) ((key * PHI) >>> (64 - Integer.numberOfTrailingZeros(capacity)));
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldRows = rows;
        keys = new long[oldKeys.length * 2];
        rows = new long[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            long key = oldKeys[j];
            if (key != 0) {
                int i = home(key, keys.length);
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = key;
                rows[i] = oldRows[j];
            }
        }
    }
}
