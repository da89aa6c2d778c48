package dev.outbound.core.lifecycle;

/** PLACEHOLDER, replaced by the treatments work: how one placed call ended. */
public record CallOutcome() {
}
