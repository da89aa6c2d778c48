package dev.outbound.core.lifecycle;

import java.util.Arrays;

/**
 * A binary min-heap of entries in load order, for one list (shared or of one agent). Keys sit in
 * an array beside the entries so that most comparisons touch only that array; each entry knows
 * its position, so that any entry is removed in O(log n).
 */
final class ReadyHeap {
    private QueueEntry[] items = new QueueEntry[4];
    private long[] keys = new long[4];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** @return the first entry, or null */
    QueueEntry peek() {
        return size == 0 ? null : items[0];
    }

    void add(QueueEntry e) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
            keys = Arrays.copyOf(keys, size * 2);
        }
        e.heap = this;
        up(size++, e, e.readyKey);
    }

    /** Removes and returns the first entry; the heap is not empty. */
    QueueEntry poll() {
        QueueEntry first = items[0];
        removeAt(0);
        return first;
    }

    void remove(QueueEntry e) {
        removeAt(e.heapIndex);
    }

    private void removeAt(int i) {
        QueueEntry gone = items[i];
        gone.heap = null;
        gone.heapIndex = -1;
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

    private static boolean less(long ka, QueueEntry a, long kb, QueueEntry b) {
        return ka != kb ? ka < kb : QueueEntry.readyTieLess(a, b);
    }

    private void up(int i, QueueEntry e, long key) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            QueueEntry p = items[parent];
            long pk = keys[parent];
            if (!less(key, e, pk, p)) {
                break;
            }
            items[i] = p;
            keys[i] = pk;
            p.heapIndex = i;
            i = parent;
        }
        items[i] = e;
        keys[i] = key;
        e.heapIndex = i;
    }

    private void down(int i, QueueEntry e, long key) {
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            QueueEntry c = items[child];
            long ck = keys[child];
            int right = child + 1;
            if (right < size && less(keys[right], items[right], ck, c)) {
                child = right;
                c = items[right];
                ck = keys[right];
            }
            if (!less(ck, c, key, e)) {
                break;
            }
            items[i] = c;
            keys[i] = ck;
            c.heapIndex = i;
            i = child;
        }
        items[i] = e;
        keys[i] = key;
        e.heapIndex = i;
    }
}
