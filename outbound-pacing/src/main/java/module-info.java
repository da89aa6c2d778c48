/**
 * Outbound pacing: reserved for the capability the README's module table describes; it has no public API yet.
 */
module dev.outbound.pacing {
    requires dev.outbound.core;
    requires dev.outbound.spi;
}
