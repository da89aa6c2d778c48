package dev.outbound.core.lifecycle;

import dev.outbound.core.OutboundException;
import dev.outbound.core.record.CustomerRef;
import java.util.List;
import java.util.Objects;

/**
 * An agent's disposition, or a correction of a record's wrap code, was refused because it breaks
 * the campaign's {@link DispositionRules}; nothing was changed. The message names the record and
 * every problem, each missing field by name:
 * {@code disposition of record C-1 refused: field 'email' is required by wrap code 'Sale'; ...}.
 */
public class DispositionRefusedException extends OutboundException {
    private static final long serialVersionUID = 1L;

    /** The record whose disposition was refused. */
    private final transient CustomerRef record;
    /** Every problem, in the order they were found. */
    private final transient List<DispositionProblem> problems;

    /**
     * Creates the exception.
     *
     * @param record the record
     * @param problems every problem found; at least one
     */
    public DispositionRefusedException(CustomerRef record, List<DispositionProblem> problems) {
        super(message(record, problems));
        this.record = record;
        this.problems = List.copyOf(problems);
    }

    private static String message(CustomerRef record, List<DispositionProblem> problems) {
        Objects.requireNonNull(record, "record");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs at least one problem");
        }
        StringBuilder b = new StringBuilder("disposition of record ").append(record).append(" refused: ");
        for (int i = 0; i < problems.size(); i++) {
            b.append(i == 0 ? "" : "; ").append(problems.get(i).message());
        }
        return b.toString();
    }

    /** @return the record whose disposition was refused */
    public CustomerRef record() {
        return record;
    }

    /** @return every problem, in the order they were found */
    public List<DispositionProblem> problems() {
        return problems;
    }

    /** @return the names of the required fields that had no value, in the wrap code's order */
    public List<String> missingFields() {
        return problems.stream().filter(p -> p.kind() == DispositionProblem.Kind.FIELD_REQUIRED)
                .map(DispositionProblem::subject).toList();
    }
}
