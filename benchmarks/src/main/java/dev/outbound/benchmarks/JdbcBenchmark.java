package dev.outbound.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.core.zone.ZoneResolver;
import dev.outbound.spi.jdbc.PostgresRecordStore;
import dev.outbound.spi.store.Claim;
import dev.outbound.spi.store.ClaimRequest;
import dev.outbound.spi.store.RecordKey;
import dev.outbound.spi.store.UpsertMode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The PostgreSQL record store's benchmark: an import of a million records through
 * {@link PostgresRecordStore#upsert} in batches, against a bare {@code COPY} of the very same rows
 * into the same tables and indexes in the same run; then claims per second with 1, 2 and 4 nodes
 * (each its own store, pool and thread) on the imported campaign, checking that no record is
 * claimed twice.
 *
 * <pre>
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar dev.outbound.benchmarks.JdbcBenchmark [records] [seconds] [jdbc-url]
 * </pre>
 *
 * Without a URL it starts an embedded PostgreSQL server (fsync off, as a test server runs).
 */
public final class JdbcBenchmark {
    private static final CampaignId CAMPAIGN = CampaignId.of("bench");
    private static final Instant START = Instant.parse("2026-03-02T14:00:00Z");
    private static final int BATCH = 10_000;

    private JdbcBenchmark() {
    }

    /**
     * @param args records to import (default 1,000,000), seconds per claim run (default 5), and a
     *     JDBC URL (default: an embedded server)
     * @throws Exception when the database fails
     */
    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        EmbeddedPostgres server = null;
        String url;
        if (args.length > 2) {
            url = args[2];
        } else {
            server = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_wal_size", "4GB").setServerConfig("shared_buffers", "512MB").start();
            url = server.getJdbcUrl("postgres", "postgres");
        }
        try {
            run(url, records, seconds);
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private static void run(String url, int records, int seconds) throws Exception {
        System.out.printf(Locale.ROOT, "PostgreSQL record store benchmark: %,d records, %d s per claim run, %d cores%n%n",
                records, seconds, Runtime.getRuntime().availableProcessors());
        RecordFactory factory = RecordFactory.newBuilder(CAMPAIGN).defaultRegion("US")
                .zoneResolver(ZoneResolver.newBuilder().defaultZone(ZoneId.of("America/New_York")).build())
                .clock(Clock.fixed(START, ZoneId.of("UTC"))).build();

        // Import through the store: batches of 10,000, each one transaction.
        long importNanos = 0;
        try (PostgresRecordStore store = PostgresRecordStore.newBuilder().jdbcUrl(url).schema("bench_import")
                .poolSize(2).build()) {
            List<Record> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < records; i++) {
                batch.add(factory.newRecord(String.format("L%07d", i)).phone(PhoneField.MOBILE, "+1" + (2_122_000_000L + i))
                        .priority(i % 5).build());
                if (batch.size() == BATCH || i == records - 1) {
                    long t0 = System.nanoTime();
                    store.upsert(batch, UpsertMode.OVERWRITE, START);
                    importNanos += System.nanoTime() - t0;
                    batch.clear();
                }
            }
        }
        double importRate = records / (importNanos / 1e9);
        System.out.printf(Locale.ROOT, "import through the store:  %,10.0f rows/s  (%.1f s, batches of %,d)%n", importRate,
                importNanos / 1e9, BATCH);

        // A bare COPY of the same rows into the same tables and indexes, empty.
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            PostgresRecordStore.migrate(pool, "bench_copy");
            ByteArrayOutputStream recordRows = new ByteArrayOutputStream();
            ByteArrayOutputStream phoneRows = new ByteArrayOutputStream();
            try (Connection c = pool.getConnection()) {
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                copy.copyOut("COPY bench_import.outbound_record TO STDOUT (FORMAT binary)", recordRows);
                copy.copyOut("COPY bench_import.outbound_phone TO STDOUT (FORMAT binary)", phoneRows);
                long t0 = System.nanoTime();
                c.setAutoCommit(false);
                copy.copyIn("COPY bench_copy.outbound_record FROM STDIN (FORMAT binary)",
                        new ByteArrayInputStream(recordRows.toByteArray()));
                copy.copyIn("COPY bench_copy.outbound_phone FROM STDIN (FORMAT binary)",
                        new ByteArrayInputStream(phoneRows.toByteArray()));
                c.commit();
                long copyNanos = System.nanoTime() - t0;
                double copyRate = records / (copyNanos / 1e9);
                System.out.printf(Locale.ROOT, "bare COPY of the same rows: %,10.0f rows/s  (%.1f s)%n", copyRate,
                        copyNanos / 1e9);
                System.out.printf(Locale.ROOT, "import / COPY:              %10.2f%n%n", importRate / copyRate);
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA bench_copy CASCADE");
                    s.execute("VACUUM ANALYZE bench_import.outbound_record");
                }
            }
        }

        // Claims: each node its own store and pool, claiming batches on its own thread.
        Set<RecordKey> everClaimed = new HashSet<>();
        int[][] runs = {{1, 10}, {2, 10}, {4, 10}, {4, 1}};
        for (int[] run : runs) {
            int nodes = run[0];
            int max = run[1];
            // Each run starts from a vacuumed table, as autovacuum keeps one in a running campaign:
            // otherwise the dead index entries of the previous runs' claims sit at the head of the
            // due-record index, and every later run pays to step over them.
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE bench_import.outbound_record");
            }
            List<PostgresRecordStore> stores = new ArrayList<>();
            for (int n = 0; n < nodes; n++) {
                stores.add(PostgresRecordStore.newBuilder().jdbcUrl(url).schema("bench_import").poolSize(2)
                        .migrate(false).build());
            }
            ExecutorService threads = Executors.newFixedThreadPool(nodes);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<List<RecordKey>>> results = new ArrayList<>();
                long[] calls = new long[nodes];
                for (int n = 0; n < nodes; n++) {
                    int node = n;
                    PostgresRecordStore store = stores.get(n);
                    results.add(threads.submit(() -> {
                        List<RecordKey> got = new ArrayList<>();
                        ClaimRequest request = ClaimRequest.of(CAMPAIGN, "node-" + node, START.plusSeconds(60))
                                .withMax(max).withLeaseFor(Duration.ofHours(12));
                        go.await();
                        long end = System.nanoTime() + seconds * 1_000_000_000L;
                        while (System.nanoTime() < end) {
                            List<Claim> claims = store.claim(request);
                            calls[node]++;
                            for (Claim c : claims) {
                                got.add(c.lease().key());
                            }
                        }
                        return got;
                    }));
                }
                long t0 = System.nanoTime();
                go.countDown();
                List<RecordKey> all = new ArrayList<>();
                for (Future<List<RecordKey>> f : results) {
                    all.addAll(f.get());
                }
                double wall = (System.nanoTime() - t0) / 1e9;
                long totalCalls = 0;
                for (long n : calls) {
                    totalCalls += n;
                }
                int before = everClaimed.size();
                everClaimed.addAll(all);
                boolean unique = everClaimed.size() - before == all.size();
                System.out.printf(Locale.ROOT,
                        "claims, %d node%s, %2d per call: %,10.0f records/s  %,8.0f calls/s  (%,d records; %s)%n",
                        nodes, nodes == 1 ? " " : "s", max, all.size() / wall, totalCalls / wall, all.size(),
                        unique ? "no record claimed twice" : "DOUBLE CLAIMS: " + (before + all.size() - everClaimed.size()));
                if (!unique) {
                    throw new IllegalStateException("a record was claimed twice");
                }
            } finally {
                threads.shutdownNow();
                for (PostgresRecordStore s : stores) {
                    s.close();
                }
            }
        }
    }
}
