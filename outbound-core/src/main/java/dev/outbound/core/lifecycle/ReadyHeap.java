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
    long tie(QueueEntry e) {
        return e.dueKey;
    }

    @Override
    long head(QueueEntry e) {
        // Equal saturated due keys may stand for different instants: then the reference ids do not decide.
        return QueueEntry.saturated(e.dueKey) ? 0 : e.refHead;
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
