package dev.outbound.csv.dnc;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.dnc.DncList;
import dev.outbound.core.internal.Json;
import dev.outbound.csv.RowProblem;
import dev.outbound.csv.imports.ImportResult;
import dev.outbound.csv.imports.ImportStatus;
import dev.outbound.csv.read.Detected;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Do-Not-Call import did: its end, the counts, the columns it read, and the problems of
 * its rows, each with its row, line, column, code and message. Only the first
 * {@value #MAX_PROBLEMS} problems are kept; {@code problemCount} says how many there were, and
 * {@code errors.csv} holds every refused row.
 *
 * <p>With append, the entries of the rows counted are in the list whatever the status. With
 * replace, the list changed only when {@code replaced} is true; otherwise the counts say what the
 * rows would have done and the list is as it was.
 *
 * @param jobId the job's id
 * @param status how it ended: {@code FINISHED}, {@code FAILED} or {@code CANCELLED}
 * @param file the file read, as given
 * @param detected the encoding and separator the file was read with, once it was opened
 * @param list the name of the list filled
 * @param mode the list's mode, which says what its entries mean (the import only fills it)
 * @param replace whether the import was to replace the list's entries
 * @param replaced whether it did: the list now holds exactly the entries the file gave
 * @param columns one note a column of the header: the role it was given, or why it was ignored;
 *     empty when the header was never read
 * @param counts what became of the rows
 * @param listSize how many entries the list held when the job ended
 * @param problemCount how many problems the rows had in all
 * @param problems the first problems, at most {@value #MAX_PROBLEMS}, in row order
 * @param elapsed how long it ran (measured with {@link System#nanoTime()})
 * @param failure why it failed; present exactly when the status is {@code FAILED}
 * @param skipped the data rows at the top of the file that {@link DncImport.Builder#skipRows}
 *     dropped, not counted in {@code counts}
 */
public record DncImportResult(String jobId, ImportStatus status, Optional<String> file, Optional<Detected> detected,
        String list, DncList.Mode mode, boolean replace, boolean replaced, List<String> columns,
        DncImportCounts counts, int listSize, long problemCount, List<RowProblem> problems, Duration elapsed,
        Optional<String> failure, long skipped) {
    /** The most problems a result keeps, as for lead imports. */
    public static final int MAX_PROBLEMS = ImportResult.MAX_PROBLEMS;

    /**
     * Checks and copies the components.
     *
     * @param jobId the job's id
     * @param status how it ended
     * @param file the file
     * @param detected how it was read
     * @param list the list's name
     * @param mode the list's mode
     * @param replace whether to replace
     * @param replaced whether it replaced
     * @param columns the column notes
     * @param counts the counts
     * @param listSize the list's size at the end
     * @param problemCount the number of problems
     * @param problems the first problems
     * @param elapsed how long it ran
     * @param failure why it failed
     * @param skipped the top rows dropped
     */
    public DncImportResult {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(detected, "detected");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(mode, "mode");
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        Objects.requireNonNull(counts, "counts");
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(failure, "failure");
        if (!status.isTerminal()) {
            throw new InvalidValueException("Do-Not-Call import status", "finished, failed or cancelled", status);
        }
        if (failure.isPresent() != (status == ImportStatus.FAILED)) {
            throw new InvalidValueException("Do-Not-Call import failure", "a reason exactly when the status is FAILED",
                    status + " with " + failure.map(f -> "reason '" + f + "'").orElse("no reason"));
        }
        if (replaced && !replace) {
            throw new InvalidValueException("Do-Not-Call import replaced", "only when replace was asked for",
                    "replaced without replace");
        }
        if (problems.size() > MAX_PROBLEMS || problems.size() > problemCount) {
            throw new InvalidValueException("Do-Not-Call import problems",
                    "at most " + MAX_PROBLEMS + " and at most problemCount (" + problemCount + ")", problems.size());
        }
        if (skipped < 0) {
            throw new InvalidValueException("Do-Not-Call import skipped", "0 or more", skipped);
        }
        if (listSize < 0 || elapsed.isNegative()) {
            throw new InvalidValueException("Do-Not-Call import list size and elapsed", "0 or more",
                    listSize + ", " + elapsed);
        }
    }

    /**
     * A result of an import that skipped no rows.
     *
     * @param jobId the job's id
     * @param status how it ended
     * @param file the file
     * @param detected how it was read
     * @param list the list's name
     * @param mode the list's mode
     * @param replace whether to replace
     * @param replaced whether it replaced
     * @param columns the column notes
     * @param counts the counts
     * @param listSize the list's size at the end
     * @param problemCount the number of problems
     * @param problems the first problems
     * @param elapsed how long it ran
     * @param failure why it failed
     */
    public DncImportResult(String jobId, ImportStatus status, Optional<String> file, Optional<Detected> detected,
            String list, DncList.Mode mode, boolean replace, boolean replaced, List<String> columns,
            DncImportCounts counts, int listSize, long problemCount, List<RowProblem> problems, Duration elapsed,
            Optional<String> failure) {
        this(jobId, status, file, detected, list, mode, replace, replaced, columns, counts, listSize, problemCount,
                problems, elapsed, failure, 0);
    }

    /**
     * The result as a JSON object, as {@code summary.json} holds it. Keys: {@code job_id},
     * {@code status} (lower case), {@code file}, {@code list}, {@code mode} ({@code block} or
     * {@code allow}), {@code replace}, {@code replaced}, {@code charset}, {@code charset_how},
     * {@code separator}, {@code separator_how}, {@code bom} (null when the file was never read),
     * {@code columns} (the notes), {@code skipped_rows} (the top rows dropped), {@code total_rows}, {@code added}, {@code updated},
     * {@code unchanged}, {@code duplicates_in_file}, {@code expired}, {@code invalid},
     * {@code warnings}, {@code entries}, {@code removed}, {@code list_size},
     * {@code problem_count}, {@code elapsed_ms}, {@code failure} (null unless failed) and
     * {@code problems}, an array of objects with {@code row}, {@code line}, {@code column} (null
     * when none), {@code severity}, {@code code} and {@code message}.
     *
     * @return the JSON text; write it as UTF-8
     */
    public String toJson() {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("job_id", jobId);
        j.put("status", status.name().toLowerCase(Locale.ROOT));
        j.put("file", orNull(file));
        j.put("list", list);
        j.put("mode", mode.name().toLowerCase(Locale.ROOT));
        j.put("replace", replace);
        j.put("replaced", replaced);
        j.put("charset", orNull(detected.map(d -> d.charset().name())));
        j.put("charset_how", orNull(detected.map(Detected::charsetHow)));
        j.put("separator", orNull(detected.map(d -> String.valueOf(d.separator()))));
        j.put("separator_how", orNull(detected.map(Detected::separatorHow)));
        j.put("bom", detected.isPresent() ? (Object) detected.get().bom() : Json.NULL);
        j.put("columns", columns);
        j.put("skipped_rows", skipped);
        j.put("total_rows", counts.total());
        j.put("added", counts.added());
        j.put("updated", counts.updated());
        j.put("unchanged", counts.unchanged());
        j.put("duplicates_in_file", counts.duplicates());
        j.put("expired", counts.expired());
        j.put("invalid", counts.invalid());
        j.put("warnings", counts.warnings());
        j.put("entries", counts.entries());
        j.put("removed", counts.removed());
        j.put("list_size", listSize);
        j.put("problem_count", problemCount);
        j.put("elapsed_ms", elapsed.toMillis());
        j.put("failure", orNull(failure));
        List<Object> ps = new ArrayList<>(problems.size());
        for (RowProblem p : problems) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("row", p.row());
            o.put("line", p.line());
            o.put("column", orNull(p.column()));
            o.put("severity", p.severity().name());
            o.put("code", p.code());
            o.put("message", p.message());
            ps.add(o);
        }
        j.put("problems", ps);
        return Json.write(j);
    }

    private static Object orNull(Optional<String> value) {
        return value.isPresent() ? value.get() : Json.NULL;
    }
}
