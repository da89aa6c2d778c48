/**
 * The PostgreSQL binding of Outbound's record store, {@link dev.outbound.spi.jdbc.PostgresRecordStore}, and of
 * its caller-id pools, {@link dev.outbound.spi.jdbc.PostgresDidStore}.
 */
module dev.outbound.spi.jdbc {
    requires transitive dev.outbound.spi;
    requires transitive java.sql;
    requires org.postgresql.jdbc;
    requires com.zaxxer.hikari;
    // Flyway's jars name no module: these are the names the JDK derives from their file names.
    requires flyway.core;
    // Only PostgresImportJournal needs the CSV import, whose journal it is.
    requires static dev.outbound.csv;

    exports dev.outbound.spi.jdbc;

    provides dev.outbound.spi.OutboundProvider with dev.outbound.spi.jdbc.PostgresProvider;
}
