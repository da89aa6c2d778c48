package dev.outbound.core.lifecycle;

import java.util.Arrays;

/**
 * A min-heap of {@link QueueEntry}s by a {@code long} key, ties broken by the subclass. Keys sit
 * in an array beside the entries so that most comparisons touch only that array; so do two further
 * keys that settle most ties (a record's due instant and the head of its reference id: when every
 * fresh lead is due at once they decide nearly every comparison), so that only ties of all three
 * read the entries themselves. Each entry keeps its position (in a field the subclass names), so
 * that any entry is removed in O(log n). A node has four children: half the depth of a binary
 * heap, and each level moves one entry (whose position is written into it, a cache miss in a
 * large heap) while the children's keys sit side by side. The dial queue's two heaps,
 * {@link ReadyHeap} and {@link TimerHeap}, are the only subclasses.
 */
abstract class EntryHeap {
    private QueueEntry[] items;
    private long[] keys;
    private long[] ties;
    private long[] heads;
    private int size;

    EntryHeap(int capacity) {
        items = new QueueEntry[capacity];
        keys = new long[capacity];
        ties = new long[capacity];
        heads = new long[capacity];
    }

    /** @return the entry's key in this heap */
    abstract long key(QueueEntry e);

    /** @return whether {@code a} comes before {@code b}, whose keys are equal */
    abstract boolean tieLess(QueueEntry a, QueueEntry b);

    /**
     * A first tie key, compared (signed) when the keys are equal: of two entries with equal keys,
     * the one with the smaller tie key must be the one {@link #tieLess} puts first. None by default.
     */
    long tie(QueueEntry e) {
        return 0;
    }

    /**
     * A second tie key, compared unsigned when the keys and the tie keys are equal, with the same
     * duty towards {@link #tieLess}. None by default.
     */
    long head(QueueEntry e) {
        return 0;
    }

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
            ties = Arrays.copyOf(ties, size * 2);
            heads = Arrays.copyOf(heads, size * 2);
        }
        up(size++, e, key(e), tie(e), head(e));
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
        long tie = ties[last];
        long head = heads[last];
        items[last] = null;
        down(i, moved, key, tie, head);
        if (items[i] == moved) {
            up(i, moved, key, tie, head);
        }
    }

    /** Called when an entry leaves the heap. */
    void removed(QueueEntry e) {
        index(e, -1);
    }

    private boolean less(long ka, long ta, long ha, QueueEntry a, long kb, long tb, long hb, QueueEntry b) {
        if (ka != kb) {
            return ka < kb;
        }
        if (ta != tb) {
            return ta < tb;
        }
        if (ha != hb) {
            return Long.compareUnsigned(ha, hb) < 0;
        }
        return tieLess(a, b);
    }

    private void up(int i, QueueEntry e, long key, long tie, long head) {
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            QueueEntry p = items[parent];
            long pk = keys[parent];
            long pt = ties[parent];
            long ph = heads[parent];
            if (!less(key, tie, head, e, pk, pt, ph, p)) {
                break;
            }
            items[i] = p;
            keys[i] = pk;
            ties[i] = pt;
            heads[i] = ph;
            index(p, i);
            i = parent;
        }
        items[i] = e;
        keys[i] = key;
        ties[i] = tie;
        heads[i] = head;
        index(e, i);
    }

    private void down(int i, QueueEntry e, long key, long tie, long head) {
        while (true) {
            int first = 4 * i + 1;
            if (first >= size) {
                break;
            }
            int child = first;
            long ck = keys[first];
            long ct = ties[first];
            long ch = heads[first];
            int end = Math.min(first + 4, size);
            for (int j = first + 1; j < end; j++) {
                if (less(keys[j], ties[j], heads[j], items[j], ck, ct, ch, items[child])) {
                    child = j;
                    ck = keys[j];
                    ct = ties[j];
                    ch = heads[j];
                }
            }
            QueueEntry c = items[child];
            if (!less(ck, ct, ch, c, key, tie, head, e)) {
                break;
            }
            items[i] = c;
            keys[i] = ck;
            ties[i] = ct;
            heads[i] = ch;
            index(c, i);
            i = child;
        }
        items[i] = e;
        keys[i] = key;
        ties[i] = tie;
        heads[i] = head;
        index(e, i);
    }
}
