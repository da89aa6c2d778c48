package dev.outbound.core.lifecycle;

/** PLACEHOLDER, replaced by the dialable-rule work: one reason a record is not dialable. */
public sealed interface DialReason {
    /** PLACEHOLDER. */
    record Placeholder() implements DialReason {
    }
}
