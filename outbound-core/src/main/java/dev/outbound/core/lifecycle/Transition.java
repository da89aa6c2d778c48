package dev.outbound.core.lifecycle;

import dev.outbound.core.record.Record;
import java.util.List;
import java.util.Objects;

/**
 * The result of applying a call's outcome: the record to store, and the effects the host must
 * act on besides storing it, in the order they arose.
 *
 * @param record the record after the outcome; fully valid
 * @param effects what the host must do outside the record; often empty
 */
public record Transition(Record record, List<Effect> effects) {
    /**
     * Checks and freezes the components.
     *
     * @param record the record after the outcome
     * @param effects what the host must do outside the record
     */
    public Transition {
        Objects.requireNonNull(record, "record");
        effects = List.copyOf(effects);
    }

    /**
     * @param type an effect type
     * @param <E> the effect type
     * @return the effects of that type, in order
     */
    public <E extends Effect> List<E> effects(Class<E> type) {
        return effects.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
