package dev.outbound.core.lifecycle;

/** The due entries of one list (shared, or of one agent), in load order; each entry knows its ready heap. */
final class ReadyHeap extends EntryHeap {
    ReadyHeap() {
        super(4);
    }

    @Override
    long key(QueueEntry e) {
        return e.readyKey;
    }

    @Override
    boolean tieLess(QueueEntry a, QueueEntry b) {
        return QueueEntry.readyTieLess(a, b);
    }

    @Override
    int index(QueueEntry e) {
        return e.heapIndex;
    }

    @Override
    void index(QueueEntry e, int i) {
        e.heapIndex = i;
    }

    @Override
    void add(QueueEntry e) {
        e.heap = this;
        super.add(e);
    }

    @Override
    void removed(QueueEntry e) {
        e.heap = null;
        super.removed(e);
    }
}
