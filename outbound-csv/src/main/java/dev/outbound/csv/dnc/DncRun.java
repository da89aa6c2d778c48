package dev.outbound.csv.dnc;

import dev.outbound.core.OutboundException;
import dev.outbound.core.dnc.DncEntry;
import dev.outbound.core.dnc.DncList;
import dev.outbound.csv.RowProblem;
import dev.outbound.csv.imports.ImportResult;
import dev.outbound.csv.imports.ImportStatus;
import dev.outbound.csv.read.CsvSource;
import dev.outbound.csv.read.SourceRow;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One pass over one Do-Not-Call file: read a row, read its entries, check them against the rows
 * before it and against the list, and put the entries of accepted rows into the list (append) or
 * into a builder kept aside (replace) in chunks, accounting for every row.
 *
 * <p>Rows are handled in file order; every {@value #CHUNK} rows, and at the end, the chunk's
 * entries go into the list in one {@link DncList#addAll} and then its rows are counted and
 * written to the result files, in row order. Memory: one chunk, plus the first row of every
 * distinct key of the file (16 to 32 bytes a number; a map entry a prefix or customer), plus,
 * with replace, the new entries' tables until they are swapped in.
 */
final class DncRun {
    /** Rows per chunk: one bulk addition, and one chance to report progress. */
    static final int CHUNK = 4096;

    /** Hooks into the job: cancellation and progress. */
    interface Control {
        /** @return whether the run should stop before the next row */
        boolean cancelRequested();

        /**
         * A row was read.
         *
         * @param rows rows read so far
         * @param bytes bytes consumed so far
         */
        void rowRead(long rows, long bytes);
    }

    /**
     * How the pass ended.
     *
     * @param status finished, failed or cancelled
     * @param failure why it failed
     */
    record End(ImportStatus status, Optional<String> failure) {
    }

    private enum Kind {
        ACCEPTED, DUPLICATE, EXPIRED, INVALID
    }

    /** One row waiting for its chunk to be written. */
    private record Pending(SourceRow row, Kind kind, List<DncEntry> entries, List<DncResultFiles.Outcome> outcomes,
            List<RowProblem> problems, long firstRow) {
    }

    private final CsvSource source;
    private final DncRowReader reader;
    private final DncList target;
    /** Where entries go with replace, until they are swapped in; null for append. */
    private final DncList.Builder staged;
    private final Optional<DncResultFiles> files;
    private final Control control;

    private final LongRowMap firstRowByNumber = new LongRowMap();
    private final Map<DncEntry.Key, Long> firstRowByOtherKey = new HashMap<>();
    private final List<Pending> pending = new ArrayList<>(CHUNK);
    private final List<RowProblem> firstProblems = new ArrayList<>();
    private long problemCount;
    private long rowsRead;
    private long total;
    private long added;
    private long updated;
    private long unchanged;
    private long duplicates;
    private long expired;
    private long invalid;
    private long warnings;
    private long entries;
    /** Entries of the file the list held before (updated or unchanged): what a replace keeps. */
    private long kept;

    DncRun(CsvSource source, DncRowReader reader, DncList target, DncList.Builder staged,
            Optional<DncResultFiles> files, Control control) {
        this.source = source;
        this.reader = reader;
        this.target = target;
        this.staged = staged;
        this.files = files;
        this.control = control;
    }

    /**
     * Reads to the end of the file, a cancellation, or a failure to read. The rows read until then
     * are always put in the list (or the builder), counted and written. A result file that cannot
     * be written is thrown as {@link UncheckedIOException}.
     *
     * @return how it ended
     */
    End run() {
        String readFailure = null;
        boolean cancelled = false;
        while (true) {
            if (control.cancelRequested()) {
                cancelled = true;
                break;
            }
            Optional<SourceRow> next;
            try {
                next = source.next();
            } catch (UncheckedIOException e) {
                readFailure = "reading stopped after row " + rowsRead + ": " + describe(e.getCause());
                break;
            }
            if (next.isEmpty()) {
                break;
            }
            rowsRead++;
            control.rowRead(rowsRead, source.bytesRead());
            pending.add(classify(next.get(), reader.read(next.get())));
            if (pending.size() >= CHUNK) {
                Optional<String> failure = flush();
                if (failure.isPresent()) {
                    return new End(ImportStatus.FAILED, failure);
                }
            }
        }
        Optional<String> failure = flush();
        if (failure.isPresent()) {
            return new End(ImportStatus.FAILED, failure);
        }
        if (readFailure != null) {
            return new End(ImportStatus.FAILED, Optional.of(readFailure));
        }
        // A row the reader could not get past ended the file early: not a complete read, so a
        // replace must not swap the list.
        Optional<String> stopped = source.stoppedEarly();
        if (stopped.isPresent() && !cancelled) {
            return new End(ImportStatus.FAILED, Optional.of(stopped.get()
                    + "; the rows before it are counted, the rest of the file was not listed"));
        }
        return new End(cancelled ? ImportStatus.CANCELLED : ImportStatus.FINISHED, Optional.empty());
    }

    /** Decides what a row is: against the rows before it, and against the list as it is now. */
    private Pending classify(SourceRow row, DncRowReader.Read read) {
        if (read instanceof DncRowReader.Invalid i) {
            return new Pending(row, Kind.INVALID, List.of(), List.of(), i.problems(), 0);
        }
        if (read instanceof DncRowReader.Expired e) {
            return new Pending(row, Kind.EXPIRED, List.of(), List.of(), e.problems(), 0);
        }
        DncRowReader.Keys keys = (DncRowReader.Keys) read;
        List<String> header = reader.columns().header();
        List<DncEntry> placed = new ArrayList<>(keys.entries().size());
        List<DncResultFiles.Outcome> outcomes = new ArrayList<>(keys.entries().size());
        List<RowProblem> problems = new ArrayList<>(keys.warnings());
        long firstRepeated = 0;
        for (int i = 0; i < keys.entries().size(); i++) {
            DncEntry entry = keys.entries().get(i);
            String column = header.get(keys.columns().get(i));
            // Only rows that are accepted take keys: an invalid or expired row never makes a later
            // row with the same key a duplicate.
            long first = claim(entry.key(), row.row());
            if (first != 0) {
                if (firstRepeated == 0) {
                    firstRepeated = first;
                }
                boolean sameRow = first == row.row();
                problems.add(new RowProblem(row.row(), row.line(), Optional.of(column), RowProblem.Severity.WARNING,
                        sameRow ? "DUPLICATE_IN_ROW" : "DUPLICATE_IN_FILE", entry.key() + " was already given by "
                                + (sameRow ? "an earlier column of this row" : "row " + first)
                                + "; the first occurrence is kept"));
                continue;
            }
            Optional<DncEntry> held = target.entry(entry.key());
            placed.add(entry);
            outcomes.add(held.isEmpty() ? DncResultFiles.Outcome.ADDED
                    : held.get().equals(entry) ? DncResultFiles.Outcome.UNCHANGED : DncResultFiles.Outcome.UPDATED);
        }
        if (placed.isEmpty()) {
            DncEntry.Key key = keys.entries().get(0).key();
            RowProblem dup = new RowProblem(row.row(), row.line(), Optional.of(header.get(keys.columns().get(0))),
                    RowProblem.Severity.ERROR, "DUPLICATE_IN_FILE", (keys.entries().size() == 1 ? key
                            + " was already given by row " + firstRepeated
                            : "every entry of the row was already given by an earlier row (" + key + " by row "
                                    + firstRepeated + ")") + "; the first occurrence is kept and this row is ignored");
            return new Pending(row, Kind.DUPLICATE, List.of(), List.of(), List.of(dup), firstRepeated);
        }
        return new Pending(row, Kind.ACCEPTED, placed, outcomes, problems, 0);
    }

    /** @return the row that already gave the key, or 0 when this row takes it now */
    private long claim(DncEntry.Key key, long row) {
        if (key instanceof DncEntry.NumberKey n) {
            return firstRowByNumber.putIfAbsent(n.number().digits(), row);
        }
        Long first = firstRowByOtherKey.putIfAbsent(key, row);
        return first == null ? 0 : first;
    }

    /**
     * Puts the chunk's entries in the list (or the builder), then counts and writes its rows.
     *
     * @return why the list refused the entries, if it did (a table past its limit)
     */
    private Optional<String> flush() {
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        List<DncEntry> chunk = new ArrayList<>();
        for (Pending p : pending) {
            chunk.addAll(p.entries());
        }
        if (!chunk.isEmpty()) {
            try {
                if (staged != null) {
                    staged.addAll(chunk);
                } else {
                    target.addAll(chunk);
                }
            } catch (OutboundException e) {
                String failure = "the list refused the entries of rows " + pending.get(0).row().row() + " to "
                        + pending.get(pending.size() - 1).row().row() + " (not counted): " + e.getMessage();
                pending.clear();
                return Optional.of(failure);
            }
        }
        // Count the whole chunk before writing result files, so that a result file that cannot be
        // written leaves the counts whole.
        for (Pending p : pending) {
            total++;
            for (RowProblem problem : p.problems()) {
                problemCount++;
                if (firstProblems.size() < ImportResult.MAX_PROBLEMS) {
                    firstProblems.add(problem);
                }
            }
            switch (p.kind()) {
                case INVALID -> invalid++;
                case EXPIRED -> expired++;
                case DUPLICATE -> duplicates++;
                case ACCEPTED -> {
                    entries += p.entries().size();
                    boolean anyAdded = false;
                    boolean anyUpdated = false;
                    for (DncResultFiles.Outcome o : p.outcomes()) {
                        anyAdded |= o == DncResultFiles.Outcome.ADDED;
                        anyUpdated |= o == DncResultFiles.Outcome.UPDATED;
                        if (o != DncResultFiles.Outcome.ADDED) {
                            kept++;
                        }
                    }
                    if (anyAdded) {
                        added++;
                    } else if (anyUpdated) {
                        updated++;
                    } else {
                        unchanged++;
                    }
                    if (!p.problems().isEmpty()) {
                        warnings++;
                    }
                }
                default -> throw new IllegalStateException("unknown row kind " + p.kind());
            }
        }
        if (files.isPresent()) {
            DncResultFiles f = files.get();
            for (Pending p : pending) {
                switch (p.kind()) {
                    case ACCEPTED -> f.accepted(p.row(), p.entries(), p.outcomes());
                    case DUPLICATE -> f.duplicate(p.row(), p.firstRow());
                    default -> f.refused(p.row(), p.problems());
                }
            }
        }
        pending.clear();
        return Optional.empty();
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /**
     * @param removed entries a replace removed, or 0
     * @return the counts so far
     */
    DncImportCounts counts(long removed) {
        return new DncImportCounts(total, added, updated, unchanged, duplicates, expired, invalid, warnings, entries,
                removed);
    }

    /** @return entries of the file the list held before: what a replace keeps of the old list */
    long kept() {
        return kept;
    }

    /** @return rows refused as invalid */
    long invalid() {
        return invalid;
    }

    /** @return how many problems there were */
    long problemCount() {
        return problemCount;
    }

    /** @return the first problems, at most {@value ImportResult#MAX_PROBLEMS} */
    List<RowProblem> firstProblems() {
        return List.copyOf(firstProblems);
    }
}
