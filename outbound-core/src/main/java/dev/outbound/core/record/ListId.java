package dev.outbound.core.record;

import dev.outbound.core.InvalidValueException;
import java.util.Objects;

/**
 * Names a list of records within a campaign (seed 001's databases, seed 004's lead lists): lists
 * are switched on and off for dialing and can be weighted.
 *
 * @param value 1 to 64 of letters, digits, {@code .}, {@code _}, {@code -} and spaces
 */
public record ListId(String value) {
    /** The list a record belongs to when none is named. */
    public static final ListId DEFAULT = new ListId("default");

    /**
     * Validates the value.
     *
     * @param value 1 to 64 of letters, digits, {@code .}, {@code _}, {@code -} and spaces
     */
    public ListId {
        Objects.requireNonNull(value, "value");
        if (!value.matches("[A-Za-z0-9._-][A-Za-z0-9._ -]{0,63}") || !value.equals(value.strip())) {
            throw new InvalidValueException("list", "1 to 64 of A-Z a-z 0-9 . _ - and inner spaces", "'" + value + "'");
        }
    }

    /**
     * @param value the list's name
     * @return the list id
     */
    public static ListId of(String value) {
        return new ListId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
