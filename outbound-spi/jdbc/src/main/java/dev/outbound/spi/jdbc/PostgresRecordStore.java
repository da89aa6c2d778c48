package dev.outbound.spi.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.outbound.core.InvalidValueException;
import dev.outbound.core.lifecycle.CampaignLists;
import dev.outbound.core.lifecycle.ListShare;
import dev.outbound.core.lifecycle.LoadClass;
import dev.outbound.core.lifecycle.StatusChange;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.ListId;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordStatus;
import dev.outbound.spi.store.BulkResult;
import dev.outbound.spi.store.Claim;
import dev.outbound.spi.store.ClaimRequest;
import dev.outbound.spi.store.Interaction;
import dev.outbound.spi.store.Lease;
import dev.outbound.spi.store.Page;
import dev.outbound.spi.store.PageCursor;
import dev.outbound.spi.store.PageRequest;
import dev.outbound.spi.store.RecordKey;
import dev.outbound.spi.store.RecordMatch;
import dev.outbound.spi.store.RecordQuery;
import dev.outbound.spi.store.RecordStore;
import dev.outbound.spi.store.ReplaceResult;
import dev.outbound.spi.store.Replacement;
import dev.outbound.spi.store.StoreException;
import dev.outbound.spi.store.UpsertMode;
import dev.outbound.spi.store.UpsertResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * A {@link RecordStore} on PostgreSQL, shared by any number of dialer nodes: each node opens its
 * own store (its own pool) on the same database and schema, and the database keeps them apart.
 *
 * <p><b>Schema.</b> Created and upgraded by versioned Flyway migrations when the store opens
 * (unless {@link Builder#migrate(boolean) turned off}); see {@code docs/jdbc.md}. A record is one
 * row of {@code outbound_record}: the columns that claims and queries select on (status, due time,
 * priority, list, agent, callback, reason, wrap code, last contact; custom fields as JSONB) and
 * the exact record in {@code body}; its numbers are rows of {@code outbound_phone}, its history
 * rows of {@code outbound_interaction}.
 *
 * <p><b>Claims and leases.</b> A claim selects the due records in load order with
 * {@code FOR UPDATE SKIP LOCKED} and writes each a lease (owner, token from one sequence, expiry)
 * in the same transaction: two nodes claiming at once skip each other's rows, so no record is
 * ever handed to two nodes, and a record whose lease has run out is simply due again. Within one
 * store the claims of a campaign take turns, so that its weighted list share (kept in memory, one
 * per node, as the dial queue keeps its own) is exact; across nodes each node shares its own
 * claims by the weights.
 *
 * <p><b>Writes.</b> Every write is one transaction: an upsert or replacement batch (readers see
 * none or all of it), a {@link #complete} (record, history entry and lease end together), a bulk
 * delete or status change. {@link #replaceIfUnchanged} locks each stored row, compares it with the
 * expected record by value and writes it in the same transaction.
 *
 * <p><b>Reads.</b> Queries, counts and streams read one snapshot (repeatable read) and walk the
 * matching rows in key order; a {@link #stream} holds a connection and a cursor until it is closed.
 *
 * <p>Instants that select rows (due time, lease expiry, last contact) are kept as epoch
 * nanoseconds; instants outside the years 1677 to 2262 saturate there.
 */
public final class PostgresRecordStore implements RecordStore {
    private static final Duration MAX_LEASE = Duration.ofDays(1);
    /** Rows read at a time when a query, count or stream walks the matching rows. */
    private static final int CHUNK = 1_000;

    private final DataSource dataSource;
    private final HikariDataSource ownPool;
    private final String schema;
    private final String records;
    private final String phones;
    private final String history;
    private final String tokens;
    private final Map<String, CampaignClaims> campaigns = new ConcurrentHashMap<>();

    /** What this store's claims of one campaign remember: the list share and the latest instant served. */
    private static final class CampaignClaims {
        CampaignLists lists;
        ListShare share;
        Instant latest;
    }

    private PostgresRecordStore(DataSource dataSource, HikariDataSource ownPool, String schema) {
        this.dataSource = dataSource;
        this.ownPool = ownPool;
        this.schema = schema;
        String prefix = "\"" + schema + "\".";
        this.records = prefix + "outbound_record";
        this.phones = prefix + "outbound_phone";
        this.history = prefix + "outbound_interaction";
        this.tokens = prefix + "outbound_lease_token";
    }

    /** @return a builder: give it a JDBC URL or a data source */
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * Opens a store on a database with the default settings: its own pool, the {@code public}
     * schema, migrated when needed.
     *
     * @param jdbcUrl a PostgreSQL JDBC URL ({@code jdbc:postgresql://host/db?user=...})
     * @return the store
     */
    public static PostgresRecordStore open(String jdbcUrl) {
        return newBuilder().jdbcUrl(jdbcUrl).build();
    }

    /** How a store connects: a JDBC URL (the store pools it with HikariCP) or a caller's data source. */
    public static final class Builder {
        private String jdbcUrl;
        private String user;
        private String password;
        private DataSource dataSource;
        private String schema;
        private Boolean migrate;
        private Integer poolSize;

        private Builder() {
        }

        /**
         * @param url a PostgreSQL JDBC URL; the store opens a HikariCP pool on it and closes it on {@link #close()}
         * @return this builder
         */
        public Builder jdbcUrl(String url) {
            Objects.requireNonNull(url, "url");
            if (jdbcUrl != null) {
                throw new IllegalStateException("jdbcUrl set twice: " + jdbcUrl + " and " + url);
            }
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new InvalidValueException("jdbcUrl", "a URL starting jdbc:postgresql:", url);
            }
            jdbcUrl = url;
            return this;
        }

        /**
         * @param name the database user, when the URL does not name it
         * @param secret the password
         * @return this builder
         */
        public Builder credentials(String name, String secret) {
            this.user = Objects.requireNonNull(name, "name");
            this.password = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /**
         * @param source a data source the caller owns (pooled or not); the store never closes it
         * @return this builder
         */
        public Builder dataSource(DataSource source) {
            Objects.requireNonNull(source, "source");
            if (dataSource != null) {
                throw new IllegalStateException("dataSource set twice");
            }
            dataSource = source;
            return this;
        }

        /**
         * @param name the schema that holds the store's tables, {@code public} unless set; letters,
         *     digits and underscores
         * @return this builder
         */
        public Builder schema(String name) {
            Objects.requireNonNull(name, "name");
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
                throw new InvalidValueException("schema", "letters, digits and _, at most 63, not starting with a digit",
                        name);
            }
            if (schema != null) {
                throw new IllegalStateException("schema set twice: " + schema + " and " + name);
            }
            schema = name;
            return this;
        }

        /**
         * @param run whether the store runs the schema migrations when it opens (default true);
         *     turn it off where a deployment migrates the schema itself
         * @return this builder
         */
        public Builder migrate(boolean run) {
            if (migrate != null) {
                throw new IllegalStateException("migrate set twice");
            }
            migrate = run;
            return this;
        }

        /**
         * @param size the most connections of the store's own pool (default 8); only with {@link #jdbcUrl}
         * @return this builder
         */
        public Builder poolSize(int size) {
            if (size < 1 || size > 1_000) {
                throw new InvalidValueException("poolSize", "1 - 1000", size);
            }
            poolSize = size;
            return this;
        }

        /**
         * Opens the store: its pool (for a URL), then the migrations.
         *
         * @return the store
         * @throws IllegalStateException if neither or both of a URL and a data source are given,
         *     or a pool size is given with a data source
         */
        public PostgresRecordStore build() {
            if ((jdbcUrl == null) == (dataSource == null)) {
                throw new IllegalStateException(jdbcUrl == null ? "give a jdbcUrl or a dataSource"
                        : "give a jdbcUrl or a dataSource, not both (jdbcUrl " + jdbcUrl + ")");
            }
            if (dataSource != null && poolSize != null) {
                throw new IllegalStateException("poolSize " + poolSize + " set with a dataSource: size that pool itself");
            }
            String s = schema == null ? "public" : schema;
            HikariDataSource pool = null;
            DataSource ds = dataSource;
            if (jdbcUrl != null) {
                HikariConfig config = new HikariConfig();
                config.setJdbcUrl(jdbcUrl);
                if (user != null) {
                    config.setUsername(user);
                    config.setPassword(password);
                }
                config.setMaximumPoolSize(poolSize == null ? 8 : poolSize);
                config.setPoolName("outbound-" + s);
                try {
                    pool = new HikariDataSource(config);
                } catch (RuntimeException e) {
                    // The URL's parameters may hold a password: name the database without them.
                    String where = jdbcUrl.contains("?") ? jdbcUrl.substring(0, jdbcUrl.indexOf('?')) : jdbcUrl;
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    throw new JdbcStoreException("cannot connect to the record store at " + where + ": "
                            + cause.getMessage(), e);
                }
                ds = pool;
            }
            try {
                if (migrate == null || migrate) {
                    if (jdbcUrl != null) {
                        // Flyway holds a second connection for its lock: through a pool of one
                        // it would wait for itself until the pool timed out.
                        flyway(s).dataSource(jdbcUrl, user, password).load().migrate();
                    } else {
                        PostgresRecordStore.migrate(ds, s);
                    }
                }
                return new PostgresRecordStore(ds, pool, s);
            } catch (RuntimeException e) {
                if (pool != null) {
                    pool.close();
                }
                throw e;
            }
        }
    }

    /**
     * Brings a schema to the latest version of the store's tables, creating it if needed. The store
     * does this when it opens; call it where a deployment migrates before the nodes start.
     *
     * @param dataSource the database
     * @param schema the schema
     */
    public static void migrate(DataSource dataSource, String schema) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(schema, "schema");
        flyway(schema).dataSource(dataSource).load().migrate();
    }

    private static FluentConfiguration flyway(String schema) {
        return Flyway.configure(PostgresRecordStore.class.getClassLoader())
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations("classpath:outbound-jdbc/migration")
                .table("outbound_schema_history");
    }

    /** @return the schema that holds the store's tables */
    public String schema() {
        return schema;
    }

    // ------------------------------------------------------------------ transactions

    /** Work in one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs work in one transaction, again when the database aborted it for a serialization failure
     * or a deadlock (nothing of it was written then).
     */
    private <T> T inTransaction(int isolation, Work<T> work) {
        for (int attempt = 1;; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                // Writes run at the session's default, read committed: setting it would cost a round
                // trip per transaction. Reads ask for their snapshot within the transaction.
                if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
                    try (Statement s = c.createStatement()) {
                        s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                    }
                }
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            } catch (Retry retry) {
                if (attempt >= 20) {
                    throw new IllegalStateException("a write to " + records + " kept colliding with others", retry);
                }
            } catch (SQLException e) {
                String state = e.getSQLState();
                boolean transientFailure = "40001".equals(state) || "40P01".equals(state);
                if (!transientFailure || attempt >= 20) {
                    throw new JdbcStoreException("record store " + records + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** Runs work in one transaction of the store, for a journal that writes with it. */
    <T> T inWriteTransaction(Work<T> work) {
        return write(work);
    }

    /** Dialable records written by a journal's transaction: as {@link #upsert} notes them. */
    void noteWritten(List<Record> wrote) {
        written(wrote);
    }

    /** @return the qualified name of a table of the store's schema */
    String table(String name) {
        return "\"" + schema + "\"." + name;
    }

    private <T> T write(Work<T> work) {
        return inTransaction(Connection.TRANSACTION_READ_COMMITTED, work);
    }

    private <T> T read(Work<T> work) {
        return inTransaction(Connection.TRANSACTION_REPEATABLE_READ, work);
    }

    /** A concurrent writer created a key this transaction meant to create: run it again. */
    private static final class Retry extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Retry() {
            super("retry", null, false, false);
        }
    }

    // ------------------------------------------------------------------ single records

    @Override
    public void create(Record record) {
        Objects.requireNonNull(record, "record");
        boolean created = write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + records + " (" + RecordRows.COLUMNS
                    + ") VALUES (" + RecordRows.PARAMS + ") ON CONFLICT (campaign, ref) DO NOTHING")) {
                RecordRows.bind(ps, record, RecordCodec.encode(record));
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            insertPhones(c, List.of(record));
            return true;
        });
        if (!created) {
            throw StoreException.duplicateKey(RecordKey.of(record));
        }
        written(List.of(record));
    }

    @Override
    public Optional<Record> get(RecordKey key) {
        Objects.requireNonNull(key, "key");
        return write(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM " + records
                    + " WHERE campaign = ? AND ref = ?")) {
                ps.setString(1, key.campaign().value());
                ps.setString(2, key.ref().value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(RecordCodec.decode(rs.getBytes(1))) : Optional.empty();
                }
            }
        });
    }

    // ------------------------------------------------------------------ batches

    /** A stored row as a batch write reads it under its lock. */
    private static final class Stored {
        Record record;
        long leaseExpires;
        boolean leased;
        boolean exists;
        boolean changed;
        boolean created;
    }

    /**
     * Locks and reads the stored rows of the given keys (absent keys come back as not existing), in
     * key order so that two batches never deadlock.
     */
    private Map<RecordKey, Stored> lockRows(Connection c, Iterable<RecordKey> keys, boolean withBody)
            throws SQLException {
        TreeMap<RecordKey, Stored> out = new TreeMap<>();
        Map<String, List<String>> byCampaign = new TreeMap<>();
        for (RecordKey k : keys) {
            if (!out.containsKey(k)) {
                out.put(k, new Stored());
                byCampaign.computeIfAbsent(k.campaign().value(), x -> new ArrayList<>()).add(k.ref().value());
            }
        }
        String sql = "SELECT ref, lease_expires" + (withBody ? ", body" : "") + " FROM " + records
                + " WHERE campaign = ? AND ref = ANY(?) ORDER BY ref FOR UPDATE";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Map.Entry<String, List<String>> e : byCampaign.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setArray(2, c.createArrayOf("text", e.getValue().toArray()));
                CampaignId campaign = new CampaignId(e.getKey());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Stored s = out.get(RecordKey.of(campaign, new dev.outbound.core.record.CustomerRef(
                                rs.getString(1))));
                        s.exists = true;
                        long expires = rs.getLong(2);
                        s.leased = !rs.wasNull();
                        s.leaseExpires = expires;
                        if (withBody) {
                            s.record = RecordCodec.decode(rs.getBytes(3));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static boolean heldAt(Stored s, Instant at) {
        return s.exists && s.leased && s.leaseExpires > RecordCodec.nanos(at);
    }

    /**
     * {@inheritDoc} The batch is one transaction: its stored rows are locked, the outcomes worked
     * out in batch order, and the records written with one multi-row statement per table.
     */
    @Override
    public UpsertResult upsert(List<Record> batch, UpsertMode mode, Instant at) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(at, "at");
        checkBatch(batch.size(), "upsert batch", "records");
        for (int i = 0; i < batch.size(); i++) {
            Objects.requireNonNull(batch.get(i), "batch record " + i);
        }
        if (batch.isEmpty()) {
            return new UpsertResult(List.of());
        }
        List<Record> wrote = new ArrayList<>();
        UpsertResult result = write(c -> upsertIn(c, batch, mode, at, wrote));
        written(wrote);
        return result;
    }

    /**
     * The upsert within a caller's transaction: what an import's batch and its job row share.
     *
     * @param wrote receives the records written, in batch order
     */
    UpsertResult upsertIn(Connection c, List<Record> batch, UpsertMode mode, Instant at, List<Record> wrote)
            throws SQLException {
        return upsertIn(c, batch, mode, at, wrote, null);
    }

    /**
     * The upsert within a caller's transaction, noting the record each written key held before
     * (null for a key the batch created) when {@code before} is given.
     */
    UpsertResult upsertIn(Connection c, List<Record> batch, UpsertMode mode, Instant at, List<Record> wrote,
            Map<RecordKey, Record> before) throws SQLException {
        wrote.clear();
        List<RecordKey> keys = new ArrayList<>(batch.size());
        for (Record r : batch) {
            keys.add(RecordKey.of(r));
        }
        Map<RecordKey, Stored> stored = lockRows(c, keys, before != null);
        if (before != null) {
            for (Map.Entry<RecordKey, Stored> e : stored.entrySet()) {
                before.put(e.getKey(), e.getValue().record);
            }
        }
        List<UpsertResult.Outcome> outcomes = new ArrayList<>(batch.size());
        Map<RecordKey, Record> finalState = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Record r = batch.get(i);
            Stored s = stored.get(keys.get(i));
            if (!s.exists) {
                s.exists = true;
                s.created = true;
                s.changed = true;
                finalState.put(keys.get(i), r);
                wrote.add(r);
                outcomes.add(UpsertResult.Outcome.CREATED);
            } else if (mode == UpsertMode.KEEP_EXISTING) {
                outcomes.add(UpsertResult.Outcome.KEPT_EXISTING);
            } else if (heldAt(s, at)) {
                outcomes.add(UpsertResult.Outcome.SKIPPED_CLAIMED);
            } else {
                s.changed = true;
                finalState.put(keys.get(i), r);
                wrote.add(r);
                outcomes.add(UpsertResult.Outcome.REPLACED);
            }
        }
        writeRows(c, finalState, stored);
        return new UpsertResult(outcomes);
    }

    /**
     * Writes the final records of a batch: inserts for created keys (a key another transaction
     * created meanwhile makes the whole batch run again), updates for replaced ones, and their numbers.
     */
    private void writeRows(Connection c, Map<RecordKey, Record> finalState, Map<RecordKey, Stored> stored)
            throws SQLException {
        if (finalState.isEmpty()) {
            return;
        }
        List<Record> created = new ArrayList<>();
        List<Record> replaced = new ArrayList<>();
        for (Map.Entry<RecordKey, Record> e : finalState.entrySet()) {
            (stored.get(e.getKey()).created ? created : replaced).add(e.getValue());
        }
        // One multi-row statement per kind of write: the rows travel as arrays and unnest there.
        if (!created.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + records + " (" + RecordRows.COLUMNS
                    + ") " + RecordRows.UNNEST + " ON CONFLICT (campaign, ref) DO NOTHING")) {
                RecordRows.bindArrays(c, ps, created);
                if (ps.executeUpdate() != created.size()) {
                    throw new Retry();
                }
            }
        }
        if (!replaced.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + records + " (" + RecordRows.COLUMNS
                    + ") " + RecordRows.UNNEST + " ON CONFLICT (campaign, ref) DO UPDATE SET "
                    + RecordRows.UPDATE_FROM_EXCLUDED + ", version = " + records + ".version + 1")) {
                RecordRows.bindArrays(c, ps, replaced);
                ps.executeUpdate();
            }
            deletePhones(c, replaced);
        }
        List<Record> all = new ArrayList<>(created);
        all.addAll(replaced);
        insertPhones(c, all);
    }

    private void insertPhones(Connection c, List<Record> rs) throws SQLException {
        List<String> campaign = new ArrayList<>();
        List<String> ref = new ArrayList<>();
        List<Integer> position = new ArrayList<>();
        List<String> digits = new ArrayList<>();
        List<String> reversed = new ArrayList<>();
        for (Record r : rs) {
            int i = 0;
            for (dev.outbound.core.record.RecordPhone p : r.phones()) {
                String d = dev.outbound.spi.store.PhoneMatch.digitsOf(p.number());
                campaign.add(r.campaign().value());
                ref.add(r.ref().value());
                position.add(i++);
                digits.add(d);
                reversed.add(new StringBuilder(d).reverse().toString());
            }
        }
        if (campaign.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + phones
                + " (campaign, ref, position, digits, reversed) SELECT * FROM unnest(?::text[], ?::text[], ?::int2[], "
                + "?::text[], ?::text[])")) {
            ps.setArray(1, c.createArrayOf("text", campaign.toArray()));
            ps.setArray(2, c.createArrayOf("text", ref.toArray()));
            ps.setArray(3, c.createArrayOf("int4", position.toArray()));
            ps.setArray(4, c.createArrayOf("text", digits.toArray()));
            ps.setArray(5, c.createArrayOf("text", reversed.toArray()));
            ps.executeUpdate();
        }
    }

    private void deletePhones(Connection c, List<Record> rs) throws SQLException {
        Map<String, List<String>> byCampaign = new TreeMap<>();
        for (Record r : rs) {
            byCampaign.computeIfAbsent(r.campaign().value(), x -> new ArrayList<>()).add(r.ref().value());
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + phones + " WHERE campaign = ? AND ref = ANY(?)")) {
            for (Map.Entry<String, List<String>> e : byCampaign.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setArray(2, c.createArrayOf("text", e.getValue().toArray()));
                ps.executeUpdate();
            }
        }
    }

    @Override
    public ReplaceResult replaceIfUnchanged(List<Replacement> batch, Instant at) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(at, "at");
        checkBatch(batch.size(), "replaceIfUnchanged batch", "replacements");
        for (int i = 0; i < batch.size(); i++) {
            Objects.requireNonNull(batch.get(i), "batch replacement " + i);
        }
        if (batch.isEmpty()) {
            return new ReplaceResult(List.of());
        }
        List<Record> wrote = new ArrayList<>();
        ReplaceResult result = write(c -> {
            wrote.clear();
            List<RecordKey> keys = new ArrayList<>(batch.size());
            for (Replacement r : batch) {
                keys.add(r.key());
            }
            // The rows stay locked until the transaction ends: the comparison and the write are one step.
            Map<RecordKey, Stored> stored = lockRows(c, keys, true);
            List<ReplaceResult.Outcome> outcomes = new ArrayList<>(batch.size());
            Map<RecordKey, Record> finalState = new LinkedHashMap<>();
            for (Replacement r : batch) {
                Stored s = stored.get(r.key());
                if (heldAt(s, at)) {
                    outcomes.add(ReplaceResult.Outcome.CLAIMED);
                } else if (!s.exists || !s.record.equals(r.expected())) {
                    outcomes.add(ReplaceResult.Outcome.CHANGED);
                } else {
                    s.record = r.updated();
                    finalState.put(r.key(), r.updated());
                    wrote.add(r.updated());
                    outcomes.add(ReplaceResult.Outcome.REPLACED);
                }
            }
            writeRows(c, finalState, stored);
            return new ReplaceResult(outcomes);
        });
        written(wrote);
        return result;
    }

    private static void checkBatch(int size, String what, String unit) {
        if (size > MAX_BATCH) {
            throw new InvalidValueException(what, "at most " + MAX_BATCH + " " + unit, size + " " + unit);
        }
    }

    // ------------------------------------------------------------------ queries

    /** One matching row's record as the walk reads it. */
    private interface RowSink {
        /** @return whether the walk should go on */
        boolean accept(Record r);
    }

    /**
     * Walks the records that match the query's SQL filter in key order, strictly after
     * {@code after} (inclusive of its record, for its later numbers), {@value #CHUNK} at a time.
     */
    private void walk(Connection c, RecordQuery query, RecordKey from, RowSink sink) throws SQLException {
        QueryFilter filter = QueryFilter.of(query, phones);
        String sql = "SELECT r.campaign, r.ref, r.body FROM " + records + " r WHERE " + filter.where
                + " AND (r.campaign, r.ref) >= (?, ?) ORDER BY r.campaign, r.ref LIMIT " + CHUNK;
        String campaign = from == null ? "" : from.campaign().value();
        String ref = from == null ? "" : from.ref().value();
        boolean first = true;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            while (true) {
                int i = filter.bind(c, ps, 1);
                ps.setString(i++, campaign);
                ps.setString(i, ref);
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        n++;
                        String rc = rs.getString(1);
                        String rr = rs.getString(2);
                        if (!first && rc.equals(campaign) && rr.equals(ref)) {
                            continue; // the last row of the previous chunk
                        }
                        campaign = rc;
                        ref = rr;
                        Record r = RecordCodec.decode(rs.getBytes(3));
                        if (!sink.accept(r)) {
                            return;
                        }
                    }
                }
                first = false;
                if (n < CHUNK) {
                    return;
                }
            }
        }
    }

    @Override
    public Page<RecordMatch> query(RecordQuery query, PageRequest page) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(page, "page");
        PageCursor after = page.after().orElse(null);
        int want = page.size() + 1;
        List<RecordMatch> rows = read(c -> {
            List<RecordMatch> out = new ArrayList<>(Math.min(want, 1024));
            boolean phone = query.hasPhoneCriterion();
            walk(c, query, after == null ? null : after.key(), r -> {
                if (!query.matchesRecord(r)) {
                    return true;
                }
                boolean atCursor = after != null && RecordKey.of(r).equals(after.key());
                for (int position : query.matchingPhones(r)) {
                    if (atCursor && position <= after.position()) {
                        continue;
                    }
                    out.add(phone ? RecordMatch.ofPhone(r, position) : RecordMatch.of(r));
                    if (out.size() >= want) {
                        return false;
                    }
                }
                return true;
            });
            return out;
        });
        if (rows.size() < want) {
            return new Page<>(rows, Optional.empty());
        }
        List<RecordMatch> shown = rows.subList(0, page.size());
        return new Page<>(shown, Optional.of(PageRequest.after(shown.get(shown.size() - 1).cursor(), page.size())));
    }

    @Override
    public long count(RecordQuery query) {
        Objects.requireNonNull(query, "query");
        return read(c -> {
            long[] n = new long[1];
            walk(c, query, null, r -> {
                if (query.matchesRecord(r)) {
                    n[0] += query.matchingPhones(r).size();
                }
                return true;
            });
            return n[0];
        });
    }

    /**
     * {@inheritDoc} The stream reads one snapshot through a database cursor, a thousand rows at a
     * time, and holds a pooled connection until it is closed.
     */
    @Override
    public Stream<Record> stream(RecordQuery query) {
        Objects.requireNonNull(query, "query");
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            QueryFilter filter = QueryFilter.of(query, phones);
            PreparedStatement ps = c.prepareStatement("SELECT r.body FROM " + records + " r WHERE " + filter.where
                    + " ORDER BY r.campaign, r.ref");
            ps.setFetchSize(CHUNK);
            filter.bind(c, ps, 1);
            ResultSet rs = ps.executeQuery();
            Connection conn = c;
            Spliterator<Record> rows = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                    Spliterator.ORDERED | Spliterator.NONNULL) {
                @Override
                public boolean tryAdvance(Consumer<? super Record> action) {
                    try {
                        while (rs.next()) {
                            Record r = RecordCodec.decode(rs.getBytes(1));
                            if (query.matches(r)) {
                                action.accept(r);
                                return true;
                            }
                        }
                        return false;
                    } catch (SQLException e) {
                        throw new JdbcStoreException("record store " + records + ": " + e.getMessage(), e);
                    }
                }
            };
            return StreamSupport.stream(rows, false).onClose(() -> closeQuietly(conn));
        } catch (SQLException e) {
            closeQuietly(c);
            throw new JdbcStoreException("record store " + records + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.rollback();
            c.setAutoCommit(true);
            c.close();
        } catch (SQLException ignored) {
            // The connection is going back to the pool or away; nothing was written on it.
        }
    }

    /** Reads the matching records under their row locks, in key order. */
    private List<Stored> lockMatching(Connection c, RecordQuery query) throws SQLException {
        QueryFilter filter = QueryFilter.of(query, phones);
        List<Stored> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT r.body, r.lease_expires FROM " + records + " r WHERE "
                + filter.where + " ORDER BY r.campaign, r.ref FOR UPDATE")) {
            ps.setFetchSize(CHUNK);
            filter.bind(c, ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Record r = RecordCodec.decode(rs.getBytes(1));
                    if (!query.matches(r)) {
                        continue;
                    }
                    Stored s = new Stored();
                    s.record = r;
                    s.exists = true;
                    s.leaseExpires = rs.getLong(2);
                    s.leased = !rs.wasNull();
                    out.add(s);
                }
            }
        }
        return out;
    }

    @Override
    public BulkResult delete(RecordQuery query, Instant at) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(at, "at");
        return write(c -> {
            List<Stored> matched = lockMatching(c, query);
            List<BulkResult.Skipped> skipped = new ArrayList<>();
            List<Record> gone = new ArrayList<>();
            for (Stored s : matched) {
                if (heldAt(s, at)) {
                    skipped.add(new BulkResult.Skipped(RecordKey.of(s.record), BulkResult.Reason.CLAIMED));
                } else {
                    gone.add(s.record);
                }
            }
            Map<String, List<String>> byCampaign = new TreeMap<>();
            for (Record r : gone) {
                byCampaign.computeIfAbsent(r.campaign().value(), x -> new ArrayList<>()).add(r.ref().value());
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + records
                    + " WHERE campaign = ? AND ref = ANY(?)")) {
                for (Map.Entry<String, List<String>> e : byCampaign.entrySet()) {
                    ps.setString(1, e.getKey());
                    ps.setArray(2, c.createArrayOf("text", e.getValue().toArray()));
                    ps.executeUpdate();
                }
            }
            return new BulkResult(matched.size(), gone.size(), skipped);
        });
    }

    /**
     * {@inheritDoc} A record counts as changed when {@link StatusChange#applyTo} gives a record
     * that differs from the stored one; only those are written.
     */
    @Override
    public BulkResult changeStatus(RecordQuery query, StatusChange change, Instant at) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(at, "at");
        List<Record> wrote = new ArrayList<>();
        BulkResult result = write(c -> {
            wrote.clear();
            List<Stored> matched = lockMatching(c, query);
            List<BulkResult.Skipped> skipped = new ArrayList<>();
            Map<RecordKey, Record> finalState = new LinkedHashMap<>();
            Map<RecordKey, Stored> stored = new HashMap<>();
            for (Stored s : matched) {
                RecordKey key = RecordKey.of(s.record);
                if (heldAt(s, at)) {
                    skipped.add(new BulkResult.Skipped(key, BulkResult.Reason.CLAIMED));
                } else if (s.record.status() == RecordStatus.PROCESSING && change.status().isPresent()) {
                    skipped.add(new BulkResult.Skipped(key, BulkResult.Reason.IN_CALL));
                } else {
                    Record changed = change.applyTo(s.record, at);
                    if (!changed.equals(s.record)) {
                        finalState.put(key, changed);
                        stored.put(key, s);
                        wrote.add(changed);
                    }
                }
            }
            writeRows(c, finalState, stored);
            return new BulkResult(matched.size(), finalState.size(), skipped);
        });
        written(wrote);
        return result;
    }

    // ------------------------------------------------------------------ history

    @Override
    public boolean appendInteraction(RecordKey key, Interaction interaction) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(interaction, "interaction");
        Boolean added = write(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + records
                    + " WHERE campaign = ? AND ref = ? FOR SHARE")) {
                ps.setString(1, key.campaign().value());
                ps.setString(2, key.ref().value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                }
            }
            return insertInteraction(c, key, interaction);
        });
        if (added == null) {
            throw StoreException.unknownKey(key);
        }
        return added;
    }

    private boolean insertInteraction(Connection c, RecordKey key, Interaction interaction) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + history
                + " (campaign, ref, id, at, body) VALUES (?, ?, ?, ?, ?) ON CONFLICT (campaign, ref, id) DO NOTHING")) {
            ps.setString(1, key.campaign().value());
            ps.setString(2, key.ref().value());
            ps.setString(3, interaction.id());
            ps.setLong(4, RecordCodec.nanos(interaction.at()));
            ps.setBytes(5, RecordCodec.encode(interaction));
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws InvalidValueException if {@code limit} is less than 1
     */
    @Override
    public List<Interaction> latestInteractions(RecordKey key, int limit) {
        Objects.requireNonNull(key, "key");
        if (limit < 1) {
            throw new InvalidValueException("history limit", "1 or more", limit);
        }
        return write(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM " + history
                    + " WHERE campaign = ? AND ref = ? ORDER BY at DESC, seq DESC LIMIT ?")) {
                ps.setString(1, key.campaign().value());
                ps.setString(2, key.ref().value());
                ps.setInt(3, limit);
                List<Interaction> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(RecordCodec.decodeInteraction(rs.getBytes(1)));
                    }
                }
                return List.copyOf(out);
            }
        });
    }

    // ------------------------------------------------------------------ claims

    /**
     * {@inheritDoc} The due rows are selected in load order with {@code FOR UPDATE SKIP LOCKED}:
     * the agent's own records (assigned, or reserved by a callback), then the shared ones by the
     * schema's due-record index, one query per list when weighting is on; the leases are written
     * in the same transaction. Rows another node is claiming at that moment are skipped, not
     * waited for.
     */
    @Override
    public List<Claim> claim(ClaimRequest request) {
        Objects.requireNonNull(request, "request");
        CampaignClaims claims = campaigns.computeIfAbsent(request.campaign().value(), k -> new CampaignClaims());
        synchronized (claims) {
            if (claims.share == null) {
                claims.lists = request.lists();
                claims.share = ListShare.of(request.lists());
                for (ListId list : listsInKeyOrder(request.campaign())) {
                    claims.share.add(list);
                }
            } else if (!claims.lists.equals(request.lists())) {
                claims.share = ListShare.of(keepingOrder(claims.share.lists(), request.lists()));
                claims.lists = request.lists();
            }
            Instant at = request.at();
            Instant served = claims.latest != null && at.isBefore(claims.latest) ? claims.latest : at;
            claims.latest = served;
            if (request.agent().isEmpty() && !request.lists().isWeighted()) {
                return claimShared(request, served);
            }
            return write(c -> claimIn(c, request, served, claims.share));
        }
    }

    private List<ListId> listsInKeyOrder(CampaignId campaign) {
        return write(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT list FROM " + records
                    + " WHERE campaign = ? AND dialable GROUP BY list ORDER BY min(ref)")) {
                ps.setString(1, campaign.value());
                List<ListId> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ListId(rs.getString(1)));
                    }
                }
                return out;
            }
        });
    }

    /** A due row as a claim selects it. */
    private static final class Candidate {
        final Record record;

        Candidate(Record record) {
            this.record = record;
        }
    }

    /**
     * The common claim, for any agent without weighting, in one statement: the best rows without a
     * recorded lease and the best rows whose lease has expired are locked (skipping rows other
     * claims hold), the best of both leased, and the records returned. One round trip.
     */
    private List<Claim> claimShared(ClaimRequest request, Instant served) {
        CampaignLists lists = request.lists();
        String[] disabled = lists.lists().keySet().stream().filter(l -> !lists.isEnabled(l)).map(ListId::value)
                .toArray(String[]::new);
        String pick = "SELECT campaign, ref, shared_class, priority, due_at FROM " + records
                + " WHERE campaign = ? AND dialable AND due_at <= ? AND list <> ALL(?) AND agent IS NULL"
                + " AND (callback_agent IS NULL OR (callback_pref = 'PREFER_AGENT' AND callback_at <= ?)) AND %s"
                + " ORDER BY shared_class, priority DESC, due_at, ref LIMIT ? FOR UPDATE SKIP LOCKED";
        String sql = "WITH free AS (" + String.format(pick, "lease_owner IS NULL") + "), "
                + "expired AS (" + String.format(pick, "lease_owner IS NOT NULL AND lease_expires <= ?") + "), "
                + "best AS (SELECT * FROM free UNION ALL SELECT * FROM expired"
                + " ORDER BY shared_class, priority DESC, due_at, ref LIMIT ?) "
                + "UPDATE " + records + " r SET lease_owner = ?, lease_expires = ?, lease_token = nextval('" + tokens
                + "') FROM best WHERE r.campaign = best.campaign AND r.ref = best.ref RETURNING r.body, r.lease_token";
        long at = RecordCodec.nanos(request.at());
        long reservedUntil = RecordCodec.nanos(served.minus(request.contactTimeout()));
        List<Claim> out = write(c -> {
            List<Claim> claims = new ArrayList<>(request.max());
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (int arm = 0; arm < 2; arm++) {
                    ps.setString(i++, request.campaign().value());
                    ps.setLong(i++, at);
                    ps.setArray(i++, c.createArrayOf("text", disabled));
                    ps.setLong(i++, reservedUntil);
                    if (arm == 1) {
                        ps.setLong(i++, at);
                    }
                    ps.setInt(i++, request.max());
                }
                ps.setInt(i++, request.max());
                ps.setString(i++, request.owner());
                ps.setLong(i, RecordCodec.nanos(request.leaseExpiry()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Record r = RecordCodec.decode(rs.getBytes(1));
                        claims.add(new Claim(r, new Lease(RecordKey.of(r), request.owner(), rs.getLong(2),
                                request.leaseExpiry())));
                    }
                }
            }
            return claims;
        });
        Comparator<Record> order = LoadClass.order(served, request.contactTimeout());
        out.sort(Comparator.comparing(Claim::record, order));
        return out;
    }

    private List<Claim> claimIn(Connection c, ClaimRequest request, Instant served, ListShare share)
            throws SQLException {
        long at = RecordCodec.nanos(request.at());
        long servedNanos = RecordCodec.nanos(served);
        Duration timeout = request.contactTimeout();
        CampaignLists lists = request.lists();
        String[] disabled = lists.lists().keySet().stream().filter(l -> !lists.isEnabled(l)).map(ListId::value)
                .toArray(String[]::new);
        String due = "campaign = ? AND dialable AND due_at <= ? AND (lease_expires IS NULL OR lease_expires <= ?)"
                + " AND list <> ALL(?)";
        Comparator<Record> order = LoadClass.order(served, timeout);
        List<Candidate> taken = new ArrayList<>();

        if (request.agent().isPresent()) {
            AgentEmail agent = request.agent().get();
            List<Candidate> mine = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM " + records + " WHERE " + due
                    + " AND (agent = ? OR callback_agent = ?) ORDER BY ref FOR UPDATE SKIP LOCKED")) {
                int i = bindDue(c, ps, request, at, disabled);
                ps.setString(i++, agent.value());
                ps.setString(i, agent.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Record r = RecordCodec.decode(rs.getBytes(1));
                        if (LoadClass.agentFor(r, served, timeout).equals(request.agent())) {
                            mine.add(new Candidate(r));
                        }
                    }
                }
            }
            mine.sort(Comparator.comparing(x -> x.record, order));
            taken.addAll(mine.subList(0, Math.min(mine.size(), request.max())));
        }
        int left = request.max() - taken.size();
        if (left > 0) {
            // Shared records: no user, and no callback that reserves them at the served instant.
            String shared = "SELECT body FROM " + records + " WHERE " + due + " AND agent IS NULL"
                    + " AND (callback_agent IS NULL OR (callback_pref = 'PREFER_AGENT' AND callback_at <= ?))"
                    + " %s ORDER BY shared_class, priority DESC, due_at, ref LIMIT ? FOR UPDATE SKIP LOCKED";
            // A PREFER_AGENT callback reserves its record before its time plus the contact timeout.
            long reservedUntil = RecordCodec.nanos(served.minus(timeout));
            if (!lists.isWeighted()) {
                List<Candidate> rows = new ArrayList<>();
                // Rows without a recorded lease by the due-record index, and rows whose lease has
                // run out by the lease index: the best of both are the best due.
                try (PreparedStatement ps = c.prepareStatement(String.format(shared, "AND lease_owner IS NULL"))) {
                    int i = bindDue(c, ps, request, at, disabled);
                    ps.setLong(i++, reservedUntil);
                    ps.setInt(i, left);
                    readCandidates(ps, served, timeout, rows);
                }
                // The expiry again as a plain range, so that the lease index finds the expired leases alone.
                try (PreparedStatement ps = c.prepareStatement(String.format(shared,
                        "AND lease_owner IS NOT NULL AND lease_expires <= ?"))) {
                    int i = bindDue(c, ps, request, at, disabled);
                    ps.setLong(i++, reservedUntil);
                    ps.setLong(i++, at);
                    ps.setInt(i, left);
                    readCandidates(ps, served, timeout, rows);
                }
                rows.sort(Comparator.comparing(x -> x.record, order));
                taken.addAll(rows.subList(0, Math.min(rows.size(), left)));
            } else {
                List<Candidate> rows = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(String.format(shared, "AND list = ?"))) {
                    for (ListId list : share.lists()) {
                        if (!lists.isEnabled(list)) {
                            continue;
                        }
                        int i = bindDue(c, ps, request, at, disabled);
                        ps.setLong(i++, reservedUntil);
                        ps.setString(i++, list.value());
                        ps.setInt(i, left);
                        readCandidates(ps, served, timeout, rows);
                    }
                }
                // Lists this store's share has not seen (written by another node): they join it now.
                String[] known = share.lists().stream().map(ListId::value).toArray(String[]::new);
                List<Candidate> unknown = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(String.format(shared, "AND list <> ALL(?)"))) {
                    int i = bindDue(c, ps, request, at, disabled);
                    ps.setLong(i++, reservedUntil);
                    ps.setArray(i++, c.createArrayOf("text", known));
                    ps.setInt(i, left);
                    readCandidates(ps, served, timeout, unknown);
                }
                for (Candidate x : unknown) {
                    share.add(x.record.list());
                }
                rows.addAll(unknown);
                while (taken.size() < request.max() && !rows.isEmpty()) {
                    List<Candidate> pool = rows;
                    ListId chosen = share.next(list -> pool.stream().anyMatch(x -> x.record.list().equals(list)))
                            .orElseThrow(() -> new IllegalStateException("the list share chose no list, but lists "
                                    + share.lists() + " have records due"));
                    Candidate best = null;
                    for (Candidate x : rows) {
                        if (x.record.list().equals(chosen) && (best == null || order.compare(x.record, best.record) < 0)) {
                            best = x;
                        }
                    }
                    rows.remove(best);
                    taken.add(best);
                }
            }
        }
        if (taken.isEmpty()) {
            return List.of();
        }
        return lease(c, request, taken);
    }

    private static int bindDue(Connection c, PreparedStatement ps, ClaimRequest request, long at, String[] disabled)
            throws SQLException {
        ps.setString(1, request.campaign().value());
        ps.setLong(2, at);
        ps.setLong(3, at);
        ps.setArray(4, c.createArrayOf("text", disabled));
        return 5;
    }

    private static void readCandidates(PreparedStatement ps, Instant served, Duration timeout, List<Candidate> out)
            throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Record r = RecordCodec.decode(rs.getBytes(1));
                // The SQL finds exactly these; the check guards the nanosecond saturation at the ends of time.
                if (LoadClass.agentFor(r, served, timeout).isEmpty()) {
                    out.add(new Candidate(r));
                }
            }
        }
    }

    /** Writes a lease on each taken row (their locks are held) and makes the claims, in order taken. */
    private List<Claim> lease(Connection c, ClaimRequest request, List<Candidate> taken) throws SQLException {
        String[] refs = new String[taken.size()];
        for (int i = 0; i < refs.length; i++) {
            refs[i] = taken.get(i).record.ref().value();
        }
        Map<String, Long> tokenOf = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + records + " SET lease_owner = ?, lease_expires = ?, "
                + "lease_token = nextval('" + tokens + "') WHERE campaign = ? AND ref = ANY(?) RETURNING ref, lease_token")) {
            ps.setString(1, request.owner());
            ps.setLong(2, RecordCodec.nanos(request.leaseExpiry()));
            ps.setString(3, request.campaign().value());
            ps.setArray(4, c.createArrayOf("text", refs));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tokenOf.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        List<Claim> out = new ArrayList<>(taken.size());
        for (Candidate x : taken) {
            Record r = x.record;
            Lease lease = new Lease(RecordKey.of(r), request.owner(), tokenOf.get(r.ref().value()), request.leaseExpiry());
            out.add(new Claim(r, lease));
        }
        return out;
    }

    /**
     * New list settings naming first the lists a share already knows, in its order, then the lists
     * named for the first time: the share keeps its lists' indexes, as the dial queue's does.
     */
    private static CampaignLists keepingOrder(List<ListId> known, CampaignLists newLists) {
        CampaignLists.Builder b = CampaignLists.newBuilder();
        for (ListId list : known) {
            b.list(list, newLists.isEnabled(list), newLists.weight(list));
        }
        for (ListId list : newLists.lists().keySet()) {
            if (!known.contains(list)) {
                b.list(list, newLists.isEnabled(list), newLists.weight(list));
            }
        }
        return b.weighting(newLists.isWeighted()).build();
    }

    /** Dialable records written to a campaign whose claims have a share: their lists join it, as offers to a dial queue do. */
    private void written(List<Record> wrote) {
        for (Record r : wrote) {
            if (!r.status().isDialable()) {
                continue;
            }
            CampaignClaims claims = campaigns.get(r.campaign().value());
            if (claims != null) {
                synchronized (claims) {
                    if (claims.share != null) {
                        claims.share.add(r.list());
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ leases

    /**
     * {@inheritDoc} A renewal never shortens a lease; the token stays the same.
     *
     * @throws InvalidValueException if {@code leaseFor} is not more than zero and at most a day
     */
    @Override
    public Lease renew(Lease lease, Instant at, Duration leaseFor) {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(leaseFor, "leaseFor");
        if (leaseFor.isNegative() || leaseFor.isZero() || leaseFor.compareTo(MAX_LEASE) > 0) {
            throw new InvalidValueException("renew leaseFor", "more than 0 and at most 1 day", leaseFor);
        }
        return write(c -> {
            Lease current = holding(c, lease, at);
            Instant wanted = at.plus(leaseFor);
            if (!wanted.isAfter(current.expiresAt())) {
                return current;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + records
                    + " SET lease_expires = ? WHERE campaign = ? AND ref = ?")) {
                ps.setLong(1, RecordCodec.nanos(wanted));
                ps.setString(2, lease.key().campaign().value());
                ps.setString(3, lease.key().ref().value());
                ps.executeUpdate();
            }
            return current.extendedTo(wanted);
        });
    }

    /**
     * Locks the lease's row and checks that the lease still holds at {@code at}.
     *
     * @return the lease as stored (its expiry perhaps renewed since)
     * @throws StoreException of kind {@code LEASE_LOST} otherwise
     */
    private Lease holding(Connection c, Lease lease, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT lease_owner, lease_token, lease_expires FROM " + records
                + " WHERE campaign = ? AND ref = ? FOR UPDATE")) {
            ps.setString(1, lease.key().campaign().value());
            ps.setString(2, lease.key().ref().value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw StoreException.leaseLost(lease, "the record was deleted");
                }
                String owner = rs.getString(1);
                long token = rs.getLong(2);
                boolean any = !rs.wasNull();
                long expires = rs.getLong(3);
                if (!any || token != lease.token() || !lease.owner().equals(owner)) {
                    throw StoreException.leaseLost(lease, any && expires > RecordCodec.nanos(at)
                            ? "another claim holds the record now" : "it was released, completed or taken over");
                }
                if (expires <= RecordCodec.nanos(at)) {
                    throw StoreException.leaseLost(lease, "it expired before " + at);
                }
                // The stored expiry is this lease's, renewed perhaps: keep the caller's exact instant when equal.
                Instant expiry = RecordCodec.nanos(lease.expiresAt()) == expires ? lease.expiresAt()
                        : Instant.ofEpochSecond(0, expires);
                return new Lease(lease.key(), owner, token, expiry);
            }
        }
    }

    @Override
    public void complete(Lease lease, Record updated, Optional<Interaction> interaction, Instant at) {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(interaction, "interaction");
        Objects.requireNonNull(at, "at");
        RecordKey key = RecordKey.of(updated);
        if (!key.equals(lease.key())) {
            throw new StoreException(StoreException.Kind.MISMATCH, lease.key(), "the record completing the lease on "
                    + lease.key() + " has another key: " + key);
        }
        write(c -> {
            holding(c, lease, at);
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + records + " SET (" + RecordRows.COLUMNS
                    + ") = (" + RecordRows.PARAMS + "), version = version + 1, lease_owner = NULL, lease_token = NULL, "
                    + "lease_expires = NULL WHERE campaign = ? AND ref = ?")) {
                RecordRows.bind(ps, updated, RecordCodec.encode(updated));
                ps.setString(19, key.campaign().value());
                ps.setString(20, key.ref().value());
                ps.executeUpdate();
            }
            deletePhones(c, List.of(updated));
            insertPhones(c, List.of(updated));
            if (interaction.isPresent()) {
                insertInteraction(c, key, interaction.get());
            }
            return null;
        });
        written(List.of(updated));
    }

    @Override
    public boolean release(Lease lease, Instant at) {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(at, "at");
        return write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + records + " SET lease_owner = NULL, "
                    + "lease_token = NULL, lease_expires = NULL WHERE campaign = ? AND ref = ? AND lease_token = ? "
                    + "AND lease_owner = ? AND lease_expires > ?")) {
                ps.setString(1, lease.key().campaign().value());
                ps.setString(2, lease.key().ref().value());
                ps.setLong(3, lease.token());
                ps.setString(4, lease.owner());
                ps.setLong(5, RecordCodec.nanos(at));
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<Lease> lease(RecordKey key, Instant at) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(at, "at");
        return write(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT lease_owner, lease_token, lease_expires FROM " + records
                    + " WHERE campaign = ? AND ref = ? AND lease_expires > ?")) {
                ps.setString(1, key.campaign().value());
                ps.setString(2, key.ref().value());
                ps.setLong(3, RecordCodec.nanos(at));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Lease(key, rs.getString(1), rs.getLong(2),
                            Instant.ofEpochSecond(0, rs.getLong(3))));
                }
            }
        });
    }

    /**
     * The leases an owner holds at an instant, in key order: what a node that restarts under the
     * same name can renew or release.
     *
     * @param owner the owner
     * @param at the instant
     * @return the leases
     */
    public List<Lease> leasesOf(String owner, Instant at) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(at, "at");
        return write(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT campaign, ref, lease_token, lease_expires FROM "
                    + records + " WHERE lease_owner = ? AND lease_expires > ? ORDER BY campaign, ref")) {
                ps.setString(1, owner);
                ps.setLong(2, RecordCodec.nanos(at));
                List<Lease> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        RecordKey key = RecordKey.of(new CampaignId(rs.getString(1)),
                                new dev.outbound.core.record.CustomerRef(rs.getString(2)));
                        out.add(new Lease(key, owner, rs.getLong(3), Instant.ofEpochSecond(0, rs.getLong(4))));
                    }
                }
                return out;
            }
        });
    }

    /** Closes the store's own pool, if it made one; a caller's data source stays open. */
    @Override
    public void close() {
        if (ownPool != null) {
            ownPool.close();
        }
    }

    /** @return the data source the store uses, for an import journal sharing its transactions */
    DataSource dataSource() {
        return dataSource;
    }

    @Override
    public String toString() {
        return "PostgresRecordStore[" + schema + "]";
    }

}
