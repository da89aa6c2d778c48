package dev.outbound.pacing.report;

/**
 * What a logged-in agent is doing, as far as the run report is concerned. Occupancy counts
 * {@link #ON_CALL} and {@link #WRAP_UP} as busy; every state counts as logged in.
 */
public enum AgentState {
    /** Ready and waiting for the dialer to connect a call. */
    AVAILABLE,
    /** Talking to a called person. */
    ON_CALL,
    /** After a call: notes, disposition; not yet ready for the next call. */
    WRAP_UP,
    /** Logged in but not taking calls (a break, training, a meeting). */
    PAUSED
}
