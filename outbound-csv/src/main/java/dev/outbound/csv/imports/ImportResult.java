package dev.outbound.csv.imports;

import dev.outbound.core.InvalidValueException;
import dev.outbound.csv.RowProblem;
import dev.outbound.csv.read.Detected;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
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
 */
public record ImportResult(String jobId, ImportStatus status, boolean preview, Optional<String> file,
        Optional<Detected> detected, ImportCounts counts, long problemCount, List<RowProblem> problems,
        Duration elapsed, Optional<String> failure) {
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
        if (elapsed.isNegative()) {
            throw new InvalidValueException("import result elapsed", "0 or more", elapsed);
        }
    }

    /**
     * The result as a JSON object, as {@code summary.json} holds it. Keys: {@code job_id},
     * {@code status} (lower case), {@code preview}, {@code file}, {@code charset},
     * {@code charset_how}, {@code separator}, {@code separator_how}, {@code bom} (null when the
     * file was never read), {@code total_rows}, {@code imported}, {@code updated},
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
        JsonWriter j = new JsonWriter();
        j.beginObject();
        j.name("job_id").value(jobId);
        j.name("status").value(status.name().toLowerCase(Locale.ROOT));
        j.name("preview").value(preview);
        j.name("file").value(file);
        j.name("charset").value(detected.map(d -> d.charset().name()));
        j.name("charset_how").value(detected.map(Detected::charsetHow));
        j.name("separator").value(detected.map(d -> String.valueOf(d.separator())));
        j.name("separator_how").value(detected.map(Detected::separatorHow));
        if (detected.isPresent()) {
            j.name("bom").value(detected.get().bom());
        } else {
            j.name("bom").nullValue();
        }
        j.name("total_rows").value(counts.total());
        j.name("imported").value(counts.imported());
        j.name("updated").value(counts.updated());
        j.name("unchanged").value(counts.unchanged());
        j.name("duplicates_in_file").value(counts.duplicates());
        j.name("invalid").value(counts.invalid());
        j.name("warnings").value(counts.warnings());
        j.name("deleted").value(counts.deleted());
        j.name("delete_skipped").value(counts.deleteSkipped());
        j.name("store_only_activated").value(counts.storeOnlyActivated());
        j.name("store_only_inactivated").value(counts.storeOnlyInactivated());
        j.name("store_only_skipped").value(counts.storeOnlySkipped());
        j.name("problem_count").value(problemCount);
        j.name("elapsed_ms").value(elapsed.toMillis());
        j.name("failure").value(failure);
        j.name("problems").beginArray();
        for (RowProblem p : problems) {
            j.beginObject();
            j.name("row").value(p.row());
            j.name("line").value(p.line());
            j.name("column").value(p.column());
            j.name("severity").value(p.severity().name());
            j.name("code").value(p.code());
            j.name("message").value(p.message());
            j.endObject();
        }
        j.endArray();
        j.endObject();
        return j.toString();
    }
}
