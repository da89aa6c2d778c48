package dev.outbound.core.lifecycle;

import dev.outbound.core.record.AgentEmail;
import java.util.Objects;
import java.util.Optional;

/**
 * Who would take the call if a record were dialled now, for the rules that depend on it: a
 * callback reserved for one agent, and the quiet period after an abandoned call, which a
 * guaranteed agent lifts.
 *
 * @param agent the agent the record would be offered to, or empty when any available agent would
 *     take it (predictive dialing)
 * @param agentGuaranteed whether an agent is sure to be there when the customer answers
 *     (preview and progressive dialing)
 */
public record DialContext(Optional<AgentEmail> agent, boolean agentGuaranteed) {
    /**
     * Checks the components.
     *
     * @param agent the agent, if known
     * @param agentGuaranteed whether an agent is sure to be there
     */
    public DialContext {
        Objects.requireNonNull(agent, "agent");
    }

    /** @return no particular agent, none guaranteed */
    public static DialContext anyAgent() {
        return new DialContext(Optional.empty(), false);
    }

    /**
     * @param agent the agent who will take the call, guaranteed
     * @return the context
     */
    public static DialContext forAgent(AgentEmail agent) {
        return new DialContext(Optional.of(agent), true);
    }
}
