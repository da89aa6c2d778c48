package dev.outbound.core.field;

import java.io.Serializable;
import java.util.Objects;

/**
 * Why one input value for a custom field was refused: the evidence an importer reports per row and
 * column instead of throwing.
 *
 * @param field the field's name, as the input gave it
 * @param rule what was expected, in words ({@code "at most 20 characters"})
 * @param value the refused input, as given (the empty string for a missing value)
 * @param kind the reason, as a value a program can switch on
 * @serial exclude
 */
// Serializable because FieldValueException, which is, carries it. Left out of the serialized-form
// page: the form is no published format, and JDK 17 javadoc cannot document record components there.
public record FieldProblem(String field, String rule, String value, Kind kind) implements Serializable {

    /** The reasons a value can be refused. */
    public enum Kind {
        /** A required field has no value, or only blank text. */
        MISSING_REQUIRED,
        /** The text is not a value of the field's type (not a number, not a date, ...). */
        WRONG_TYPE,
        /** The text has more characters than the field's size. */
        TOO_LONG,
        /** The text is none of the values the choice field allows. */
        NOT_ALLOWED_CHOICE,
        /** The schema has no such field and unknown fields are refused (or the name is blank). */
        UNKNOWN_FIELD,
        /** The same field was given twice, under names that differ only in case. */
        DUPLICATE_FIELD
    }

    /**
     * Checks the components.
     *
     * @param field the field's name, as the input gave it
     * @param rule what was expected, in words ({@code "at most 20 characters"})
     * @param value the refused input, as given (the empty string for a missing value)
     * @param kind the reason, as a value a program can switch on
     */
    public FieldProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * @return one sentence naming field, rule and value, the same as the message of the
     *     {@link FieldValueException} for this problem
     */
    public String message() {
        return "Invalid value for " + FieldValueException.describeField(field) + " (" + rule + "): "
                + FieldValueException.quote(value);
    }
}
