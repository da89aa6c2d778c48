/**
 * Runnable programs that embed Outbound: the demo, the README's example, and the {@code outbound}
 * command line. Exports nothing.
 */
module dev.outbound.examples {
    requires dev.outbound.core;
    requires dev.outbound.spi;
    requires dev.outbound.csv;
    requires dev.outbound.pacing;
    requires dev.outbound.spi.sip;
    requires info.picocli;

    // picocli fills the commands' fields by reflection.
    opens dev.outbound.examples.cli to info.picocli;

    // import-dids and the dialing commands look up a DID store for --store.
    uses dev.outbound.spi.OutboundProvider;
}
