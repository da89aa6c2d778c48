package dev.outbound.core.lifecycle;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.record.DoneReason;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * What the lifecycle does with a record after a call ends with a given result. A campaign gives
 * each {@link dev.outbound.core.record.CallResult} one treatment in its {@link DialingRules}.
 *
 * <p>Unless a treatment finishes the record, the number just called is done for the current round
 * (attempt); when every number of the record has been called in the round and none answered, the
 * round is complete and counts as one repeat attempt (the first round is the first call, which is
 * not a repeat attempt). A record out of repeat attempts is done ({@code ATTEMPTS_EXHAUSTED}).
 */
public sealed interface Treatment {

    /**
     * Go on with the record's next number in phone-field order, due at once; when the round is
     * complete, the record is rescheduled by the campaign's attempt delay (seed 001's rule).
     */
    record NextNumber() implements Treatment {
    }

    /**
     * Wait before the record's next call, whether it goes to the next number or starts the next
     * round. The delay grows with the attempts made: the {@code k}-th repeat attempt's delay is
     * {@code delays[min(k, size - 1)]}.
     *
     * @param delays one or more delays, none negative
     */
    record Retry(List<Duration> delays) implements Treatment {
        /**
         * Checks the delays.
         *
         * @param delays one or more delays, none negative
         */
        public Retry {
            delays = List.copyOf(delays);
            if (delays.isEmpty()) {
                throw new InvalidValueException("retry delays", "at least one", delays);
            }
            for (Duration d : delays) {
                if (d.isNegative()) {
                    throw new InvalidValueException("retry delay", "0 or more", d);
                }
            }
        }

        /**
         * @param first the first delay
         * @param more later delays, for later attempts
         * @return the treatment
         */
        public static Retry after(Duration first, Duration... more) {
            Objects.requireNonNull(first, "first");
            return new Retry(java.util.stream.Stream.concat(java.util.stream.Stream.of(first),
                    java.util.Arrays.stream(more)).toList());
        }

        /**
         * @param repeatAttempts repeat attempts made so far
         * @return the delay that applies
         */
        public Duration delayFor(int repeatAttempts) {
            return delays.get(Math.min(repeatAttempts, delays.size() - 1));
        }
    }

    /** Exclude the number from dialing (seed 003 "Excluded"), then go on as {@link NextNumber}. */
    record ExcludeNumber() implements Treatment {
    }

    /**
     * Block the number and ask for it to be added to the campaign's Do-Not-Call list, then go on
     * as {@link NextNumber}; a record with no number left is done ({@code DO_NOT_CALL}).
     */
    record AddToDoNotCall() implements Treatment {
    }

    /**
     * Finish the record.
     *
     * @param reason why it is done
     */
    record Finish(DoneReason reason) implements Treatment {
        /**
         * Checks the reason.
         *
         * @param reason why it is done
         */
        public Finish {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Reschedule the record at the next occurrence of a local time of day in the customer's zone
     * (e.g. "answering machine: try again at 18:00").
     *
     * @param timeOfDay the local time
     */
    record RescheduleAt(LocalTime timeOfDay) implements Treatment {
        /**
         * Checks the time.
         *
         * @param timeOfDay the local time
         */
        public RescheduleAt {
            Objects.requireNonNull(timeOfDay, "timeOfDay");
        }
    }

    /**
     * Hold the record in {@code PROCESSING} until the agent saves a disposition: a callback time,
     * or none, which finishes it (seed 001). The default for a human answer.
     */
    record AwaitAgent() implements Treatment {
    }
}
