package dev.outbound.core.lifecycle;

/** PLACEHOLDER, replaced by the treatments work: what the agent saved after a call. */
public record Disposition() {
}
