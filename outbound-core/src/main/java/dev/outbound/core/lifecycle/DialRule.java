package dev.outbound.core.lifecycle;

import dev.outbound.core.compliance.CallHistory;
import dev.outbound.core.compliance.CallVerdict;
import dev.outbound.core.compliance.CallingPolicy;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CallAttempt;
import dev.outbound.core.record.CallResult;
import dev.outbound.core.record.Callback;
import dev.outbound.core.record.DialProgress;
import dev.outbound.core.record.DoneReason;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordPhone;
import dev.outbound.core.record.RecordStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The dialable rule (seeds 000, 001, 003): whether a record may be dialled at an instant, on which
 * number, every reason why not and when it next will be. Also what loading a record does to it,
 * and the state of its callback.
 *
 * <p>One evaluation serves both {@link #explain} and {@link #isDialable}: explaining collects every
 * reason, the yes/no question stops at the first. On the dialable path the evaluation allocates
 * little beyond the calling policy's verdict of the chosen number.
 */
final class DialRule {
    private static final Duration DAY = Duration.ofDays(1);
    /**
     * How many times {@link #next} moves forward to the instant its reasons lift: each move lands
     * on a lower bound of the next dialable instant, and an instant may still be refused there (a
     * cap released outside a window), so it looks again. Caps only release and quiet periods only
     * end, so a handful of moves settle every realistic record; past this bound, next is empty.
     */
    private static final int MAX_MOVES = 64;

    /**
     * The record's own recent calls, as the calling policy's region caps ask for them: the
     * instants of the remembered calls at or after {@code since}, ascending.
     */
    static final CallHistory RECENT_CALLS = (record, since) -> {
        List<CallAttempt> calls = record.progress().recentCalls();
        int lo = calls.size();
        while (lo > 0 && !calls.get(lo - 1).at().isBefore(since)) {
            lo--;
        }
        List<Instant> out = new ArrayList<>(calls.size() - lo);
        for (int i = lo; i < calls.size(); i++) {
            out.add(calls.get(i).at());
        }
        return out;
    };

    private final DialingRules rules;
    private final CallingPolicy policy;

    DialRule(DialingRules rules) {
        this.rules = rules;
        this.policy = rules.policy();
    }

    DialCheck explain(Record record, Instant at, DialContext context) {
        Evaluation e = new Evaluation(record, at, context, true);
        evaluate(e);
        Optional<Reservation> reservation = Optional.ofNullable(e.reservation);
        if (e.reasons == null) {
            return new DialCheck(record, at, List.of(), Optional.of(e.number), e.newRound, Optional.of(at),
                    reservation);
        }
        return new DialCheck(record, at, e.reasons, Optional.empty(), false, next(record, at, context, e.reasons),
                reservation);
    }

    /** Whether {@link #explain} would find the record dialable, stopping at the first reason. */
    boolean isDialable(Record record, Instant at, DialContext context) {
        Evaluation e = new Evaluation(record, at, context, false);
        return evaluate(e);
    }

    Record onLoad(Record record, Instant at) {
        // A done record is not loaded for dialing; finishing it again would only overwrite its reason.
        if (record.status() == RecordStatus.DONE) {
            return record;
        }
        if (record.phones().isEmpty()) {
            return record.done(DoneReason.NO_NUMBER).withUpdatedAt(later(record.updatedAt(), at));
        }
        Optional<Instant> end = record.callback().flatMap(Callback::expiresAt);
        if (end.isPresent() && !end.get().isAfter(at)) {
            // Seed 003: a scheduled task that expired undelivered is closed by the system.
            return record.done(DoneReason.CALLBACK_EXPIRED).withUpdatedAt(later(record.updatedAt(), at));
        }
        return record;
    }

    Optional<CallbackState> callbackState(Record record, Instant at) {
        Optional<Callback> found = record.callback();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Callback callback = found.get();
        if (record.status() == RecordStatus.DONE) {
            return Optional.of(CallbackState.CLOSED);
        }
        if (callback.expiresAt().isPresent() && !callback.expiresAt().get().isAfter(at)) {
            return Optional.of(CallbackState.EXPIRED);
        }
        if (at.isBefore(callback.at())) {
            return Optional.of(CallbackState.SCHEDULED);
        }
        if (at.isBefore(callback.at().plus(rules.callbackDelayedAfter()))) {
            return Optional.of(CallbackState.DUE);
        }
        return Optional.of(CallbackState.DELAYED);
    }

    // ---------------------------------------------------------------------------------------
    // One evaluation.

    /** The state of one evaluation: its inputs, and what it found. */
    private static final class Evaluation {
        final Record record;
        final Instant at;
        final DialContext context;
        /** Whether to go on after a reason to find every other; otherwise stop at the first. */
        final boolean collect;
        /** The reasons found; null while there is none, so the dialable path allocates no list. */
        List<DialReason> reasons;
        RecordPhone number;
        boolean newRound;
        Reservation reservation;

        Evaluation(Record record, Instant at, DialContext context, boolean collect) {
            this.record = record;
            this.at = at;
            this.context = context;
            this.collect = collect;
        }

        /** Records a reason; returns whether to go on looking. */
        boolean add(DialReason reason) {
            if (reasons == null) {
                reasons = new ArrayList<>(4);
            }
            reasons.add(reason);
            return collect;
        }
    }

    /** Fills the evaluation; returns whether the record is dialable. */
    private boolean evaluate(Evaluation e) {
        Record r = e.record;
        Instant at = e.at;
        Instant due = r.dueAt();
        if (due.isAfter(at) && !e.add(new DialReason.NotDue(due, r.scheduledFor().isPresent()))) {
            return false;
        }
        RecordStatus status = r.status();
        if (!status.isDialable()
                && !e.add(new DialReason.StatusNotDialable(status, r.doneReason(), r.reasonCode()))) {
            return false;
        }
        if (!rules.lists().isEnabled(r.list()) && !e.add(new DialReason.ListDisabled(r.list()))) {
            return false;
        }
        Optional<Callback> callback = r.callback();
        if (callback.isPresent()) {
            Optional<Instant> end = callback.get().expiresAt();
            if (end.isPresent() && !end.get().isAfter(at) && !e.add(new DialReason.CallbackExpired(end.get()))) {
                return false;
            }
        }
        Optional<AgentEmail> taker = e.context.agent();
        if (e.collect) {
            e.reservation = Reservation.of(r, at, rules.contactTimeout());
            if (e.reservation != null && taker.isPresent() && !e.reservation.admits(taker.get())) {
                e.add(new DialReason.ReservedForAgent(e.reservation, taker.get()));
            }
        } else if (taker.isPresent()) {
            // The yes/no question needs only the holder, not a reservation to report.
            AgentEmail holder = Reservation.holder(r, at, rules.contactTimeout());
            if (holder != null && !holder.equals(taker.get())) {
                return false;
            }
        }
        DialProgress progress = r.progress();
        int maxRepeat = rules.maxRepeatAttempts();
        boolean overAttempts = progress.countsAttempts() && progress.repeatAttempts() > maxRepeat;
        if (overAttempts && !e.collect) {
            return false;
        }
        if (!e.context.agentGuaranteed() && !quietPeriod(e)) {
            return false;
        }
        if (!recordCap(e)) {
            return false;
        }
        boolean roundComplete = numbers(e);
        if (e.number == null && !e.collect) {
            return false;
        }
        // Starting another round is one more repeat attempt (seed 001: the first call is not one).
        if (progress.countsAttempts() && (overAttempts || (roundComplete && progress.repeatAttempts() >= maxRepeat))) {
            e.add(new DialReason.AttemptsExhausted(progress.repeatAttempts(), maxRepeat));
        }
        // The number found is only the one to call when nothing else stands in the way.
        return e.reasons == null;
    }

    /** The quiet period after an abandoned call; returns whether to go on. */
    private boolean quietPeriod(Evaluation e) {
        Duration quiet = rules.abandonQuietPeriod();
        List<CallAttempt> calls = e.record.progress().recentCalls();
        if (quiet.isZero() || calls.isEmpty()) {
            return true;
        }
        Instant from = e.at.minus(quiet);
        for (int i = calls.size() - 1; i >= 0; i--) {
            CallAttempt c = calls.get(i);
            if (c.at().isAfter(e.at)) {
                continue;
            }
            if (!c.at().isAfter(from)) {
                break;
            }
            if (c.result() == CallResult.ABANDONED) {
                return e.add(new DialReason.AbandonQuietPeriod(c.at(), c.at().plus(quiet)));
            }
        }
        return true;
    }

    /** The cap on calls to the record per rolling 24 hours; returns whether to go on. */
    private boolean recordCap(Evaluation e) {
        DialReason.CallCapReached cap = cap(e.record, null, rules.maxCallsPerRecordPerDay(), e.at);
        return cap == null || e.add(cap);
    }

    /** The cap on calls to one number per rolling 24 hours, or null when it is not reached. */
    private DialReason.CallCapReached numberCap(Record r, PhoneField field, Instant at) {
        return cap(r, field, rules.maxCallsPerNumberPerDay(), at);
    }

    /**
     * A cap on the calls in the rolling 24 hours before {@code at} to the record ({@code field}
     * null) or to one of its numbers, or null when it is not reached. The cap releases when the
     * {@code max}-th newest of those calls leaves the window: fewer than {@code max} remain then.
     */
    private static DialReason.CallCapReached cap(Record r, PhoneField field, OptionalInt cap, Instant at) {
        List<CallAttempt> calls = r.progress().recentCalls();
        if (cap.isEmpty() || calls.size() < cap.getAsInt()) {
            return null;
        }
        int max = cap.getAsInt();
        Instant since = at.minus(DAY);
        int count = 0;
        Instant release = null;
        for (int i = calls.size() - 1; i >= 0; i--) {
            CallAttempt c = calls.get(i);
            if (c.at().isAfter(at)) {
                continue;
            }
            if (!c.at().isAfter(since)) {
                break;
            }
            if (field == null || c.field().equals(field)) {
                if (++count == max) {
                    release = c.at().plus(DAY);
                }
            }
        }
        if (count < max) {
            return null;
        }
        return new DialReason.CallCapReached(field == null ? DialReason.CallCapReached.Scope.RECORD
                : DialReason.CallCapReached.Scope.NUMBER, Optional.ofNullable(field), count, max, since, release);
    }

    /**
     * Chooses the number to call, or (collecting) reports why none may be called. The candidates
     * are the active numbers not yet tried in the current round; when none of them can ever be
     * called by time alone, the round cannot complete and is taken as complete, and every active
     * number is a candidate again.
     *
     * @return whether the current round is complete, so that the next call starts a new one
     */
    private boolean numbers(Evaluation e) {
        Record r = e.record;
        List<RecordPhone> phones = r.phones();
        int n = phones.size();
        if (n == 0) {
            e.add(new DialReason.NoNumber());
            return false;
        }
        Set<PhoneField> tried = r.progress().triedThisRound();
        CallVerdict[] verdicts = null;
        DialReason.CallCapReached[] caps = null;
        boolean roundOpen = false;
        boolean anyTried = false;
        for (int i = 0; i < n; i++) {
            RecordPhone p = phones.get(i);
            if (!p.state().isDialable()) {
                continue;
            }
            if (tried.contains(p.field())) {
                anyTried = true;
                continue;
            }
            CallVerdict v = policy.check(r, p, e.at, RECENT_CALLS);
            DialReason.CallCapReached cap = numberCap(r, p.field(), e.at);
            if (v.isAllowed() && cap == null) {
                e.number = p;
                return false;
            }
            if (v.isAllowed() || ((CallVerdict.Refused) v).earliest().isPresent()) {
                roundOpen = true;
            }
            if (e.collect) {
                verdicts = verdicts != null ? verdicts : new CallVerdict[n];
                caps = caps != null ? caps : new DialReason.CallCapReached[n];
                verdicts[i] = v;
                caps[i] = cap;
            }
        }
        boolean roundComplete = !roundOpen && anyTried;
        if (roundComplete) {
            for (int i = 0; i < n; i++) {
                RecordPhone p = phones.get(i);
                if (!p.state().isDialable() || !tried.contains(p.field())) {
                    continue;
                }
                CallVerdict v = policy.check(r, p, e.at, RECENT_CALLS);
                DialReason.CallCapReached cap = numberCap(r, p.field(), e.at);
                if (v.isAllowed() && cap == null) {
                    e.number = p;
                    e.newRound = true;
                    return true;
                }
                if (e.collect) {
                    verdicts = verdicts != null ? verdicts : new CallVerdict[n];
                    caps = caps != null ? caps : new DialReason.CallCapReached[n];
                    verdicts[i] = v;
                    caps[i] = cap;
                }
            }
        }
        if (!e.collect) {
            return roundComplete;
        }
        // No number may be called now: report each number in phone order. Numbers tried in an
        // open round are not reasons; numbers that are not active are.
        for (int i = 0; i < n; i++) {
            RecordPhone p = phones.get(i);
            CallVerdict v = verdicts != null ? verdicts[i] : null;
            if (!p.state().isDialable()) {
                v = policy.check(r, p, e.at, RECENT_CALLS);
            }
            if (v instanceof CallVerdict.Refused refused) {
                e.add(new DialReason.NumberRefused(p, refused));
            }
            if (caps != null && caps[i] != null) {
                e.add(caps[i]);
            }
        }
        return roundComplete;
    }

    // ---------------------------------------------------------------------------------------
    // When next.

    /**
     * The earliest instant after {@code at} at which the record is dialable if nothing changes:
     * move to the instant the reasons found lift, look again, until dialable; empty as soon as a
     * reason only a change of data lifts is found.
     */
    private Optional<Instant> next(Record record, Instant at, DialContext context, List<DialReason> reasons) {
        Instant t = at;
        List<DialReason> current = reasons;
        for (int move = 0; move < MAX_MOVES; move++) {
            Instant lift = lift(current);
            if (lift == null) {
                return Optional.empty();
            }
            // Every reason that holds at t lifts after t; the guard only keeps the walk moving.
            t = lift.isAfter(t) ? lift : t.plusSeconds(1);
            Evaluation e = new Evaluation(record, t, context, true);
            if (evaluate(e)) {
                return Optional.of(t);
            }
            current = e.reasons;
        }
        return Optional.empty();
    }

    /**
     * The earliest instant at which the reasons can all have lifted: the latest lift of the reasons
     * about the record, and of the numbers' reasons the earliest lift of any one number (each
     * number's own reasons must all lift). Null when only a change of data can lift them.
     */
    private static Instant lift(List<DialReason> reasons) {
        Instant latest = null;
        boolean aboutNumbers = false;
        for (DialReason reason : reasons) {
            if (field(reason) != null) {
                aboutNumbers = true;
                continue;
            }
            Optional<Instant> l = reason.liftsAt();
            if (l.isEmpty()) {
                return null;
            }
            latest = later(latest, l.get());
        }
        if (!aboutNumbers) {
            return latest;
        }
        Instant soonestNumber = null;
        for (int i = 0; i < reasons.size(); i++) {
            PhoneField f = field(reasons.get(i));
            if (f == null || seenBefore(reasons, i, f)) {
                continue;
            }
            Instant numberLift = null;
            for (int j = i; j < reasons.size(); j++) {
                if (!f.equals(field(reasons.get(j)))) {
                    continue;
                }
                Optional<Instant> l = reasons.get(j).liftsAt();
                if (l.isEmpty()) {
                    numberLift = null;
                    break;
                }
                numberLift = later(numberLift, l.get());
            }
            if (numberLift != null && (soonestNumber == null || numberLift.isBefore(soonestNumber))) {
                soonestNumber = numberLift;
            }
        }
        return soonestNumber == null ? null : later(latest, soonestNumber);
    }

    private static boolean seenBefore(List<DialReason> reasons, int index, PhoneField field) {
        for (int k = 0; k < index; k++) {
            if (field.equals(field(reasons.get(k)))) {
                return true;
            }
        }
        return false;
    }

    /** The phone field a reason is about, or null for a reason about the whole record. */
    private static PhoneField field(DialReason reason) {
        if (reason instanceof DialReason.NumberRefused refused) {
            return refused.phone().field();
        }
        if (reason instanceof DialReason.CallCapReached cap) {
            return cap.field().orElse(null);
        }
        return null;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
