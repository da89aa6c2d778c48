package dev.outbound.spi.telephony;

import dev.outbound.core.InvalidValueException;
import java.util.Objects;

/**
 * The id a telephony gives a call it places, unique among its calls.
 *
 * @param value the id, 1 to 128 characters
 */
public record CallId(String value) {
    /**
     * Checks the id.
     *
     * @param value the id
     */
    public CallId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 128) {
            throw new InvalidValueException("call id", "1 - 128 characters, not blank", value);
        }
    }

    /**
     * @param value the id
     * @return the call id
     */
    public static CallId of(String value) {
        return new CallId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
