package dev.outbound.spi.store;

import dev.outbound.core.InvalidValueException;
import java.util.List;
import java.util.Objects;

/**
 * What a bulk operation (delete, status change) did: how many records matched, how many it
 * changed, and each record it left alone and why.
 *
 * @param matched how many records matched the query
 * @param applied how many of them the operation changed or deleted
 * @param skipped the records it left alone, in key order
 */
public record BulkResult(long matched, long applied, List<Skipped> skipped) {
    /** Why a bulk operation left a matching record alone. */
    public enum Reason {
        /** A dialer holds the record's lease: its call's outcome must not be overwritten. */
        CLAIMED,
        /** The record is in a call ({@code PROCESSING}) and the change sets a status (seed 003). */
        IN_CALL
    }

    /**
     * A record a bulk operation left alone.
     *
     * @param key the record's key
     * @param reason why
     */
    public record Skipped(RecordKey key, Reason reason) {
        /**
         * Checks the components.
         *
         * @param key the record's key
         * @param reason why
         */
        public Skipped {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Checks the counts and copies the list.
     *
     * @param matched how many records matched
     * @param applied how many were changed
     * @param skipped the records left alone
     */
    public BulkResult {
        skipped = List.copyOf(Objects.requireNonNull(skipped, "skipped"));
        if (applied < 0 || matched < 0 || applied + skipped.size() > matched) {
            throw new InvalidValueException("bulk result", "applied + skipped <= matched, none negative",
                    matched + " matched, " + applied + " applied, " + skipped.size() + " skipped");
        }
    }
}
