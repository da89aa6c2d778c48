package dev.outbound.spi;

import dev.outbound.spi.time.Scheduler;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a discovered {@link OutboundProvider} is given to build its services: the host's
 * properties (a database URL, a trunk address) and the scheduler that time runs on.
 *
 * @param properties the host's properties, by name
 * @param scheduler the scheduler (and its clock) the services must use
 */
public record ProviderContext(Map<String, String> properties, Scheduler scheduler) {
    /**
     * Checks and copies the components.
     *
     * @param properties the properties
     * @param scheduler the scheduler
     */
    public ProviderContext {
        properties = Map.copyOf(Objects.requireNonNull(properties, "properties"));
        Objects.requireNonNull(scheduler, "scheduler");
    }

    /**
     * @param name a property's name
     * @return its value, or empty when the host did not set it
     */
    public Optional<String> property(String name) {
        return Optional.ofNullable(properties.get(Objects.requireNonNull(name, "name")));
    }
}
