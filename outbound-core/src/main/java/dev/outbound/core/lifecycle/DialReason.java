package dev.outbound.core.lifecycle;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.compliance.CallVerdict;
import dev.outbound.core.compliance.Refusal;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.DoneReason;
import dev.outbound.core.record.ListId;
import dev.outbound.core.record.ReasonCode;
import dev.outbound.core.record.RecordPhone;
import dev.outbound.core.record.RecordStatus;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One reason a record may not be dialled at an instant, with its evidence. A {@link DialCheck}
 * lists every reason that holds, not only the first.
 *
 * <p>A reason is <em>temporary</em> when time alone lifts it ({@link #liftsAt()} is present: the
 * due time, a cap's release, the end of a quiet period or of a reservation, a number's next
 * window) and <em>permanent</em> when only a change of the record's or the campaign's data can
 * (a status that is not dialable, a disabled list, no number, no attempts left).
 */
public sealed interface DialReason {

    /** @return the reason in one sentence with its evidence, for logs and for people asking "why not?" */
    String describe();

    /**
     * @return the instant at which this reason stops holding if nothing changes; empty when only
     *     a change of data lifts it
     */
    Optional<Instant> liftsAt();

    /**
     * The record is not due yet: its scheduled-for time if set, else its next-dialable-at time,
     * is later than the instant checked (seed 000).
     *
     * @param dueAt the time it is due
     * @param scheduled whether that is the scheduled-for time rather than the next-dialable-at time
     */
    record NotDue(Instant dueAt, boolean scheduled) implements DialReason {
        /**
         * Checks the component.
         *
         * @param dueAt the time it is due
         * @param scheduled whether that is the scheduled-for time
         */
        public NotDue {
            Objects.requireNonNull(dueAt, "dueAt");
        }

        @Override
        public String describe() {
            return (scheduled ? "the call is scheduled for " : "the record is next dialable at ") + dueAt
                    + ", not yet due";
        }

        @Override
        public Optional<Instant> liftsAt() {
            return Optional.of(dueAt);
        }
    }

    /**
     * The record's status is not one that is dialled (seed 000: pending or retry; seed 001 adds
     * ready, rescheduled by agent and call immediately).
     *
     * @param status the status
     * @param doneReason why it is done, when it is
     * @param reasonCode the reason code the system gave the status, if any
     */
    record StatusNotDialable(RecordStatus status, Optional<DoneReason> doneReason, Optional<ReasonCode> reasonCode)
            implements DialReason {
        /**
         * Checks the components.
         *
         * @param status a status that is not dialable
         * @param doneReason why it is done, present exactly when the status is done
         * @param reasonCode the reason code, if any
         */
        public StatusNotDialable {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(doneReason, "doneReason");
            Objects.requireNonNull(reasonCode, "reasonCode");
            if (status.isDialable()) {
                throw new InvalidValueException("status", "a status that is not dialable", status);
            }
        }

        @Override
        public String describe() {
            return "the record's status is " + words(status) + doneReason.map(r -> " (" + words(r) + ")").orElse("")
                    + reasonCode.map(c -> ", reason code " + c).orElse("") + ", which is not dialled";
        }

        @Override
        public Optional<Instant> liftsAt() {
            return Optional.empty();
        }
    }

    /**
     * The record's list is switched off for dialing (seed 001's databases).
     *
     * @param list the list
     */
    record ListDisabled(ListId list) implements DialReason {
        /**
         * Checks the component.
         *
         * @param list the disabled list
         */
        public ListDisabled {
            Objects.requireNonNull(list, "list");
        }

        @Override
        public String describe() {
            return "the record's list '" + list + "' is disabled";
        }

        @Override
        public Optional<Instant> liftsAt() {
            return Optional.empty();
        }
    }

    /** The record has no phone number at all (seed 001: such a record is done when loaded). */
    record NoNumber() implements DialReason {
        @Override
        public String describe() {
            return "the record has no phone number";
        }

        @Override
        public Optional<Instant> liftsAt() {
            return Optional.empty();
        }
    }

    /**
     * The calling policy refuses one of the record's numbers now: it is not active, on a
     * Do-Not-Call list, outside its calling hours, on a closed date, its zone is unknown, or a
     * region's call cap is reached. The verdict carries every refusal and the number's earliest
     * allowed instant.
     *
     * @param phone the number
     * @param verdict the policy's refusal
     */
    record NumberRefused(RecordPhone phone, CallVerdict.Refused verdict) implements DialReason {
        /**
         * Checks the components.
         *
         * @param phone the number
         * @param verdict the policy's refusal of it
         */
        public NumberRefused {
            Objects.requireNonNull(phone, "phone");
            Objects.requireNonNull(verdict, "verdict");
        }

        @Override
        public String describe() {
            StringBuilder s = new StringBuilder("the ").append(phone.field()).append(" number ")
                    .append(phone.number().e164()).append(" may not be called: ");
            for (int i = 0; i < verdict.reasons().size(); i++) {
                Refusal r = verdict.reasons().get(i);
                s.append(i == 0 ? "" : "; ").append(r.describe());
            }
            return s.append(verdict.earliest().map(e -> " (allowed from " + e + ")").orElse(" (not by time alone)"))
                    .toString();
        }

        @Override
        public Optional<Instant> liftsAt() {
            return verdict.earliest();
        }
    }

    /**
     * The record has made every repeat attempt the campaign allows (seed 001: the first call is
     * not a repeat attempt), and its next call would start another.
     *
     * @param repeatAttempts repeat attempts started so far
     * @param max the campaign's max repeat attempts
     */
    record AttemptsExhausted(int repeatAttempts, int max) implements DialReason {
        @Override
        public String describe() {
            return repeatAttempts + " repeat attempts made of the " + max + " allowed; another round would exceed them";
        }

        @Override
        public Optional<Instant> liftsAt() {
            return Optional.empty();
        }
    }

    /**
     * A lifecycle cap on calls in any rolling 24 hours is reached, for the record or for one of
     * its numbers. A call placed exactly 24 hours before the instant checked has left the window.
     *
     * @param scope whether the cap is on the record or on one number
     * @param field the number's phone field, present exactly for {@link Scope#NUMBER}
     * @param calls the calls counted in the window
     * @param max the cap
     * @param since the start of the window (exclusive)
     * @param releasedAt when enough calls have left the window for one more
     */
    record CallCapReached(Scope scope, Optional<PhoneField> field, int calls, int max, Instant since,
            Instant releasedAt) implements DialReason {
        /** What a cap counts calls to. */
        public enum Scope {
            /** Calls to any number of the record ({@link DialingRules#maxCallsPerRecordPerDay()}). */
            RECORD,
            /** Calls to one number ({@link DialingRules#maxCallsPerNumberPerDay()}). */
            NUMBER
        }

        /**
         * Checks the components.
         *
         * @param scope whether the cap is on the record or on one number
         * @param field the number's field, present exactly for {@code NUMBER}
         * @param calls the calls counted, at least {@code max}
         * @param max the cap
         * @param since the start of the window
         * @param releasedAt when the cap releases, after {@code since}
         */
        public CallCapReached {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(releasedAt, "releasedAt");
            if ((scope == Scope.NUMBER) != field.isPresent()) {
                throw new InvalidValueException("call cap field", "present exactly for a number's cap",
                        scope + " with " + field.map(PhoneField::toString).orElse("none"));
            }
            if (calls < max) {
                throw new InvalidValueException("call cap calls", "at least the cap " + max, calls);
            }
        }

        @Override
        public String describe() {
            return calls + " calls to " + field.map(f -> "the " + f + " number").orElse("the record") + " since "
                    + since + " reach the cap of " + max + " per 24 h; the next is allowed at " + releasedAt;
        }

        @Override
        public Optional<Instant> liftsAt() {
            return Optional.of(releasedAt);
        }
    }

    /**
     * A call to the record was abandoned (answered, but no agent was connected in time) and the
     * quiet period after it has not run out; a guaranteed agent would lift it (UK rule).
     *
     * @param abandonedAt when the abandoned call was placed
     * @param until when the quiet period ends
     */
    record AbandonQuietPeriod(Instant abandonedAt, Instant until) implements DialReason {
        /**
         * Checks the components.
         *
         * @param abandonedAt when the abandoned call was placed
         * @param until when the quiet period ends
         */
        public AbandonQuietPeriod {
            Objects.requireNonNull(abandonedAt, "abandonedAt");
            Objects.requireNonNull(until, "until");
        }

        @Override
        public String describe() {
            return "a call at " + abandonedAt + " was abandoned; no call without a guaranteed agent until " + until;
        }

        @Override
        public Optional<Instant> liftsAt() {
            return Optional.of(until);
        }
    }

    /**
     * The record is reserved for another agent than the one who would take the call.
     *
     * @param reservation who holds it, why and until when
     * @param requestedBy the agent who would take the call
     */
    record ReservedForAgent(Reservation reservation, AgentEmail requestedBy) implements DialReason {
        /**
         * Checks the components.
         *
         * @param reservation who holds it
         * @param requestedBy the agent who would take the call, not the one holding it
         */
        public ReservedForAgent {
            Objects.requireNonNull(reservation, "reservation");
            Objects.requireNonNull(requestedBy, "requestedBy");
            if (reservation.admits(requestedBy)) {
                throw new InvalidValueException("requestedBy", "another agent than " + reservation.agent(),
                        requestedBy);
            }
        }

        /** @return the agent the record is reserved for */
        public AgentEmail agent() {
            return reservation.agent();
        }

        @Override
        public String describe() {
            return "the record is " + reservation.describe() + ", not for " + requestedBy;
        }

        @Override
        public Optional<Instant> liftsAt() {
            return reservation.until();
        }
    }

    /**
     * The record's callback has passed its end and can no longer be delivered (seed 003 "Expired").
     *
     * @param expiredAt the callback's end
     */
    record CallbackExpired(Instant expiredAt) implements DialReason {
        /**
         * Checks the component.
         *
         * @param expiredAt the callback's end
         */
        public CallbackExpired {
            Objects.requireNonNull(expiredAt, "expiredAt");
        }

        @Override
        public String describe() {
            return "the callback expired at " + expiredAt + " and can no longer be delivered";
        }

        @Override
        public Optional<Instant> liftsAt() {
            return Optional.empty();
        }
    }

    /** Lower-case name of an enum constant, for sentences. */
    private static String words(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
