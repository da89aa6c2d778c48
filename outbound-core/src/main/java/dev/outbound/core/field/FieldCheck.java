package dev.outbound.core.field;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What checking a record's input against a {@link FieldSchema} found: the values that were fine
 * and every problem, in order. Bulk import reports the problems instead of throwing.
 *
 * @param values the values that passed, in schema order, then kept unknown fields in input order
 * @param problems every problem: the schema's fields in schema order, then the input's other names
 *     in input order
 */
public record FieldCheck(CustomFields values, List<FieldProblem> problems) {

    /**
     * Checks and copies the components.
     *
     * @param values the values that passed, in schema order, then kept unknown fields in input order
     * @param problems every problem: the schema's fields in schema order, then the input's other names
     *     in input order
     */
    public FieldCheck {
        Objects.requireNonNull(values, "values");
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
    }

    /** @return whether there were no problems */
    public boolean isValid() {
        return problems.isEmpty();
    }

    /** @return the first problem, if any */
    public Optional<FieldProblem> firstProblem() {
        return problems.stream().findFirst();
    }

    /**
     * @return the values, when there were no problems
     * @throws FieldValueException for the first problem
     */
    public CustomFields orThrow() {
        if (!problems.isEmpty()) {
            throw new FieldValueException(problems.get(0));
        }
        return values;
    }
}
