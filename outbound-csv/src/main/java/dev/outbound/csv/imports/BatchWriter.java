package dev.outbound.csv.imports;

import dev.outbound.core.record.Record;
import dev.outbound.spi.store.RecordKey;
import dev.outbound.spi.store.RecordStore;
import dev.outbound.spi.store.UpsertMode;
import dev.outbound.spi.store.UpsertResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a batch of accepted records and says what happened to each: the store's upsert for an
 * import, look-ups only for a preview; {@link RuleWriter} for the rules that need more than one
 * upsert.
 */
interface BatchWriter {
    /** What a row's record did to the store, which decides the row's count. */
    enum Written {
        /** The key was new and the record was written: imported. */
        CREATED,
        /** The stored record was changed (replaced, updated, activated, inactivated, deleted): updated. */
        UPDATED,
        /** The stored record was left as it was, by the rule: unchanged. */
        KEPT,
        /** The rule would have changed the stored record, but a dialer holds it: unchanged, {@code RECORD_IN_CALL}. */
        HELD,
        /** The key was new and the import rule is {@code DO_NOTHING}: unchanged, {@code NOT_APPENDED}. */
        NOT_APPENDED,
        /**
         * The stored record changed between the read and the write each time the row was tried
         * ({@link RuleWriter#RETRIES} tries after the first): unchanged, {@code RECORD_CHANGED}.
         */
        CHANGED;

        /**
         * @param o an upsert's outcome
         * @return what it did
         */
        static Written of(UpsertResult.Outcome o) {
            switch (o) {
                case CREATED:
                    return CREATED;
                case REPLACED:
                    return UPDATED;
                case KEPT_EXISTING:
                    return KEPT;
                case SKIPPED_CLAIMED:
                    return HELD;
                default:
                    throw new IllegalStateException("unknown upsert outcome " + o);
            }
        }
    }

    /**
     * @param records the batch, in row order
     * @return one outcome per record, at the same index
     */
    List<Written> write(List<Record> records);

    /**
     * Writes a batch that ends at a source row: what a journalled writer records with the batch.
     *
     * @param records the batch, in row order
     * @param lastRow the source row the batch ends at
     * @return one outcome per record, at the same index
     */
    default List<Written> write(List<Record> records, long lastRow) {
        return write(records);
    }

    /**
     * @param journal the journal
     * @param jobId the job
     * @param mode what happens to a held key
     * @param clock the factory's clock: each batch is written at its instant
     * @return a writer that upserts each batch with the job's checkpoint, in one step
     */
    static BatchWriter journalled(ImportJournal journal, String jobId, UpsertMode mode, Clock clock) {
        return new BatchWriter() {
            @Override
            public List<Written> write(List<Record> records) {
                throw new IllegalStateException("a journalled batch needs the row it ends at");
            }

            @Override
            public List<Written> write(List<Record> records, long lastRow) {
                List<UpsertResult.Outcome> outcomes = journal.write(jobId, records, mode, clock.instant(), lastRow)
                        .outcomes();
                if (outcomes.size() != records.size()) {
                    throw new IllegalStateException("the import journal answered a batch of " + records.size()
                            + " records with " + outcomes.size() + " outcomes");
                }
                List<Written> out = new ArrayList<>(outcomes.size());
                for (UpsertResult.Outcome o : outcomes) {
                    out.add(Written.of(o));
                }
                return out;
            }
        };
    }

    /**
     * @param store the store
     * @param mode what happens to a held key
     * @param clock the factory's clock: each batch is written at its instant
     * @return a writer that upserts
     */
    static BatchWriter upsert(RecordStore store, UpsertMode mode, Clock clock) {
        return records -> {
            List<UpsertResult.Outcome> outcomes = store.upsert(records, mode, clock.instant()).outcomes();
            if (outcomes.size() != records.size()) {
                throw new IllegalStateException("the record store answered an upsert of " + records.size()
                        + " records with " + outcomes.size() + " outcomes");
            }
            List<Written> out = new ArrayList<>(outcomes.size());
            for (UpsertResult.Outcome o : outcomes) {
                out.add(Written.of(o));
            }
            return out;
        };
    }

    /**
     * A writer that writes nothing but says what an upsert would have done: a key is held when
     * the store has it or an earlier row of the preview would have written it; a held key under a
     * lease at the clock's instant would be skipped as claimed in {@code OVERWRITE}.
     *
     * @param store the store, only read
     * @param mode what happens to a held key
     * @param clock the factory's clock
     * @return the writer
     */
    static BatchWriter lookUp(RecordStore store, UpsertMode mode, Clock clock) {
        Set<RecordKey> written = new HashSet<>();
        return records -> {
            Instant at = clock.instant();
            List<Written> outcomes = new ArrayList<>(records.size());
            for (Record r : records) {
                RecordKey key = RecordKey.of(r);
                boolean stored = store.get(key).isPresent();
                if (!stored && !written.contains(key)) {
                    outcomes.add(Written.CREATED);
                    written.add(key);
                } else if (mode == UpsertMode.KEEP_EXISTING) {
                    outcomes.add(Written.KEPT);
                } else if (stored && store.lease(key, at).isPresent()) {
                    outcomes.add(Written.HELD);
                } else {
                    outcomes.add(Written.UPDATED);
                }
            }
            return outcomes;
        };
    }
}
