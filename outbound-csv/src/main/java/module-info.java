/**
 * Outbound csv: reserved for the capability the README's module table describes; it has no public API yet.
 */
module dev.outbound.csv {
    requires dev.outbound.core;
}
