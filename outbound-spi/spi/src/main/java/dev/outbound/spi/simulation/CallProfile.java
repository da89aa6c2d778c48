package dev.outbound.spi.simulation;

/** Placeholder: being written. */
public final class CallProfile {
    private CallProfile() {
    }
}
