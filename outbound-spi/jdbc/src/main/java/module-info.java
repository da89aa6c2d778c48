/**
 * The PostgreSQL binding of Outbound's record store: {@link dev.outbound.spi.jdbc.PostgresRecordStore}.
 */
module dev.outbound.spi.jdbc {
    requires transitive dev.outbound.spi;
    requires transitive java.sql;
    requires org.postgresql.jdbc;
    requires com.zaxxer.hikari;
    // Flyway's jars name no module: these are the names the JDK derives from their file names.
    requires flyway.core;

    exports dev.outbound.spi.jdbc;
}
