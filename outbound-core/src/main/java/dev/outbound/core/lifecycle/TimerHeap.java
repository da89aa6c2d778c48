package dev.outbound.core.lifecycle;

/**
 * Entries by the instant their timer fires: records not yet due, and records reserved for an
 * agent until a contact timeout. Keys are exact nanoseconds except at the saturated ends of a
 * long, where the instants themselves decide.
 */
final class TimerHeap extends EntryHeap {
    TimerHeap() {
        super(16);
    }

    @Override
    long key(QueueEntry e) {
        return e.timerKey;
    }

    @Override
    boolean tieLess(QueueEntry a, QueueEntry b) {
        return QueueEntry.saturated(a.timerKey) && a.timerAt.isBefore(b.timerAt);
    }

    @Override
    int index(QueueEntry e) {
        return e.timerIndex;
    }

    @Override
    void index(QueueEntry e, int i) {
        e.timerIndex = i;
    }
}
