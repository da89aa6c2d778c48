package dev.outbound.csv.imports;

import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.CustomerRef;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordStatus;
import dev.outbound.csv.RowProblem;
import dev.outbound.csv.mapping.RowOutcome;
import dev.outbound.csv.read.SourceRow;
import dev.outbound.spi.directory.AgentDirectory;
import dev.outbound.spi.store.BulkResult;
import dev.outbound.spi.store.RecordQuery;
import dev.outbound.spi.store.RecordStore;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The pipeline's core, one run over one source: read a row, map it, check its agent, check it
 * against the rows before it, and write accepted records in batches, accounting for every row.
 *
 * <p>Rows are handled in file order in batches of up to {@code batchSize} rows of any kind; at the
 * end of a batch its accepted records go to the store through the {@link BatchWriter} (one upsert,
 * or the {@link RuleWriter} when the rules need the stored records first), the counts and problems
 * are taken from what it says of each record, and each row goes to the result sink, all in row
 * order. Memory is bounded by the batch, plus one map entry per distinct customer reference id
 * when duplicates are detected or an update rule applies to the records the file did not name.
 *
 * <p>Mapping is the only step that depends on nothing before it; it is thread-safe, so with
 * {@linkplain LeadImport.Builder#threads several threads} a batch's rows are read here, mapped on
 * the run's own {@link ParallelMapper} workers, and then handled here one by one in order, exactly
 * as one row at a time would have been. The workers end with {@link #run()}, however it ends.
 */
final class ImportRun {
    /** Hooks into the job: cancellation and progress. */
    interface Control {
        /** @return whether the run should stop at the next row */
        boolean cancelRequested();

        /**
         * A row was read.
         *
         * @param rows rows read so far
         * @param bytes bytes consumed so far
         */
        void rowRead(long rows, long bytes);

        /** A batch was written. */
        void batchWritten();
    }

    /** How a run ended, and why when it failed. */
    record End(ImportStatus status, Optional<String> failure) {
    }

    /** One row waiting for its batch to be written. */
    private static final class Pending {
        final SourceRow row;
        /** The accepted record, or null for an invalid or duplicate row. */
        final Record record;
        /** Warnings of an accepted row; all reasons of an invalid row; the one problem of a duplicate. */
        final List<RowProblem> problems;
        /** The row a duplicate repeats, or 0. */
        final long firstRow;

        Pending(SourceRow row, Record record, List<RowProblem> problems, long firstRow) {
            this.row = row;
            this.record = record;
            this.problems = problems;
            this.firstRow = firstRow;
        }
    }

    private final LeadImport.Settings settings;
    private final RowSource source;
    private final Mapper mapper;
    private final ResultSink sink;
    private final BatchWriter writer;
    /** Whether the update rule is applied to the records the file did not name, after a complete run. */
    private final boolean storeOnly;
    private final Control control;
    /** The job's id, in the worker threads' names. */
    private final String name;

    /** The first row that made a record for each customer reference id; kept for dedupe and the update rule. */
    private final RowIndex firstRowByRef;
    private final List<Pending> pending;
    private final List<Record> batch;
    private final ProblemLog problems = new ProblemLog();
    /**
     * What the directory said of each agent so far: a file names few agents, and a directory may
     * be a remote service. Bounded, so that a file of distinct unknown agents cannot grow it.
     */
    private final Map<AgentEmail, Boolean> agentKnown = new HashMap<>();
    private static final int AGENT_CACHE_LIMIT = 10_000;
    private long rowsRead;
    /** The source rows an earlier run of the job wrote; 0 for a first run. */
    private final long doneThrough;
    private long total;
    private long imported;
    private long updated;
    private long unchanged;
    private long duplicates;
    private long invalid;
    private long warnings;
    private long deleted;
    private long deleteSkipped;
    private long storeOnlyActivated;
    private long storeOnlyInactivated;
    private long storeOnlySkipped;

    ImportRun(LeadImport.Settings settings, RowSource source, Mapper mapper, ResultSink sink, BatchWriter writer,
            boolean storeOnly, Control control, String name) {
        this(settings, source, mapper, sink, writer, storeOnly, control, name, 0);
    }

    /**
     * @param doneThrough the source rows an earlier run of the job wrote: they are classified (so
     *     that later rows repeating their references are duplicates) but neither written nor counted
     */
    ImportRun(LeadImport.Settings settings, RowSource source, Mapper mapper, ResultSink sink, BatchWriter writer,
            boolean storeOnly, Control control, String name, long doneThrough) {
        this.doneThrough = doneThrough;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.source = Objects.requireNonNull(source, "source");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.storeOnly = storeOnly;
        this.control = Objects.requireNonNull(control, "control");
        this.name = Objects.requireNonNull(name, "name");
        this.firstRowByRef = settings.dedupe() || storeOnly ? new RowIndex() : null;
        this.pending = new ArrayList<>(settings.batchSize());
        this.batch = new ArrayList<>(settings.batchSize());
    }

    /**
     * Runs to the end of the source, a cancellation, or a failure to read. On a failure to read or
     * a cancellation the rows read so far are still written and counted, and the update rule
     * changes nothing. A store that throws on a batch fails the run; that batch's rows are not counted.
     * An exception from the mapper is thrown on, after the workers, if any, have ended.
     *
     * @return how it ended
     */
    End run() {
        if (settings.threads() == 1) {
            return run(null);
        }
        try (ParallelMapper workers = new ParallelMapper(mapper.map(), settings.threads(), name)) {
            return run(workers);
        }
    }

    /**
     * Reads chunks of rows, maps each chunk (inline, or on the workers), and classifies and
     * writes its rows in order. Without workers a chunk is one row, so that a row is read, mapped
     * and handled before the next is read; with them a chunk is a batch, so that a cancellation,
     * which is asked for before a row is read, finds the same rows read as with one thread.
     */
    private End run(ParallelMapper workers) {
        int chunkSize = workers == null ? 1 : settings.batchSize();
        List<SourceRow> chunk = new ArrayList<>(chunkSize);
        String readFailure = null;
        boolean more = true;
        while (more) {
            chunk.clear();
            while (chunk.size() < chunkSize) {
                if (control.cancelRequested()) {
                    more = false;
                    break;
                }
                Optional<SourceRow> next;
                try {
                    next = source.next();
                } catch (UncheckedIOException e) {
                    readFailure = "reading stopped after row " + rowsRead + ": " + describe(e.getCause());
                    more = false;
                    break;
                }
                if (next.isEmpty()) {
                    more = false;
                    break;
                }
                rowsRead++;
                control.rowRead(rowsRead, source.bytesRead());
                chunk.add(next.get());
            }
            if (chunk.isEmpty()) {
                continue;
            }
            List<RowOutcome> outcomes = workers == null ? null : workers.map(chunk);
            for (int i = 0; i < chunk.size(); i++) {
                SourceRow row = chunk.get(i);
                Pending p = classify(row, outcomes == null ? mapper.map().apply(row) : outcomes.get(i));
                if (row.row() > doneThrough) {
                    pending.add(p);
                }
            }
            if (pending.size() >= settings.batchSize()) {
                Optional<String> storeFailure = flush();
                if (storeFailure.isPresent()) {
                    return new End(ImportStatus.FAILED, storeFailure);
                }
                control.batchWritten();
            }
        }
        Optional<String> storeFailure = flush();
        if (storeFailure.isPresent()) {
            return new End(ImportStatus.FAILED, storeFailure);
        }
        if (readFailure != null) {
            return new End(ImportStatus.FAILED, Optional.of(readFailure));
        }
        // A row the reader could not get past ended the file early: the rows read are written and
        // counted, the rest were never seen, so the run is not complete.
        Optional<String> stopped = source.stoppedEarly();
        if (stopped.isPresent()) {
            return new End(ImportStatus.FAILED, Optional.of(stopped.get()
                    + "; the rows before it are counted, the rest of the file was not imported"));
        }
        // A cancellation that comes after the last row still stops the update rule: it changes
        // records the file did not name, which a partial run cannot know.
        if (control.cancelRequested()) {
            return new End(ImportStatus.CANCELLED, Optional.empty());
        }
        if (storeOnly) {
            Optional<String> ruleFailure = applyStoreOnly();
            if (ruleFailure.isPresent()) {
                return new End(ImportStatus.FAILED, ruleFailure);
            }
        }
        return new End(ImportStatus.FINISHED, Optional.empty());
    }

    /** Decides, from its mapping and as far as it can without the store, what a row is. */
    private Pending classify(SourceRow row, RowOutcome outcome) {
        if (outcome instanceof RowOutcome.Invalid) {
            return new Pending(row, null, ((RowOutcome.Invalid) outcome).problems(), 0);
        }
        RowOutcome.Mapped mapped = (RowOutcome.Mapped) outcome;
        Record record = mapped.record();
        Optional<AgentDirectory> directory = settings.agentDirectory();
        if (directory.isPresent() && record.agent().isPresent() && !known(directory.get(), record.agent().get())) {
            List<RowProblem> reasons = new ArrayList<>(mapped.warnings());
            reasons.add(new RowProblem(row.row(), row.line(), mapper.agentColumn(), RowProblem.Severity.ERROR,
                    "AGENT_UNKNOWN", "agent '" + record.agent().get().value()
                            + "' is not a user of the system; expected the e-mail of a known agent"));
            return new Pending(row, null, reasons, 0);
        }
        // Only rows that made a record take their reference id: an invalid row never makes a
        // later valid row with the same id a duplicate.
        String ref = record.ref().value();
        if (firstRowByRef != null) {
            long first = firstRowByRef.putIfAbsent(ref, row.row());
            if (first != 0 && settings.dedupe()) {
                RowProblem dup = new RowProblem(row.row(), row.line(), mapper.refColumn(), RowProblem.Severity.ERROR,
                        "DUPLICATE_IN_FILE", "customer reference id '" + ref + "' was already used by row " + first
                                + "; the first occurrence wins and this row is ignored");
                return new Pending(row, null, List.of(dup), first);
            }
        }
        return new Pending(row, record, mapped.warnings(), 0);
    }

    private boolean known(AgentDirectory directory, AgentEmail agent) {
        Boolean known = agentKnown.get(agent);
        if (known == null) {
            known = directory.exists(agent);
            if (agentKnown.size() < AGENT_CACHE_LIMIT) {
                agentKnown.put(agent, known);
            }
        }
        return known;
    }

    /**
     * Writes the pending batch, counts it and passes each row to the sink.
     *
     * @return why the store refused the batch, if it did
     */
    private Optional<String> flush() {
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        batch.clear();
        for (Pending p : pending) {
            if (p.record != null) {
                batch.add(p.record);
            }
        }
        List<BatchWriter.Written> outcomes = List.of();
        if (!batch.isEmpty()) {
            try {
                outcomes = writer.write(batch, pending.get(pending.size() - 1).row.row());
            } catch (RuntimeException e) {
                String failure = "the record store refused the batch of rows " + pending.get(0).row.row() + " to "
                        + pending.get(pending.size() - 1).row.row() + " (" + pending.size()
                        + " rows, not counted): " + describe(e);
                pending.clear();
                return Optional.of(failure);
            }
        }
        // Count the whole batch before writing result files, so that a result file that cannot
        // be written leaves the counts whole.
        int k = 0;
        for (Pending p : pending) {
            total++;
            if (p.record == null) {
                if (p.firstRow > 0) {
                    duplicates++;
                } else {
                    invalid++;
                }
                problems.addAll(p.problems);
                continue;
            }
            BatchWriter.Written o = outcomes.get(k++);
            boolean warned = !p.problems.isEmpty();
            problems.addAll(p.problems);
            switch (o) {
                case CREATED:
                    imported++;
                    break;
                case UPDATED:
                    updated++;
                    break;
                case KEPT:
                    unchanged++;
                    break;
                case HELD:
                    unchanged++;
                    warned = true;
                    problems.add(new RowProblem(p.row.row(), p.row.line(), Optional.empty(),
                            RowProblem.Severity.WARNING, "RECORD_IN_CALL", "record '" + p.record.ref().value()
                                    + "' is held by a dialer (in a call); the stored record was kept: import the "
                                    + "row again once the call has ended"));
                    break;
                case CHANGED:
                    unchanged++;
                    warned = true;
                    problems.add(new RowProblem(p.row.row(), p.row.line(), Optional.empty(),
                            RowProblem.Severity.WARNING, "RECORD_CHANGED", "record '" + p.record.ref().value()
                                    + "' was changed by another writer (a dialer) each of the "
                                    + (RuleWriter.RETRIES + 1) + " times the import read it and wrote it back; "
                                    + "the stored record was kept: import the row again"));
                    break;
                case NOT_APPENDED:
                    unchanged++;
                    warned = true;
                    problems.add(new RowProblem(p.row.row(), p.row.line(), mapper.refColumn(),
                            RowProblem.Severity.WARNING, "NOT_APPENDED", "customer reference id '"
                                    + p.record.ref().value() + "' is not in the campaign and the import rule is "
                                    + "DO_NOTHING: the row was not written"));
                    break;
                default:
                    throw new IllegalStateException("unknown outcome " + o);
            }
            if (warned) {
                warnings++;
            }
        }
        for (Pending p : pending) {
            if (p.record != null) {
                sink.accepted(p.row, p.record);
            } else if (p.firstRow > 0) {
                sink.duplicate(p.row, p.firstRow);
            } else {
                sink.invalid(p.row, p.problems);
            }
        }
        pending.clear();
        return Optional.empty();
    }

    /**
     * The update rule (and replace): deletes, activates or inactivates the campaign's records
     * whose reference id no row of the file took, in batches of keys, each a store call that
     * judges leases and statuses itself. The keys are collected first and the stream closed, so
     * that a database store is not asked to write under its own open cursor.
     *
     * @return why the store failed, if it did
     */
    private Optional<String> applyStoreOnly() {
        RecordStore store = settings.store();
        CampaignId campaign = settings.factory().campaign();
        Clock clock = settings.factory().clock();
        ImportRules.UpdateRule rule = settings.rules().storeOnly();
        List<RuleWriter.Step> steps = RuleWriter.steps(rule);
        List<CustomerRef> stale = new ArrayList<>();
        try {
            try (Stream<Record> all = store.stream(RecordQuery.campaign(campaign))) {
                all.forEach(r -> {
                    if (!firstRowByRef.contains(r.ref().value())) {
                        stale.add(r.ref());
                    }
                });
            }
            for (int from = 0; from < stale.size(); from += settings.batchSize()) {
                List<CustomerRef> refs = stale.subList(from, Math.min(stale.size(), from + settings.batchSize()));
                if (rule == ImportRules.UpdateRule.DELETE) {
                    BulkResult r = store.delete(query(campaign, refs, Set.of()), clock.instant());
                    deleted += r.applied();
                    deleteSkipped += r.skipped().size();
                    continue;
                }
                for (RuleWriter.Step step : steps) {
                    BulkResult r = store.changeStatus(query(campaign, refs, step.statuses()), step.change(),
                            clock.instant());
                    if (rule == ImportRules.UpdateRule.INACTIVATE) {
                        storeOnlyInactivated += r.applied();
                    } else {
                        storeOnlyActivated += r.applied();
                    }
                    storeOnlySkipped += r.skipped().size();
                }
            }
        } catch (RuntimeException e) {
            return Optional.of("update rule " + rule + ": changing the records the file did not name failed after "
                    + (deleted + storeOnlyActivated + storeOnlyInactivated) + " records: " + describe(e));
        }
        return Optional.empty();
    }

    private static RecordQuery query(CampaignId campaign, List<CustomerRef> refs, Set<RecordStatus> statuses) {
        RecordQuery.Builder q = RecordQuery.newBuilder().campaign(campaign);
        refs.forEach(q::ref);
        statuses.forEach(q::status);
        return q.build();
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    long rowsRead() {
        return rowsRead;
    }

    ImportCounts counts() {
        return new ImportCounts(total, imported, updated, unchanged, duplicates, invalid, warnings, deleted,
                deleteSkipped, storeOnlyActivated, storeOnlyInactivated, storeOnlySkipped);
    }

    ProblemLog problems() {
        return problems;
    }
}
