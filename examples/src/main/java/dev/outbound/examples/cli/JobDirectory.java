package dev.outbound.examples.cli;

import dev.outbound.core.internal.Json;
import dev.outbound.csv.process.ProcessSnapshot;
import dev.outbound.csv.process.ProcessStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code jobs} commands' directory (seed 002's shell jobs): per job, {@code ID.process.json}
 * (its {@link ProcessSnapshot}, replaced atomically at every change), {@code ID.job.json} (what
 * to run: the kind, the campaign, the instant, the comment and the kind's options as given) and,
 * once cancelling was asked, {@code ID.cancel}, which a running job looks for between batches.
 */
final class JobDirectory implements ProcessStore {
    private static final String PROCESS = ".process.json";
    private static final String JOB = ".job.json";
    private static final String CANCEL = ".cancel";

    private final Path dir;

    JobDirectory(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    /**
     * What a job runs.
     *
     * @param id the job's id
     * @param kind import, export or delete
     * @param campaign the campaign it works on
     * @param at when it runs
     * @param comment its comment
     * @param args the kind's options, as given on the command line
     */
    record Job(String id, String kind, String campaign, Instant at, String comment, List<String> args) {
    }

    void writeJob(Job job) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("id", job.id());
        j.put("kind", job.kind());
        j.put("campaign", job.campaign());
        j.put("at", job.at().toString());
        j.put("comment", job.comment());
        j.put("args", new ArrayList<Object>(job.args()));
        write(dir.resolve(job.id() + JOB), Json.write(j));
    }

    Optional<Job> job(String id) {
        Path file = dir.resolve(id + JOB);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Map<?, ?> m = (Map<?, ?>) Json.parse(read(file));
        List<String> args = new ArrayList<>();
        for (Object a : (List<?>) m.get("args")) {
            args.add((String) a);
        }
        return Optional.of(new Job((String) m.get("id"), (String) m.get("kind"), (String) m.get("campaign"),
                Instant.parse((String) m.get("at")), (String) m.get("comment"), args));
    }

    @Override
    public void save(ProcessSnapshot snapshot) {
        write(dir.resolve(snapshot.id() + PROCESS), snapshot.toJson());
    }

    @Override
    public Optional<ProcessSnapshot> get(String id) {
        Path file = dir.resolve(id + PROCESS);
        return Files.exists(file) ? Optional.of(ProcessSnapshot.fromJson(read(file))) : Optional.empty();
    }

    @Override
    public List<ProcessSnapshot> list() {
        List<ProcessSnapshot> all = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return all;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + PROCESS)) {
            for (Path f : files) {
                all.add(ProcessSnapshot.fromJson(read(f)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the jobs in " + dir, e);
        }
        all.sort(Comparator.comparing(ProcessSnapshot::scheduledFor).thenComparing(ProcessSnapshot::id));
        return all;
    }

    @Override
    public void requestCancel(String id) {
        write(dir.resolve(id + CANCEL), "cancel requested\n");
    }

    @Override
    public boolean cancelRequested(String id) {
        return Files.exists(dir.resolve(id + CANCEL));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Writes beside the file and moves over it, so that a reader never sees half a snapshot. */
    private void write(Path file, String text) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".write-", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
