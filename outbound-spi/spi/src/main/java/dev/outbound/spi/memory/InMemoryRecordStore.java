package dev.outbound.spi.memory;

/** Placeholder: being written. */
public final class InMemoryRecordStore {
    private InMemoryRecordStore() {
    }
}
