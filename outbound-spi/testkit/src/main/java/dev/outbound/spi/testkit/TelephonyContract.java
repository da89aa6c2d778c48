package dev.outbound.spi.testkit;

/** Placeholder: being written. */
public abstract class TelephonyContract {
    /** For subclasses. */
    protected TelephonyContract() {
    }
}
