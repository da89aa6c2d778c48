package dev.outbound.csv.process;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.CustomerRef;
import dev.outbound.core.record.Record;
import dev.outbound.csv.export.LeadExport;
import dev.outbound.csv.export.RecordCsvWriter;
import dev.outbound.csv.imports.ImportCounts;
import dev.outbound.csv.imports.ImportJob;
import dev.outbound.csv.imports.ImportListener;
import dev.outbound.csv.imports.ImportProgress;
import dev.outbound.csv.imports.ImportResult;
import dev.outbound.csv.imports.LeadImport;
import dev.outbound.spi.store.BulkResult;
import dev.outbound.spi.store.RecordQuery;
import dev.outbound.spi.store.RecordStore;
import dev.outbound.spi.time.Scheduler;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A campaign's list processes (seed 003: scheduled import, export and delete, "Pending ...
 * Processes" and "Contact List Processes"; seed 002: "set an import time", shell jobs): each
 * process is scheduled for an instant with a comment, runs then on the {@link Scheduler}'s
 * thread, and is kept as a {@link ProcessSnapshot} in the {@link ProcessStore}, from which
 * {@link #list()} and {@link #get} read.
 *
 * <pre>{@code
 * ListProcesses processes = ListProcesses.newBuilder(campaign, scheduler).build();
 * ProcessSnapshot p = processes.scheduleImport(tonight, "weekly list", imports, Path.of("leads.csv"));
 * processes.cancel(p.id());
 * }</pre>
 *
 * <p><b>Life.</b> A process is {@code PENDING} until the scheduler's clock reaches its instant
 * (an instant already past runs as soon as the scheduler can), then {@code RUNNING}, then exactly
 * one of {@code FINISHED}, {@code FAILED} or {@code CANCELLED}. Start and end times come from the
 * scheduler's clock, never from the system's. Percent never goes back and is 100 at
 * {@code FINISHED}:
 * <ul>
 * <li>an import's percent is its job's ({@link ImportProgress#percent()}, the share of the file
 *     read), its counts those of its {@link ImportResult} with {@code skipped_rows};</li>
 * <li>an export's is the records written of those {@link RecordStore#count counted} at its start,
 *     its counts {@code written} and {@code total};</li>
 * <li>a delete reads the keys of the matching records at its start and deletes them in batches
 *     ({@link Builder#batchSize}), each batch by the same filters, so a record that stopped
 *     matching is kept; its percent is the share of batches done, its counts {@code matched},
 *     {@code deleted} and {@code left_in_call} (records a dialer held, which
 *     {@link RecordStore#delete} leaves).</li>
 * </ul>
 *
 * <p><b>Cancel.</b> A pending process that is cancelled never runs and ends {@code CANCELLED}
 * without a start time. A running one stops at its next check: an import before its next row
 * ({@link ImportJob#cancel()}), an export and a delete between batches; it ends
 * {@code CANCELLED} with a message saying what it had done (rows imported and counted, records
 * written to the file, records deleted), and its counts. A request goes through the store
 * ({@link ProcessStore#requestCancel}), so another program sharing a persistent store can cancel
 * a process this one runs.
 *
 * <p>Export and delete are for the list's campaign: a query without a campaign is given it, one
 * for another campaign is refused. A delete with no other filter deletes the whole campaign.
 * Thread-safe.
 */
public final class ListProcesses {
    /** The default number of records an export writes, or a delete deletes, between two checks. */
    public static final int DEFAULT_BATCH_SIZE = 1_000;

    private final CampaignId campaign;
    private final Scheduler scheduler;
    private final ProcessStore store;
    private final ProcessListener listener;
    private final int batchSize;
    private final Map<String, Live> live = new ConcurrentHashMap<>();

    private ListProcesses(Builder b) {
        this.campaign = b.campaign;
        this.scheduler = b.scheduler;
        this.store = b.store != null ? b.store : ProcessStore.inMemory();
        this.listener = b.listener != null ? b.listener : s -> {
        };
        this.batchSize = b.batchSize;
    }

    /**
     * @param campaign the campaign whose processes these are
     * @param scheduler runs each process at its instant, on its thread; its clock gives every time
     * @return a builder: in-memory store, no listener, batches of {@value #DEFAULT_BATCH_SIZE}
     */
    public static Builder newBuilder(CampaignId campaign, Scheduler scheduler) {
        return new Builder(Objects.requireNonNull(campaign, "campaign"), Objects.requireNonNull(scheduler, "scheduler"));
    }

    /** @return the campaign */
    public CampaignId campaign() {
        return campaign;
    }

    /**
     * Schedules an import of a file, with a new random id.
     *
     * @param at when to run it
     * @param comment a comment, possibly empty
     * @param imports the import's settings (rules, mapping, result files, {@linkplain
     *     LeadImport.Builder#skipRows rows to skip})
     * @param file the file to import
     * @return the process, pending
     */
    public ProcessSnapshot scheduleImport(Instant at, String comment, LeadImport imports, Path file) {
        return scheduleImport(UUID.randomUUID().toString(), at, comment, imports, file);
    }

    /**
     * Schedules an import of a file under a given id, which is also the import job's id. A
     * pending process that the store already holds under this id (one another program
     * scheduled) is taken over; any other use of the id is refused.
     *
     * @param id the process's id, 1 to 128 characters
     * @param at when to run it
     * @param comment a comment, possibly empty
     * @param imports the import's settings
     * @param file the file to import
     * @return the process, pending
     * @throws InvalidValueException when the id is in use or the comment too long
     */
    public ProcessSnapshot scheduleImport(String id, Instant at, String comment, LeadImport imports, Path file) {
        Objects.requireNonNull(imports, "imports");
        Objects.requireNonNull(file, "file");
        return schedule(id, ProcessKind.IMPORT, at, Optional.of(file.toString()), comment, p -> runImport(p, imports,
                file));
    }

    /**
     * Schedules an export, with a new random id.
     *
     * @param at when to run it
     * @param comment a comment, possibly empty
     * @param records the store to read
     * @param query which records (the list's campaign when it names none)
     * @param export the columns and format
     * @param out the file to write, replaced if it exists
     * @return the process, pending
     */
    public ProcessSnapshot scheduleExport(Instant at, String comment, RecordStore records, RecordQuery query,
            LeadExport export, Path out) {
        return scheduleExport(UUID.randomUUID().toString(), at, comment, records, query, export, out);
    }

    /**
     * Schedules an export under a given id (see {@link #scheduleImport(String, Instant, String,
     * LeadImport, Path)} on ids).
     *
     * @param id the process's id
     * @param at when to run it
     * @param comment a comment, possibly empty
     * @param records the store to read
     * @param query which records (the list's campaign when it names none)
     * @param export the columns and format
     * @param out the file to write, replaced if it exists
     * @return the process, pending
     * @throws InvalidValueException when the id is in use, the query is for another campaign or
     *     the comment too long
     */
    public ProcessSnapshot scheduleExport(String id, Instant at, String comment, RecordStore records,
            RecordQuery query, LeadExport export, Path out) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(out, "out");
        RecordQuery q = ofCampaign(query);
        return schedule(id, ProcessKind.EXPORT, at, Optional.of(out.toString()), comment,
                p -> runExport(p, records, q, export, out));
    }

    /**
     * Schedules a bulk delete, with a new random id.
     *
     * @param at when to run it
     * @param comment a comment, possibly empty
     * @param records the store to delete from
     * @param filters which records: seed 003's record status ({@link RecordQuery.Builder#status}),
     *     major and minor reason code and record content ({@link RecordQuery.Builder#field}), or
     *     any other criterion of the query
     * @return the process, pending
     */
    public ProcessSnapshot scheduleDelete(Instant at, String comment, RecordStore records, RecordQuery filters) {
        return scheduleDelete(UUID.randomUUID().toString(), at, comment, records, filters);
    }

    /**
     * Schedules a bulk delete under a given id (see {@link #scheduleImport(String, Instant, String,
     * LeadImport, Path)} on ids).
     *
     * @param id the process's id
     * @param at when to run it
     * @param comment a comment, possibly empty
     * @param records the store to delete from
     * @param filters which records (the list's campaign when they name none)
     * @return the process, pending
     * @throws InvalidValueException when the id is in use, the filters are for another campaign
     *     or the comment too long
     */
    public ProcessSnapshot scheduleDelete(String id, Instant at, String comment, RecordStore records,
            RecordQuery filters) {
        Objects.requireNonNull(records, "records");
        RecordQuery q = ofCampaign(filters);
        return schedule(id, ProcessKind.DELETE, at, Optional.empty(), comment, p -> runDelete(p, records, q));
    }

    /** @return every process the store holds, by scheduled instant and then id */
    public List<ProcessSnapshot> list() {
        return store.list();
    }

    /**
     * The latest snapshot of a process. For a process this list scheduled it is the list's own,
     * unless the store already says it ended (a pending process cancelled by another program); so
     * a process that ended while the store failed to save its end still shows as ended here.
     *
     * @param id a process id
     * @return its latest snapshot: this list's, or the store's
     */
    public Optional<ProcessSnapshot> get(String id) {
        Optional<ProcessSnapshot> stored = store.get(Objects.requireNonNull(id, "id"));
        Live p = live.get(id);
        if (p == null) {
            return stored;
        }
        ProcessSnapshot own;
        synchronized (p) {
            own = p.snapshot;
        }
        if (!own.status().isTerminal() && stored.isPresent() && stored.get().status().isTerminal()) {
            return stored;
        }
        return Optional.of(own);
    }

    /**
     * Cancels a process: a pending one at once (it will never run), a running one at its next
     * check (the class description says where). The request is recorded in the store, so a
     * process that another program runs on a shared store sees it too.
     *
     * @param id the process's id
     * @return whether the request can take effect: false when the process has already ended
     * @throws InvalidValueException when the store holds no process with this id
     */
    public boolean cancel(String id) {
        Objects.requireNonNull(id, "id");
        Live p = live.get(id);
        if (p != null) {
            synchronized (p) {
                ProcessStatus s = p.snapshot.status();
                if (s.isTerminal()) {
                    return false;
                }
                store.requestCancel(id);
                p.cancelled = true;
                if (s == ProcessStatus.PENDING) {
                    p.handle.cancel();
                    publish(p, p.snapshot.end(ProcessStatus.CANCELLED, now(), Map.of(),
                            Optional.of("cancelled before it ran")));
                } else if (p.job != null) {
                    p.job.cancel();
                }
                return true;
            }
        }
        ProcessSnapshot s = store.get(id).orElseThrow(() -> new InvalidValueException("process id",
                "a process of this list", id));
        if (s.status().isTerminal()) {
            return false;
        }
        store.requestCancel(id);
        if (s.status() == ProcessStatus.PENDING) {
            ProcessSnapshot ended = s.end(ProcessStatus.CANCELLED, now(), Map.of(),
                    Optional.of("cancelled before it ran"));
            store.save(ended);
            listener.changed(ended);
        }
        return true;
    }

    private Instant now() {
        return scheduler.clock().instant();
    }

    private RecordQuery ofCampaign(RecordQuery q) {
        Objects.requireNonNull(q, "query");
        if (q.campaign().isPresent()) {
            if (!q.campaign().get().equals(campaign)) {
                throw new InvalidValueException("query campaign", "this process list's campaign " + campaign,
                        q.campaign().get());
            }
            return q;
        }
        return new RecordQuery(Optional.of(campaign), q.refs(), q.lists(), q.statuses(), q.agent(), q.unassigned(),
                q.contactedFrom(), q.contactedBefore(), q.wrapCode(), q.reasonMajor(), q.reasonMinor(), q.fields(),
                q.phone());
    }

    private ProcessSnapshot schedule(String id, ProcessKind kind, Instant at, Optional<String> file, String comment,
            Body body) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(comment, "comment");
        ProcessSnapshot first = ProcessSnapshot.pending(id, kind, at, file, comment);
        Optional<ProcessSnapshot> stored = store.get(id);
        if (live.containsKey(id) || (stored.isPresent() && stored.get().status() != ProcessStatus.PENDING)) {
            throw new InvalidValueException("process id", "not used by another process",
                    id + " (" + stored.map(s -> s.status().toString()).orElse("scheduled here") + ")");
        }
        Live p = new Live(id, body);
        if (live.putIfAbsent(id, p) != null) {
            throw new InvalidValueException("process id", "not used by another process", id);
        }
        synchronized (p) {
            publish(p, first);
            p.handle = scheduler.schedule(at, () -> run(p));
        }
        return first;
    }

    private void run(Live p) {
        synchronized (p) {
            if (p.snapshot.status() != ProcessStatus.PENDING) {
                return;
            }
            boolean cancelledElsewhere = store.cancelRequested(p.id)
                    || store.get(p.id).map(s -> s.status() == ProcessStatus.CANCELLED).orElse(false);
            if (cancelledElsewhere) {
                p.cancelled = true;
                publish(p, p.snapshot.end(ProcessStatus.CANCELLED, now(), Map.of(),
                        Optional.of("cancelled before it ran")));
                return;
            }
            publish(p, p.snapshot.running(now()));
        }
        Outcome o;
        try {
            o = p.body.run(p);
        } catch (RuntimeException e) {
            o = new Outcome(ProcessStatus.FAILED, p.snapshot.counts(),
                    Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        synchronized (p) {
            publish(p, p.snapshot.end(o.status, now(), o.counts, o.message));
        }
    }

    /** Saves and announces a snapshot; the caller holds the process's lock. */
    private void publish(Live p, ProcessSnapshot s) {
        p.snapshot = s;
        store.save(s);
        listener.changed(s);
    }

    private Outcome runImport(Live p, LeadImport imports, Path file) {
        ImportJob job = imports.newJob(file, p.id, new ImportListener() {
            @Override
            public void progress(ImportJob j, ImportProgress progress) {
                p.progress(progress.percent().orElse(0), Map.of("rows_read", progress.rows()));
                if (p.cancelRequested()) {
                    j.cancel();
                }
            }
        });
        synchronized (p) {
            p.job = job;
            if (p.cancelled) {
                job.cancel();
            }
        }
        ImportResult r = job.run();
        ImportCounts c = r.counts();
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("skipped_rows", r.skipped());
        counts.put("total_rows", c.total());
        counts.put("imported", c.imported());
        counts.put("updated", c.updated());
        counts.put("unchanged", c.unchanged());
        counts.put("duplicates", c.duplicates());
        counts.put("invalid", c.invalid());
        counts.put("deleted", c.deleted());
        switch (r.status()) {
            case FINISHED:
                return new Outcome(ProcessStatus.FINISHED, counts, Optional.empty());
            case CANCELLED:
                return new Outcome(ProcessStatus.CANCELLED, counts, Optional.of("cancelled after " + c.total()
                        + " rows: those rows were imported and are counted, the rest of the file was not read"));
            default:
                return new Outcome(ProcessStatus.FAILED, counts, r.failure());
        }
    }

    private Outcome runExport(Live p, RecordStore records, RecordQuery query, LeadExport export, Path out) {
        long total = records.count(query);
        long written = 0;
        boolean stopped = false;
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream os = Files.newOutputStream(out); RecordCsvWriter w = export.writer(os);
                    Stream<Record> all = records.stream(query)) {
                Iterator<Record> it = all.iterator();
                while (it.hasNext()) {
                    if (written % batchSize == 0 && p.cancelRequested()) {
                        stopped = true;
                        break;
                    }
                    w.write(it.next());
                    written++;
                    if (written % batchSize == 0) {
                        p.progress(percent(written, total), exportCounts(written, total));
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            return new Outcome(ProcessStatus.FAILED, exportCounts(written, total),
                    Optional.of("cannot write " + out + ": " + cause.getMessage()));
        }
        if (stopped) {
            return new Outcome(ProcessStatus.CANCELLED, exportCounts(written, total), Optional.of("cancelled after "
                    + written + " of " + total + " records: " + out + " holds those " + written));
        }
        return new Outcome(ProcessStatus.FINISHED, exportCounts(written, Math.max(total, written)), Optional.empty());
    }

    private static Map<String, Long> exportCounts(long written, long total) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("written", written);
        m.put("total", total);
        return m;
    }

    private Outcome runDelete(Live p, RecordStore records, RecordQuery query) {
        LinkedHashSet<CustomerRef> refs = new LinkedHashSet<>();
        try (Stream<Record> all = records.stream(query)) {
            all.forEach(r -> refs.add(r.ref()));
        }
        List<CustomerRef> keys = new ArrayList<>(refs);
        long matched = 0;
        long deleted = 0;
        long left = 0;
        for (int from = 0; from < keys.size(); from += batchSize) {
            if (p.cancelRequested()) {
                return new Outcome(ProcessStatus.CANCELLED, deleteCounts(matched, deleted, left),
                        Optional.of("cancelled after deleting " + deleted + " of " + keys.size()
                                + " matching records: the others are kept"));
            }
            List<CustomerRef> batch = keys.subList(from, Math.min(keys.size(), from + batchSize));
            RecordQuery q = new RecordQuery(query.campaign(), new LinkedHashSet<>(batch), query.lists(),
                    query.statuses(), query.agent(), query.unassigned(), query.contactedFrom(),
                    query.contactedBefore(), query.wrapCode(), query.reasonMajor(), query.reasonMinor(),
                    query.fields(), query.phone());
            BulkResult r = records.delete(q, now());
            matched += r.matched();
            deleted += r.applied();
            left += r.skipped().size();
            p.progress(percent(from + batch.size(), keys.size()), deleteCounts(matched, deleted, left));
        }
        return new Outcome(ProcessStatus.FINISHED, deleteCounts(matched, deleted, left), Optional.empty());
    }

    private static Map<String, Long> deleteCounts(long matched, long deleted, long left) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("matched", matched);
        m.put("deleted", deleted);
        m.put("left_in_call", left);
        return m;
    }

    /** Done of total, 0 to 100; 100 only when all is done (an empty total is done). */
    static int percent(long done, long total) {
        if (total <= 0 || done >= total) {
            return 100;
        }
        return (int) Math.min(99, done * 100 / total);
    }

    /** How a process's body ended. */
    private record Outcome(ProcessStatus status, Map<String, Long> counts, Optional<String> message) {
    }

    /** A process's work, run on the scheduler's thread. */
    @FunctionalInterface
    private interface Body {
        Outcome run(Live p);
    }

    /** A process this list scheduled: its latest snapshot, its scheduler handle, its import job. */
    private final class Live {
        final String id;
        final Body body;
        ProcessSnapshot snapshot;
        Scheduler.Scheduled handle;
        ImportJob job;
        boolean cancelled;

        Live(String id, Body body) {
            this.id = id;
            this.body = body;
        }

        synchronized boolean cancelRequested() {
            if (!cancelled && store.cancelRequested(id)) {
                cancelled = true;
            }
            return cancelled;
        }

        synchronized void progress(int percent, Map<String, Long> counts) {
            if (snapshot.status() == ProcessStatus.RUNNING) {
                publish(this, snapshot.progress(percent, counts));
            }
        }
    }

    /**
     * Builds a {@link ListProcesses}. Each option may be set once; setting one twice fails at
     * {@link #build()} naming it. Not thread-safe.
     */
    public static final class Builder {
        private final CampaignId campaign;
        private final Scheduler scheduler;
        private ProcessStore store;
        private ProcessListener listener;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private final List<String> set = new ArrayList<>();
        private final List<String> twice = new ArrayList<>();

        private Builder(CampaignId campaign, Scheduler scheduler) {
            this.campaign = campaign;
            this.scheduler = scheduler;
        }

        private void once(String option) {
            if (set.contains(option)) {
                twice.add(option);
            }
            set.add(option);
        }

        /**
         * @param s where snapshots are kept and cancel requests recorded (default: {@link ProcessStore#inMemory()})
         * @return this builder
         */
        public Builder store(ProcessStore s) {
            once("store");
            store = Objects.requireNonNull(s, "s");
            return this;
        }

        /**
         * @param l told of every new snapshot (default: nobody)
         * @return this builder
         */
        public Builder listener(ProcessListener l) {
            once("listener");
            listener = Objects.requireNonNull(l, "l");
            return this;
        }

        /**
         * @param n records an export writes, or a delete deletes, between two progress reports and
         *     cancel checks, 1 to {@value RecordStore#MAX_BATCH} (default {@value #DEFAULT_BATCH_SIZE})
         * @return this builder
         */
        public Builder batchSize(int n) {
            once("batchSize");
            batchSize = n;
            return this;
        }

        /**
         * @return the process list
         * @throws InvalidValueException when an option was set twice or the batch size is out of range
         */
        public ListProcesses build() {
            if (!twice.isEmpty()) {
                throw new InvalidValueException("list processes", "each option set once", "set twice: " + twice);
            }
            if (batchSize < 1 || batchSize > RecordStore.MAX_BATCH) {
                throw new InvalidValueException("batchSize", "1 - " + RecordStore.MAX_BATCH, batchSize);
            }
            return new ListProcesses(this);
        }
    }
}
