package dev.outbound.core.field;

import dev.outbound.core.InvalidValueException;
import java.util.Objects;

/**
 * A custom field value was refused. The message reads
 * {@code Invalid value for custom field 'age' (integer between ...): 'forty'}; {@link #field()} and
 * {@link #value()} give the bare field name and input ({@code age}, {@code forty}), and
 * {@link #problem()} the whole evidence.
 */
public final class FieldValueException extends InvalidValueException {
    private static final long serialVersionUID = 1L;

    /** The whole evidence: field, rule, value and kind. */
    private final FieldProblem problem;

    /**
     * Creates the exception for a problem.
     *
     * @param problem what was refused, and why
     */
    public FieldValueException(FieldProblem problem) {
        super(describeField(Objects.requireNonNull(problem, "problem").field()), problem.rule(), quote(problem.value()));
        this.problem = problem;
    }

    /** @return the evidence: field, rule, value and kind */
    public FieldProblem problem() {
        return problem;
    }

    /** @return the reason, as a value a program can switch on */
    public FieldProblem.Kind kind() {
        return problem.kind();
    }

    /** @return the bare name of the custom field ({@code age}), without the decoration the message gives it */
    @Override
    public String field() {
        return problem.field();
    }

    /** @return the refused input as given, without the quotes the message puts around it */
    @Override
    public String value() {
        return problem.value();
    }

    static String describeField(String name) {
        return "custom field '" + name + "'";
    }

    static String quote(String value) {
        return "'" + value + "'";
    }
}
