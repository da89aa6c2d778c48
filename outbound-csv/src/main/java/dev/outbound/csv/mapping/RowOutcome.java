package dev.outbound.csv.mapping;

import dev.outbound.core.record.Record;
import dev.outbound.csv.RowProblem;
import dev.outbound.csv.read.SourceRow;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a row became: a record (perhaps with warnings), or nothing, with the reasons. */
public sealed interface RowOutcome {
    /** @return the row as read */
    SourceRow source();

    /** @return the row's customer reference id as written (trimmed), if it had one */
    Optional<String> ref();

    /**
     * The row made a record.
     *
     * @param source the row as read
     * @param record the record
     * @param warnings what was changed or dropped on the way (a truncated value, an invalid second number)
     */
    record Mapped(SourceRow source, Record record, List<RowProblem> warnings) implements RowOutcome {
        /**
         * Checks and copies the components.
         *
         * @param source the row
         * @param record the record
         * @param warnings the warnings
         */
        public Mapped {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(record, "record");
            warnings = List.copyOf(warnings);
        }

        @Override
        public Optional<String> ref() {
            return Optional.of(record.ref().value());
        }
    }

    /**
     * The row made no record.
     *
     * @param source the row as read
     * @param ref its customer reference id, if it had a usable one
     * @param problems every reason, errors and warnings alike; at least one error
     */
    record Invalid(SourceRow source, Optional<String> ref, List<RowProblem> problems) implements RowOutcome {
        /**
         * Checks and copies the components.
         *
         * @param source the row
         * @param ref its reference id
         * @param problems the reasons
         */
        public Invalid {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(ref, "ref");
            problems = List.copyOf(problems);
            if (problems.stream().noneMatch(RowProblem::isError)) {
                throw new IllegalArgumentException("an invalid row needs at least one error: " + problems);
            }
        }
    }
}
