package dev.outbound.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.csv.imports.ImportCounts;
import dev.outbound.csv.imports.ImportResult;
import dev.outbound.csv.imports.ImportStatus;
import dev.outbound.csv.imports.LeadImport;
import dev.outbound.csv.read.CsvSource;
import dev.outbound.csv.read.ReadOptions;
import dev.outbound.spi.directory.Agent;
import dev.outbound.spi.memory.InMemoryAgentDirectory;
import dev.outbound.spi.memory.InMemoryRecordStore;
import dev.outbound.spi.store.RecordQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise for whole files: whatever a file holds (random quoting, separators,
 * encodings, broken rows, random bytes), an import never throws past the caller and accounts for
 * every row the reader finds.
 */
class GeneratedFilesImportTest {
    private static final String[] SEPARATORS = {",", ";", "\t", ":"};
    private static final Charset[] CHARSETS = {StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1,
        StandardCharsets.UTF_16};
    private static final String[] CELLS = {"C-1", "C-2", "C-3", "(212) 555-0147", "+44 20 7946 0000", "nonsense",
        "America/New_York", "Mars/Base", "ann@example.com", "bad-email", "2026-12-01 10:00", "13/45/2026",
        "", " ", "\"", "\"quoted, with separator\"", "line\nbreak", "caf\u00e9", "=SUM(A1)", "'x"};

    @TempDir
    Path dir;

    private static byte[] file(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        if (random.nextInt(5) == 0) {
            byte[] bytes = new byte[random.nextInt(400)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) random.nextInt(256);
            }
            return bytes;
        }
        String sep = SEPARATORS[random.nextInt(SEPARATORS.length)];
        String eol = random.nextBoolean() ? "\n" : "\r\n";
        StringBuilder b = new StringBuilder();
        b.append(String.join(sep, "customer_reference_id", "mobile", "home", "local_time_zone", "agent",
                "scheduled_for", "notes")).append(eol);
        int rows = random.nextInt(30);
        for (int r = 0; r < rows; r++) {
            int cells = 1 + random.nextInt(9);
            for (int c = 0; c < cells; c++) {
                if (c > 0) {
                    b.append(sep);
                }
                String cell = CELLS[random.nextInt(CELLS.length)];
                boolean quote = random.nextInt(3) == 0 || cell.contains(sep) || cell.contains("\n");
                if (quote && !cell.startsWith("\"")) {
                    b.append('"').append(cell.replace("\"", "\"\"")).append('"');
                } else {
                    b.append(cell);
                }
            }
            b.append(random.nextInt(8) == 0 ? eol + eol : eol);
        }
        Charset cs = CHARSETS[random.nextInt(CHARSETS.length)];
        return b.toString().getBytes(cs);
    }

    private static long rowsTheReaderFinds(Path file) {
        try (CsvSource source = CsvSource.open(file, ReadOptions.detect())) {
            long n = 0;
            while (source.next().isPresent()) {
                n++;
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anyFile_importNeverThrows_andAccountsForEveryRow() {
        qt().withExamples(300).forAll(longs().all(), integers().between(0, 1)).checkAssert((seed, mode) -> {
            Path file = dir.resolve("f" + Long.toHexString(seed) + ".csv");
            try {
                Files.write(file, file(seed));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            InMemoryRecordStore store = InMemoryRecordStore.create();
            RecordFactory factory = RecordFactory.newBuilder(CampaignId.of("gen")).defaultRegion("US").build();
            ImportResult result = LeadImport.newBuilder(factory, store).dedupe(mode == 0).build().newJob(file).run();

            assertThat(result.status()).as("seed %d", seed).isIn(ImportStatus.FINISHED, ImportStatus.FAILED);
            ImportCounts c = result.counts();
            assertThat(c.total()).as("seed %d", seed)
                    .isEqualTo(c.imported() + c.updated() + c.unchanged() + c.duplicates() + c.invalid());
            if (result.status() == ImportStatus.FINISHED) {
                assertThat(c.total()).as("seed %d", seed).isEqualTo(rowsTheReaderFinds(file));
                assertThat(store.count(RecordQuery.all())).as("seed %d", seed)
                        .isEqualTo(c.imported());
            } else {
                assertThat(result.failure()).as("seed %d", seed).isPresent();
            }
        });
    }

    /** The time every record of the comparisons is made at, so that two imports can be compared. */
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-03-02T15:00:00Z"), ZoneOffset.UTC);

    /**
     * What an import left, to compare: the result but for its id and time, every stored record in
     * ref order, and every result file's bytes, {@code summary.json} with its id and time blanked.
     */
    private List<Object> importWith(Path file, int threads, int batchSize, boolean dedupe, boolean knowsAnn,
            String results) {
        InMemoryRecordStore store = InMemoryRecordStore.create();
        RecordFactory factory = RecordFactory.newBuilder(CampaignId.of("gen")).defaultRegion("US").clock(FIXED).build();
        InMemoryAgentDirectory agents = knowsAnn
                ? InMemoryAgentDirectory.of(Agent.of(AgentEmail.of("ann@example.com"), "Ann"))
                : InMemoryAgentDirectory.create();
        Path dir = this.dir.resolve(results);
        ImportResult r = LeadImport.newBuilder(factory, store).dedupe(dedupe).batchSize(batchSize).threads(threads)
                .agentDirectory(agents).resultDirectory(dir).build().newJob(file).run();
        List<Record> stored = new ArrayList<>();
        try (Stream<Record> all = store.stream(RecordQuery.all())) {
            all.sorted(Comparator.comparing(rec -> rec.ref().value())).forEach(stored::add);
        }
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> listed = Files.list(dir)) {
            for (Path p : listed.collect(Collectors.toList())) {
                byte[] bytes = Files.readAllBytes(p);
                String name = p.getFileName().toString();
                if (name.equals("summary.json")) {
                    files.put(name, new String(bytes, StandardCharsets.UTF_8).replace(r.jobId(), "JOB")
                            .replaceAll("\"elapsed_ms\":\\s*[0-9]+", "ELAPSED"));
                } else {
                    // Base64 keeps the comparison byte for byte and its message readable.
                    files.put(name, Base64.getEncoder().encodeToString(bytes));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of(r.status(), r.counts(), r.problemCount(), r.problems(), r.failure(), r.detected(), stored,
                files);
    }

    @Test
    void anyFile_fourThreads_sameCountsProblemsRecordsAndResultFilesAsOneThread() {
        qt().withExamples(150).forAll(longs().all(), integers().between(0, 31)).checkAssert((seed, options) -> {
            Path file = dir.resolve("p" + Long.toHexString(seed) + ".csv");
            try {
                Files.write(file, file(seed));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int batchSize = 1 + (options >> 2);
            boolean dedupe = (options & 1) != 0;
            boolean knowsAnn = (options & 2) != 0;
            String name = Long.toHexString(seed) + "-" + options;

            List<Object> one = importWith(file, 1, batchSize, dedupe, knowsAnn, "one-" + name);
            List<Object> four = importWith(file, 4, batchSize, dedupe, knowsAnn, "four-" + name);

            assertThat(four).as("seed %d, options %d", seed, options).isEqualTo(one);
        });
    }

    @Test
    void largeFile_fourThreads_sameCountsProblemsRecordsAndResultFilesAsOneThread() throws IOException {
        SplittableRandom random = new SplittableRandom(2026);
        String[] phones = {"(212) 736-%04d", "+44 20 7946 %04d", "nonsense%d", "555-%04d", ""};
        String[] agents = {"", "ann@example.com", "zed@example.com", "bad-email"};
        StringBuilder b = new StringBuilder("customer_reference_id;mobile;agent;notes\n");
        for (int r = 0; r < 3_000; r++) {
            // Refs from a smaller range, so that some repeat.
            b.append("C-").append(random.nextInt(2_500)).append(';')
                    .append(String.format(phones[random.nextInt(phones.length)], random.nextInt(10_000))).append(';')
                    .append(agents[random.nextInt(agents.length)]).append(';')
                    .append(random.nextInt(4) == 0 ? "\"note; with separator\"" : "n" + r).append('\n');
        }
        Path file = dir.resolve("large.csv");
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);

        List<Object> one = importWith(file, 1, 97, true, true, "one");
        List<Object> four = importWith(file, 4, 97, true, true, "four");

        assertThat(four).isEqualTo(one);
        // The file exercises every kind of row and several batches.
        ImportCounts c = (ImportCounts) one.get(1);
        assertThat(c.total()).isEqualTo(3_000);
        assertThat(c.imported()).isGreaterThan(97);
        assertThat(c.duplicates()).isPositive();
        assertThat(c.invalid()).isPositive();
    }
}
