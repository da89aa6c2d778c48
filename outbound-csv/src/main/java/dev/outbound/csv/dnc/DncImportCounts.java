package dev.outbound.csv.dnc;

import dev.outbound.core.InvalidValueException;

/**
 * What became of a Do-Not-Call file's rows, each counted exactly once:
 * {@code total = added + updated + unchanged + duplicates + expired + invalid}. A row that gives
 * several entries (several number columns, or a number and a customer reference) is counted once,
 * by the rule in {@link DncImport}; {@code entries} counts the entries themselves.
 *
 * @param total the data rows read
 * @param added rows that gave at least one entry the list did not hold
 * @param updated rows not counted as added that changed at least one held entry's source, reason
 *     or expiry
 * @param unchanged rows whose every new entry the list already held exactly (already listed)
 * @param duplicates rows whose every key an earlier row of the file (or an earlier column of the
 *     same row) had already given
 * @param expired rows whose expiry had passed at the import's time: readable, but not listed
 * @param invalid rows refused with at least one error: no key that could be read, a broken row,
 *     an unreadable expiry or region
 * @param warnings rows counted as added, updated or unchanged that carry at least one warning
 * @param entries the distinct entries the accepted rows gave: the entries the file put in the list
 *     or found there
 * @param removed with replace, the entries the list held before that the file did not give, and
 *     that left the list; otherwise 0
 */
public record DncImportCounts(long total, long added, long updated, long unchanged, long duplicates, long expired,
        long invalid, long warnings, long entries, long removed) {
    /** No rows. */
    public static final DncImportCounts ZERO = new DncImportCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * Checks that no count is negative, that the rows add up, that only accepted rows carry
     * warnings, and that every accepted row gave an entry.
     *
     * @param total rows read
     * @param added rows with a new entry
     * @param updated rows that changed held entries
     * @param unchanged rows already listed
     * @param duplicates duplicate rows
     * @param expired expired rows
     * @param invalid invalid rows
     * @param warnings accepted rows with warnings
     * @param entries distinct entries given
     * @param removed entries a replace removed
     */
    public DncImportCounts {
        if (total < 0 || added < 0 || updated < 0 || unchanged < 0 || duplicates < 0 || expired < 0 || invalid < 0
                || warnings < 0 || entries < 0 || removed < 0) {
            throw new InvalidValueException("Do-Not-Call import counts", "none negative", describe(total, added,
                    updated, unchanged, duplicates, expired, invalid, warnings, entries));
        }
        if (total != added + updated + unchanged + duplicates + expired + invalid) {
            throw new InvalidValueException("Do-Not-Call import counts",
                    "total = added + updated + unchanged + duplicates + expired + invalid",
                    describe(total, added, updated, unchanged, duplicates, expired, invalid, warnings, entries));
        }
        if (warnings > added + updated + unchanged || entries < added + updated + unchanged) {
            throw new InvalidValueException("Do-Not-Call import counts",
                    "warnings at most, and entries at least, added + updated + unchanged",
                    describe(total, added, updated, unchanged, duplicates, expired, invalid, warnings, entries));
        }
    }

    private static String describe(long total, long added, long updated, long unchanged, long duplicates,
            long expired, long invalid, long warnings, long entries) {
        return total + " total, " + added + " added, " + updated + " updated, " + unchanged + " unchanged, "
                + duplicates + " duplicates, " + expired + " expired, " + invalid + " invalid, " + warnings
                + " warnings, " + entries + " entries";
    }

    /** @return rows that gave entries: added + updated + unchanged */
    public long accepted() {
        return added + updated + unchanged;
    }
}
