package dev.outbound.spi.directory;

import dev.outbound.core.record.AgentEmail;
import java.util.Optional;

/**
 * The host's users who can take calls: what an import checks a record's agent against (seed 000:
 * "data values for agent must be the email of an end user in the system"). Thread-safe.
 */
public interface AgentDirectory {
    /**
     * @param email an e-mail
     * @return the agent with that e-mail, or empty when there is none
     */
    Optional<Agent> find(AgentEmail email);

    /**
     * @param email an e-mail
     * @return whether an agent has it
     */
    default boolean exists(AgentEmail email) {
        return find(email).isPresent();
    }
}
