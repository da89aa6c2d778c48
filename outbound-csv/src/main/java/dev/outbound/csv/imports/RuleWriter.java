package dev.outbound.csv.imports;

import dev.outbound.core.lifecycle.StatusChange;
import dev.outbound.core.phone.PhoneState;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordPhone;
import dev.outbound.core.record.RecordStatus;
import dev.outbound.csv.imports.ImportRules.ImportRule;
import dev.outbound.spi.store.BulkResult;
import dev.outbound.spi.store.RecordKey;
import dev.outbound.spi.store.RecordQuery;
import dev.outbound.spi.store.RecordStore;
import dev.outbound.spi.store.ReplaceResult;
import dev.outbound.spi.store.Replacement;
import dev.outbound.spi.store.UpsertMode;
import dev.outbound.spi.store.UpsertResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a batch under {@link ImportRules} that need the stored record before deciding: an import
 * rule {@code DO_NOTHING}, or a merge rule other than skip and replace. (Skip and replace with
 * append are one upsert, {@link BatchWriter#upsert}, and do not come here.)
 *
 * <p>A batch is handled in segments of rows with distinct keys, so that a key repeated in the
 * batch (duplicate detection off) meets the record as the earlier row left it. For a segment, the
 * stored records are read in one {@link RecordStore#stream} by reference id; then new contacts
 * are written in one upsert that keeps existing keys, replaced and updated records in one
 * {@link RecordStore#replaceIfUnchanged} conditional on the records as read, and each activated,
 * inactivated or deleted record by its own {@link RecordStore#changeStatus} or
 * {@link RecordStore#delete} on its key, whose result says exactly what became of that row. The
 * store's own rules apply throughout: a record under a lease is never changed, and is reported as
 * held.
 *
 * <p>A record is read and written back in two store calls, and a dialer may complete a call on it
 * in between. The conditional write never overwrites that call's outcome: the store reports the
 * record changed, and the row is read and decided again on the record as it is now (the merge
 * rule {@code UPDATE} then merges the row into the call's outcome), up to {@value #RETRIES} times.
 * So is a new contact whose key another writer created in between. A row whose record changes
 * under every try is left alone and reported ({@link BatchWriter.Written#CHANGED}).
 *
 * <p>For a preview nothing is written: each row's effect is worked out from the stored record
 * (and the leases at the clock's instant) and remembered, so that a later row of the preview
 * with the same key meets the record as the earlier row would have left it.
 */
final class RuleWriter implements BatchWriter {
    /**
     * One status change of an activate or inactivate: the change, for records in these statuses.
     *
     * @param statuses the statuses of the records it applies to
     * @param change what it does to them
     */
    record Step(Set<RecordStatus> statuses, StatusChange change) {
        /** @return the query for one record's key, in these statuses */
        RecordQuery query(RecordKey key) {
            RecordQuery.Builder q = RecordQuery.newBuilder().campaign(key.campaign()).ref(key.ref());
            statuses.forEach(q::status);
            return q.build();
        }
    }

    /** Seed 003: activate leaves Remaining, Processing and Callback alone. */
    private static final Set<RecordStatus> ACTIVATABLE = EnumSet.complementOf(
            EnumSet.of(RecordStatus.PENDING, RecordStatus.PROCESSING, RecordStatus.RESCHEDULED_BY_AGENT));
    /** Seed 003: inactivate leaves Inactive, Processing and Callback alone. */
    private static final Set<RecordStatus> INACTIVATABLE = EnumSet.complementOf(
            EnumSet.of(RecordStatus.INACTIVE, RecordStatus.PROCESSING, RecordStatus.RESCHEDULED_BY_AGENT));
    /** The records whose status activate keeps but whose numbers "Activate (contact, phone)" activates. */
    private static final Set<RecordStatus> ACTIVE_KEPT = EnumSet.of(RecordStatus.PENDING,
            RecordStatus.RESCHEDULED_BY_AGENT);

    private static final StatusChange TO_PENDING = StatusChange.none().withStatus(RecordStatus.PENDING);
    /** Numbers become active unless blocked or excluded; retry counts are cleared. */
    private static final StatusChange PHONES = StatusChange.none().clearingRetryCounts()
            .activatingNumbersIn(PhoneState.INACTIVE);

    static final List<Step> ACTIVATE = List.of(new Step(ACTIVATABLE, TO_PENDING));
    static final List<Step> ACTIVATE_WITH_PHONES = List.of(
            new Step(ACTIVATABLE, PHONES.withStatus(RecordStatus.PENDING)), new Step(ACTIVE_KEPT, PHONES));
    static final List<Step> INACTIVATE = List.of(
            new Step(INACTIVATABLE, StatusChange.none().withStatus(RecordStatus.INACTIVE)));

    /**
     * @param rule an update rule
     * @return its status changes; empty for {@code DO_NOTHING} and {@code DELETE}
     */
    static List<Step> steps(ImportRules.UpdateRule rule) {
        switch (rule) {
            case ACTIVATE:
                return ACTIVATE;
            case ACTIVATE_WITH_PHONES:
                return ACTIVATE_WITH_PHONES;
            case INACTIVATE:
                return INACTIVATE;
            default:
                return List.of();
        }
    }

    /**
     * How many times a row is read and decided again after the store said its record changed
     * between the read and the write. A dialer writes a record once per call, minutes apart, so
     * one more try almost always suffices; the bound only stops a record that never settles.
     */
    static final int RETRIES = 3;

    private final RecordStore store;
    private final ImportRules rules;
    private final Clock clock;
    private final boolean preview;
    /** A preview's effects so far, by key: the record as the preview would have left it, or empty if deleted. */
    private final Map<RecordKey, Optional<Record>> previewed = new HashMap<>();

    private RuleWriter(RecordStore store, ImportRules rules, Clock clock, boolean preview) {
        this.store = store;
        this.rules = rules;
        this.clock = clock;
        this.preview = preview;
    }

    /**
     * @param store the store
     * @param rules the rules
     * @param clock the factory's clock: each segment is written at its instant
     * @return a writer that applies the rules to the store
     */
    static RuleWriter applying(RecordStore store, ImportRules rules, Clock clock) {
        return new RuleWriter(store, rules, clock, false);
    }

    /**
     * @param store the store, only read
     * @param rules the rules
     * @param clock the factory's clock
     * @return a writer that says what the rules would do and writes nothing
     */
    static RuleWriter previewing(RecordStore store, ImportRules rules, Clock clock) {
        return new RuleWriter(store, rules, clock, true);
    }

    @Override
    public List<Written> write(List<Record> records) {
        Written[] out = new Written[records.size()];
        List<Integer> segment = new ArrayList<>();
        Set<RecordKey> keys = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            RecordKey key = RecordKey.of(records.get(i));
            if (!keys.add(key)) {
                apply(records, segment, out);
                segment.clear();
                keys.clear();
                keys.add(key);
            }
            segment.add(i);
        }
        if (!segment.isEmpty()) {
            apply(records, segment, out);
        }
        return Arrays.asList(out);
    }

    /**
     * Decides and writes one segment, rows with distinct keys; then, up to {@link #RETRIES} times,
     * the rows whose record changed under the write, read again.
     */
    private void apply(List<Record> records, List<Integer> segment, Written[] out) {
        List<Integer> rows = segment;
        for (int tries = 0; !rows.isEmpty(); tries++) {
            if (tries > RETRIES) {
                for (int i : rows) {
                    out[i] = Written.CHANGED;
                }
                return;
            }
            rows = applyOnce(records, rows, out);
        }
    }

    /**
     * Reads the stored records of the rows, decides each row and writes it.
     *
     * @return the rows whose stored record was not as read when written: to read and decide again
     */
    private List<Integer> applyOnce(List<Record> records, List<Integer> rows, Written[] out) {
        Instant at = clock.instant();
        Map<RecordKey, Record> stored = lookUp(records, rows);
        List<Integer> creates = new ArrayList<>();
        List<Integer> replaces = new ArrayList<>();
        List<Replacement> replacing = new ArrayList<>();
        for (int i : rows) {
            Record row = records.get(i);
            RecordKey key = RecordKey.of(row);
            Record s = stored.get(key);
            if (s == null) {
                if (rules.newContacts() == ImportRule.APPEND) {
                    creates.add(i);
                } else {
                    out[i] = Written.NOT_APPENDED;
                }
                continue;
            }
            switch (rules.both()) {
                case DO_NOTHING:
                    out[i] = Written.KEPT;
                    break;
                case REPLACE:
                    replaces.add(i);
                    replacing.add(Replacement.of(s, row));
                    break;
                case UPDATE:
                    if (s.status() == RecordStatus.PROCESSING) {
                        // In a call: the call's outcome would overwrite the update. A reset would
                        // change its status; otherwise it is held only if the data would change.
                        out[i] = rules.resetStatus() || update(s, row, at).isPresent() ? Written.HELD
                                : Written.KEPT;
                        break;
                    }
                    Optional<Record> merged = update(s, row, at);
                    if (merged.isEmpty()) {
                        out[i] = Written.KEPT;
                    } else {
                        replaces.add(i);
                        replacing.add(Replacement.of(s, merged.get()));
                    }
                    break;
                case ACTIVATE:
                    out[i] = change(key, s, ACTIVATE, at);
                    break;
                case ACTIVATE_WITH_PHONES:
                    out[i] = change(key, s, ACTIVATE_WITH_PHONES, at);
                    break;
                case INACTIVATE:
                    out[i] = change(key, s, INACTIVATE, at);
                    break;
                case DELETE:
                    out[i] = delete(key, at);
                    break;
                default:
                    throw new IllegalStateException("unknown merge rule " + rules.both());
            }
        }
        List<Integer> again = new ArrayList<>();
        List<Record> creating = new ArrayList<>(creates.size());
        for (int i : creates) {
            creating.add(records.get(i));
        }
        create(creating, creates, at, out, again);
        replace(replacing, replaces, at, out, again);
        return again;
    }

    /** The stored records of the segment's keys, as a preview would have left them. */
    private Map<RecordKey, Record> lookUp(List<Record> records, List<Integer> segment) {
        Map<RecordKey, Record> found = new HashMap<>();
        Map<CampaignId, RecordQuery.Builder> queries = new LinkedHashMap<>();
        for (int i : segment) {
            Record r = records.get(i);
            RecordKey key = RecordKey.of(r);
            Optional<Record> seen = previewed.get(key);
            if (seen != null) {
                seen.ifPresent(s -> found.put(key, s));
            } else {
                queries.computeIfAbsent(r.campaign(), c -> RecordQuery.newBuilder().campaign(c)).ref(r.ref());
            }
        }
        for (RecordQuery.Builder q : queries.values()) {
            try (Stream<Record> all = store.stream(q.build())) {
                all.forEach(s -> found.put(RecordKey.of(s), s));
            }
        }
        return found;
    }

    /**
     * The merge rule {@code UPDATE}: the row's data in the stored record, which keeps its state.
     *
     * @return the record to write, or empty when it would not change
     */
    private Optional<Record> update(Record stored, Record row, Instant at) {
        Record m = stored;
        for (RecordPhone p : stored.phones()) {
            m = m.withoutPhone(p.field());
        }
        for (RecordPhone p : row.phones()) {
            Optional<RecordPhone> old = stored.phone(p.field());
            if (old.isPresent() && old.get().number().equals(p.number())) {
                // The same number keeps its dialing state; its zones are the row's.
                p = new RecordPhone(p.field(), p.number(), old.get().state(), old.get().attempts(), p.zones());
            }
            m = m.withPhone(p);
        }
        m = m.withFields(row.fields()).withTimeZone(row.timeZone());
        if (rules.resetStatus() || stored.callback().isEmpty()) {
            // A callback is an agent's promise to the customer: only a reset of the status drops it.
            m = m.withScheduledFor(row.scheduledFor());
        }
        m = m.withAgent(rules.resetAgent() ? row.agent() : row.agent().or(stored::agent));
        if (rules.resetStatus() && stored.status() != RecordStatus.PROCESSING) {
            m = TO_PENDING.applyTo(m, at);
            if (m.nextDialableAt().isAfter(at)) {
                m = m.withNextDialableAt(at);
            }
        }
        if (m.withUpdatedAt(stored.updatedAt()).equals(stored)) {
            return Optional.empty();
        }
        return Optional.of(at.isAfter(m.updatedAt()) ? m.withUpdatedAt(at) : m);
    }

    /**
     * Activate or inactivate one stored record: each step on its key, the store judging its status
     * and lease. A record a dialer holds is {@code HELD} only when the rule would have changed the
     * record as it was read, so that a record with nothing to change is plainly unchanged.
     */
    private Written change(RecordKey key, Record stored, List<Step> steps, Instant at) {
        Optional<Record> after = Optional.empty();
        for (Step step : steps) {
            if (step.statuses().contains(stored.status())) {
                Record r = step.change().applyTo(stored, at);
                if (!r.equals(stored)) {
                    after = Optional.of(r);
                }
                break;
            }
        }
        if (preview) {
            if (after.isEmpty()) {
                return Written.KEPT;
            }
            if (store.lease(key, at).isPresent()) {
                return Written.HELD;
            }
            previewed.put(key, after);
            return Written.UPDATED;
        }
        boolean changed = false;
        boolean held = false;
        for (Step step : steps) {
            BulkResult r = store.changeStatus(step.query(key), step.change(), at);
            changed |= r.applied() > 0;
            held |= !r.skipped().isEmpty();
        }
        return changed ? Written.UPDATED : held && after.isPresent() ? Written.HELD : Written.KEPT;
    }

    /** Deletes one stored record, whatever its status, unless a dialer holds it. */
    private Written delete(RecordKey key, Instant at) {
        if (preview) {
            if (store.lease(key, at).isPresent()) {
                return Written.HELD;
            }
            previewed.put(key, Optional.empty());
            return Written.UPDATED;
        }
        BulkResult r = store.delete(RecordQuery.newBuilder().campaign(key.campaign()).ref(key.ref()).build(), at);
        return r.applied() > 0 ? Written.UPDATED : !r.skipped().isEmpty() ? Written.HELD : Written.KEPT;
    }

    /**
     * Creates the records of new contacts, keeping a key another writer has created since the
     * read: that row is decided again, as an existing contact. For a preview, says what it would do.
     */
    private void create(List<Record> batch, List<Integer> rows, Instant at, Written[] out, List<Integer> again) {
        if (batch.isEmpty()) {
            return;
        }
        if (preview) {
            for (int k = 0; k < batch.size(); k++) {
                out[rows.get(k)] = Written.CREATED;
                previewed.put(RecordKey.of(batch.get(k)), Optional.of(batch.get(k)));
            }
            return;
        }
        List<UpsertResult.Outcome> outcomes = store.upsert(batch, UpsertMode.KEEP_EXISTING, at).outcomes();
        if (outcomes.size() != batch.size()) {
            throw new IllegalStateException("the record store answered an upsert of " + batch.size()
                    + " records with " + outcomes.size() + " outcomes");
        }
        for (int k = 0; k < batch.size(); k++) {
            if (outcomes.get(k) == UpsertResult.Outcome.KEPT_EXISTING) {
                again.add(rows.get(k));
            } else {
                out[rows.get(k)] = Written.of(outcomes.get(k));
            }
        }
    }

    /**
     * Writes replaced and updated records, each only if the store still holds the record as read;
     * a row whose record changed is decided again. For a preview, says what it would do.
     */
    private void replace(List<Replacement> batch, List<Integer> rows, Instant at, Written[] out,
            List<Integer> again) {
        if (batch.isEmpty()) {
            return;
        }
        if (preview) {
            for (int k = 0; k < batch.size(); k++) {
                Replacement r = batch.get(k);
                if (store.lease(r.key(), at).isPresent()) {
                    out[rows.get(k)] = Written.HELD;
                } else {
                    out[rows.get(k)] = Written.UPDATED;
                    previewed.put(r.key(), Optional.of(r.updated()));
                }
            }
            return;
        }
        List<ReplaceResult.Outcome> outcomes = store.replaceIfUnchanged(batch, at).outcomes();
        if (outcomes.size() != batch.size()) {
            throw new IllegalStateException("the record store answered a replaceIfUnchanged of " + batch.size()
                    + " records with " + outcomes.size() + " outcomes");
        }
        for (int k = 0; k < batch.size(); k++) {
            switch (outcomes.get(k)) {
                case REPLACED:
                    out[rows.get(k)] = Written.UPDATED;
                    break;
                case CLAIMED:
                    out[rows.get(k)] = Written.HELD;
                    break;
                case CHANGED:
                    again.add(rows.get(k));
                    break;
                default:
                    throw new IllegalStateException("unknown replace outcome " + outcomes.get(k));
            }
        }
    }
}
