package dev.outbound.spi.store;

import dev.outbound.core.lifecycle.Disposition;
import dev.outbound.core.lifecycle.DispositionRefusedException;
import dev.outbound.core.lifecycle.Lifecycle;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CallResult;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordPhone;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Edits of a stored record outside a call, for a supervisor or the host application acting for an
 * agent: correcting the record's last wrap code (seed 004's Edit wrap code) and passing it to
 * another agent (seed 001's Change user). Each reads the record, applies the {@link Lifecycle}'s
 * rule and writes it back with {@link RecordStore#replaceIfUnchanged}, reading again when a write
 * came in between, so that no write of the dialer is lost; a record in a call (under a lease) is
 * left alone.
 *
 * <p>A wrap code correction also appends an {@link Interaction} to the record's history, after the
 * record is written: its wrap code is the new one, its agent the one who corrected it, and its
 * notes say which wrap code it corrects, so the history keeps both the agent's choice and the
 * correction. The called number, caller id and outcome are those of the latest interaction (the
 * record's first number and a human answer when it has none).
 */
public final class RecordEdits {
    /** How many times a write that lost to another is tried again. */
    private static final int ATTEMPTS = 5;

    private final RecordStore store;
    private final Lifecycle lifecycle;

    private RecordEdits(RecordStore store, Lifecycle lifecycle) {
        this.store = store;
        this.lifecycle = lifecycle;
    }

    /**
     * @param store the store holding the records
     * @param lifecycle the campaign's lifecycle, whose {@link dev.outbound.core.lifecycle.DispositionRules}
     *     are checked
     * @return edits of that store's records
     */
    public static RecordEdits of(RecordStore store, Lifecycle lifecycle) {
        return new RecordEdits(Objects.requireNonNull(store, "store"), Objects.requireNonNull(lifecycle, "lifecycle"));
    }

    /**
     * Corrects a record's last wrap code ({@link Lifecycle#correctWrapCode}) and records the
     * correction in its history.
     *
     * @param key the record's key
     * @param correction the new wrap code, next call, form values and user; its agent is who
     *     corrected it, its instant when
     * @return the record as written
     * @throws DispositionRefusedException naming every problem when the correction breaks the
     *     campaign's rules; nothing is written
     * @throws StoreException of kind {@code UNKNOWN_KEY} if the store holds no such record
     * @throws IllegalStateException if the record is in a call, or kept changing under the edit
     */
    public Record correctWrapCode(RecordKey key, Disposition correction) {
        Objects.requireNonNull(correction, "correction");
        Record[] previous = new Record[1];
        Record written = edit(key, correction.at(), r -> {
            previous[0] = r;
            return lifecycle.correctWrapCode(r, correction);
        });
        Optional<String> before = previous[0].progress().wrapCode();
        List<Interaction> latest = store.latestInteractions(key, 1);
        Optional<Interaction> last = latest.isEmpty() ? Optional.empty() : Optional.of(latest.get(0));
        Optional<PhoneNumber> called = last.map(Interaction::called)
                .or(() -> written.phones().stream().findFirst().map(RecordPhone::number));
        if (called.isPresent()) {
            String notes = "wrap code corrected from " + before.map(c -> "'" + c + "'").orElse("none") + " to "
                    + correction.wrapCode().map(c -> "'" + c + "'").orElse("none")
                    + last.map(i -> " (corrects interaction " + i.id() + ")").orElse("");
            String id = "wrap-code-correction-" + correction.at();
            Interaction entry = new Interaction(id, correction.at(), called.get(),
                    last.flatMap(Interaction::callerId), Optional.of(correction.agent()),
                    last.map(Interaction::outcome).orElse(CallResult.HUMAN_ANSWER), correction.wrapCode(),
                    Optional.of(notes));
            for (int n = 2; !store.appendInteraction(key, entry) && n < 100; n++) {
                entry = new Interaction(id + "-" + n, entry.at(), entry.called(), entry.callerId(), entry.agent(),
                        entry.outcome(), entry.wrapCode(), entry.notes());
            }
        }
        return written;
    }

    /**
     * Passes a record to another agent outside a call ({@link Lifecycle#changeUser}).
     *
     * @param key the record's key
     * @param to the agent it is passed to
     * @param at when
     * @return the record as written
     * @throws DispositionRefusedException if the campaign does not allow Change user, or the
     *     record's callback is for another agent; nothing is written
     * @throws StoreException of kind {@code UNKNOWN_KEY} if the store holds no such record
     * @throws IllegalStateException if the record is in a call, or kept changing under the edit
     */
    public Record changeUser(RecordKey key, AgentEmail to, Instant at) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        return edit(key, at, r -> lifecycle.changeUser(r, to, at));
    }

    private Record edit(RecordKey key, Instant at, UnaryOperator<Record> change) {
        Objects.requireNonNull(key, "key");
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Record stored = store.get(key).orElseThrow(() -> StoreException.unknownKey(key));
            Record updated = change.apply(stored);
            ReplaceResult.Outcome outcome = store.replaceIfUnchanged(List.of(Replacement.of(stored, updated)), at)
                    .outcomes().get(0);
            if (outcome == ReplaceResult.Outcome.REPLACED) {
                return updated;
            }
            if (outcome == ReplaceResult.Outcome.CLAIMED) {
                throw new IllegalStateException("record " + key + " is in a call (leased by the dialer): edit it "
                        + "after the call is saved");
            }
        }
        throw new IllegalStateException("record " + key + " changed " + ATTEMPTS + " times while it was edited; try "
                + "again");
    }
}
