package dev.outbound.csv.imports;

import dev.outbound.core.OutboundException;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.csv.export.LeadExport;
import dev.outbound.csv.internal.JobState;
import dev.outbound.csv.read.Detected;
import dev.outbound.spi.store.UpsertMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One import of one file, as seed 003's process list shows it: an id, a status, progress, and a
 * way to cancel. {@link #run()} does the work on the caller's thread, once, but for the mapping
 * of rows to records when the import has {@linkplain LeadImport.Builder#threads several threads},
 * which then runs on worker threads of the run's own that end before {@code run()} returns;
 * {@link #status()}, {@link #progress()} and {@link #cancel()} may be called from any thread
 * meanwhile.
 *
 * <p>A run never throws for bad input: a file that cannot be read (missing, unreadable, no header,
 * a header the mapping does not fit, no customer reference id column, a read error midway), a
 * result file that cannot be written, or a store that refuses a batch ends the job
 * {@code FAILED} with the reason in the result; the rows read until then are still accounted for
 * (except a batch the store refused, which the reason names). Exceptions from the mapper, the
 * listener or other programming errors fail the job and are rethrown.
 *
 * <p>{@link #cancel()} stops the run before the next row: the rows already read are written and
 * counted, records already written stay, the update rule (replace) changes nothing, and the status becomes
 * {@code CANCELLED}. With a result directory, the result files then hold exactly the rows read.
 * Once a run has started, {@code summary.json} is written whatever the end; a job cancelled
 * before it ran writes nothing.
 */
public final class ImportJob {
    /** The least time between two progress reports, except the first and the last. */
    private static final long PROGRESS_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final String id;
    private final LeadImport owner;
    private final Optional<Path> file;
    private final RowSource.Opener opener;
    private final Function<List<String>, Mapper> mapperFor;
    private final boolean preview;
    private final int previewRows;
    private final ImportListener listener;

    private final JobState state = new JobState();
    /** Run-thread only: when progress was last reported, and whether it has been at all. */
    private long lastProgressNanos;
    private boolean progressReported;

    ImportJob(LeadImport owner, Optional<Path> file, RowSource.Opener opener, Function<List<String>, Mapper> mapperFor,
            boolean preview, int previewRows, String id) {
        this(owner, file, opener, mapperFor, preview, previewRows, id, Optional.empty());
    }

    ImportJob(LeadImport owner, Optional<Path> file, RowSource.Opener opener, Function<List<String>, Mapper> mapperFor,
            boolean preview, int previewRows, String id, Optional<ImportListener> also) {
        this.id = id;
        this.owner = owner;
        this.file = file;
        this.opener = opener;
        this.mapperFor = mapperFor;
        this.preview = preview;
        this.previewRows = previewRows;
        this.listener = preview ? new ImportListener() {
        } : also.isEmpty() ? owner.listener() : both(owner.listener(), also.get());
    }

    /** The import's listener first, then the job's own. */
    private static ImportListener both(ImportListener first, ImportListener second) {
        return new ImportListener() {
            @Override
            public void statusChanged(ImportJob job, ImportStatus status) {
                first.statusChanged(job, status);
                second.statusChanged(job, status);
            }

            @Override
            public void progress(ImportJob job, ImportProgress progress) {
                first.progress(job, progress);
                second.progress(job, progress);
            }
        };
    }

    /** @return the job's id: the one given to {@link LeadImport#newJob(Path, String)}, else a random UUID, unique without coordination between processes */
    public String id() {
        return id;
    }

    /** @return the file the job imports, when it imports a file */
    public Optional<Path> file() {
        return file;
    }

    /** @return the current status */
    public ImportStatus status() {
        return state.status();
    }

    /** @return how far the job has got; all zero before it runs */
    public ImportProgress progress() {
        return state.progress();
    }

    /**
     * Asks the job to stop. A pending job becomes {@code CANCELLED} at once, the listener being
     * told on the calling thread (and its {@link #run()} then reads nothing); a running one stops
     * before its next row. Thread-safe; asking twice does no harm.
     *
     * @return whether the request can still take effect: false when the job has already ended
     */
    public boolean cancel() {
        if (state.cancelPending()) {
            listener.statusChanged(this, ImportStatus.CANCELLED);
            return true;
        }
        return state.status() == ImportStatus.RUNNING;
    }

    /**
     * Runs the import on the calling thread and returns when it has ended.
     *
     * @return what it did
     * @throws IllegalStateException when the job has already run
     */
    public ImportResult run() {
        if (!state.firstRun()) {
            throw new IllegalStateException("import job " + id + " has already run (status " + state.status()
                    + "); make a new job with LeadImport.newJob");
        }
        long startNanos = System.nanoTime();
        if (!state.begin()) {
            return result(ImportStatus.CANCELLED, Optional.empty(), null, Optional.empty(), startNanos, null);
        }
        listener.statusChanged(this, ImportStatus.RUNNING);
        try {
            return execute(startNanos);
        } catch (RuntimeException | Error e) {
            if (!state.status().isTerminal()) {
                state.status(ImportStatus.FAILED);
                try {
                    listener.statusChanged(this, ImportStatus.FAILED);
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    private ImportResult execute(long startNanos) {
        LeadImport.Settings settings = owner.settings();
        Optional<Path> resultDir = preview ? Optional.empty() : owner.resultDirectory();
        String name = file.map(Path::toString).orElse("the input");
        Optional<Detected> detected = Optional.empty();
        ImportRun run = null;
        Optional<String> failure = Optional.empty();
        ImportStatus end = ImportStatus.FAILED;
        RowSource source = null;
        RowSource.Skipping skipping = null;
        ResultSink sink = ResultSink.NONE;
        try {
            try {
                source = opener.open();
            } catch (IOException e) {
                failure = Optional.of("cannot read " + name + ": " + ImportRun.describe(e));
            } catch (UncheckedIOException e) {
                failure = Optional.of("cannot read " + name + ": " + ImportRun.describe(e.getCause()));
            }
            Mapper mapper = null;
            if (source != null && owner.skipRows() > 0) {
                skipping = new RowSource.Skipping(source, owner.skipRows());
                source = skipping;
            }
            if (source != null) {
                detected = source.detected();
                state.size(source.size().orElse(-1));
                List<String> header = source.header();
                if (header.isEmpty()) {
                    failure = Optional.of(name + " has no header row: it is empty or blank");
                } else if (source.headerProblem().isPresent()) {
                    failure = Optional.of(name + ": " + source.headerProblem().get()
                            + "; nothing was imported, fix the header and import again");
                } else {
                    try {
                        mapper = mapperFor.apply(header);
                        if (mapper.refColumn().isEmpty()) {
                            failure = Optional.of("no column of the header " + header
                                    + " maps to the customer reference id");
                            mapper = null;
                        }
                    } catch (OutboundException | IllegalArgumentException e) {
                        failure = Optional.of("the header " + header + " cannot be mapped: " + e.getMessage());
                    }
                }
                if (mapper != null && resultDir.isPresent()) {
                    try {
                        sink = ResultSink.marked(openResults(resultDir.get(), header, mapper));
                    } catch (IOException | UncheckedIOException e) {
                        failure = Optional.of("cannot write the result files in " + resultDir.get() + ": "
                                + ImportRun.describe(e));
                        mapper = null;
                    }
                }
            }
            if (mapper != null) {
                RowSource rows = preview ? RowSource.limit(source, previewRows) : source;
                ImportRules rules = settings.rules();
                boolean storeOnly = rules.storeOnly() != ImportRules.UpdateRule.DO_NOTHING && !preview;
                Optional<ImportJournal> journal = preview ? Optional.empty() : owner.journal();
                long doneThrough = journal.isPresent() ? journal.get().begin(id, name) : 0;
                run = new ImportRun(settings, rows, mapper, sink, writer(settings), storeOnly, new Control(), id,
                        doneThrough);
                try {
                    ImportRun.End e = run.run();
                    end = e.status();
                    failure = e.failure();
                } catch (ResultSink.WriteFailure e) {
                    end = ImportStatus.FAILED;
                    failure = Optional.of("cannot write the result files in " + resultDir.map(Path::toString)
                            .orElse("?") + ": " + ImportRun.describe(e.getCause()));
                } catch (UncheckedIOException e) {
                    // The source reports its own failures through ImportRun; this one came from
                    // elsewhere: a store, a directory or a listener doing I/O.
                    end = ImportStatus.FAILED;
                    failure = Optional.of("the import stopped: " + ImportRun.describe(e.getCause()));
                }
            }
        } finally {
            if (source != null) {
                try {
                    source.close();
                } catch (UncheckedIOException e) {
                    // Every row was read; a failure to close the input loses nothing.
                }
            }
            try {
                sink.close();
            } catch (IOException e) {
                if (failure.isEmpty()) {
                    failure = Optional.of("cannot finish the result files in " + resultDir.map(Path::toString)
                            .orElse("?") + ": " + ImportRun.describe(e));
                }
            }
        }
        if (failure.isPresent()) {
            end = ImportStatus.FAILED;
        }
        if (run != null) {
            reportProgress();
        }
        ImportResult result = result(end, failure, run, detected, startNanos, skipping);
        if (resultDir.isPresent()) {
            try {
                Files.createDirectories(resultDir.get());
                Files.writeString(resultDir.get().resolve(ResultFiles.SUMMARY), result.toJson(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                result = result(ImportStatus.FAILED, Optional.of("cannot write " + ResultFiles.SUMMARY + " in "
                        + resultDir.get() + ": " + ImportRun.describe(e)
                        + result.failure().map(f -> "; before that: " + f).orElse("")), run, detected, startNanos, skipping);
            }
        }
        if (!preview && owner.journal().isPresent() && run != null) {
            owner.journal().get().end(id, result.status());
        }
        state.status(result.status());
        listener.statusChanged(this, result.status());
        return result;
    }

    /**
     * One upsert per batch when the rules need no look-up (append, and skip or replace), the rule
     * writer otherwise; look-ups only for a preview.
     */
    private BatchWriter writer(LeadImport.Settings settings) {
        ImportRules rules = settings.rules();
        if (rules.upsertOnly()) {
            UpsertMode mode = rules.both() == ImportRules.MergeRule.REPLACE ? UpsertMode.OVERWRITE
                    : UpsertMode.KEEP_EXISTING;
            if (preview) {
                return BatchWriter.lookUp(settings.store(), mode, settings.factory().clock());
            }
            return owner.journal().isPresent()
                    ? BatchWriter.journalled(owner.journal().get(), id, mode, settings.factory().clock())
                    : BatchWriter.upsert(settings.store(), mode, settings.factory().clock());
        }
        return preview ? RuleWriter.previewing(settings.store(), rules, settings.factory().clock())
                : RuleWriter.applying(settings.store(), rules, settings.factory().clock());
    }

    /** Creates the directory, copies the input byte for byte, and opens the three CSV files. */
    private ResultSink openResults(Path dir, List<String> header, Mapper mapper) throws IOException {
        Files.createDirectories(dir);
        if (file.isPresent()) {
            Path original = dir.resolve(ResultFiles.ORIGINAL_PREFIX + file.get().getFileName());
            Files.copy(file.get(), original, StandardCopyOption.REPLACE_EXISTING);
        }
        List<PhoneField> phoneFields = List.copyOf(owner.settings().factory().phoneFields());
        // The success.csv: reference id, the phone fields, zone and its source,
        // scheduled_for, agent, then the custom fields.
        List<String> columns = new ArrayList<>();
        columns.add("customer_reference_id");
        for (PhoneField f : phoneFields) {
            columns.add(f.name());
        }
        columns.addAll(List.of("time_zone", "time_zone_source", "scheduled_for", "agent"));
        LeadExport export = LeadExport.newBuilder()
                .phoneFields(phoneFields)
                .columns(columns)
                .customFields(mapper.customFields())
                .build();
        return ResultFiles.open(dir, header, export);
    }

    private ImportResult result(ImportStatus end, Optional<String> failure, ImportRun run,
            Optional<Detected> detected, long startNanos, RowSource.Skipping skipping) {
        ImportCounts counts = run == null ? ImportCounts.ZERO : run.counts();
        ProblemLog problems = run == null ? new ProblemLog() : run.problems();
        return new ImportResult(id, end, preview, file.map(Path::toString), detected, counts, problems.count(),
                problems.first(), Duration.ofNanos(Math.max(0, System.nanoTime() - startNanos)), failure,
                skipping == null ? 0 : skipping.skipped());
    }

    private void reportProgress() {
        lastProgressNanos = System.nanoTime();
        progressReported = true;
        listener.progress(this, progress());
    }

    /** The run's view of the job: the cancel flag and progress, throttled by the monotonic clock. */
    private final class Control implements ImportRun.Control {
        @Override
        public boolean cancelRequested() {
            return state.cancelRequested();
        }

        @Override
        public void rowRead(long rows, long bytes) {
            state.rowRead(rows, bytes);
        }

        @Override
        public void batchWritten() {
            if (!progressReported || System.nanoTime() - lastProgressNanos >= PROGRESS_INTERVAL_NANOS) {
                reportProgress();
            }
        }
    }

    @Override
    public String toString() {
        return "import job " + id + " (" + state.status() + ", " + file.map(Path::toString).orElse("stream") + ")";
    }
}
