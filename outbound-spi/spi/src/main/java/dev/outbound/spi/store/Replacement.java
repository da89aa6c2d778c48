package dev.outbound.spi.store;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.record.Record;
import java.util.Objects;

/**
 * One conditional write of {@link RecordStore#replaceIfUnchanged}: replace the stored record with
 * {@code updated}, but only if the store still holds {@code expected}, the record as the writer
 * read it. Both have the same key.
 *
 * @param expected the record as the writer read it: the store must hold a record equal to it
 * @param updated the record to write in its place, with the same key
 */
public record Replacement(Record expected, Record updated) {
    /**
     * Checks that both records are given and have one key.
     *
     * @param expected the record as read
     * @param updated the record to write
     * @throws InvalidValueException if the two records have different keys
     */
    public Replacement {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(updated, "updated");
        RecordKey key = RecordKey.of(expected);
        if (!RecordKey.of(updated).equals(key)) {
            throw new InvalidValueException("replacement's updated record", "the key of the expected record, " + key,
                    RecordKey.of(updated));
        }
    }

    /**
     * @param expected the record as read
     * @param updated the record to write
     * @return the replacement
     */
    public static Replacement of(Record expected, Record updated) {
        return new Replacement(expected, updated);
    }

    /** @return the key of both records */
    public RecordKey key() {
        return RecordKey.of(expected);
    }
}
