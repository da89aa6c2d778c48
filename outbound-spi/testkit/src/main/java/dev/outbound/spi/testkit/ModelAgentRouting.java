package dev.outbound.spi.testkit;

import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CampaignId;
import dev.outbound.spi.agent.AgentPresence;
import dev.outbound.spi.agent.AgentRouting;
import dev.outbound.spi.agent.AgentState;
import dev.outbound.spi.agent.RoutingRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The agent routing rules in their plainest form, one map and linear scans, for
 * {@link AgentRoutingContract}'s property to compare an implementation against. Not thread-safe,
 * not fast: obviously right is all it is for.
 */
final class ModelAgentRouting implements AgentRouting {
    private final Map<AgentEmail, AgentPresence> presences = new HashMap<>();

    @Override
    public void logIn(AgentEmail agent, CampaignId campaign, Instant at) {
        AgentPresence before = presences.get(agent);
        if (before == null) {
            presences.put(agent, new AgentPresence(agent, Set.of(campaign), AgentState.AVAILABLE, at));
            return;
        }
        Set<CampaignId> campaigns = new HashSet<>(before.campaigns());
        campaigns.add(campaign);
        presences.put(agent, new AgentPresence(agent, campaigns, before.state(), before.since()));
    }

    @Override
    public void logOut(AgentEmail agent, CampaignId campaign, Instant at) {
        AgentPresence before = presences.get(agent);
        if (before == null) {
            return;
        }
        Set<CampaignId> campaigns = new HashSet<>(before.campaigns());
        campaigns.remove(campaign);
        if (campaigns.isEmpty()) {
            presences.remove(agent);
        } else {
            presences.put(agent, new AgentPresence(agent, campaigns, before.state(), before.since()));
        }
    }

    @Override
    public void setState(AgentEmail agent, AgentState state, Instant at) {
        AgentPresence before = presences.get(agent);
        if (before == null) {
            throw new IllegalStateException(agent + " is not logged in");
        }
        if (before.state() != state) {
            presences.put(agent, new AgentPresence(agent, before.campaigns(), state, at));
        }
    }

    @Override
    public Optional<AgentPresence> presence(AgentEmail agent) {
        return Optional.ofNullable(presences.get(agent));
    }

    @Override
    public List<AgentPresence> agents(CampaignId campaign) {
        List<AgentPresence> result = new ArrayList<>();
        for (AgentPresence p : presences.values()) {
            if (p.campaigns().contains(campaign)) {
                result.add(p);
            }
        }
        result.sort(Comparator.comparing(p -> p.agent().value()));
        return result;
    }

    @Override
    public Optional<AgentEmail> route(RoutingRequest request, Instant at) {
        AgentPresence chosen = null;
        if (request.agent().isPresent()) {
            AgentPresence named = presences.get(request.agent().get());
            if (named != null && named.isAvailableFor(request.campaign())) {
                chosen = named;
            }
        }
        if (chosen == null && request.rule() != RoutingRequest.Rule.ONLY) {
            for (AgentPresence p : presences.values()) {
                if (p.isAvailableFor(request.campaign()) && (chosen == null || idleLonger(p, chosen))) {
                    chosen = p;
                }
            }
        }
        if (chosen == null) {
            return Optional.empty();
        }
        setState(chosen.agent(), AgentState.ON_CALL, at);
        return Optional.of(chosen.agent());
    }

    private static boolean idleLonger(AgentPresence a, AgentPresence b) {
        int bySince = a.since().compareTo(b.since());
        return bySince < 0 || bySince == 0 && a.agent().value().compareTo(b.agent().value()) < 0;
    }
}
