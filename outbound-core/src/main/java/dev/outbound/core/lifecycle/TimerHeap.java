package dev.outbound.core.lifecycle;

import java.util.Arrays;

/**
 * A binary min-heap of entries by the instant their timer fires: records not yet due, and
 * records reserved for an agent until a contact timeout. Each entry knows its position, so that
 * any entry is removed in O(log n).
 */
final class TimerHeap {
    private QueueEntry[] items = new QueueEntry[16];
    private long[] keys = new long[16];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** @return the instant the first timer fires, as saturated nanoseconds; the heap is not empty */
    long firstKey() {
        return keys[0];
    }

    /** @return the first entry; the heap is not empty */
    QueueEntry first() {
        return items[0];
    }

    void add(QueueEntry e) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
            keys = Arrays.copyOf(keys, size * 2);
        }
        up(size++, e, e.timerKey);
    }

    /** Removes and returns the first entry; the heap is not empty. */
    QueueEntry poll() {
        QueueEntry first = items[0];
        removeAt(0);
        return first;
    }

    void remove(QueueEntry e) {
        removeAt(e.timerIndex);
    }

    private void removeAt(int i) {
        items[i].timerIndex = -1;
        int last = --size;
        if (i == last) {
            items[last] = null;
            return;
        }
        QueueEntry moved = items[last];
        long key = keys[last];
        items[last] = null;
        down(i, moved, key);
        if (items[i] == moved) {
            up(i, moved, key);
        }
    }

    /**
     * Keys are exact nanoseconds except at the saturated ends of a long, where the instants
     * themselves decide.
     */
    private static boolean less(long ka, QueueEntry a, long kb, QueueEntry b) {
        if (ka != kb) {
            return ka < kb;
        }
        return QueueEntry.saturated(ka) && a.timerAt.isBefore(b.timerAt);
    }

    private void up(int i, QueueEntry e, long key) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            long pk = keys[parent];
            QueueEntry p = items[parent];
            if (!less(key, e, pk, p)) {
                break;
            }
            items[i] = p;
            keys[i] = pk;
            p.timerIndex = i;
            i = parent;
        }
        items[i] = e;
        keys[i] = key;
        e.timerIndex = i;
    }

    private void down(int i, QueueEntry e, long key) {
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            long ck = keys[child];
            int right = child + 1;
            QueueEntry c = items[child];
            if (right < size && less(keys[right], items[right], ck, c)) {
                child = right;
                ck = keys[right];
                c = items[right];
            }
            if (!less(ck, c, key, e)) {
                break;
            }
            items[i] = c;
            keys[i] = ck;
            c.timerIndex = i;
            i = child;
        }
        items[i] = e;
        keys[i] = key;
        e.timerIndex = i;
    }
}
