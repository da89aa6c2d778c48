package dev.outbound.spi.agent;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CampaignId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A logged-in agent: the campaigns they take calls for, their state and since when (for an
 * available agent, how long they have been idle).
 *
 * @param agent the agent
 * @param campaigns the campaigns they are logged in to; never empty
 * @param state what they are doing
 * @param since when they entered that state
 */
public record AgentPresence(AgentEmail agent, Set<CampaignId> campaigns, AgentState state, Instant since) {
    /**
     * Checks and copies the components.
     *
     * @param agent the agent
     * @param campaigns the campaigns
     * @param state the state
     * @param since since when
     */
    public AgentPresence {
        Objects.requireNonNull(agent, "agent");
        campaigns = Set.copyOf(Objects.requireNonNull(campaigns, "campaigns"));
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        if (campaigns.isEmpty()) {
            throw new InvalidValueException("agent presence campaigns", "at least one campaign", "none");
        }
    }

    /**
     * @param campaign a campaign
     * @return whether the agent is available for that campaign's calls
     */
    public boolean isAvailableFor(CampaignId campaign) {
        return state == AgentState.AVAILABLE && campaigns.contains(campaign);
    }
}
