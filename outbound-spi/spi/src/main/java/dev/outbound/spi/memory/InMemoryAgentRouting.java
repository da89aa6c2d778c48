package dev.outbound.spi.memory;

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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Agent routing held in memory, for one process: presence by agent, and per campaign its agents
 * in e-mail order and its available agents in idle order, so that {@link #route} takes the
 * longest idle agent in logarithmic time instead of scanning.
 *
 * <p>Every change, and {@link #agents}, runs under one lock, which makes {@link #route}'s choice
 * and the chosen agent's move to {@code ON_CALL} a single step; {@link #presence} reads without
 * it, since each presence is an immutable value replaced whole.
 */
public final class InMemoryAgentRouting implements AgentRouting {
    private static final Comparator<AgentEmail> BY_EMAIL = Comparator.comparing(AgentEmail::value);

    /** An available agent's place in the idle queue: earliest since first, ties by e-mail. */
    private record Idle(Instant since, AgentEmail agent) implements Comparable<Idle> {
        @Override
        public int compareTo(Idle other) {
            int bySince = since.compareTo(other.since);
            return bySince != 0 ? bySince : agent.value().compareTo(other.agent.value());
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    // Written only under the lock; a concurrent map so that presence() may read without it.
    private final Map<AgentEmail, AgentPresence> presences = new ConcurrentHashMap<>();
    // Campaigns without agents are dropped from both maps, so that they do not grow without end.
    private final Map<CampaignId, TreeSet<AgentEmail>> members = new HashMap<>();
    private final Map<CampaignId, TreeSet<Idle>> available = new HashMap<>();

    private InMemoryAgentRouting() {
    }

    /** @return a routing in which nobody is logged in */
    public static InMemoryAgentRouting create() {
        return new InMemoryAgentRouting();
    }

    @Override
    public void logIn(AgentEmail agent, CampaignId campaign, Instant at) {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(at, "at");
        lock.lock();
        try {
            AgentPresence before = presences.get(agent);
            AgentPresence after;
            if (before == null) {
                after = new AgentPresence(agent, Set.of(campaign), AgentState.AVAILABLE, at);
            } else if (before.campaigns().contains(campaign)) {
                return;
            } else {
                Set<CampaignId> campaigns = new HashSet<>(before.campaigns());
                campaigns.add(campaign);
                after = new AgentPresence(agent, campaigns, before.state(), before.since());
            }
            members.computeIfAbsent(campaign, c -> new TreeSet<>(BY_EMAIL)).add(agent);
            if (after.state() == AgentState.AVAILABLE) {
                available.computeIfAbsent(campaign, c -> new TreeSet<>()).add(new Idle(after.since(), agent));
            }
            presences.put(agent, after);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void logOut(AgentEmail agent, CampaignId campaign, Instant at) {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(at, "at");
        lock.lock();
        try {
            AgentPresence before = presences.get(agent);
            if (before == null || !before.campaigns().contains(campaign)) {
                return;
            }
            removeFrom(members, campaign, agent);
            if (before.state() == AgentState.AVAILABLE) {
                removeFrom(available, campaign, new Idle(before.since(), agent));
            }
            if (before.campaigns().size() == 1) {
                presences.remove(agent);
            } else {
                Set<CampaignId> campaigns = new HashSet<>(before.campaigns());
                campaigns.remove(campaign);
                presences.put(agent, new AgentPresence(agent, campaigns, before.state(), before.since()));
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void setState(AgentEmail agent, AgentState state, Instant at) {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        lock.lock();
        try {
            AgentPresence before = presences.get(agent);
            if (before == null) {
                throw new IllegalStateException("Agent " + agent + " cannot be set " + state
                        + ": expected an agent logged in to a campaign, found one logged out");
            }
            changeState(before, state, at);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<AgentPresence> presence(AgentEmail agent) {
        Objects.requireNonNull(agent, "agent");
        return Optional.ofNullable(presences.get(agent));
    }

    @Override
    public List<AgentPresence> agents(CampaignId campaign) {
        Objects.requireNonNull(campaign, "campaign");
        lock.lock();
        try {
            TreeSet<AgentEmail> emails = members.get(campaign);
            if (emails == null) {
                return List.of();
            }
            List<AgentPresence> result = new ArrayList<>(emails.size());
            for (AgentEmail email : emails) {
                result.add(presences.get(email));
            }
            return List.copyOf(result);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int availableCount(CampaignId campaign) {
        Objects.requireNonNull(campaign, "campaign");
        lock.lock();
        try {
            TreeSet<Idle> idle = available.get(campaign);
            return idle == null ? 0 : idle.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<AgentEmail> route(RoutingRequest request, Instant at) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(at, "at");
        lock.lock();
        try {
            AgentPresence chosen = null;
            if (request.agent().isPresent()) {
                AgentPresence named = presences.get(request.agent().get());
                if (named != null && named.isAvailableFor(request.campaign())) {
                    chosen = named;
                }
            }
            if (chosen == null && request.rule() != RoutingRequest.Rule.ONLY) {
                TreeSet<Idle> idle = available.get(request.campaign());
                if (idle != null) {
                    // Never empty: emptied sets are dropped from the map.
                    chosen = presences.get(idle.first().agent());
                }
            }
            if (chosen == null) {
                return Optional.empty();
            }
            changeState(chosen, AgentState.ON_CALL, at);
            return Optional.of(chosen.agent());
        } finally {
            lock.unlock();
        }
    }

    /** Moves a logged-in agent to a state, keeping the idle queues of all their campaigns in step. */
    private void changeState(AgentPresence before, AgentState state, Instant at) {
        if (before.state() == state) {
            return;
        }
        AgentEmail agent = before.agent();
        if (before.state() == AgentState.AVAILABLE) {
            Idle idle = new Idle(before.since(), agent);
            for (CampaignId campaign : before.campaigns()) {
                removeFrom(available, campaign, idle);
            }
        }
        if (state == AgentState.AVAILABLE) {
            Idle idle = new Idle(at, agent);
            for (CampaignId campaign : before.campaigns()) {
                available.computeIfAbsent(campaign, c -> new TreeSet<>()).add(idle);
            }
        }
        presences.put(agent, new AgentPresence(agent, before.campaigns(), state, at));
    }

    private static <T> void removeFrom(Map<CampaignId, TreeSet<T>> sets, CampaignId campaign, T element) {
        TreeSet<T> set = sets.get(campaign);
        if (set != null && set.remove(element) && set.isEmpty()) {
            sets.remove(campaign);
        }
    }
}
