package dev.outbound.core.lifecycle;

import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordPhone;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * PLACEHOLDER, replaced by the dialable-rule work: the answer to "is this record dialable now,
 * and if not, why and when?".
 *
 * @param record the record
 * @param at the instant checked
 * @param reasons every reason the record is not dialable; empty when it is
 * @param number the number to call now, when dialable
 * @param next when it next will be dialable
 */
public record DialCheck(Record record, Instant at, List<DialReason> reasons, Optional<RecordPhone> number,
        Optional<Instant> next) {
    /** @return whether the record may be dialled now */
    public boolean isDialable() {
        return reasons.isEmpty();
    }
}
