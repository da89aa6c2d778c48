package dev.outbound.core.record;

import java.io.Serializable;
import java.util.Objects;

/**
 * Something wrong with the input for a record: which field, what was expected, what was found.
 * An importer reports these per row; {@link InvalidRecordException} carries them when thrown.
 *
 * @param field the field or column ({@code phone mobile}, {@code agent}, {@code local_time_zone})
 * @param rule what was expected, in words
 * @param value what was found, as given
 * @serial exclude
 */
// Serializable because InvalidRecordException, which is, carries it. Left out of the serialized-form
// page: the form is no published format, and JDK 17 javadoc cannot document record components there.
public record RecordProblem(String field, String rule, String value) implements Serializable {
    /**
     * Checks the components.
     *
     * @param field the field or column ({@code phone mobile}, {@code agent}, {@code local_time_zone})
     * @param rule what was expected, in words
     * @param value what was found, as given
     */
    public RecordProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(value, "value");
    }

    /** @return {@code Invalid value for <field> (<rule>): <value>} */
    public String message() {
        return "Invalid value for " + field + " (" + rule + "): " + value;
    }
}
