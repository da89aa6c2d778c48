package dev.outbound.core.record;

import dev.outbound.core.phone.PhoneField;
import java.time.Instant;
import java.util.Objects;

/**
 * One call placed to a record, as the record remembers it for the lifecycle's rolling caps and
 * quiet periods. The full history of a record's interactions lives in the host's store.
 *
 * @param at when the call was placed
 * @param field which of the record's numbers was called
 * @param result how it ended
 */
public record CallAttempt(Instant at, PhoneField field, CallResult result) {
    /**
     * Checks the components.
     *
     * @param at when the call was placed
     * @param field which of the record's numbers was called
     * @param result how it ended
     */
    public CallAttempt {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(result, "result");
    }
}
