package dev.outbound.core.lifecycle;

import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordPhone;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to "may this record be dialled now, on which number, and if not, why and when?",
 * made by {@link Lifecycle#explain}. A record is dialable exactly when {@link #reasons()} is empty;
 * then {@link #number()} is the number to call and {@link #next()} is the instant checked.
 *
 * @param record the record checked
 * @param at the instant checked
 * @param reasons every reason the record is not dialable, each with its evidence; empty when it is
 * @param number the number to call now, present exactly when the record is dialable: the first in
 *     the record's phone order that is active, not yet tried in the current round and allowed by
 *     the calling policy now
 * @param startsNewRound whether calling {@link #number()} starts a new round (attempt): every
 *     number left untried in the current round is refused for good, so the round cannot complete
 *     and the numbers already tried are called again
 * @param next the earliest instant at or after {@code at} at which the record will be dialable if
 *     nothing changes: {@code at} itself when it is dialable; empty when only a change of data can
 *     make it dialable (or no such instant was found)
 * @param reservation who alone may take the call, and until when, if anyone holds it; for a
 *     check made for no particular agent it is information, not a reason
 */
public record DialCheck(Record record, Instant at, List<DialReason> reasons, Optional<RecordPhone> number,
        boolean startsNewRound, Optional<Instant> next, Optional<Reservation> reservation) {
    /**
     * Checks that the components agree.
     *
     * @param record the record checked
     * @param at the instant checked
     * @param reasons every reason it is not dialable
     * @param number the number to call, present exactly when there is no reason
     * @param startsNewRound whether calling the number starts a new round; false when there is no number
     * @param next when it next will be dialable; {@code at} when it is dialable now
     * @param reservation who alone may take the call, if anyone
     */
    public DialCheck {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(at, "at");
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(reservation, "reservation");
        if (reasons.isEmpty() != number.isPresent()) {
            throw new IllegalArgumentException("a dial check of record " + record.ref()
                    + " has a number exactly when it has no reason, not " + number + " with " + reasons);
        }
        if (number.isEmpty() && startsNewRound) {
            throw new IllegalArgumentException("a dial check of record " + record.ref()
                    + " without a number cannot start a new round");
        }
        if (reasons.isEmpty() && !next.equals(Optional.of(at))) {
            throw new IllegalArgumentException("a dial check of record " + record.ref()
                    + " that is dialable at " + at + " is next dialable then, not " + next);
        }
    }

    /** @return whether the record may be dialled now, on {@link #number()} */
    public boolean isDialable() {
        return reasons.isEmpty();
    }

    /**
     * @param kind a kind of reason
     * @param <R> the kind
     * @return the reasons of that kind, in order
     */
    public <R extends DialReason> List<R> reasons(Class<R> kind) {
        if (reasons.isEmpty()) {
            // The engine asks this of every record it is about to dial, which has no reason.
            return List.of();
        }
        return reasons.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** @return every reason in words, one per line; "dialable" with the number when there is none */
    public String describe() {
        if (reasons.isEmpty()) {
            RecordPhone p = number.orElseThrow();
            return "record " + record.ref() + " is dialable at " + at + " on its " + p.field() + " number "
                    + p.number().e164();
        }
        StringBuilder s = new StringBuilder("record ").append(record.ref()).append(" is not dialable at ").append(at)
                .append(':');
        for (DialReason r : reasons) {
            s.append("\n- ").append(r.describe());
        }
        s.append("\n").append(next.map(n -> "next dialable at " + n).orElse("not dialable by time alone"));
        return s.toString();
    }
}
