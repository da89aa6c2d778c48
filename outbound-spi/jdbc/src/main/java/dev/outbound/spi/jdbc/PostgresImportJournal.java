package dev.outbound.spi.jdbc;

import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.CustomerRef;
import dev.outbound.core.record.Record;
import dev.outbound.csv.imports.ImportJournal;
import dev.outbound.csv.imports.ImportStatus;
import dev.outbound.spi.store.RecordKey;
import dev.outbound.spi.store.UpsertMode;
import dev.outbound.spi.store.UpsertResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The CSV import's {@link ImportJournal} on a {@link PostgresRecordStore}: each batch, the job's
 * row in {@code outbound_import_job} (how many source rows are done) and the batch's undo entries
 * in {@code outbound_import_write} are written in one transaction. A run that died is resumed by
 * running the job again under its id, after the last batch written; or it is
 * {@linkplain #rollBack rolled back}: every record it created is deleted and every record it
 * replaced gets its old value back, except records written since (a dialer's call) or held by a
 * lease, which are left and reported.
 *
 * <p>Needs {@code outbound-csv} on the class path, which the binding only declares as optional.
 */
public final class PostgresImportJournal implements ImportJournal {
    private final PostgresRecordStore store;
    private final String jobs;
    private final String writes;
    private final String records;

    private PostgresImportJournal(PostgresRecordStore store) {
        this.store = store;
        this.jobs = store.table("outbound_import_job");
        this.writes = store.table("outbound_import_write");
        this.records = store.table("outbound_record");
    }

    /**
     * @param store the store the imports write to
     * @return its journal
     */
    public static PostgresImportJournal of(PostgresRecordStore store) {
        return new PostgresImportJournal(Objects.requireNonNull(store, "store"));
    }

    /**
     * A job as its row says: where it stopped.
     *
     * @param jobId the job's id
     * @param source what it imports
     * @param state {@code RUNNING} while a run writes, then how the last run ended
     *     ({@code FINISHED}, {@code FAILED}, {@code CANCELLED}) or {@code ROLLED_BACK}
     * @param rowsDone the source rows its batches wrote, through the last batch committed
     * @param batches the batches written
     */
    public record Job(String jobId, String source, String state, long rowsDone, long batches) {
        /**
         * Checks the components.
         *
         * @param jobId the id
         * @param source the source
         * @param state the state
         * @param rowsDone rows done
         * @param batches batches written
         */
        public Job {
            Objects.requireNonNull(jobId, "jobId");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * What a rollback did.
     *
     * @param deleted records the job had created, now deleted
     * @param restored records the job had replaced, now back to their old value
     * @param left records left as they are: written since the job wrote them, or held by a lease
     */
    public record Rollback(long deleted, long restored, List<RecordKey> left) {
        /**
         * Copies the list.
         *
         * @param deleted deleted records
         * @param restored restored records
         * @param left records left
         */
        public Rollback {
            left = List.copyOf(left);
        }
    }

    @Override
    public long begin(String jobId, String source) {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(source, "source");
        return store.inWriteTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + jobs
                    + " (job_id, source, state) VALUES (?, ?, 'RUNNING') ON CONFLICT (job_id) DO NOTHING")) {
                ps.setString(1, jobId);
                ps.setString(2, source);
                ps.executeUpdate();
            }
            Job job = lockJob(c, jobId);
            if (job.state().equals("FINISHED") || job.state().equals("ROLLED_BACK")) {
                throw new IllegalStateException("import job " + jobId + " is " + job.state()
                        + ": it cannot run again; import under a new job id");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + jobs
                    + " SET state = 'RUNNING', updated_at = now() WHERE job_id = ?")) {
                ps.setString(1, jobId);
                ps.executeUpdate();
            }
            return job.rowsDone();
        });
    }

    @Override
    public UpsertResult write(String jobId, List<Record> batch, UpsertMode mode, Instant at, long rowsThrough) {
        Objects.requireNonNull(jobId, "jobId");
        List<Record> wrote = new ArrayList<>();
        UpsertResult result = store.inWriteTransaction(c -> {
            Job job = lockJob(c, jobId);
            if (!job.state().equals("RUNNING")) {
                throw new IllegalStateException("import job " + jobId + " is " + job.state() + ", not running");
            }
            if (rowsThrough <= job.rowsDone()) {
                throw new IllegalStateException("import job " + jobId + " has written rows through " + job.rowsDone()
                        + "; a batch ending at row " + rowsThrough + " would write them twice");
            }
            Map<RecordKey, Record> before = new HashMap<>();
            UpsertResult r = store.upsertIn(c, batch, mode, at, wrote, before);
            noteWrites(c, jobId, wrote, before);
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + jobs
                    + " SET rows_done = ?, batches = batches + 1, updated_at = now() WHERE job_id = ?")) {
                ps.setLong(1, rowsThrough);
                ps.setString(2, jobId);
                ps.executeUpdate();
            }
            return r;
        });
        store.noteWritten(wrote);
        return result;
    }

    /** Notes each written key's old value (the first time the job writes it) and its version now. */
    private void noteWrites(Connection c, String jobId, List<Record> wrote, Map<RecordKey, Record> before)
            throws SQLException {
        if (wrote.isEmpty()) {
            return;
        }
        Map<RecordKey, Long> versions = new TreeMap<>();
        Map<String, List<String>> byCampaign = new TreeMap<>();
        for (Record r : wrote) {
            byCampaign.computeIfAbsent(r.campaign().value(), x -> new ArrayList<>()).add(r.ref().value());
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT ref, version FROM " + records
                + " WHERE campaign = ? AND ref = ANY(?)")) {
            for (Map.Entry<String, List<String>> e : byCampaign.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setArray(2, c.createArrayOf("text", e.getValue().toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        versions.put(RecordKey.of(new CampaignId(e.getKey()), new CustomerRef(rs.getString(1))),
                                rs.getLong(2));
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + writes
                + " (job_id, campaign, ref, before, version) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (job_id, campaign, ref) DO UPDATE SET version = EXCLUDED.version")) {
            for (Map.Entry<RecordKey, Long> e : versions.entrySet()) {
                Record old = before.get(e.getKey());
                ps.setString(1, jobId);
                ps.setString(2, e.getKey().campaign().value());
                ps.setString(3, e.getKey().ref().value());
                if (old == null) {
                    ps.setNull(4, Types.BINARY);
                } else {
                    ps.setBytes(4, RecordCodec.encode(old));
                }
                ps.setLong(5, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public void end(String jobId, ImportStatus status) {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(status, "status");
        store.inWriteTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + jobs
                    + " SET state = ?, updated_at = now() WHERE job_id = ? AND state = 'RUNNING'")) {
                ps.setString(1, status.name());
                ps.setString(2, jobId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * @param jobId a job's id
     * @return its row, or empty when no job has that id
     */
    public Optional<Job> job(String jobId) {
        Objects.requireNonNull(jobId, "jobId");
        return store.inWriteTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT job_id, source, state, rows_done, batches FROM " + jobs
                    + " WHERE job_id = ?")) {
                ps.setString(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Job(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getLong(4), rs.getLong(5))) : Optional.empty();
                }
            }
        });
    }

    /**
     * Undoes a job that is not running, in one transaction: deletes the records it created,
     * gives the records it replaced their old value (their history stays), and leaves the records
     * written since or held by a lease at {@code at}. The job is then {@code ROLLED_BACK}.
     *
     * @param jobId the job
     * @param at the instant, against which leases are judged
     * @return what it did
     * @throws IllegalStateException if there is no such job, or it is running or already rolled back
     */
    public Rollback rollBack(String jobId, Instant at) {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(at, "at");
        return store.inWriteTransaction(c -> {
            Job job = lockJob(c, jobId);
            if (job.state().equals("RUNNING") || job.state().equals("ROLLED_BACK")) {
                throw new IllegalStateException("import job " + jobId + " is " + job.state() + ": nothing to roll back"
                        + (job.state().equals("RUNNING") ? " while it runs" : " twice"));
            }
            long deleted = 0;
            long restored = 0;
            List<RecordKey> left = new ArrayList<>();
            long now = RecordCodec.nanos(at);
            List<Record> back = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT w.campaign, w.ref, w.before, w.version, r.version, "
                    + "r.lease_expires FROM " + writes + " w JOIN " + records + " r ON r.campaign = w.campaign AND "
                    + "r.ref = w.ref WHERE w.job_id = ? ORDER BY w.campaign, w.ref FOR UPDATE OF r");
                    PreparedStatement delete = c.prepareStatement("DELETE FROM " + records
                            + " WHERE campaign = ? AND ref = ?")) {
                ps.setString(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        RecordKey key = RecordKey.of(new CampaignId(rs.getString(1)), new CustomerRef(rs.getString(2)));
                        byte[] old = rs.getBytes(3);
                        long expires = rs.getLong(6);
                        boolean leased = !rs.wasNull() && expires > now;
                        if (rs.getLong(4) != rs.getLong(5) || leased) {
                            left.add(key);
                        } else if (old == null) {
                            delete.setString(1, key.campaign().value());
                            delete.setString(2, key.ref().value());
                            delete.addBatch();
                            deleted++;
                        } else {
                            back.add(RecordCodec.decode(old));
                            restored++;
                        }
                    }
                }
                delete.executeBatch();
            }
            if (!back.isEmpty()) {
                store.upsertIn(c, back, UpsertMode.OVERWRITE, at, new ArrayList<>());
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + jobs
                    + " SET state = 'ROLLED_BACK', updated_at = now() WHERE job_id = ?")) {
                ps.setString(1, jobId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + writes + " WHERE job_id = ?")) {
                ps.setString(1, jobId);
                ps.executeUpdate();
            }
            return new Rollback(deleted, restored, left);
        });
    }

    private Job lockJob(Connection c, String jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT job_id, source, state, rows_done, batches FROM " + jobs
                + " WHERE job_id = ? FOR UPDATE")) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no import job " + jobId + " in " + jobs);
                }
                return new Job(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5));
            }
        }
    }
}
