package dev.outbound.core.lifecycle;

import dev.outbound.core.record.Record;
import java.time.Instant;
import java.util.Objects;

/**
 * The last word on the record a {@link DialQueue} is about to hand out: may it be dialled now,
 * and if not, when to ask again, or never. The queue knows the load order and who may take a
 * record; the gate knows the calling windows, Do-Not-Call lists and caps. Its natural
 * implementation is the campaign's {@link Lifecycle}:
 * <pre>{@code
 * DialGate gate = lifecycle.gate();   // or DialGate.checking(lifecycle::explain)
 * }</pre>
 *
 * <p>A gate is asked from inside {@link DialQueue#next} and must not call back into the queue.
 */
@FunctionalInterface
public interface DialGate {

    /**
     * Decides about one record.
     *
     * @param record the record the queue would hand out
     * @param now the instant of the selection
     * @param context who would take the call
     * @return dial it, ask again at an instant, or drop it from the queue
     */
    Decision decide(Record record, Instant now, DialContext context);

    /** @return a gate that lets every record through: the queue's load order alone decides */
    static DialGate open() {
        return (record, now, context) -> Decision.DIAL;
    }

    /**
     * A gate from a dial check such as {@link Lifecycle#explain(Record, Instant, DialContext)}: a
     * dialable check lets the record through, a check with a next dialable time asks again then,
     * and a check without one drops the record.
     *
     * @param checker the check
     * @return the gate
     */
    static DialGate checking(Checker checker) {
        Objects.requireNonNull(checker, "checker");
        return (record, now, context) -> {
            DialCheck check = checker.explain(record, now, context);
            if (check.isDialable()) {
                return Decision.DIAL;
            }
            return check.next().<Decision>map(Decision.RetryAt::new)
                    .orElseGet(() -> new Decision.Drop(check.describe()));
        };
    }

    /** Checks whether a record may be dialled: the shape of {@link Lifecycle#explain(Record, Instant, DialContext)}. */
    @FunctionalInterface
    interface Checker {
        /**
         * @param record the record
         * @param at the instant
         * @param context who would take the call
         * @return the check
         */
        DialCheck explain(Record record, Instant at, DialContext context);
    }

    /** A gate's answer: {@link Dial}, {@link RetryAt} or {@link Drop}. */
    sealed interface Decision {
        /** The one dial decision. */
        Dial DIAL = new Dial();

        /** @return a sentence saying what the queue does with the record */
        String describe();

        /** The record may be dialled now: the queue hands it out. */
        record Dial() implements Decision {
            @Override
            public String describe() {
                return "dial now";
            }
        }

        /**
         * The record may not be dialled now but may be later: the queue keeps it and offers it again
         * from that instant on. An instant not after the selection's puts the record aside for that
         * instant only.
         *
         * @param at when to offer the record again
         */
        record RetryAt(Instant at) implements Decision {
            /**
             * Checks the component.
             *
             * @param at when to offer the record again
             */
            public RetryAt {
                Objects.requireNonNull(at, "at");
            }

            @Override
            public String describe() {
                return "not now; offer it again from " + at;
            }
        }

        /**
         * The record will not become dialable as things stand: the queue lets it go and reports it
         * ({@link DialQueue#drainDropped()}), so that the host can settle it.
         *
         * @param reason why, in a sentence
         */
        record Drop(String reason) implements Decision {
            /**
             * Checks the component.
             *
             * @param reason why, in a sentence
             */
            public Drop {
                Objects.requireNonNull(reason, "reason");
            }

            @Override
            public String describe() {
                return "dropped: " + reason;
            }
        }
    }
}
