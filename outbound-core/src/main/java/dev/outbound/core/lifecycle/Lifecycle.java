package dev.outbound.core.lifecycle;

import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.Callback;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A campaign's record lifecycle: the one place that decides whether a record may be dialled now
 * (and explains why not), and what a call's outcome, an agent's disposition or a user's change
 * does to it. Pure and thread-safe: records in, records out, time passed in.
 *
 * <pre>{@code
 * Lifecycle lifecycle = Lifecycle.of(DialingRules.newBuilder().maxRepeatAttempts(2).build());
 * DialCheck check = lifecycle.explain(record, clock.instant());
 * if (!check.isDialable()) {
 *     check.reasons().forEach(r -> System.out.println(r.describe()));
 * }
 * }</pre>
 */
public final class Lifecycle {
    private final DialingRules rules;
    private final DialRule dialRule;
    private final OutcomeRules outcomes;

    private Lifecycle(DialingRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.dialRule = new DialRule(rules);
        this.outcomes = new OutcomeRules(rules);
    }

    /**
     * @param rules the campaign's settings
     * @return the lifecycle for them
     */
    public static Lifecycle of(DialingRules rules) {
        return new Lifecycle(rules);
    }

    /** @return the campaign's settings */
    public DialingRules rules() {
        return rules;
    }

    /**
     * Every reason a record is or is not dialable at an instant, for no particular agent.
     *
     * @param record the record
     * @param at the instant
     * @return the check, with its reasons, the number to call and when it next will be dialable
     */
    public DialCheck explain(Record record, Instant at) {
        return explain(record, at, DialContext.anyAgent());
    }

    /**
     * Every reason a record is or is not dialable at an instant, for the agent who would take it.
     *
     * @param record the record
     * @param at the instant
     * @param context who would take the call
     * @return the check, with its reasons, the number to call and when it next will be dialable
     */
    public DialCheck explain(Record record, Instant at, DialContext context) {
        return dialRule.explain(Objects.requireNonNull(record, "record"), Objects.requireNonNull(at, "at"),
                Objects.requireNonNull(context, "context"));
    }

    /**
     * @param record the record
     * @param at the instant
     * @return whether it may be dialled now by any agent; the same answer as {@link #explain},
     *     found without collecting every reason
     */
    public boolean isDialable(Record record, Instant at) {
        return isDialable(record, at, DialContext.anyAgent());
    }

    /**
     * @param record the record
     * @param at the instant
     * @param context who would take the call
     * @return whether it may be dialled now for that context; the same answer as {@link
     *     #explain(Record, Instant, DialContext)}, found without collecting every reason
     */
    public boolean isDialable(Record record, Instant at, DialContext context) {
        return dialRule.isDialable(Objects.requireNonNull(record, "record"), Objects.requireNonNull(at, "at"),
                Objects.requireNonNull(context, "context"));
    }

    /**
     * What loading a record for dialing does to it: a record with no number is done
     * ({@code NO_NUMBER}, seed 001), one whose callback expired undelivered is done
     * ({@code CALLBACK_EXPIRED}, seed 003: the system closes it); any other, and a record already
     * done, is returned unchanged.
     *
     * @param record the record
     * @param at the instant it is loaded
     * @return the record as loaded
     */
    public Record onLoad(Record record, Instant at) {
        return dialRule.onLoad(Objects.requireNonNull(record, "record"), Objects.requireNonNull(at, "at"));
    }

    /**
     * @param record a record
     * @param at the instant
     * @return the state of its callback (seed 003's schedule states), empty when it has none
     */
    public java.util.Optional<CallbackState> callbackState(Record record, Instant at) {
        return dialRule.callbackState(Objects.requireNonNull(record, "record"), Objects.requireNonNull(at, "at"));
    }

    /**
     * Applies a call's outcome: the treatment of its result, attempt counting, number exclusion.
     * The record must be in a call ({@code PROCESSING}) or in a dialable status and have a number
     * of the outcome's field; the call consumes its schedule and callback. A human answer waits
     * for the agent ({@code PROCESSING}); an unanswered call of a callback the agent set after an
     * answer is not an attempt and waits for the agent too (seed 001). A record the dialer
     * reschedules after a call placed for an agent is assigned to that agent if it has no user
     * (seed 001, progressive dialing).
     *
     * @param record the record called
     * @param outcome how the call ended
     * @return the record after it, with what the host must do besides storing it
     */
    public Transition apply(Record record, CallOutcome outcome) {
        return outcomes.apply(Objects.requireNonNull(record, "record"), Objects.requireNonNull(outcome, "outcome"));
    }

    /**
     * Applies what an agent saved after a call. The campaign's {@link DispositionRules} are checked
     * first ({@link #checkDisposition}); a disposition that breaks them is refused and nothing
     * changes. The form's values are set on the record's custom fields, and a change of user
     * (seed 001's Change user) makes that agent the record's user. Then a next call makes a
     * callback (whose calls are not attempts, seed 001); without one, a wrap code that completes
     * the record, or any disposition when the campaign defines no wrap codes, finishes it
     * ({@code DONE}, objective reached, seed 001), and a wrap code that does not complete it hands
     * it back to the dialer ({@code RESCHEDULED_BY_DIALER}) after the campaign's attempt delay.
     *
     * @param record the record, in a call ({@code PROCESSING})
     * @param disposition what the agent saved
     * @return the record after it
     * @throws DispositionRefusedException naming every problem (each missing field by name) when
     *     the disposition breaks the campaign's rules
     * @throws IllegalStateException if the record is not {@code PROCESSING}
     */
    public Record dispose(Record record, Disposition disposition) {
        return outcomes.dispose(Objects.requireNonNull(record, "record"),
                Objects.requireNonNull(disposition, "disposition"));
    }

    /**
     * Every way a disposition breaks the campaign's {@link DispositionRules} for a record: what
     * {@link #dispose} and {@link #correctWrapCode} would refuse, found without changing anything.
     *
     * @param record the record
     * @param disposition what the agent saved, or the correction
     * @return the problems, each missing field by name; empty when it may be saved
     */
    public List<DispositionProblem> checkDisposition(Record record, Disposition disposition) {
        return rules.dispositions().check(Objects.requireNonNull(record, "record"),
                Objects.requireNonNull(disposition, "disposition"));
    }

    /**
     * Corrects the last wrap code of a record after the fact (seed 004's Edit wrap code): the
     * correction is checked and applied as {@link #dispose} applies a disposition, except that
     * the record is not in a call: the new wrap code becomes the record's last, the complete
     * status follows the code (a completing code finishes the record, one that does not re-opens
     * it for the dialer), and a next call, which a Callback code requires, replaces any callback
     * the record had; without one, the record's callback and schedule are cleared. The record's
     * history is the store's: the host appends an entry saying what was corrected.
     *
     * @param record the record, not in a call
     * @param correction the new wrap code, next call, form values and user; its agent is who
     *     corrected it, its instant when
     * @return the record after it
     * @throws DispositionRefusedException naming every problem when the correction breaks the
     *     campaign's rules
     * @throws IllegalStateException if the record is in a call ({@code PROCESSING})
     */
    public Record correctWrapCode(Record record, Disposition correction) {
        return outcomes.correctWrapCode(Objects.requireNonNull(record, "record"),
                Objects.requireNonNull(correction, "correction"));
    }

    /**
     * Passes a record to another agent outside a call (seed 001's Change user): the agent becomes
     * the record's user, so that the dialer loads it for them. Nothing else changes.
     *
     * @param record the record
     * @param to the agent it is passed to
     * @param at when
     * @return the record after it
     * @throws DispositionRefusedException if the campaign does not allow Change user, or the
     *     record's callback is for another agent than {@code to}
     */
    public Record changeUser(Record record, AgentEmail to, Instant at) {
        return outcomes.changeUser(Objects.requireNonNull(record, "record"), Objects.requireNonNull(to, "to"),
                Objects.requireNonNull(at, "at"));
    }

    /**
     * A user's manual change of a record's status (seed 001's action): the attempt counter and
     * the round are reset, and calls count as attempts again. {@code DONE} closes the record
     * ({@code CLOSED_BY_USER}); {@code CALL_IMMEDIATELY} makes it due at {@code at}, without a
     * schedule.
     *
     * @param record the record
     * @param status the new status
     * @param at when it changed
     * @return the record after it
     * @throws IllegalArgumentException for {@code PROCESSING}, which only the dialer sets
     */
    public Record changeStatus(Record record, RecordStatus status, Instant at) {
        return OutcomeRules.changeStatus(Objects.requireNonNull(record, "record"), Objects.requireNonNull(status, "status"),
                Objects.requireNonNull(at, "at"));
    }

    /**
     * Seed 003's Status Change, applied to one record of the many a supervisor's search found: a
     * new status (a manual change, so the attempt counter is reset), a new priority, retry counts
     * cleared, numbers in the designated states made active. A record in a call keeps its status:
     * asking to change it is refused.
     *
     * @param record the record
     * @param change what changes
     * @param at when it changed
     * @return the record after it; the same record when nothing changed
     * @throws IllegalStateException if the change sets a status on a record that is {@code PROCESSING}
     */
    public Record changeStatus(Record record, StatusChange change, Instant at) {
        return Objects.requireNonNull(change, "change").applyTo(record, at);
    }

    /**
     * Sets a callback (seed 000): the record is rescheduled by an agent for the callback's time.
     * It is a manual change: the attempt counter is reset and calls count as attempts. Setting a
     * callback re-opens a done record.
     *
     * @param record the record
     * @param callback the callback
     * @param at when it was set
     * @return the record after it
     */
    public Record setCallback(Record record, Callback callback, Instant at) {
        return outcomes.setCallback(Objects.requireNonNull(record, "record"), Objects.requireNonNull(callback, "callback"),
                Objects.requireNonNull(at, "at"));
    }

    /**
     * Clears a record's callback and schedule (seed 000's Clear). A record rescheduled by an agent
     * returns to {@code PENDING} with its attempt counter reset; any other keeps its status.
     *
     * @param record the record
     * @param at when it was cleared
     * @return the record after it
     */
    public Record clearCallback(Record record, Instant at) {
        return outcomes.clearCallback(Objects.requireNonNull(record, "record"), Objects.requireNonNull(at, "at"));
    }

    /**
     * The lifecycle as a {@link DialQueue}'s gate: a record dialable now is handed out, one that
     * will be dialable later waits for its {@linkplain DialCheck#next() next} time, and one that
     * only a change of data can make dialable leaves the queue with its reasons. The dialable
     * case, the common one, takes the fast path of {@link #isDialable(Record, Instant, DialContext)}.
     *
     * @return the gate
     */
    public DialGate gate() {
        DialGate explaining = DialGate.checking(this::explain);
        return (record, now, context) -> dialRule.isDialable(record, now, context)
                ? DialGate.Decision.DIAL : explaining.decide(record, now, context);
    }
}
