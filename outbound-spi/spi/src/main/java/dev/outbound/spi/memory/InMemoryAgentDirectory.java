package dev.outbound.spi.memory;

/** Placeholder: being written. */
public final class InMemoryAgentDirectory {
    private InMemoryAgentDirectory() {
    }
}
