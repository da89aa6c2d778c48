package dev.outbound.core.lifecycle;

import dev.outbound.core.record.CustomerRef;
import dev.outbound.core.record.Record;
import java.time.Instant;

/**
 * One record held by a {@link DialQueue}, with its sort keys and its places in the queue's heaps.
 * An entry is in at most one ready heap and at most once in the timer: in the timer alone while it
 * waits to be due, in a ready heap alone while it waits to be chosen, and in both while it is
 * reserved for an agent until a contact timeout.
 */
final class QueueEntry {
    /** Packs a class and priority rank above 47 bits of seconds. */
    private static final int SECOND_BITS = 47;
    private static final long SECOND_BIAS = 1L << (SECOND_BITS - 1);
    private static final long SECOND_MAX = (1L << SECOND_BITS) - 1;

    final CustomerRef ref;
    /** The head of the reference id as {@link #head} packs it. */
    final long refHead;
    Record record;
    /** The list's index in the queue's {@link ListShare}. */
    int list;

    /** Due time, for the order inside a class. */
    long dueSec;
    int dueNano;
    /** The due time as {@link #nanos} gives it. */
    long dueKey;
    /** Class, priority and due second packed so that a smaller key loads first; ties go to {@link #readyTieLess}. */
    long readyKey;
    ReadyHeap heap;
    int heapIndex = -1;

    /** When the timer fires for this entry. */
    Instant timerAt;
    /** {@link #timerAt} as nanoseconds from the epoch, saturated at the ends of a long. */
    long timerKey;
    int timerIndex = -1;

    QueueEntry(CustomerRef ref) {
        this.ref = ref;
        this.refHead = head(ref.value());
    }

    /** Sets the record and its due time. */
    void set(Record r) {
        record = r;
        Instant due = r.dueAt();
        dueSec = due.getEpochSecond();
        dueNano = due.getNano();
        dueKey = nanos(due);
    }

    /** Sets the ready key from a class and the record's priority. */
    void rank(LoadClass loadClass) {
        long rank = (long) loadClass.ordinal() * (Record.MAX_PRIORITY + 1) + (Record.MAX_PRIORITY - record.priority());
        long sec = dueSec + SECOND_BIAS;
        sec = sec < 0 ? 0 : Math.min(sec, SECOND_MAX);
        readyKey = (rank << SECOND_BITS) | sec;
    }

    /** @return whether {@code a} loads before {@code b}: the ready key, then {@link #readyTieLess} */
    static boolean loadsBefore(QueueEntry a, QueueEntry b) {
        return a.readyKey != b.readyKey ? a.readyKey < b.readyKey : readyTieLess(a, b);
    }

    /** Order of two entries with equal ready keys: the full due time, then the reference id. */
    static boolean readyTieLess(QueueEntry a, QueueEntry b) {
        if (a.dueSec != b.dueSec) {
            return a.dueSec < b.dueSec;
        }
        if (a.dueNano != b.dueNano) {
            return a.dueNano < b.dueNano;
        }
        return a.ref.compareTo(b.ref) < 0;
    }

    /** Sets when the timer fires: when the entry becomes due, or when its reservation for an agent ends. */
    void timer(Instant at) {
        timerAt = at;
        timerKey = nanos(at);
    }

    /** @return whether a key from {@link #nanos} stands for more than one instant */
    static boolean saturated(long key) {
        return key == Long.MAX_VALUE || key == Long.MIN_VALUE;
    }

    /** @return the instant as nanoseconds from the epoch, saturated at the ends of a long */
    static long nanos(Instant t) {
        long sec = t.getEpochSecond();
        if (sec >= Long.MAX_VALUE / 1_000_000_000L) {
            return Long.MAX_VALUE;
        }
        if (sec <= Long.MIN_VALUE / 1_000_000_000L) {
            return Long.MIN_VALUE;
        }
        return sec * 1_000_000_000L + t.getNano();
    }

    /**
     * Packs the first eight characters of an id into a long, one byte each, so that a smaller head
     * (unsigned) means a smaller id ({@link String#compareTo}); equal heads say nothing. A character
     * beyond one byte counts as 255 and so do all after it; an id shorter than eight pads with 0,
     * which is below every character an id may hold (ids have no control characters).
     */
    static long head(String id) {
        long h = 0;
        boolean wide = false;
        for (int i = 0; i < 8; i++) {
            int c;
            if (wide) {
                c = 0xFF;
            } else if (i < id.length()) {
                c = id.charAt(i);
                if (c > 0xFF) {
                    c = 0xFF;
                    wide = true;
                }
            } else {
                c = 0;
            }
            h = (h << 8) | c;
        }
        return h;
    }
}
