package dev.outbound.spi.store;

import java.util.List;
import java.util.Objects;

/**
 * What {@link RecordStore#replaceIfUnchanged} did with each replacement of its batch, in batch
 * order: a replacement that was not written says why, so that the writer can read again or give up.
 *
 * @param outcomes one outcome per replacement of the batch, at the same index
 */
public record ReplaceResult(List<Outcome> outcomes) {
    /** What happened to one replacement of a batch. */
    public enum Outcome {
        /** The store held the expected record and no lease held it: the updated record replaced it. */
        REPLACED,
        /**
         * The stored record is no longer equal to the expected one (another write came between the
         * read and this one), or there is no longer a record with that key: nothing was written.
         * Read the record again and decide again.
         */
        CHANGED,
        /**
         * A dialer holds the record under a lease: nothing was written, whether or not the record
         * changed, so that the call's outcome is not lost. Write again once the lease has ended.
         */
        CLAIMED
    }

    /**
     * Copies the outcomes.
     *
     * @param outcomes the outcomes
     */
    public ReplaceResult {
        outcomes = List.copyOf(Objects.requireNonNull(outcomes, "outcomes"));
    }

    /**
     * @param outcome an outcome
     * @return how many replacements of the batch had it
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
