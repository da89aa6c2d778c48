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
 * import, look-ups only for a preview.
 */
interface BatchWriter {
    /**
     * @param records the batch, in row order
     * @return one outcome per record, at the same index
     */
    List<UpsertResult.Outcome> write(List<Record> records);

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
            return outcomes;
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
            List<UpsertResult.Outcome> outcomes = new ArrayList<>(records.size());
            for (Record r : records) {
                RecordKey key = RecordKey.of(r);
                boolean stored = store.get(key).isPresent();
                if (!stored && !written.contains(key)) {
                    outcomes.add(UpsertResult.Outcome.CREATED);
                    written.add(key);
                } else if (mode == UpsertMode.KEEP_EXISTING) {
                    outcomes.add(UpsertResult.Outcome.KEPT_EXISTING);
                } else if (stored && store.lease(key, at).isPresent()) {
                    outcomes.add(UpsertResult.Outcome.SKIPPED_CLAIMED);
                } else {
                    outcomes.add(UpsertResult.Outcome.REPLACED);
                }
            }
            return outcomes;
        };
    }
}
