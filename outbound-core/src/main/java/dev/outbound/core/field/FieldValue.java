package dev.outbound.core.field;

import dev.outbound.core.InvalidValueException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The typed value of a custom field. Each value knows its {@link FieldType} and has one canonical
 * text ({@link #asText()}, ISO formats) that parses back to an equal value, so values can be
 * matched and stored as text without loss.
 */
public sealed interface FieldValue {

    /** @return the type of field this value belongs to */
    FieldType type();

    /** @return the canonical text of the value; parsing it for a field of {@link #type()} gives this value back */
    String asText();

    /**
     * @param value the text; not blank
     * @return a text value
     */
    static Text text(String value) {
        return new Text(value);
    }

    /**
     * @param value the number
     * @return an integer value
     */
    static IntegerValue integer(long value) {
        return new IntegerValue(value);
    }

    /**
     * @param value the number; its trailing zeros are dropped
     * @return a decimal value
     */
    static DecimalValue decimal(BigDecimal value) {
        return new DecimalValue(value);
    }

    /**
     * @param value the date; year 0 to 9999
     * @return a date value
     */
    static DateValue date(LocalDate value) {
        return new DateValue(value);
    }

    /**
     * @param value the local date-time; year 0 to 9999; cut to the second
     * @return a date-time value
     */
    static DateTimeValue dateTime(LocalDateTime value) {
        return new DateTimeValue(value);
    }

    /**
     * @param value the truth value
     * @return a boolean value
     */
    static BooleanValue bool(boolean value) {
        return new BooleanValue(value);
    }

    /**
     * @param value the chosen value, spelled as its definition allows it
     * @return a choice value
     */
    static Choice choice(String value) {
        return new Choice(value);
    }

    /**
     * Free text. Blank text means "no value", so a text value is never blank; its spacing and line
     * breaks are kept as given.
     *
     * @param value the text
     */
    @SuppressWarnings("exports") // optional constraint metadata; see FieldDefinition
    record Text(@NotNull @NotBlank String value) implements FieldValue {
        /**
         * Refuses blank text.
         *
         * @param value the text; not blank
         */
        public Text {
            Objects.requireNonNull(value, "value");
            if (value.isBlank()) {
                throw new InvalidValueException("text value", "not blank (blank means no value)", "'" + value + "'");
            }
        }

        @Override
        public FieldType type() {
            return FieldType.TEXT;
        }

        @Override
        public String asText() {
            return value;
        }
    }

    /**
     * A whole number.
     *
     * @param value the number
     */
    record IntegerValue(long value) implements FieldValue {
        @Override
        public FieldType type() {
            return FieldType.INTEGER;
        }

        @Override
        public String asText() {
            return Long.toString(value);
        }
    }

    /**
     * A decimal number, kept without trailing zeros ({@code 1.50} is {@code 1.5}, {@code 1E+2} is
     * {@code 100}) so that equal numbers are equal values and have one text.
     *
     * @param value the number, normalised
     */
    record DecimalValue(BigDecimal value) implements FieldValue {
        /**
         * Normalises the number: no trailing zeros, scale never negative.
         *
         * @param value the number; trailing zeros are dropped
         */
        public DecimalValue {
            Objects.requireNonNull(value, "value");
            value = value.stripTrailingZeros();
            if (value.scale() < 0) {
                value = value.setScale(0);
            }
        }

        @Override
        public FieldType type() {
            return FieldType.DECIMAL;
        }

        /** @return the number written plain, never in exponent form ({@code -12.5}, {@code 1000}) */
        @Override
        public String asText() {
            return value.toPlainString();
        }
    }

    /**
     * A calendar date. The year has four digits, as the text form {@code yyyy-MM-dd} needs.
     *
     * @param value the date
     */
    record DateValue(LocalDate value) implements FieldValue {
        /**
         * Refuses years outside 0 to 9999.
         *
         * @param value the date; year 0 to 9999
         */
        public DateValue {
            Objects.requireNonNull(value, "value");
            if (value.getYear() < 0 || value.getYear() > 9999) {
                throw new InvalidValueException("date value", "year between 0 and 9999", value);
            }
        }

        @Override
        public FieldType type() {
            return FieldType.DATE;
        }

        /** @return the date as {@code yyyy-MM-dd} */
        @Override
        public String asText() {
            return DateTimeFormatter.ISO_LOCAL_DATE.format(value);
        }
    }

    /**
     * A local date and time, to the second: the wall-clock time as written, with no zone (which
     * zone it is read in is decided where the record's zone is known).
     *
     * @param value the date-time, without fractions of a second
     */
    record DateTimeValue(LocalDateTime value) implements FieldValue {
        private static final DateTimeFormatter CANONICAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

        /**
         * Refuses years outside 0 to 9999 and drops fractions of a second, which the text form cannot carry.
         *
         * @param value the date-time; year 0 to 9999, fractions of a second are dropped
         */
        public DateTimeValue {
            Objects.requireNonNull(value, "value");
            if (value.getYear() < 0 || value.getYear() > 9999) {
                throw new InvalidValueException("date-time value", "year between 0 and 9999", value);
            }
            value = value.truncatedTo(ChronoUnit.SECONDS);
        }

        @Override
        public FieldType type() {
            return FieldType.DATE_TIME;
        }

        /** @return the date-time as {@code yyyy-MM-dd'T'HH:mm:ss}, seconds always written */
        @Override
        public String asText() {
            return CANONICAL.format(value);
        }
    }

    /**
     * Yes or no.
     *
     * @param value the truth value
     */
    record BooleanValue(boolean value) implements FieldValue {
        @Override
        public FieldType type() {
            return FieldType.BOOLEAN;
        }

        /** @return {@code true} or {@code false} */
        @Override
        public String asText() {
            return Boolean.toString(value);
        }
    }

    /**
     * One of the values a choice field allows, spelled as the definition spells it. Whether it is
     * allowed is a matter of the definition: see {@link FieldDefinition#validate(FieldValue)}.
     *
     * @param value the chosen value; not blank, no surrounding spaces
     */
    @SuppressWarnings("exports") // optional constraint metadata; see FieldDefinition
    record Choice(@NotNull @NotBlank String value) implements FieldValue {
        /**
         * Refuses blank values and values with surrounding spaces, which no definition allows.
         *
         * @param value the chosen value; not blank, no surrounding spaces
         */
        public Choice {
            Objects.requireNonNull(value, "value");
            if (value.isBlank() || !value.strip().equals(value)) {
                throw new InvalidValueException("choice value", "not blank, no surrounding spaces", "'" + value + "'");
            }
        }

        @Override
        public FieldType type() {
            return FieldType.CHOICE;
        }

        @Override
        public String asText() {
            return value;
        }
    }
}
