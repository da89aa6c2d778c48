package dev.outbound.pacing.engine;

import dev.outbound.pacing.predict.PacingModel;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * Hands the ring times of finished dials to the {@link PacingModel} by cohort: a dial's outcome is
 * taken only once every dial placed at the same instant or earlier has ended or reached the ring
 * timeout, that is at {@code placedAt + ringTimeout}.
 *
 * <p>Why: the outcomes that arrive first are the quick ones. Early in a shift, before the first
 * ring-outs, the answers seen so far all rang less than the time since the first dial, and the
 * fit of ring times to answer would say that a call ringing for ten seconds has outlived the
 * answers; the pacer would then dial for agents that the calls already ringing are about to take.
 * Taken by cohort, the model sees the same mixture of answers, failures and ring-outs that the
 * dials produce. In a running shift this only delays what the model learns by the ring timeout.
 * Not thread-safe: the engine's mailbox runs it.
 */
final class RingCohorts {
    private final PacingModel model;
    private final Duration ringTimeout;
    private final PriorityQueue<Outcome> pending = new PriorityQueue<>();
    private long sequence;

    RingCohorts(PacingModel model, Duration ringTimeout) {
        this.model = model;
        this.ringTimeout = ringTimeout;
    }

    /** A dial answered live, placed at {@code placedAt}, answered after {@code ring}. */
    void answered(Instant placedAt, Duration ring, Instant now) {
        pending.add(new Outcome(placedAt, ring, true, sequence++));
        release(now);
    }

    /** A dial that ended without a live answer, placed at {@code placedAt}, after {@code ring}. */
    void unanswered(Instant placedAt, Duration ring, Instant now) {
        pending.add(new Outcome(placedAt, ring, false, sequence++));
        release(now);
    }

    /** Gives the model every outcome whose cohort is complete at {@code now}. */
    void release(Instant now) {
        while (!pending.isEmpty() && !pending.peek().placedAt.plus(ringTimeout).isAfter(now)) {
            Outcome o = pending.poll();
            if (o.answered) {
                model.answered(o.ring);
            } else {
                model.unanswered(o.ring);
            }
        }
    }

    private record Outcome(Instant placedAt, Duration ring, boolean answered, long sequence)
            implements Comparable<Outcome> {
        @Override
        public int compareTo(Outcome o) {
            int c = placedAt.compareTo(o.placedAt);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }
}
