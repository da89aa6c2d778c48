package dev.outbound.core.phone;

import dev.outbound.core.InvalidValueException;
import java.util.Locale;
import java.util.Objects;

/**
 * The type of a record's phone number: {@link #PRIMARY}, {@link #HOME}, {@link #MOBILE},
 * {@link #WORK}, or a field the campaign defines. A field decides when its numbers may be called
 * (a campaign can give each field its own calling window) and in which order a record's numbers
 * are tried.
 *
 * @param name the field's name: lower case letters, digits, {@code _} and {@code -}, starting with
 *     a letter, at most 64 characters
 */
public record PhoneField(String name) implements Comparable<PhoneField> {
    /** The record's main number. */
    public static final PhoneField PRIMARY = new PhoneField("primary");
    /** A home (landline) number. */
    public static final PhoneField HOME = new PhoneField("home");
    /** A mobile number. */
    public static final PhoneField MOBILE = new PhoneField("mobile");
    /** A work number. */
    public static final PhoneField WORK = new PhoneField("work");

    /**
     * Validates the name.
     *
     * @param name the field's name: lower case letters, digits, {@code _} and {@code -}, starting with
     *     a letter, at most 64 characters
     */
    public PhoneField {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z][a-z0-9_-]{0,63}")) {
            throw new InvalidValueException("phone field",
                    "lower case letter, then up to 63 of a-z 0-9 _ -", "'" + name + "'");
        }
    }

    /**
     * Returns the field of that name, ignoring case and surrounding spaces.
     *
     * @param name the field's name ({@code "Mobile"}, {@code "work"}, {@code "second_mobile"})
     * @return the field
     */
    public static PhoneField of(String name) {
        Objects.requireNonNull(name, "name");
        return new PhoneField(name.trim().toLowerCase(Locale.ROOT));
    }

    @Override
    public int compareTo(PhoneField other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
