package dev.outbound.pacing.predict;

import dev.outbound.core.InvalidValueException;
import dev.outbound.spi.agent.AgentState;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the engine knows at the instant it decides: each logged-in agent's state and how long it has
 * been in it, and how long each call still ringing has been ringing. Logged-out agents are left
 * out. The order of the lists carries no meaning.
 *
 * @param agents the logged-in agents of the campaign
 * @param ringing the elapsed ring time of each call dialled and not yet answered or ended
 */
public record Snapshot(List<Agent> agents, List<Duration> ringing) implements TeamView {
    /**
     * Checks and copies the lists.
     *
     * @param agents the agents, none null
     * @param ringing the elapsed ring times, none null or negative
     */
    public Snapshot {
        agents = List.copyOf(Objects.requireNonNull(agents, "agents"));
        ringing = List.copyOf(Objects.requireNonNull(ringing, "ringing"));
        for (Duration d : ringing) {
            if (d.isNegative()) {
                throw new InvalidValueException("ringing elapsed time", "not negative", d);
            }
        }
    }

    /**
     * Makes a snapshot.
     *
     * @param agents the logged-in agents
     * @param ringing the elapsed ring time of each call in flight
     * @return the snapshot
     */
    public static Snapshot of(List<Agent> agents, List<Duration> ringing) {
        return new Snapshot(agents, ringing);
    }

    @Override
    public void forEachAgent(AgentSink sink) {
        for (Agent a : agents) {
            sink.agent(a.state(), LogNormalEstimator.seconds(a.elapsed()));
        }
    }

    @Override
    public void forEachRinging(RingingSink sink) {
        for (Duration d : ringing) {
            sink.ringing(LogNormalEstimator.seconds(d));
        }
    }

    /**
     * One agent at the instant of the snapshot.
     *
     * @param state what the agent is doing: {@link AgentState#ON_CALL} is talking
     * @param elapsed how long the agent has been in that state, not negative (ignored for
     *     {@link AgentState#AVAILABLE} and {@link AgentState#PAUSED})
     */
    public record Agent(AgentState state, Duration elapsed) {
        /**
         * Checks the agent.
         *
         * @param state the state
         * @param elapsed the time in it, not negative
         */
        public Agent {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(elapsed, "elapsed");
            if (elapsed.isNegative()) {
                throw new InvalidValueException("agent elapsed time", "not negative", elapsed);
            }
        }

        /**
         * @param state the state
         * @param elapsed how long the agent has been in it
         * @return the agent
         */
        public static Agent of(AgentState state, Duration elapsed) {
            return new Agent(state, elapsed);
        }

        /** @return an agent waiting for a call */
        public static Agent available() {
            return new Agent(AgentState.AVAILABLE, Duration.ZERO);
        }

        /**
         * @param elapsed how long the conversation has lasted
         * @return an agent talking
         */
        public static Agent talking(Duration elapsed) {
            return new Agent(AgentState.ON_CALL, elapsed);
        }

        /**
         * @param elapsed how long the wrap-up has lasted
         * @return an agent wrapping up
         */
        public static Agent wrapping(Duration elapsed) {
            return new Agent(AgentState.WRAP_UP, elapsed);
        }

        /** @return an agent on a break */
        public static Agent paused() {
            return new Agent(AgentState.PAUSED, Duration.ZERO);
        }
    }
}
