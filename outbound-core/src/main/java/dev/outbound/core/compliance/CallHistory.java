package dev.outbound.core.compliance;

import dev.outbound.core.record.Record;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The calls already placed to a record, for the caps of region rules ("at most 3 calls per
 * 24 h"). A host application answers it from its store; the SDK only asks for the recent ones.
 */
@FunctionalInterface
public interface CallHistory {

    /**
     * The instants at which calls were placed to the record, on any of its numbers, at or after
     * {@code since}, in ascending order.
     *
     * @param record the record
     * @param since the earliest instant of interest
     * @return the instants, ascending
     */
    List<Instant> callsSince(Record record, Instant since);

    /** @return a history in which no call was ever placed */
    static CallHistory none() {
        return (record, since) -> List.of();
    }

    /**
     * A history with the same calls for every record: convenient for one record in tests and examples.
     *
     * @param calls the instants of the calls, in any order
     * @return the history
     */
    static CallHistory of(Collection<Instant> calls) {
        List<Instant> sorted = new ArrayList<>(calls);
        sorted.forEach(c -> Objects.requireNonNull(c, "call"));
        sorted.sort(null);
        List<Instant> frozen = List.copyOf(sorted);
        return (record, since) -> frozen.stream().filter(c -> !c.isBefore(since)).toList();
    }
}
