package dev.outbound.csv.dnc;

import dev.outbound.core.dnc.DncList;
import dev.outbound.csv.imports.ImportProgress;
import dev.outbound.csv.imports.ImportStatus;
import dev.outbound.csv.internal.JobState;
import dev.outbound.csv.read.CsvSource;
import dev.outbound.csv.read.Detected;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One import of one Do-Not-Call file, with the lead import's job life: an id, a status
 * ({@link ImportStatus}), progress ({@link ImportProgress}) and a way to cancel. {@link #run()}
 * does the work on the caller's thread, once; {@link #status()}, {@link #progress()} and
 * {@link #cancel()} may be called from any thread meanwhile.
 *
 * <p>A run never throws for bad input: a file that cannot be read (missing, unreadable, no header,
 * a column given by hand that the header lacks, no key column, a read error midway), a result
 * file that cannot be written, or a replace refused for invalid rows ends the job {@code FAILED}
 * with the reason in the result; the rows read until then are still accounted for.
 *
 * <p>{@link #cancel()} stops the run before the next row: with append, the entries of the rows
 * read stay in the list; with replace, the list is left as it was. Either way the rows read are
 * counted and written to the result files, and the status becomes {@code CANCELLED}. Once a run
 * has started, {@code summary.json} is written whatever the end; a job cancelled before it ran
 * writes nothing.
 */
public final class DncImportJob {
    private final String id = UUID.randomUUID().toString();
    private final DncImport owner;
    private final Path file;
    private final JobState state = new JobState();

    DncImportJob(DncImport owner, Path file) {
        this.owner = owner;
        this.file = file;
    }

    /** @return the job's id: a random UUID */
    public String id() {
        return id;
    }

    /** @return the file the job imports */
    public Path file() {
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
     * Asks the job to stop. A pending job becomes {@code CANCELLED} at once (and its
     * {@link #run()} then reads nothing); a running one stops before its next row. Thread-safe.
     *
     * @return whether the request can still take effect: false when the job has already ended
     */
    public boolean cancel() {
        if (state.cancelPending()) {
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
    public DncImportResult run() {
        if (!state.firstRun()) {
            throw new IllegalStateException("Do-Not-Call import job " + id + " has already run (status "
                    + state.status() + "); make a new job with DncImport.newJob");
        }
        long startNanos = System.nanoTime();
        if (!state.begin()) {
            return result(ImportStatus.CANCELLED, Optional.empty(), null, Optional.empty(), List.of(), false, 0,
                    startNanos, 0);
        }
        try {
            return execute(startNanos);
        } catch (RuntimeException | Error e) {
            state.status(ImportStatus.FAILED);
            throw e;
        }
    }

    private DncImportResult execute(long startNanos) {
        DncList target = owner.target();
        Instant now = owner.clock().instant();
        Optional<Path> resultDir = owner.resultDirectory();
        Optional<Detected> detected = Optional.empty();
        List<String> notes = List.of();
        DncRun run = null;
        DncList.Builder staged = owner.replace() ? DncList.newBuilder(target.name()) : null;
        Optional<String> failure = Optional.empty();
        ImportStatus end = ImportStatus.FAILED;
        CsvSource source = null;
        long skipped = 0;
        DncResultFiles files = null;
        try {
            try {
                source = CsvSource.open(file, owner.readOptions());
            } catch (IOException e) {
                failure = Optional.of("cannot read " + file + ": " + DncRun.describe(e));
            } catch (UncheckedIOException e) {
                failure = Optional.of("cannot read " + file + ": " + DncRun.describe(e.getCause()));
            }
            DncColumns columns = null;
            if (source != null) {
                detected = Optional.of(source.detected());
                state.size(source.size().orElse(-1));
                List<String> header = source.header();
                if (header.isEmpty()) {
                    failure = Optional.of(file + " has no header row: it is empty or blank");
                } else if (source.headerProblem().isPresent()) {
                    failure = Optional.of(file + ": " + source.headerProblem().get()
                            + "; nothing was listed, fix the header and import again");
                } else {
                    try {
                        columns = DncColumns.resolve(header, owner.columns());
                        notes = columns.notes();
                    } catch (IllegalArgumentException e) {
                        failure = Optional.of(e.getMessage());
                    }
                }
                if (columns != null && resultDir.isPresent()) {
                    try {
                        files = openResults(resultDir.get(), header);
                    } catch (IOException | UncheckedIOException e) {
                        failure = Optional.of("cannot write the result files in " + resultDir.get() + ": "
                                + DncRun.describe(e));
                        columns = null;
                    }
                }
            }
            if (columns != null && owner.skipRows() > 0) {
                try {
                    while (skipped < owner.skipRows() && source.next().isPresent()) {
                        skipped++;
                    }
                } catch (UncheckedIOException e) {
                    failure = Optional.of("reading stopped after " + skipped + " of the rows to skip: "
                            + DncRun.describe(e.getCause()));
                    columns = null;
                }
            }
            if (columns != null) {
                DncRowReader reader = new DncRowReader(columns, owner.defaultRegion(), owner.defaultSource(),
                        owner.zone(), now);
                run = new DncRun(source, reader, target, staged, Optional.ofNullable(files), new Control());
                try {
                    DncRun.End e = run.run();
                    end = e.status();
                    failure = e.failure();
                } catch (UncheckedIOException e) {
                    failure = Optional.of("cannot write the result files in " + resultDir.map(Path::toString)
                            .orElse("?") + ": " + DncRun.describe(e.getCause()));
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
            if (files != null) {
                try {
                    files.close();
                } catch (IOException e) {
                    if (failure.isEmpty()) {
                        failure = Optional.of("cannot finish the result files in " + resultDir.map(Path::toString)
                                .orElse("?") + ": " + DncRun.describe(e));
                    }
                }
            }
        }
        if (failure.isPresent()) {
            end = ImportStatus.FAILED;
        }
        boolean replaced = false;
        long removed = 0;
        if (end == ImportStatus.FINISHED && staged != null) {
            if (run.invalid() > owner.replaceMaxInvalid()) {
                end = ImportStatus.FAILED;
                failure = Optional.of("replace not applied: " + run.invalid() + " rows were invalid (at most "
                        + owner.replaceMaxInvalid() + " allowed), so list '" + target.name()
                        + "' was left as it was; fix the rows in errors.csv, or allow them with replaceMaxInvalid");
            } else {
                int before = target.replaceContents(staged);
                removed = Math.max(0, before - run.kept());
                replaced = true;
            }
        }
        DncImportResult result = result(end, failure, run, detected, notes, replaced, removed, startNanos, skipped);
        if (resultDir.isPresent()) {
            try {
                Files.createDirectories(resultDir.get());
                Files.writeString(resultDir.get().resolve(DncResultFiles.SUMMARY), result.toJson(),
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                result = result(ImportStatus.FAILED, Optional.of("cannot write " + DncResultFiles.SUMMARY + " in "
                        + resultDir.get() + ": " + DncRun.describe(e) + (replaced ? " (the list's entries were"
                                + " replaced before that)" : "") + result.failure().map(f -> "; before that: " + f)
                                        .orElse("")), run, detected, notes, replaced, removed, startNanos, skipped);
            }
        }
        state.status(result.status());
        return result;
    }

    /** Creates the directory, copies the input byte for byte, and opens the three CSV files. */
    private DncResultFiles openResults(Path dir, List<String> header) throws IOException {
        Files.createDirectories(dir);
        Files.copy(file, dir.resolve(DncResultFiles.ORIGINAL_PREFIX + file.getFileName()),
                StandardCopyOption.REPLACE_EXISTING);
        return DncResultFiles.open(dir, header);
    }

    private DncImportResult result(ImportStatus end, Optional<String> failure, DncRun run,
            Optional<Detected> detected, List<String> notes, boolean replaced, long removed, long startNanos,
            long skipped) {
        DncList target = owner.target();
        return new DncImportResult(id, end, Optional.of(file.toString()), detected, target.name(), target.mode(),
                owner.replace(), replaced, notes, run == null ? DncImportCounts.ZERO : run.counts(removed),
                target.size(), run == null ? 0 : run.problemCount(), run == null ? List.of() : run.firstProblems(),
                Duration.ofNanos(Math.max(0, System.nanoTime() - startNanos)), failure, skipped);
    }

    /** The run's view of the job: the cancel flag and progress. */
    private final class Control implements DncRun.Control {
        @Override
        public boolean cancelRequested() {
            return state.cancelRequested();
        }

        @Override
        public void rowRead(long rows, long bytes) {
            state.rowRead(rows, bytes);
        }
    }

    @Override
    public String toString() {
        return "Do-Not-Call import job " + id + " (" + state.status() + ", " + file + ")";
    }
}
