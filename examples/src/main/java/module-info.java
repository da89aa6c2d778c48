/**
 * Runnable programs that embed Outbound: the demo, the README's example, the small example
 * programs of docs/examples.md, and the {@code outbound} command line. Exports nothing.
 */
module dev.outbound.examples {
    requires dev.outbound.core;
    requires dev.outbound.spi;
    requires dev.outbound.csv;
    requires dev.outbound.pacing;
    requires dev.outbound.spi.sip;
    // TwoNodesOnPostgres opens a PostgresRecordStore.
    requires dev.outbound.spi.jdbc;
    requires info.picocli;

    // picocli fills the commands' fields by reflection.
    opens dev.outbound.examples.cli to info.picocli;

    // import-dids and the dialing commands look up a DID store for --store.
    uses dev.outbound.spi.OutboundProvider;
}
