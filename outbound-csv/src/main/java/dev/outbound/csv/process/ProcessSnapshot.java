package dev.outbound.csv.process;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.internal.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One list process as it stands (a row of seed 003's "Contact List Processes"): what it does,
 * when it was scheduled for, its status and percent, when it started and ended, its file, the
 * comment it was given and its details. Immutable; a process moves on by new snapshots.
 *
 * <p>Invariants: a pending process is at 0 percent and has neither started nor ended; a running,
 * finished or failed one has started; exactly the three ends have an end time, not before the
 * start; a finished process is at 100 percent; a failed one has a message saying why.
 *
 * @param id the process's id, 1 to 128 characters, not blank
 * @param kind what it does
 * @param status where it is
 * @param percent how far it has got, 0 to 100, never going back
 * @param scheduledFor the instant it was scheduled for (seed 003's "Scheduling Time")
 * @param started when it started, by the scheduler's clock
 * @param ended when it ended, by the scheduler's clock
 * @param file the file it imports or exports; empty for a delete
 * @param comment the comment it was scheduled with, possibly empty
 * @param counts its details as counts, in a stable order (an import's {@code imported},
 *     {@code invalid}, ...; an export's {@code written} and {@code total}; a delete's
 *     {@code matched}, {@code deleted}, {@code left_in_call})
 * @param message the error of a failed process, or what a cancelled one had done; empty otherwise
 */
public record ProcessSnapshot(String id, ProcessKind kind, ProcessStatus status, int percent, Instant scheduledFor,
        Optional<Instant> started, Optional<Instant> ended, Optional<String> file, String comment,
        Map<String, Long> counts, Optional<String> message) {
    /** The longest comment a process keeps. */
    public static final int MAX_COMMENT = 1_000;

    /**
     * Checks the invariants and copies the counts.
     *
     * @param id the id
     * @param kind the kind
     * @param status the status
     * @param percent the percent
     * @param scheduledFor the scheduled instant
     * @param started the start
     * @param ended the end
     * @param file the file
     * @param comment the comment
     * @param counts the counts
     * @param message the message
     */
    public ProcessSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(scheduledFor, "scheduledFor");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(ended, "ended");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(comment, "comment");
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(counts, "counts")));
        Objects.requireNonNull(message, "message");
        if (id.isBlank() || id.length() > 128) {
            throw new InvalidValueException("process id", "1 - 128 characters, not blank", id);
        }
        if (comment.length() > MAX_COMMENT) {
            throw new InvalidValueException("process comment", "at most " + MAX_COMMENT + " characters",
                    comment.length() + " characters");
        }
        if (percent < 0 || percent > 100) {
            throw new InvalidValueException("process percent", "0 - 100", percent);
        }
        if (status == ProcessStatus.PENDING && (percent != 0 || started.isPresent())) {
            throw new InvalidValueException("pending process " + id, "0 percent and not started",
                    percent + " percent, started " + started.map(Instant::toString).orElse("no"));
        }
        if ((status == ProcessStatus.RUNNING || status == ProcessStatus.FINISHED || status == ProcessStatus.FAILED)
                && started.isEmpty()) {
            throw new InvalidValueException("process " + id, "a start time when " + status, "none");
        }
        if (ended.isPresent() != status.isTerminal()) {
            throw new InvalidValueException("process " + id, "an end time exactly when it has ended",
                    status + " with end " + ended.map(Instant::toString).orElse("none"));
        }
        if (started.isPresent() && ended.isPresent() && ended.get().isBefore(started.get())) {
            throw new InvalidValueException("process " + id, "end not before start",
                    started.get() + " .. " + ended.get());
        }
        if (status == ProcessStatus.FINISHED && percent != 100) {
            throw new InvalidValueException("finished process " + id, "100 percent", percent);
        }
        if (status == ProcessStatus.FAILED && message.isEmpty()) {
            throw new InvalidValueException("failed process " + id, "a message saying why", "none");
        }
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (e.getValue() == null || e.getValue() < 0) {
                throw new InvalidValueException("process count " + e.getKey(), "0 or more", e.getValue());
            }
        }
    }

    /**
     * A process just scheduled.
     *
     * @param id its id
     * @param kind what it does
     * @param at the instant it is scheduled for
     * @param file its file, if any
     * @param comment its comment
     * @return the pending snapshot
     */
    public static ProcessSnapshot pending(String id, ProcessKind kind, Instant at, Optional<String> file,
            String comment) {
        return new ProcessSnapshot(id, kind, ProcessStatus.PENDING, 0, at, Optional.empty(), Optional.empty(), file,
                comment, Map.of(), Optional.empty());
    }

    /** @return a copy that has started at an instant, at 0 percent */
    ProcessSnapshot running(Instant at) {
        return new ProcessSnapshot(id, kind, ProcessStatus.RUNNING, 0, scheduledFor, Optional.of(at), Optional.empty(),
                file, comment, counts, Optional.empty());
    }

    /** @return a copy at a percent (never lower than this one's) with these counts */
    ProcessSnapshot progress(int newPercent, Map<String, Long> newCounts) {
        return new ProcessSnapshot(id, kind, status, Math.max(percent, Math.min(100, newPercent)), scheduledFor,
                started, ended, file, comment, newCounts, message);
    }

    /**
     * @param end how it ended
     * @param at when
     * @param newCounts its final counts
     * @param why the failure, or what a cancelled process had done
     * @return a copy that has ended
     */
    ProcessSnapshot end(ProcessStatus end, Instant at, Map<String, Long> newCounts, Optional<String> why) {
        int p = end == ProcessStatus.FINISHED ? 100 : percent;
        Instant endAt = started.isPresent() && at.isBefore(started.get()) ? started.get() : at;
        return new ProcessSnapshot(id, kind, end, p, scheduledFor, started, Optional.of(endAt), file, comment,
                newCounts, why);
    }

    /**
     * The snapshot as a JSON object with the keys {@code id}, {@code kind}, {@code status} (lower
     * case), {@code percent}, {@code scheduled_for}, {@code started}, {@code ended} (ISO-8601
     * instants, or null), {@code file}, {@code comment}, {@code counts} (an object) and
     * {@code message} (or null). {@link #fromJson} reads it back.
     *
     * @return the JSON text
     */
    public String toJson() {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("id", id);
        j.put("kind", kind.name().toLowerCase(Locale.ROOT));
        j.put("status", status.name().toLowerCase(Locale.ROOT));
        j.put("percent", percent);
        j.put("scheduled_for", scheduledFor.toString());
        j.put("started", started.isPresent() ? started.get().toString() : Json.NULL);
        j.put("ended", ended.isPresent() ? ended.get().toString() : Json.NULL);
        j.put("file", file.isPresent() ? file.get() : Json.NULL);
        j.put("comment", comment);
        j.put("counts", new LinkedHashMap<String, Object>(counts));
        j.put("message", message.isPresent() ? message.get() : Json.NULL);
        return Json.write(j);
    }

    /**
     * Reads a snapshot that {@link #toJson} wrote.
     *
     * @param json the JSON text
     * @return the snapshot
     * @throws InvalidValueException when the text is not such an object or breaks an invariant
     */
    public static ProcessSnapshot fromJson(String json) {
        Objects.requireNonNull(json, "json");
        try {
            Object parsed = Json.parse(json);
            if (!(parsed instanceof Map<?, ?> m)) {
                throw new InvalidValueException("process snapshot", "a JSON object", json);
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            Object c = m.get("counts");
            if (c instanceof Map<?, ?> cm) {
                for (Map.Entry<?, ?> e : cm.entrySet()) {
                    counts.put(String.valueOf(e.getKey()), ((BigDecimal) e.getValue()).longValueExact());
                }
            }
            return new ProcessSnapshot(text(m, "id"),
                    ProcessKind.valueOf(text(m, "kind").toUpperCase(Locale.ROOT)),
                    ProcessStatus.valueOf(text(m, "status").toUpperCase(Locale.ROOT)),
                    ((BigDecimal) m.get("percent")).intValueExact(), Instant.parse(text(m, "scheduled_for")),
                    optional(m, "started").map(Instant::parse), optional(m, "ended").map(Instant::parse),
                    optional(m, "file"), text(m, "comment"), counts, optional(m, "message"));
        } catch (ClassCastException | ArithmeticException | NullPointerException
                | DateTimeParseException | IllegalArgumentException e) {
            throw new InvalidValueException("process snapshot", "the JSON that ProcessSnapshot.toJson writes",
                    e.getMessage());
        }
    }

    private static String text(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof String s)) {
            throw new InvalidValueException("process snapshot " + key, "a string", String.valueOf(v));
        }
        return s;
    }

    private static Optional<String> optional(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v instanceof String s ? Optional.of(s) : Optional.empty();
    }
}
