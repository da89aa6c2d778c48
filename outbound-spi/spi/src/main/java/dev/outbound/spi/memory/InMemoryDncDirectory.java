package dev.outbound.spi.memory;

/** Placeholder: being written. */
public final class InMemoryDncDirectory {
    private InMemoryDncDirectory() {
    }
}
