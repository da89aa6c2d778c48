package dev.outbound.core.lifecycle;

import dev.outbound.core.record.Record;

/**
 * PLACEHOLDER, replaced by the treatments work: the record after a call's outcome, with what the
 * host must do besides storing it.
 *
 * @param record the record after the outcome
 */
public record Transition(Record record) {
}
