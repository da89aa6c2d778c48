package dev.outbound.core.lifecycle;

import dev.outbound.core.record.Record;
import java.time.Instant;

/** PLACEHOLDER, replaced by the dialable-rule work. */
final class DialRule {
    private final DialingRules rules;

    DialRule(DialingRules rules) {
        this.rules = rules;
    }

    DialCheck explain(Record record, Instant at, DialContext context) {
        throw new UnsupportedOperationException("not yet: " + rules);
    }

    Record onLoad(Record record, Instant at) {
        throw new UnsupportedOperationException("not yet");
    }

    java.util.Optional<CallbackState> callbackState(Record record, Instant at) {
        throw new UnsupportedOperationException("not yet");
    }
}
