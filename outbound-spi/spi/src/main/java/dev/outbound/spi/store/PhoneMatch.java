package dev.outbound.spi.store;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneNumber;
import java.util.Objects;

/**
 * A search on phone numbers, whole or partial (seed 003: "partial search criteria for phone
 * numbers"). It compares digits: the number's E.164 form without its {@code +}, country code
 * included, extension left out. So {@code +44 20 7946 0000} has the digits {@code 442079460000}.
 *
 * @param kind how the digits are compared
 * @param digits the digits searched for, 1 to 15 of them
 */
public record PhoneMatch(Kind kind, String digits) {
    /** How a number's digits are compared with the searched digits. */
    public enum Kind {
        /** All digits equal. */
        EXACT,
        /** The number's digits start with them (a country or area code). */
        PREFIX,
        /** The number's digits end with them (the last four digits a caller gives). */
        SUFFIX,
        /** The digits appear anywhere in the number's. */
        CONTAINS
    }

    /**
     * Checks the components.
     *
     * @param kind how the digits are compared
     * @param digits the digits searched for
     */
    public PhoneMatch {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(digits, "digits");
        if (digits.isEmpty() || digits.length() > 15 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidValueException("phone match digits", "1 to 15 digits 0-9", digits);
        }
    }

    /**
     * @param number a number
     * @return a search for exactly that number
     */
    public static PhoneMatch exact(PhoneNumber number) {
        return new PhoneMatch(Kind.EXACT, digitsOf(number));
    }

    /**
     * @param digits leading digits, country code first
     * @return a search for numbers starting with them
     */
    public static PhoneMatch prefix(String digits) {
        return new PhoneMatch(Kind.PREFIX, digits);
    }

    /**
     * @param digits trailing digits
     * @return a search for numbers ending with them
     */
    public static PhoneMatch suffix(String digits) {
        return new PhoneMatch(Kind.SUFFIX, digits);
    }

    /**
     * @param digits digits
     * @return a search for numbers containing them
     */
    public static PhoneMatch contains(String digits) {
        return new PhoneMatch(Kind.CONTAINS, digits);
    }

    /**
     * @param number a number
     * @return its digits as this class compares them: E.164 without {@code +}
     */
    public static String digitsOf(PhoneNumber number) {
        return number.e164().substring(1);
    }

    /**
     * @param number a number
     * @return whether it matches
     */
    public boolean matches(PhoneNumber number) {
        String d = digitsOf(number);
        switch (kind) {
            case EXACT:
                return d.equals(digits);
            case PREFIX:
                return d.startsWith(digits);
            case SUFFIX:
                return d.endsWith(digits);
            case CONTAINS:
                return d.contains(digits);
            default:
                throw new AssertionError(kind);
        }
    }
}
