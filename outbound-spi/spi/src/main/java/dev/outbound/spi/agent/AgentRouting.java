package dev.outbound.spi.agent;

import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CampaignId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Agents' presence, and the choice of agent for an answered call. Thread-safe;
 * {@code outbound-spi-testkit}'s {@code AgentRoutingContract} checks the rules stated here.
 *
 * <p>An agent logs in to one or more campaigns and is then {@link AgentState#AVAILABLE}; they
 * pause, take calls and wrap up; when they have logged out of every campaign they have no
 * presence. {@link #route} picks, among the agents available for the call's campaign, the one the
 * request names (when it names one and they are available), else, unless the request is
 * {@code ONLY}, the agent idle longest (earliest {@link AgentPresence#since()}, ties broken by
 * e-mail); the agent chosen is put {@link AgentState#ON_CALL} in the same step, so that two calls
 * never get the same agent.
 */
public interface AgentRouting {
    /**
     * Logs an agent in to a campaign. An agent not logged in to any becomes available; one already
     * logged in keeps their state.
     *
     * @param agent the agent
     * @param campaign the campaign
     * @param at when
     */
    void logIn(AgentEmail agent, CampaignId campaign, Instant at);

    /**
     * Logs an agent out of a campaign; out of their last campaign, their presence ends. Logging
     * out of a campaign one is not logged in to does nothing.
     *
     * @param agent the agent
     * @param campaign the campaign
     * @param at when
     */
    void logOut(AgentEmail agent, CampaignId campaign, Instant at);

    /**
     * Changes a logged-in agent's state; the same state again keeps its {@code since}.
     *
     * @param agent the agent
     * @param state the new state
     * @param at when
     * @throws IllegalStateException if the agent is not logged in
     */
    void setState(AgentEmail agent, AgentState state, Instant at);

    /**
     * @param agent an agent
     * @return their presence, or empty when they are logged out
     */
    Optional<AgentPresence> presence(AgentEmail agent);

    /**
     * @param campaign a campaign
     * @return the agents logged in to it, in e-mail order
     */
    List<AgentPresence> agents(CampaignId campaign);

    /**
     * @param campaign a campaign
     * @return how many agents are available for it now
     */
    default int availableCount(CampaignId campaign) {
        int n = 0;
        for (AgentPresence p : agents(campaign)) {
            if (p.state() == AgentState.AVAILABLE) {
                n++;
            }
        }
        return n;
    }

    /**
     * Chooses the agent for an answered call and puts them on the call.
     *
     * @param request whom the call may go to
     * @param at when
     * @return the agent, now {@code ON_CALL}; empty when no agent may take it
     */
    Optional<AgentEmail> route(RoutingRequest request, Instant at);
}
