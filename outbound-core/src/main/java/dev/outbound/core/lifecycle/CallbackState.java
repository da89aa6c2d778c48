package dev.outbound.core.lifecycle;

/** PLACEHOLDER, replaced by the callback work: seed 003's schedule states. */
public enum CallbackState {
    /** PLACEHOLDER. */
    SCHEDULED
}
