package dev.outbound.core.lifecycle;

import dev.outbound.core.record.Callback;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordStatus;
import java.time.Instant;

/** PLACEHOLDER, replaced by the treatments work. */
final class OutcomeRules {
    private final DialingRules rules;

    OutcomeRules(DialingRules rules) {
        this.rules = rules;
    }

    Transition apply(Record record, CallOutcome outcome) {
        throw new UnsupportedOperationException("not yet: " + rules);
    }

    Record dispose(Record record, Disposition disposition) {
        throw new UnsupportedOperationException("not yet");
    }

    Record changeStatus(Record record, RecordStatus status, Instant at) {
        throw new UnsupportedOperationException("not yet");
    }

    Record setCallback(Record record, Callback callback, Instant at) {
        throw new UnsupportedOperationException("not yet");
    }

    Record clearCallback(Record record, Instant at) {
        throw new UnsupportedOperationException("not yet");
    }
}
