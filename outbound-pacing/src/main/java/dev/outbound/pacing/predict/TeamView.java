package dev.outbound.pacing.predict;

import dev.outbound.spi.agent.AgentState;

/**
 * The team and its calls at the instant a pacer decides, read without building objects: each
 * logged-in agent's state and how long it has been in it, and how long each call still ringing has
 * been ringing. {@link Snapshot} is the immutable form a host can keep or make in tests; the engine
 * hands its pacer a view over its own state, valid only during the decision, so that a decision
 * made every second for a hundred agents does not allocate a hundred and fifty objects.
 *
 * <p>Elapsed times are in seconds, never negative. A forecast memoises by quarter second, so a view
 * whose times are multiples of 0.25 s (as the engine's are) is cheapest to read.
 */
public interface TeamView {
    /**
     * Visits each logged-in agent once, in no particular order.
     *
     * @param sink told each agent's state and seconds in it
     */
    void forEachAgent(AgentSink sink);

    /**
     * Visits each call dialled for the team and not yet answered or ended, once, in no particular
     * order.
     *
     * @param sink told each call's seconds of ringing
     */
    void forEachRinging(RingingSink sink);

    /** Receives the agents of a {@link TeamView}. */
    @FunctionalInterface
    interface AgentSink {
        /**
         * @param state the agent's state
         * @param elapsedSeconds how long the agent has been in it, in seconds, not negative
         */
        void agent(AgentState state, double elapsedSeconds);
    }

    /** Receives the calls ringing of a {@link TeamView}. */
    @FunctionalInterface
    interface RingingSink {
        /** @param elapsedSeconds how long the call has been ringing, in seconds, not negative */
        void ringing(double elapsedSeconds);
    }
}
