package dev.outbound.spi.directory;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.record.AgentEmail;
import java.util.Objects;
import java.util.Optional;

/**
 * A user of the host system who can take calls (seed 000: a record's agent must be one).
 *
 * @param email the agent's e-mail, which identifies them
 * @param name the name shown to supervisors, 1 to 200 characters
 * @param endpoint where the telephony reaches them (a SIP URI, an extension), if the host has one
 */
public record Agent(AgentEmail email, String name, Optional<String> endpoint) {
    /**
     * Checks the components.
     *
     * @param email the e-mail
     * @param name the name
     * @param endpoint the endpoint
     */
    public Agent {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpoint, "endpoint");
        if (name.isBlank() || name.length() > 200) {
            throw new InvalidValueException("agent name", "1 - 200 characters, not blank", name);
        }
        if (endpoint.isPresent() && (endpoint.get().isBlank() || endpoint.get().chars().anyMatch(c -> c < 0x20))) {
            throw new InvalidValueException("agent endpoint", "not blank, no control characters", endpoint.get());
        }
    }

    /**
     * @param email the e-mail
     * @param name the name
     * @return an agent without endpoint
     */
    public static Agent of(AgentEmail email, String name) {
        return new Agent(email, name, Optional.empty());
    }

    /**
     * @param address where the telephony reaches the agent
     * @return this agent with that endpoint
     */
    public Agent withEndpoint(String address) {
        return new Agent(email, name, Optional.of(address));
    }
}
