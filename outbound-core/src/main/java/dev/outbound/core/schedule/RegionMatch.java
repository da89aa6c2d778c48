package dev.outbound.core.schedule;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneNumber;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which records a {@link RegionRule} applies to: those whose field has a value
 * ({@code state=FL}), or those called on a number with a prefix ({@code +1305}).
 */
public sealed interface RegionMatch {

    /**
     * Tells whether a record's number falls under this condition.
     *
     * @param fields the record's fields as text, keyed by lower-case field name
     * @param number the number to be called
     * @return whether the condition holds
     */
    boolean matches(Map<String, String> fields, PhoneNumber number);

    /**
     * Parses {@code field=value} or {@code +digits}.
     *
     * @param text the condition
     * @return the condition
     * @throws InvalidValueException when it is neither form
     */
    static RegionMatch parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        if (t.startsWith("+")) {
            return new NumberPrefix(t.substring(1));
        }
        int eq = t.indexOf('=');
        if (eq <= 0 || eq == t.length() - 1) {
            throw new InvalidValueException("region rule condition", "field=value (e.g. state=FL) or +prefix (e.g. +1305)",
                    "'" + text + "'");
        }
        return new FieldEquals(t.substring(0, eq).strip(), t.substring(eq + 1).strip());
    }

    /**
     * The record's field {@code field} equals {@code value}, ignoring case and surrounding spaces.
     *
     * @param field the field's name, stored in lower case
     * @param value the value, stored in upper case
     */
    record FieldEquals(String field, String value) implements RegionMatch {
        /**
         * Normalises the case of both parts.
         *
         * @param field the field's name, not blank; stripped and stored in lower case
         * @param value the value, not blank; stripped and stored in upper case
         */
        public FieldEquals {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
            if (field.isBlank() || value.isBlank()) {
                throw new InvalidValueException("region rule condition", "a field name and a value", field + "=" + value);
            }
            field = field.strip().toLowerCase(Locale.ROOT);
            value = value.strip().toUpperCase(Locale.ROOT);
        }

        @Override
        public boolean matches(Map<String, String> fields, PhoneNumber number) {
            String v = fields.get(field);
            // The same normalisation as the stored value (and RegionRuleSet's index): equalsIgnoreCase
            // folds some letters differently ("ß" against "SS", "İ" against "I").
            return v != null && v.strip().toUpperCase(Locale.ROOT).equals(value);
        }

        @Override
        public String toString() {
            return field + "=" + value;
        }
    }

    /**
     * The number's E.164 form starts with {@code +} and these digits.
     *
     * @param digits 1 to 15 digits
     */
    record NumberPrefix(String digits) implements RegionMatch {
        /**
         * Validates the digits.
         *
         * @param digits 1 to 15 digits after the {@code +}, not starting with 0
         */
        public NumberPrefix {
            Objects.requireNonNull(digits, "digits");
            if (!digits.matches("[1-9][0-9]{0,14}")) {
                throw new InvalidValueException("region rule number prefix", "+ then 1 to 15 digits, not starting with 0",
                        "'+" + digits + "'");
            }
        }

        @Override
        public boolean matches(Map<String, String> fields, PhoneNumber number) {
            return number.e164().startsWith(digits, 1);
        }

        @Override
        public String toString() {
            return "+" + digits;
        }
    }
}
