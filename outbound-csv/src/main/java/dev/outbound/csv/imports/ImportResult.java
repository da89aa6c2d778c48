package dev.outbound.csv.imports;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.internal.Json;
import dev.outbound.csv.RowProblem;
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
 * What an import (or a preview) did: its end, the counts, and the problems of its rows (seed
 * 000/002: "an import returns counts and, per row with a problem, its row, line, column, code and
 * message"). Only the first {@value #MAX_PROBLEMS} problems are kept, so that memory does not grow
 * with the file; {@code problemCount} says how many there were and {@code errors.csv} holds every
 * refused row.
 *
 * <p>Problems are in row order. An invalid row brings all its reasons (errors and warnings alike);
 * a duplicate row brings one error {@code DUPLICATE_IN_FILE}; an accepted row brings its warnings,
 * with {@code RECORD_IN_CALL} when a dialer held the stored record the rules would have changed,
 * {@code RECORD_CHANGED} when another writer changed it each time the import read it and wrote it
 * back, and {@code NOT_APPENDED} when the import rule {@code DO_NOTHING} left a new contact out.
 *
 * @param jobId the job's id
 * @param status how it ended: {@code FINISHED}, {@code FAILED} or {@code CANCELLED}
 * @param preview whether this was a preview, which wrote nothing
 * @param file the file read, as given, if it was a file
 * @param detected the encoding and separator the file was read with, once its header was read
 * @param counts what became of the rows
 * @param problemCount how many problems the rows had in all
 * @param problems the first problems, at most {@value #MAX_PROBLEMS}
 * @param elapsed how long it ran (measured with {@link System#nanoTime()})
 * @param failure why it failed; present exactly when the status is {@code FAILED}
 * @param skipped the data rows at the top of the file that {@link LeadImport.Builder#skipRows}
 *     dropped before the import, not counted in {@code counts} (seed 002's "remove top records")
 */
public record ImportResult(String jobId, ImportStatus status, boolean preview, Optional<String> file,
        Optional<Detected> detected, ImportCounts counts, long problemCount, List<RowProblem> problems,
        Duration elapsed, Optional<String> failure, long skipped) {
    /** The most problems a result keeps. */
    public static final int MAX_PROBLEMS = 1_000;

    /**
     * Checks and copies the components.
     *
     * @param jobId the job's id
     * @param status how it ended
     * @param preview whether this was a preview
     * @param file the file
     * @param detected how it was read
     * @param counts the counts
     * @param problemCount the number of problems
     * @param problems the first problems
     * @param elapsed how long it ran
     * @param failure why it failed
     * @param skipped the top rows dropped
     */
    public ImportResult {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(detected, "detected");
        Objects.requireNonNull(counts, "counts");
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(failure, "failure");
        if (!status.isTerminal()) {
            throw new InvalidValueException("import result status", "finished, failed or cancelled", status);
        }
        if (failure.isPresent() != (status == ImportStatus.FAILED)) {
            throw new InvalidValueException("import result failure", "a reason exactly when the status is FAILED",
                    status + " with " + failure.map(f -> "reason '" + f + "'").orElse("no reason"));
        }
        if (problems.size() > MAX_PROBLEMS || problems.size() > problemCount) {
            throw new InvalidValueException("import result problems",
                    "at most " + MAX_PROBLEMS + " and at most problemCount (" + problemCount + ")", problems.size());
        }
        if (skipped < 0) {
            throw new InvalidValueException("import result skipped", "0 or more", skipped);
        }
        if (elapsed.isNegative()) {
            throw new InvalidValueException("import result elapsed", "0 or more", elapsed);
        }
    }

    /**
     * A result of an import that skipped no rows.
     *
     * @param jobId the job's id
     * @param status how it ended
     * @param preview whether this was a preview
     * @param file the file
     * @param detected how it was read
     * @param counts the counts
     * @param problemCount the number of problems
     * @param problems the first problems
     * @param elapsed how long it ran
     * @param failure why it failed
     */
    public ImportResult(String jobId, ImportStatus status, boolean preview, Optional<String> file,
            Optional<Detected> detected, ImportCounts counts, long problemCount, List<RowProblem> problems,
            Duration elapsed, Optional<String> failure) {
        this(jobId, status, preview, file, detected, counts, problemCount, problems, elapsed, failure, 0);
    }

    /**
     * The result as a JSON object, as {@code summary.json} holds it. Keys: {@code job_id},
     * {@code status} (lower case), {@code preview}, {@code file}, {@code charset},
     * {@code charset_how}, {@code separator}, {@code separator_how}, {@code bom} (null when the
     * file was never read), {@code skipped_rows} (the top rows dropped), {@code total_rows}, {@code imported}, {@code updated},
     * {@code unchanged}, {@code duplicates_in_file}, {@code invalid}, {@code warnings},
     * {@code deleted}, {@code delete_skipped}, {@code store_only_activated},
     * {@code store_only_inactivated}, {@code store_only_skipped}, {@code problem_count}, {@code elapsed_ms},
     * {@code failure} (null unless failed) and {@code problems}, an array of objects with
     * {@code row}, {@code line}, {@code column} (null when none), {@code severity}, {@code code}
     * and {@code message}.
     *
     * @return the JSON text, UTF-16 as every Java string; write it as UTF-8
     */
    public String toJson() {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("job_id", jobId);
        j.put("status", status.name().toLowerCase(Locale.ROOT));
        j.put("preview", preview);
        j.put("file", orNull(file));
        j.put("charset", orNull(detected.map(d -> d.charset().name())));
        j.put("charset_how", orNull(detected.map(Detected::charsetHow)));
        j.put("separator", orNull(detected.map(d -> String.valueOf(d.separator()))));
        j.put("separator_how", orNull(detected.map(Detected::separatorHow)));
        j.put("bom", orNull(detected.map(Detected::bom)));
        j.put("skipped_rows", skipped);
        j.put("total_rows", counts.total());
        j.put("imported", counts.imported());
        j.put("updated", counts.updated());
        j.put("unchanged", counts.unchanged());
        j.put("duplicates_in_file", counts.duplicates());
        j.put("invalid", counts.invalid());
        j.put("warnings", counts.warnings());
        j.put("deleted", counts.deleted());
        j.put("delete_skipped", counts.deleteSkipped());
        j.put("store_only_activated", counts.storeOnlyActivated());
        j.put("store_only_inactivated", counts.storeOnlyInactivated());
        j.put("store_only_skipped", counts.storeOnlySkipped());
        j.put("problem_count", problemCount);
        j.put("elapsed_ms", elapsed.toMillis());
        j.put("failure", orNull(failure));
        List<Object> list = new ArrayList<>(problems.size());
        for (RowProblem p : problems) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("row", p.row());
            one.put("line", p.line());
            one.put("column", orNull(p.column()));
            one.put("severity", p.severity().name());
            one.put("code", p.code());
            one.put("message", p.message());
            list.add(one);
        }
        j.put("problems", list);
        return Json.write(j);
    }

    private static Object orNull(Optional<?> value) {
        return value.isPresent() ? value.get() : Json.NULL;
    }
}
