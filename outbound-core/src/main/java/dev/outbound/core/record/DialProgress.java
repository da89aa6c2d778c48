package dev.outbound.core.record;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How far the dialer has got with a record: the attempt counters of seed 001, the calls the
 * rolling caps look at, and the last outcome of seed 004.
 *
 * <p>An <em>attempt</em> (a round) is complete when every number of the record has been called and
 * none answered; the first round is the first call, which is not a repeat attempt (seed 001), so a
 * campaign allowing {@code n} repeat attempts dials a record in at most {@code n + 1} rounds.
 *
 * @param repeatAttempts repeat attempts started so far (rounds after the first); never negative
 * @param triedThisRound the phone fields already called in the current round
 * @param countsAttempts whether calls count as attempts; {@code false} once an agent has
 *     rescheduled an answered call (seed 001: calls of that callback are not attempts)
 * @param recentCalls the calls placed lately, oldest first: what rolling caps and quiet periods
 *     look at. The lifecycle keeps only those inside its longest window.
 * @param lastCall the last call placed, if any
 * @param lastContactedAt when an agent last spoke to the customer (seed 004 "Last contacted on":
 *     unsuccessful dialer attempts do not count)
 * @param wrapCode the wrap code (disposition) an agent chose last (seed 004)
 */
public record DialProgress(int repeatAttempts, Set<PhoneField> triedThisRound, boolean countsAttempts,
        List<CallAttempt> recentCalls, Optional<CallAttempt> lastCall, Optional<Instant> lastContactedAt,
        Optional<String> wrapCode) {

    /** A record never called. */
    public static final DialProgress NONE =
            new DialProgress(0, Set.of(), true, List.of(), Optional.empty(), Optional.empty(), Optional.empty());

    /**
     * Checks and freezes the components.
     *
     * @param repeatAttempts repeat attempts started so far; never negative
     * @param triedThisRound the phone fields already called in the current round
     * @param countsAttempts whether calls count as attempts
     * @param recentCalls the calls placed lately, oldest first
     * @param lastCall the last call placed, if any
     * @param lastContactedAt when an agent last spoke to the customer
     * @param wrapCode the last wrap code
     */
    public DialProgress {
        if (repeatAttempts < 0) {
            throw new InvalidValueException("repeatAttempts", "0 or more", repeatAttempts);
        }
        triedThisRound = Set.copyOf(triedThisRound);
        recentCalls = List.copyOf(recentCalls);
        for (int i = 1; i < recentCalls.size(); i++) {
            if (recentCalls.get(i).at().isBefore(recentCalls.get(i - 1).at())) {
                throw new InvalidValueException("recentCalls", "oldest first", recentCalls);
            }
        }
        Objects.requireNonNull(lastCall, "lastCall");
        Objects.requireNonNull(lastContactedAt, "lastContactedAt");
        Objects.requireNonNull(wrapCode, "wrapCode");
    }

    /**
     * @param n repeat attempts started
     * @return this progress with that count
     */
    public DialProgress withRepeatAttempts(int n) {
        return new DialProgress(n, triedThisRound, countsAttempts, recentCalls, lastCall, lastContactedAt, wrapCode);
    }

    /**
     * @param fields the phone fields called in the current round
     * @return this progress with that round
     */
    public DialProgress withTriedThisRound(Set<PhoneField> fields) {
        return new DialProgress(repeatAttempts, fields, countsAttempts, recentCalls, lastCall, lastContactedAt, wrapCode);
    }

    /**
     * @param counts whether calls count as attempts
     * @return this progress with that setting
     */
    public DialProgress withCountsAttempts(boolean counts) {
        return new DialProgress(repeatAttempts, triedThisRound, counts, recentCalls, lastCall, lastContactedAt, wrapCode);
    }

    /**
     * Appends a call and drops the remembered calls placed before {@code keepSince}.
     *
     * @param call the call, not before the last one remembered
     * @param keepSince the start of the longest window the lifecycle looks back over
     * @return this progress with the call as its last
     */
    public DialProgress withCall(CallAttempt call, Instant keepSince) {
        List<CallAttempt> kept = new ArrayList<>(recentCalls.size() + 1);
        for (CallAttempt c : recentCalls) {
            if (!c.at().isBefore(keepSince)) {
                kept.add(c);
            }
        }
        kept.add(call);
        return new DialProgress(repeatAttempts, triedThisRound, countsAttempts, kept, Optional.of(call),
                lastContactedAt, wrapCode);
    }

    /**
     * @param at when an agent last spoke to the customer
     * @return this progress with that time
     */
    public DialProgress withLastContactedAt(Instant at) {
        return new DialProgress(repeatAttempts, triedThisRound, countsAttempts, recentCalls, lastCall,
                Optional.of(at), wrapCode);
    }

    /**
     * @param code the wrap code, or empty to clear it
     * @return this progress with that wrap code
     */
    public DialProgress withWrapCode(Optional<String> code) {
        return new DialProgress(repeatAttempts, triedThisRound, countsAttempts, recentCalls, lastCall,
                lastContactedAt, code);
    }
}
