package dev.outbound.core.lifecycle;

import java.util.Arrays;

/**
 * A binary min-heap of {@link QueueEntry}s by a {@code long} key, ties broken by the subclass.
 * Keys sit in an array beside the entries so that most comparisons touch only that array; each
 * entry keeps its position (in a field the subclass names), so that any entry is removed in
 * O(log n). The dial queue's two heaps, {@link ReadyHeap} and {@link TimerHeap}, are the only
 * subclasses.
 */
abstract class EntryHeap {
    private QueueEntry[] items;
    private long[] keys;
    private int size;

    EntryHeap(int capacity) {
        items = new QueueEntry[capacity];
        keys = new long[capacity];
    }

    /** @return the entry's key in this heap */
    abstract long key(QueueEntry e);

    /** @return whether {@code a} comes before {@code b}, whose keys are equal */
    abstract boolean tieLess(QueueEntry a, QueueEntry b);

    /** @return the entry's position in this heap, or -1 when it is not in it */
    abstract int index(QueueEntry e);

    /** Records the entry's position in this heap; -1 when it leaves. */
    abstract void index(QueueEntry e, int i);

    final boolean isEmpty() {
        return size == 0;
    }

    final int size() {
        return size;
    }

    /** @return the first entry's key; the heap is not empty */
    final long firstKey() {
        return keys[0];
    }

    /** @return the first entry, or null */
    final QueueEntry peek() {
        return size == 0 ? null : items[0];
    }

    void add(QueueEntry e) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
            keys = Arrays.copyOf(keys, size * 2);
        }
        up(size++, e, key(e));
    }

    /** Removes and returns the first entry; the heap is not empty. */
    final QueueEntry poll() {
        QueueEntry first = items[0];
        removeAt(0);
        return first;
    }

    void remove(QueueEntry e) {
        removeAt(index(e));
    }

    private void removeAt(int i) {
        QueueEntry gone = items[i];
        removed(gone);
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

    /** Called when an entry leaves the heap. */
    void removed(QueueEntry e) {
        index(e, -1);
    }

    private boolean less(long ka, QueueEntry a, long kb, QueueEntry b) {
        return ka != kb ? ka < kb : tieLess(a, b);
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
            index(p, i);
            i = parent;
        }
        items[i] = e;
        keys[i] = key;
        index(e, i);
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
            index(c, i);
            i = child;
        }
        items[i] = e;
        keys[i] = key;
        index(e, i);
    }
}
