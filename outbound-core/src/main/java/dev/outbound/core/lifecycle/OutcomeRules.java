package dev.outbound.core.lifecycle;

import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.phone.PhoneState;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CallAttempt;
import dev.outbound.core.record.CallResult;
import dev.outbound.core.record.Callback;
import dev.outbound.core.record.DialProgress;
import dev.outbound.core.record.DoneReason;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordPhone;
import dev.outbound.core.record.RecordStatus;
import dev.outbound.core.zone.ZoneName;
import dev.outbound.core.zone.ZoneResolution;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a call's outcome, an agent's disposition and a user's change do to a record: the
 * treatments of {@link Treatment}, seed 001's attempt counting and seed 003's per-number failure
 * limit. Pure: records in, records out.
 *
 * <p>A round is the set of the record's {@linkplain #roundNumbers active numbers}; it is complete
 * when each has been called (in the round) and none answered. The first round is the first call,
 * not a repeat attempt, so a record is dialled in at most {@code maxRepeatAttempts + 1} rounds.
 */
final class OutcomeRules {
    private final DialingRules rules;

    OutcomeRules(DialingRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * The numbers a round goes through: the record's dialable ({@link PhoneState#isDialable()})
     * numbers, in the record's phone order (the order its numbers were given). The dialable rule
     * walks the same numbers in the same order.
     *
     * @param record a record
     * @return its active numbers, in order
     */
    static List<RecordPhone> roundNumbers(Record record) {
        List<RecordPhone> phones = record.phones();
        List<RecordPhone> out = new ArrayList<>(phones.size());
        for (RecordPhone p : phones) {
            if (p.state().isDialable()) {
                out.add(p);
            }
        }
        return Collections.unmodifiableList(out);
    }

    Transition apply(Record record, CallOutcome outcome) {
        RecordPhone called = checkApplicable(record, outcome);
        CallResult result = outcome.result();
        Instant end = outcome.endedAt();
        Treatment treatment = rules.treatment(result);
        CallAttempt call = new CallAttempt(outcome.placedAt(), outcome.field(), result);
        DialProgress progress = record.progress().withCall(call, end.minus(rules.lookBack()));
        // The schedule (and any callback) was what this call consumed.
        Record r = record.withScheduledFor(Optional.empty());

        if (result == CallResult.HUMAN_ANSWER) {
            r = r.withProgress(progress.withLastContactedAt(end));
            r = treatment instanceof Treatment.Finish f ? r.done(f.reason()) : r.withStatus(RecordStatus.PROCESSING);
            return new Transition(settled(r, end), List.of());
        }
        if (!progress.countsAttempts()) {
            // Seed 001: calls of a callback the agent set after an answer are not attempts; the
            // agent fills out the form by hand.
            return new Transition(settled(r.withProgress(progress).withStatus(RecordStatus.PROCESSING), end), List.of());
        }

        PhoneField field = outcome.field();
        int repeats = progress.repeatAttempts();
        Set<PhoneField> tried = new HashSet<>(progress.triedThisRound());
        boolean beyondLastRound = false;
        if (tried.contains(field)) {
            // The number was called again before the round was complete: the dialable rule began
            // a new round because no untried number could ever be called. The round before it
            // counts as complete.
            tried.clear();
            if (repeats < rules.maxRepeatAttempts()) {
                repeats++;
            } else {
                beyondLastRound = true;
            }
        }
        tried.add(field);

        List<Effect> effects = new ArrayList<>(2);
        r = r.withPhone(treatNumber(called, result, treatment, effects));

        List<RecordPhone> round = roundNumbers(r);
        boolean untriedLeft = false;
        for (RecordPhone p : round) {
            untriedLeft |= !tried.contains(p.field());
        }
        ZoneId zone = zoneOf(r, called);
        if (treatment instanceof Treatment.Finish f) {
            r = r.done(f.reason());
        } else if (treatment instanceof Treatment.AwaitAgent) {
            // A campaign may hand an unanswered call to the agent too (leave a voicemail): the
            // attempt is counted, the agent decides what comes next.
            r = r.withStatus(RecordStatus.PROCESSING);
        } else if (round.isEmpty()) {
            boolean allBlocked = r.phones().stream().allMatch(p -> p.state() == PhoneState.BLOCKED);
            r = r.done(allBlocked ? DoneReason.DO_NOT_CALL : DoneReason.NO_NUMBER);
        } else if (beyondLastRound) {
            r = r.done(DoneReason.ATTEMPTS_EXHAUSTED);
        } else if (untriedLeft) {
            r = rescheduled(r, withinRound(treatment, repeats, end, zone), outcome);
        } else if (repeats >= rules.maxRepeatAttempts()) {
            r = r.done(DoneReason.ATTEMPTS_EXHAUSTED);
        } else {
            Instant next = betweenRounds(treatment, repeats, end, zone);
            repeats++;
            tried.clear();
            r = rescheduled(r, next, outcome);
        }
        DialProgress counted = repeats == progress.repeatAttempts() ? progress : progress.withRepeatAttempts(repeats);
        r = r.withProgress(counted.withTriedThisRound(tried));
        if (r.status() != RecordStatus.RESCHEDULED_BY_DIALER) {
            r = settled(r, end);
        }
        return new Transition(touched(r, end), effects);
    }

    /** Checks rule 1 and the call's time; returns the number called. */
    private static RecordPhone checkApplicable(Record record, CallOutcome outcome) {
        RecordStatus status = record.status();
        if (status != RecordStatus.PROCESSING && !status.isDialable()) {
            throw new IllegalStateException("record " + record.ref() + " is " + status
                    + record.doneReason().map(d -> " (" + d + ")").orElse("")
                    + ": a call's outcome applies only to a record in a call (PROCESSING) or waiting to be dialled");
        }
        RecordPhone called = record.phone(outcome.field()).orElseThrow(() -> new IllegalArgumentException(
                "record " + record.ref() + " has no number of field " + outcome.field() + " (its fields: "
                        + record.phones().stream().map(p -> p.field().name()).toList() + ")"));
        List<CallAttempt> recent = record.progress().recentCalls();
        Optional<CallAttempt> last = recent.isEmpty() ? record.progress().lastCall()
                : Optional.of(recent.get(recent.size() - 1));
        if (last.isPresent() && outcome.placedAt().isBefore(last.get().at())) {
            throw new IllegalArgumentException("call to record " + record.ref() + " placed at " + outcome.placedAt()
                    + " is older than its last call, placed at " + last.get().at());
        }
        if (outcome.endedAt().isBefore(record.createdAt())) {
            throw new IllegalArgumentException("call to record " + record.ref() + " ended at " + outcome.endedAt()
                    + ", before the record was made at " + record.createdAt());
        }
        return called;
    }

    /** The called number after a counted, unanswered call: its failure count, its state, the effects. */
    private RecordPhone treatNumber(RecordPhone called, CallResult result, Treatment treatment, List<Effect> effects) {
        RecordPhone phone = called.withAttempts(called.attempts() + 1);
        if (treatment instanceof Treatment.AddToDoNotCall) {
            phone = phone.withState(PhoneState.BLOCKED);
            effects.add(new Effect.AddToDoNotCall(phone.field(), phone.number()));
        } else if (treatment instanceof Treatment.ExcludeNumber && excludable(phone)) {
            phone = phone.withState(PhoneState.EXCLUDED);
            effects.add(new Effect.NumberExcluded(phone.field(), phone.number(),
                    "the call ended " + result + ", which the campaign treats by excluding the number"));
        }
        if (rules.numberFailureLimit().isPresent() && phone.attempts() >= rules.numberFailureLimit().getAsInt()
                && excludable(phone)) {
            phone = phone.withState(PhoneState.EXCLUDED);
            effects.add(new Effect.NumberExcluded(phone.field(), phone.number(), phone.attempts()
                    + " failed calls reached the campaign's limit of " + rules.numberFailureLimit().getAsInt()));
        }
        return phone;
    }

    /** A blocked number stays blocked, an excluded one is not excluded twice. */
    private static boolean excludable(RecordPhone phone) {
        return phone.state() == PhoneState.ACTIVE || phone.state() == PhoneState.INACTIVE;
    }

    /** When the record's next number may be called, within the round. */
    private static Instant withinRound(Treatment treatment, int repeats, Instant end, ZoneId zone) {
        if (treatment instanceof Treatment.Retry retry) {
            return end.plus(retry.delayFor(repeats));
        }
        if (treatment instanceof Treatment.RescheduleAt at) {
            return nextOccurrence(at.timeOfDay(), zone, end);
        }
        return end;
    }

    /** When the next round may begin, the round that just completed being the {@code repeats}-th repeat attempt. */
    private Instant betweenRounds(Treatment treatment, int repeats, Instant end, ZoneId zone) {
        if (treatment instanceof Treatment.Retry retry) {
            return end.plus(retry.delayFor(repeats));
        }
        if (treatment instanceof Treatment.RescheduleAt at) {
            return nextOccurrence(at.timeOfDay(), zone, end);
        }
        return end.plus(rules.attemptDelay(repeats));
    }

    private static Record rescheduled(Record r, Instant next, CallOutcome outcome) {
        Record out = r.withStatus(RecordStatus.RESCHEDULED_BY_DIALER).withNextDialableAt(next);
        // Seed 001: a progressive record rescheduled by the dialer is assigned to the agent it was
        // placed for; all later attempts go to them.
        if (outcome.agent().isPresent() && r.agent().isEmpty()) {
            out = out.withAgent(outcome.agent());
        }
        return out;
    }

    /** The zone a time of day is read in: the called number's first zone, the record's own, or UTC. */
    private static ZoneId zoneOf(Record record, RecordPhone called) {
        if (called.zones() instanceof ZoneResolution.Resolved resolved) {
            return resolved.zones().get(0);
        }
        return record.timeZone().map(ZoneName::zone).orElse(ZoneOffset.UTC);
    }

    /**
     * The first instant strictly after {@code after} at which the clock in {@code zone} shows
     * {@code time}. When a clock change skips the time on a day, that day's occurrence is the
     * time shifted forward by the length of the gap (02:30 on a spring-forward night is 03:30);
     * when the clocks go back, both occurrences count.
     */
    static Instant nextOccurrence(LocalTime time, ZoneId zone, Instant after) {
        LocalDate today = LocalDate.ofInstant(after, zone);
        Instant best = null;
        for (int day = -1; day <= 2; day++) {
            LocalDateTime local = today.plusDays(day).atTime(time);
            List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
            List<Instant> candidates = offsets.isEmpty()
                    ? List.of(ZonedDateTime.ofLocal(local, zone, null).toInstant())
                    : offsets.stream().map(local::toInstant).toList();
            for (Instant c : candidates) {
                if (c.isAfter(after) && (best == null || c.isBefore(best))) {
                    best = c;
                }
            }
        }
        return best;
    }

    Record dispose(Record record, Disposition disposition) {
        if (record.status() != RecordStatus.PROCESSING) {
            throw new IllegalStateException("record " + record.ref() + " is " + record.status()
                    + record.doneReason().map(d -> " (" + d + ")").orElse("")
                    + ": an agent's disposition applies only to a record in PROCESSING, after its call");
        }
        return disposed(checked(record, disposition), disposition);
    }

    Record correctWrapCode(Record record, Disposition correction) {
        if (record.status() == RecordStatus.PROCESSING) {
            throw new IllegalStateException("record " + record.ref() + " is in a call (PROCESSING): its wrap code"
                    + " is set by the agent's disposition after the call, not corrected");
        }
        return disposed(checked(record, correction).withScheduledFor(Optional.empty()), correction);
    }

    Record changeUser(Record record, AgentEmail to, Instant at) {
        if (!rules.dispositions().allowChangeUser()) {
            throw new DispositionRefusedException(record.ref(), List.of(new DispositionProblem(
                    DispositionProblem.Kind.CHANGE_USER_NOT_ALLOWED, "newUser",
                    "the campaign does not allow passing a record to another agent (Change user), asked for " + to)));
        }
        Optional<AgentEmail> callbackAgent = record.callback().flatMap(Callback::agent);
        if (callbackAgent.isPresent() && !callbackAgent.get().equals(to)) {
            throw new DispositionRefusedException(record.ref(), List.of(new DispositionProblem(
                    DispositionProblem.Kind.CALLBACK_AGENT_MISMATCH, "nextCall", "the next call is for "
                            + callbackAgent.get() + " but the record is passed to " + to)));
        }
        return touched(record.withAgent(Optional.of(to)), at);
    }

    /** Refuses a disposition that breaks the campaign's rules; else sets its form values and user. */
    private Record checked(Record record, Disposition d) {
        List<DispositionProblem> problems = rules.dispositions().check(record, d);
        if (!problems.isEmpty()) {
            throw new DispositionRefusedException(record.ref(), problems);
        }
        Record r = d.fields().isEmpty() ? record : record.withFields(d.fieldsOf(record));
        return d.newUser().isPresent() ? r.withAgent(d.newUser()) : r;
    }

    /**
     * A next call makes a callback; without one, a completing wrap code (or any disposition when
     * the campaign defines no codes, seed 001) finishes the record, and a code that does not
     * complete it hands it back to the dialer after the campaign's attempt delay.
     */
    private Record disposed(Record record, Disposition disposition) {
        DialProgress progress = record.progress().withWrapCode(disposition.wrapCode());
        Optional<WrapCode> code = disposition.wrapCode().flatMap(rules.dispositions()::code);
        Instant at = disposition.at();
        Record r;
        if (disposition.nextCall().isPresent()) {
            // Seed 001: later calls of the callback the agent set are not attempts.
            r = record.withCallback(disposition.nextCall().get())
                    .withStatus(RecordStatus.RESCHEDULED_BY_AGENT)
                    .withProgress(progress.withCountsAttempts(false).withTriedThisRound(Set.of()));
        } else if (code.isPresent() && !code.get().completes()) {
            Instant next = at.plus(rules.attemptDelay(progress.repeatAttempts()));
            r = record.withProgress(progress).withStatus(RecordStatus.RESCHEDULED_BY_DIALER)
                    .withNextDialableAt(next.isAfter(record.nextDialableAt()) ? next : record.nextDialableAt());
        } else {
            r = record.withProgress(progress).done(DoneReason.OBJECTIVE_REACHED);
        }
        return touched(r, at);
    }

    static Record changeStatus(Record record, RecordStatus status, Instant at) {
        if (status == RecordStatus.PROCESSING) {
            throw new IllegalArgumentException("record " + record.ref()
                    + ": only the dialer puts a record in PROCESSING; a user may set any other status");
        }
        Record r = record.withProgress(manuallyChanged(record.progress()));
        if (status == RecordStatus.DONE) {
            r = r.done(DoneReason.CLOSED_BY_USER);
        } else {
            r = r.withStatus(status);
        }
        if (status == RecordStatus.CALL_IMMEDIATELY) {
            r = r.withScheduledFor(Optional.empty()).withNextDialableAt(at);
        }
        return touched(r, at);
    }

    static Record changeStatus(Record record, StatusChange change, Instant at) {
        if (record.status() == RecordStatus.PROCESSING && change.status().isPresent()) {
            throw new IllegalStateException("record " + record.ref() + " is in a call (PROCESSING): its status"
                    + " changes when the call's outcome or the agent's disposition arrives, not by a status change");
        }
        Record r = record;
        List<RecordPhone> phones = new ArrayList<>(r.phones().size());
        boolean phonesChanged = false;
        for (RecordPhone p : r.phones()) {
            RecordPhone q = p;
            if (change.clearRetryCounts() && q.attempts() != 0) {
                q = q.withAttempts(0);
            }
            if (change.activateNumbersIn().contains(q.state())) {
                q = q.withState(PhoneState.ACTIVE);
            }
            phonesChanged |= q != p;
            phones.add(q);
        }
        if (phonesChanged) {
            for (RecordPhone q : phones) {
                r = r.withPhone(q);
            }
        }
        if (change.priority().isPresent()) {
            r = r.withPriority(change.priority().getAsInt());
        }
        if (change.status().isPresent()) {
            return changeStatus(r, change.status().get(), at);
        }
        return r == record ? record : touched(r, at);
    }

    Record setCallback(Record record, Callback callback, Instant at) {
        Record r = record.withCallback(callback)
                .withStatus(RecordStatus.RESCHEDULED_BY_AGENT)
                .withProgress(manuallyChanged(record.progress()));
        return touched(r, at);
    }

    Record clearCallback(Record record, Instant at) {
        Record r = record.withScheduledFor(Optional.empty());
        if (record.status() == RecordStatus.RESCHEDULED_BY_AGENT) {
            r = r.withStatus(RecordStatus.PENDING).withProgress(manuallyChanged(record.progress()));
        }
        return touched(r, at);
    }

    /** Seed 001: a user's manual change resets the attempt counter, and calls count again. */
    private static DialProgress manuallyChanged(DialProgress progress) {
        return progress.withRepeatAttempts(0).withTriedThisRound(Set.of()).withCountsAttempts(true);
    }

    /** A record the call leaves waiting or done is due no earlier than the call's end. */
    private static Record settled(Record r, Instant end) {
        return touched(r.nextDialableAt().isBefore(end) ? r.withNextDialableAt(end) : r, end);
    }

    /** The record's updated time moves to {@code at}, never back. */
    private static Record touched(Record r, Instant at) {
        return at.isAfter(r.updatedAt()) ? r.withUpdatedAt(at) : r;
    }
}
