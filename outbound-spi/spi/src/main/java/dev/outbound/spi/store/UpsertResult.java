package dev.outbound.spi.store;

import java.util.List;
import java.util.Objects;

/**
 * What an upsert did with each record of its batch, in batch order: nothing is lost silently.
 *
 * @param outcomes one outcome per record of the batch, at the same index
 */
public record UpsertResult(List<Outcome> outcomes) {
    /** What happened to one record of a batch. */
    public enum Outcome {
        /** The key was new; the record was written. */
        CREATED,
        /** The key was held; the record replaced the stored one ({@link UpsertMode#OVERWRITE}). */
        REPLACED,
        /** The key was held; the stored record was kept ({@link UpsertMode#KEEP_EXISTING}). */
        KEPT_EXISTING,
        /**
         * The key was held by a record that a dialer has claimed; it was not overwritten, so that
         * the call's outcome is not lost. Upsert it again once the record is completed or released.
         */
        SKIPPED_CLAIMED
    }

    /**
     * Copies the outcomes.
     *
     * @param outcomes the outcomes
     */
    public UpsertResult {
        outcomes = List.copyOf(Objects.requireNonNull(outcomes, "outcomes"));
    }

    /**
     * @param outcome an outcome
     * @return how many records of the batch had it
     */
    public int count(Outcome outcome) {
        int n = 0;
        for (Outcome o : outcomes) {
            if (o == outcome) {
                n++;
            }
        }
        return n;
    }
}
