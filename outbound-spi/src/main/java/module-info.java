/**
 * Outbound spi: reserved for the capability the README's module table describes; it has no public API yet.
 */
module dev.outbound.spi {
    requires dev.outbound.core;
}
