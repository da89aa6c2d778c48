package dev.outbound.core.record;

import dev.outbound.core.OutboundException;
import java.util.List;
import java.util.stream.Collectors;

/** A record could not be made; {@link #problems()} lists every reason, not just the first. */
public final class InvalidRecordException extends OutboundException {
    private static final long serialVersionUID = 1L;

    /** The customer reference id of the refused input, as given. */
    private final String ref;
    /** Every reason; not transient, so that a deserialized exception still lists them. */
    private final List<RecordProblem> problems;

    /**
     * @param ref the customer reference id as given
     * @param problems every problem found; not empty
     */
    public InvalidRecordException(String ref, List<RecordProblem> problems) {
        super("Record '" + ref + "' is invalid: "
                + problems.stream().map(RecordProblem::message).collect(Collectors.joining("; ")));
        this.ref = ref;
        this.problems = List.copyOf(problems);
    }

    /** @return the customer reference id as given */
    public String ref() {
        return ref;
    }

    /** @return every problem found */
    public List<RecordProblem> problems() {
        return problems;
    }
}
