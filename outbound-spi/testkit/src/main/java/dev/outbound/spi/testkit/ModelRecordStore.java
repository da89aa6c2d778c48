package dev.outbound.spi.testkit;

/** Placeholder: being written. */
public final class ModelRecordStore {
    private ModelRecordStore() {
    }
}
