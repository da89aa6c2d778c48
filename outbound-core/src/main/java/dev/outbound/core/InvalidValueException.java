package dev.outbound.core;

import java.util.Objects;

/**
 * A value was refused because it breaks a rule. The message always has the form
 * {@code Invalid value for <field> (<rule>): <value>}, and the parts are available separately so
 * that an importer can report them per row and column.
 */
public class InvalidValueException extends OutboundException {
    private static final long serialVersionUID = 1L;

    /** The field or input that was wrong. */
    private final String field;
    /** The rule it broke. */
    private final String rule;
    /** The value given, as text. */
    private final String value;

    /**
     * Creates the exception.
     *
     * @param field the name of the field or setting that was given the value
     * @param rule what was expected, in words ({@code "valid values 0 - 100"})
     * @param value the value that was found, as given (may be {@code "null"})
     */
    public InvalidValueException(String field, String rule, Object value) {
        super("Invalid value for " + field + " (" + rule + "): " + value);
        this.field = Objects.requireNonNull(field, "field");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.value = String.valueOf(value);
    }

    /** @return the name of the field or setting that was given the bad value */
    public String field() {
        return field;
    }

    /** @return the rule the value broke, in words */
    public String rule() {
        return rule;
    }

    /** @return the refused value, as given */
    public String value() {
        return value;
    }
}
