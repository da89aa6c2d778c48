package dev.outbound.spi.store;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.record.Record;
import java.util.Objects;

/**
 * A record a claim returned, with the lease that holds it.
 *
 * @param record the record as stored when claimed
 * @param lease the lease on it
 */
public record Claim(Record record, Lease lease) {
    /**
     * Checks that the lease is on the record.
     *
     * @param record the record
     * @param lease the lease
     */
    public Claim {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(lease, "lease");
        if (!lease.key().equals(RecordKey.of(record))) {
            throw new InvalidValueException("claim lease", "a lease on " + RecordKey.of(record), lease.key());
        }
    }
}
