package dev.outbound.spi;

/** Placeholder: being written. */
public interface OutboundProvider {
}
