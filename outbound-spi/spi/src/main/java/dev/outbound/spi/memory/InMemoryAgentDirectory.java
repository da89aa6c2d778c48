package dev.outbound.spi.memory;

import dev.outbound.core.record.AgentEmail;
import dev.outbound.spi.directory.Agent;
import dev.outbound.spi.directory.AgentDirectory;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An agent directory held in memory: the host adds and removes its users, and imports look them
 * up by e-mail. Thread-safe; at most one agent per e-mail.
 */
public final class InMemoryAgentDirectory implements AgentDirectory {
    private final Map<AgentEmail, Agent> agents = new ConcurrentHashMap<>();

    private InMemoryAgentDirectory() {
    }

    /** @return an empty directory */
    public static InMemoryAgentDirectory create() {
        return new InMemoryAgentDirectory();
    }

    /**
     * A directory holding these agents, added in order: of two with the same e-mail, the later
     * stays, as with {@link #add}.
     *
     * @param agents the agents
     * @return the directory
     */
    public static InMemoryAgentDirectory of(Agent... agents) {
        Objects.requireNonNull(agents, "agents");
        InMemoryAgentDirectory directory = create();
        for (Agent agent : agents) {
            directory.add(agent);
        }
        return directory;
    }

    /**
     * Adds an agent, replacing the one with the same e-mail if there is one (a new name or
     * endpoint).
     *
     * @param agent the agent
     */
    public void add(Agent agent) {
        Objects.requireNonNull(agent, "agent");
        agents.put(agent.email(), agent);
    }

    /**
     * Removes the agent with an e-mail.
     *
     * @param email the e-mail
     * @return whether there was such an agent
     */
    public boolean remove(AgentEmail email) {
        Objects.requireNonNull(email, "email");
        return agents.remove(email) != null;
    }

    @Override
    public Optional<Agent> find(AgentEmail email) {
        Objects.requireNonNull(email, "email");
        return Optional.ofNullable(agents.get(email));
    }
}
