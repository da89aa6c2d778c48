package dev.outbound.spi.agent;

/** What a logged-in agent is doing. An agent who is logged out has no presence at all. */
public enum AgentState {
    /** Waiting for a call: the only state in which an agent is routed one. */
    AVAILABLE,
    /** Talking to a customer. */
    ON_CALL,
    /** Finishing the last call's record (form save time, seed 001). */
    WRAP_UP,
    /** Logged in but not taking calls (a break). */
    PAUSED
}
