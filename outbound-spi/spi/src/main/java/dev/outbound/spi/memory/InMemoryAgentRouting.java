package dev.outbound.spi.memory;

/** Placeholder: being written. */
public final class InMemoryAgentRouting {
    private InMemoryAgentRouting() {
    }
}
