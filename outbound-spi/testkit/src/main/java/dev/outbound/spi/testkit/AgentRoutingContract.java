package dev.outbound.spi.testkit;

/** Placeholder: being written. */
public abstract class AgentRoutingContract {
    /** For subclasses. */
    protected AgentRoutingContract() {
    }
}
