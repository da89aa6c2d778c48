package dev.outbound.core.record;

import dev.outbound.core.InvalidValueException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Objects;

/**
 * The customer reference id: a record's key, unique within its campaign (seed 000's
 * {@code customer_reference_id}, seed 004's customer key). Imports update records by it.
 *
 * @param value the id as the source system wrote it, without surrounding spaces; 1 to 128
 *     characters, no control characters
 */
public record CustomerRef(@NotBlank @Size(max = 128) String value) implements Comparable<CustomerRef> {
    /** The longest id accepted. */
    public static final int MAX_LENGTH = 128;

    /**
     * Validates the value.
     *
     * @param value the id as the source system wrote it, without surrounding spaces; 1 to 128
     *     characters, no control characters
     */
    public CustomerRef {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > MAX_LENGTH || !value.equals(value.strip()) || hasControl(value)) {
            throw new InvalidValueException("customer_reference_id",
                    "1 to " + MAX_LENGTH + " characters, no surrounding spaces or control characters", "'" + value + "'");
        }
    }

    /** A loop rather than a stream: every record built or read makes a reference. */
    private static boolean hasControl(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param value the id; surrounding spaces are removed
     * @return the reference
     */
    public static CustomerRef of(String value) {
        Objects.requireNonNull(value, "value");
        return new CustomerRef(value.strip());
    }

    @Override
    public int compareTo(CustomerRef o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
