package dev.outbound.csv.imports;

import dev.outbound.core.InvalidValueException;

/**
 * What became of an import's rows, each counted exactly once:
 * {@code total = imported + updated + unchanged + duplicates + invalid}.
 *
 * @param total the data rows accounted for (every row read, unless the store refused a batch)
 * @param imported rows whose record was new to the store and was written
 * @param updated rows whose record replaced a stored one ({@link OnExisting#OVERWRITE})
 * @param unchanged rows whose key the store held and kept: {@link OnExisting#SKIP}, or a record a
 *     dialer held (with a {@code RECORD_IN_CALL} warning)
 * @param duplicates rows whose customer reference id an earlier row of the file had already taken
 * @param invalid rows that made no record, with their errors
 * @param warnings rows counted as imported, updated or unchanged that carry at least one warning
 * @param deleted records a replace deleted because the file did not name them
 * @param deleteSkipped records a replace left because a dialer held them
 */
public record ImportCounts(long total, long imported, long updated, long unchanged, long duplicates, long invalid,
        long warnings, long deleted, long deleteSkipped) {
    /** No rows. */
    public static final ImportCounts ZERO = new ImportCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * Checks that every count is 0 or more, that the rows add up, and that only rows that made a
     * record carry warnings.
     *
     * @param total rows accounted for
     * @param imported new records
     * @param updated replaced records
     * @param unchanged kept records
     * @param duplicates duplicate rows
     * @param invalid invalid rows
     * @param warnings rows with warnings
     * @param deleted records deleted by replace
     * @param deleteSkipped records replace left
     */
    public ImportCounts {
        if (total < 0 || imported < 0 || updated < 0 || unchanged < 0 || duplicates < 0 || invalid < 0
                || warnings < 0 || deleted < 0 || deleteSkipped < 0) {
            throw new InvalidValueException("import counts", "none negative", describe(total, imported, updated,
                    unchanged, duplicates, invalid, warnings));
        }
        if (total != imported + updated + unchanged + duplicates + invalid) {
            throw new InvalidValueException("import counts",
                    "total = imported + updated + unchanged + duplicates + invalid",
                    describe(total, imported, updated, unchanged, duplicates, invalid, warnings));
        }
        if (warnings > imported + updated + unchanged) {
            throw new InvalidValueException("import counts", "warnings at most imported + updated + unchanged",
                    describe(total, imported, updated, unchanged, duplicates, invalid, warnings));
        }
    }

    private static String describe(long total, long imported, long updated, long unchanged, long duplicates,
            long invalid, long warnings) {
        return total + " total, " + imported + " imported, " + updated + " updated, " + unchanged + " unchanged, "
                + duplicates + " duplicates, " + invalid + " invalid, " + warnings + " warnings";
    }

    /** @return rows that made a record and were not duplicates: imported + updated + unchanged */
    public long accepted() {
        return imported + updated + unchanged;
    }
}
