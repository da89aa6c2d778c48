package dev.outbound.spi.store;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.lifecycle.CampaignLists;
import dev.outbound.core.lifecycle.DialingRules;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CampaignId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A dialer's request for the next records to call in one campaign: up to {@code max} records due
 * at {@code at}, in load order, each held by a lease of {@code leaseFor}.
 *
 * <p>Load order is {@link dev.outbound.core.lifecycle.DialQueue}'s: for an agent, the records
 * reserved for that agent first (its assigned records and callbacks, seed 001); then the records
 * any agent may take, by {@link dev.outbound.core.lifecycle.LoadClass} (rescheduled by the dialer,
 * by an agent, not assigned), priority, due time and customer reference id, from the lists that
 * {@code lists} enables, shared by their weights when weighting is on. A record reserved for an
 * agent is never returned to a request for another agent or for any agent, and no record of a
 * disabled list is returned, not even to its own agent.
 *
 * @param campaign the campaign
 * @param owner who claims (a dialer node's name), 1 to {@value #MAX_OWNER_LENGTH} characters
 * @param max the most records, 1 to {@value #MAX_RECORDS}
 * @param at the instant of the claim: records due at or before it are due; leases start here
 * @param leaseFor how long each lease lasts, more than zero and at most a day
 * @param agent the agent who will take the calls, or empty for any agent
 * @param contactTimeout the campaign's contact timeout (how long a preferred agent keeps a
 *     callback), at most {@link #MAX_CONTACT_TIMEOUT}
 * @param lists the campaign's lists: which are enabled and their weights
 */
public record ClaimRequest(CampaignId campaign, String owner, int max, Instant at, Duration leaseFor,
        Optional<AgentEmail> agent, Duration contactTimeout, CampaignLists lists) {
    /** The longest owner name. */
    public static final int MAX_OWNER_LENGTH = 128;
    /** The most records one claim returns. */
    public static final int MAX_RECORDS = 10_000;
    /** The longest contact timeout, that of {@link DialingRules}. */
    public static final Duration MAX_CONTACT_TIMEOUT = Duration.ofDays(7);

    /**
     * Checks the components.
     *
     * @param campaign the campaign
     * @param owner who claims
     * @param max the most records
     * @param at the instant
     * @param leaseFor the lease duration
     * @param agent the agent
     * @param contactTimeout the contact timeout
     * @param lists the lists
     */
    public ClaimRequest {
        Objects.requireNonNull(campaign, "campaign");
        checkOwner(owner);
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(leaseFor, "leaseFor");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(contactTimeout, "contactTimeout");
        Objects.requireNonNull(lists, "lists");
        if (max < 1 || max > MAX_RECORDS) {
            throw new InvalidValueException("claim max", "1 - " + MAX_RECORDS, max);
        }
        if (leaseFor.isNegative() || leaseFor.isZero() || leaseFor.compareTo(Duration.ofDays(1)) > 0) {
            throw new InvalidValueException("claim leaseFor", "more than 0 and at most 1 day", leaseFor);
        }
        if (contactTimeout.isNegative() || contactTimeout.compareTo(MAX_CONTACT_TIMEOUT) > 0) {
            throw new InvalidValueException("claim contactTimeout", "0 - " + MAX_CONTACT_TIMEOUT, contactTimeout);
        }
    }

    static void checkOwner(String owner) {
        Objects.requireNonNull(owner, "owner");
        if (owner.isBlank() || owner.length() > MAX_OWNER_LENGTH) {
            throw new InvalidValueException("lease owner", "1 - " + MAX_OWNER_LENGTH + " characters, not blank", owner);
        }
    }

    /**
     * A request for one record for any agent, with a five-minute lease and the default rules'
     * contact timeout and lists; change them with the with-ers.
     *
     * @param campaign the campaign
     * @param owner who claims
     * @param at the instant of the claim
     * @return the request
     */
    public static ClaimRequest of(CampaignId campaign, String owner, Instant at) {
        DialingRules defaults = DialingRules.defaults();
        return new ClaimRequest(campaign, owner, 1, at, Duration.ofMinutes(5), Optional.empty(),
                defaults.contactTimeout(), defaults.lists());
    }

    /**
     * @param n the most records
     * @return this request for up to {@code n} records
     */
    public ClaimRequest withMax(int n) {
        return new ClaimRequest(campaign, owner, n, at, leaseFor, agent, contactTimeout, lists);
    }

    /**
     * @param instant the instant of the claim
     * @return this request at another instant
     */
    public ClaimRequest withAt(Instant instant) {
        return new ClaimRequest(campaign, owner, max, instant, leaseFor, agent, contactTimeout, lists);
    }

    /**
     * @param duration how long each lease lasts
     * @return this request with that lease
     */
    public ClaimRequest withLeaseFor(Duration duration) {
        return new ClaimRequest(campaign, owner, max, at, duration, agent, contactTimeout, lists);
    }

    /**
     * @param a the agent who will take the calls
     * @return this request for that agent
     */
    public ClaimRequest forAgent(AgentEmail a) {
        return new ClaimRequest(campaign, owner, max, at, leaseFor, Optional.of(a), contactTimeout, lists);
    }

    /**
     * @param rules the campaign's rules
     * @return this request with the rules' contact timeout and lists
     */
    public ClaimRequest withRules(DialingRules rules) {
        return new ClaimRequest(campaign, owner, max, at, leaseFor, agent, rules.contactTimeout(), rules.lists());
    }

    /** @return when leases taken by this request end */
    public Instant leaseExpiry() {
        return at.plus(leaseFor);
    }
}
