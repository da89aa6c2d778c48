package dev.outbound.spi.agent;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.lifecycle.Reservation;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CallbackPreference;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.Record;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whom an answered call may go to: only a named agent, a named agent first, or anyone, among the
 * agents available for the campaign.
 *
 * @param campaign the call's campaign
 * @param rule how the named agent is treated
 * @param agent the named agent; present exactly when the rule is not {@code ANYONE}
 */
public record RoutingRequest(CampaignId campaign, Rule rule, Optional<AgentEmail> agent) {
    /** How a routing request treats its named agent. */
    public enum Rule {
        /** Only the named agent may take the call; if they are not available, nobody does. */
        ONLY,
        /** The named agent if available, else the longest idle agent. */
        PREFER,
        /** The longest idle agent. */
        ANYONE
    }

    /**
     * Checks the components.
     *
     * @param campaign the campaign
     * @param rule the rule
     * @param agent the named agent
     */
    public RoutingRequest {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(agent, "agent");
        if ((rule == Rule.ANYONE) == agent.isPresent()) {
            throw new InvalidValueException("routing agent", rule == Rule.ANYONE ? "none for ANYONE"
                    : "an agent for " + rule, agent.map(AgentEmail::toString).orElse("none"));
        }
    }

    /**
     * @param campaign the campaign
     * @return a request for the longest idle agent
     */
    public static RoutingRequest anyone(CampaignId campaign) {
        return new RoutingRequest(campaign, Rule.ANYONE, Optional.empty());
    }

    /**
     * @param campaign the campaign
     * @param agent the agent
     * @return a request for that agent alone
     */
    public static RoutingRequest only(CampaignId campaign, AgentEmail agent) {
        return new RoutingRequest(campaign, Rule.ONLY, Optional.of(agent));
    }

    /**
     * @param campaign the campaign
     * @param agent the agent
     * @return a request for that agent first
     */
    public static RoutingRequest prefer(CampaignId campaign, AgentEmail agent) {
        return new RoutingRequest(campaign, Rule.PREFER, Optional.of(agent));
    }

    /**
     * The request for a record's answered call: the agent the record is
     * {@linkplain Reservation#find reserved} for alone (its assigned user, seed 001, or the agent of
     * a callback while it holds), else the agent of a {@code PREFER_AGENT} callback first (seed 003
     * "Prefer me", after the contact timeout), else anyone.
     *
     * @param record the record called
     * @param at when the call was answered
     * @param contactTimeout the campaign's contact timeout
     * @return the request
     */
    public static RoutingRequest forRecord(Record record, Instant at, Duration contactTimeout) {
        Optional<Reservation> reservation = Reservation.find(record, at, contactTimeout);
        if (reservation.isPresent()) {
            return only(record.campaign(), reservation.get().agent());
        }
        if (record.callback().isPresent() && record.callback().get().preference() == CallbackPreference.PREFER_AGENT) {
            return prefer(record.campaign(), record.callback().get().agent().orElseThrow());
        }
        return anyone(record.campaign());
    }
}
