package dev.outbound.spi.testkit;

/** Placeholder: being written. */
public abstract class DirectoryContract {
    /** For subclasses. */
    protected DirectoryContract() {
    }
}
