package dev.outbound.spi.testkit;

/** Placeholder: being written. */
public abstract class RecordStoreContract {
    /** For subclasses. */
    protected RecordStoreContract() {
    }
}
