package dev.outbound.csv.imports;

/**
 * The first row that took each customer reference id, for in-file duplicates: an open-addressing
 * table of the ids (the records' own strings, so the ids cost nothing here) beside their row
 * numbers in a {@code long[]}. About 24 bytes an id at most, against about 56 for a
 * {@code HashMap<String, Long>} with its entry and boxed row; this is the one part of an import's
 * memory that grows with the file, since seed 000's "first occurrence wins" must remember every id.
 * Not thread-safe; the import's own thread uses it.
 */
final class RowIndex {
    private String[] keys = new String[1 << 10];
    private long[] rows = new long[1 << 10];
    private int size;

    /**
     * @param key a reference id
     * @param row the row that takes it if it is new
     * @return the row that took it first, or 0 when it is new (rows count from 1)
     */
    long putIfAbsent(String key, long row) {
        int slot = slot(key);
        if (keys[slot] != null) {
            return rows[slot];
        }
        keys[slot] = key;
        rows[slot] = row;
        if (++size * 2 > keys.length) {
            grow();
        }
        return 0;
    }

    /** @return whether a row took the id */
    boolean contains(String key) {
        return keys[slot(key)] != null;
    }

    /** @return how many ids were taken */
    int size() {
        return size;
    }

    private int slot(String key) {
        int mask = keys.length - 1;
        int h = key.hashCode();
        int i = (h ^ (h >>> 16)) * 0x9E3779B9 & mask;
        while (keys[i] != null && !keys[i].equals(key)) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        String[] oldKeys = keys;
        long[] oldRows = rows;
        keys = new String[oldKeys.length * 2];
        rows = new long[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = slot(oldKeys[i]);
                keys[slot] = oldKeys[i];
                rows[slot] = oldRows[i];
            }
        }
    }
}
