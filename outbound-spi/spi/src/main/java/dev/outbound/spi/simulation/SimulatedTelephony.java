package dev.outbound.spi.simulation;

/** Placeholder: being written. */
public final class SimulatedTelephony {
    private SimulatedTelephony() {
    }
}
