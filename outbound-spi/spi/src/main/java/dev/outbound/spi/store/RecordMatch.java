package dev.outbound.spi.store;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordPhone;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a query's result: a record, and the number that matched when the query searched
 * phone numbers (a record with two matching numbers gives two rows, seed 003).
 *
 * @param record the record
 * @param position the matching number's position in {@link Record#phones()}; 0 when the query had
 *     no phone criterion
 * @param phone the matching number, present exactly when the query had a phone criterion
 */
public record RecordMatch(Record record, int position, Optional<RecordPhone> phone) {
    /**
     * Checks the components.
     *
     * @param record the record
     * @param position the matching number's position
     * @param phone the matching number
     */
    public RecordMatch {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(phone, "phone");
        if (position < 0 || position >= Math.max(1, record.phones().size())) {
            throw new InvalidValueException("match position", "a position in the record's phones", position);
        }
        if (phone.isPresent() && !record.phones().get(position).equals(phone.get())) {
            throw new InvalidValueException("match phone", "the record's number at position " + position, phone.get());
        }
    }

    /**
     * @param record a record matched as a whole
     * @return the row
     */
    public static RecordMatch of(Record record) {
        return new RecordMatch(record, 0, Optional.empty());
    }

    /**
     * @param record a record
     * @param position the position of its matching number
     * @return the row
     */
    public static RecordMatch ofPhone(Record record, int position) {
        return new RecordMatch(record, position, Optional.of(record.phones().get(position)));
    }

    /** @return where this row sits in query order, to continue a query after it */
    public PageCursor cursor() {
        return new PageCursor(RecordKey.of(record), position);
    }
}
