package dev.outbound.csv.imports;

import dev.outbound.spi.store.UpsertMode;

/**
 * What an import does with a row whose customer reference id the store already holds (seed 000:
 * "skip the duplicates in your file, keeping the records in the table" or "overwrite the
 * duplicates in the table with the records in your file"): the shorthand for the merge rules
 * {@link ImportRules.MergeRule#DO_NOTHING} and {@link ImportRules.MergeRule#REPLACE}, which
 * {@link ImportRules} completes with seed 003's other merge rules.
 */
public enum OnExisting {
    /** Keep the stored record; the row counts as unchanged. */
    SKIP(UpsertMode.KEEP_EXISTING),
    /**
     * Replace the stored record with the row's; the row counts as updated, or as unchanged with
     * a {@code RECORD_IN_CALL} warning when a dialer holds the record.
     */
    OVERWRITE(UpsertMode.OVERWRITE);

    private final UpsertMode mode;

    OnExisting(UpsertMode mode) {
        this.mode = mode;
    }

    /** @return the store's upsert mode for this choice */
    public UpsertMode upsertMode() {
        return mode;
    }
}
