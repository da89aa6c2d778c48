package dev.outbound.csv.imports;

import dev.outbound.core.InvalidValueException;

/**
 * What became of an import's rows, each counted exactly once:
 * {@code total = imported + updated + unchanged + duplicates + invalid}; and, apart from the rows,
 * what the {@linkplain ImportRules#storeOnly() update rule} did to the campaign's records the file
 * did not name.
 *
 * @param total the data rows accounted for (every row read, unless the store refused a batch)
 * @param imported rows whose record was new to the store and was written
 * @param updated rows whose stored record the {@linkplain ImportRules#both() merge rule} changed:
 *     replaced ({@link OnExisting#OVERWRITE}), updated, activated, inactivated or deleted
 * @param unchanged rows that left the store as it was: the stored record kept ({@link OnExisting#SKIP},
 *     a merge rule with nothing to change, a record a dialer held, with a {@code RECORD_IN_CALL}
 *     warning, or one that kept changing under the write, with {@code RECORD_CHANGED}), or a new
 *     contact not appended (with a {@code NOT_APPENDED} warning)
 * @param duplicates rows whose customer reference id an earlier row of the file had already taken
 * @param invalid rows that made no record, with their errors
 * @param warnings rows counted as imported, updated or unchanged that carry at least one warning
 * @param deleted store-only records deleted (update rule {@code DELETE}, or replace)
 * @param deleteSkipped store-only records the delete left because a dialer held them
 * @param storeOnlyActivated store-only records the update rule {@code ACTIVATE} or
 *     {@code ACTIVATE_WITH_PHONES} changed
 * @param storeOnlyInactivated store-only records the update rule {@code INACTIVATE} changed
 * @param storeOnlySkipped store-only records in a status an activate or inactivate applies to, left
 *     because a dialer held them
 */
public record ImportCounts(long total, long imported, long updated, long unchanged, long duplicates, long invalid,
        long warnings, long deleted, long deleteSkipped, long storeOnlyActivated, long storeOnlyInactivated,
        long storeOnlySkipped) {
    /** No rows. */
    public static final ImportCounts ZERO = new ImportCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * Checks that every count is 0 or more, that the rows add up, and that only rows that made a
     * record carry warnings.
     *
     * @param total rows accounted for
     * @param imported new records
     * @param updated changed stored records
     * @param unchanged rows that changed nothing
     * @param duplicates duplicate rows
     * @param invalid invalid rows
     * @param warnings rows with warnings
     * @param deleted store-only records deleted
     * @param deleteSkipped store-only records the delete left
     * @param storeOnlyActivated store-only records activated
     * @param storeOnlyInactivated store-only records inactivated
     * @param storeOnlySkipped store-only records an activate or inactivate left
     */
    public ImportCounts {
        if (total < 0 || imported < 0 || updated < 0 || unchanged < 0 || duplicates < 0 || invalid < 0
                || warnings < 0 || deleted < 0 || deleteSkipped < 0 || storeOnlyActivated < 0
                || storeOnlyInactivated < 0 || storeOnlySkipped < 0) {
            throw new InvalidValueException("import counts", "none negative", describe(total, imported, updated,
                    unchanged, duplicates, invalid, warnings) + ", " + deleted + " deleted, " + deleteSkipped
                    + " delete skipped, " + storeOnlyActivated + " activated, " + storeOnlyInactivated
                    + " inactivated, " + storeOnlySkipped + " store-only skipped");
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

    /**
     * The counts of an import whose update rule activated and inactivated nothing (as before the
     * update rules had more than delete).
     *
     * @param total rows accounted for
     * @param imported new records
     * @param updated changed stored records
     * @param unchanged rows that changed nothing
     * @param duplicates duplicate rows
     * @param invalid invalid rows
     * @param warnings rows with warnings
     * @param deleted store-only records deleted
     * @param deleteSkipped store-only records the delete left
     */
    public ImportCounts(long total, long imported, long updated, long unchanged, long duplicates, long invalid,
            long warnings, long deleted, long deleteSkipped) {
        this(total, imported, updated, unchanged, duplicates, invalid, warnings, deleted, deleteSkipped, 0, 0, 0);
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
