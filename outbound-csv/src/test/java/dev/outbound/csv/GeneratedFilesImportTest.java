package dev.outbound.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.csv.imports.ImportCounts;
import dev.outbound.csv.imports.ImportResult;
import dev.outbound.csv.imports.ImportStatus;
import dev.outbound.csv.imports.LeadImport;
import dev.outbound.csv.read.CsvSource;
import dev.outbound.csv.read.ReadOptions;
import dev.outbound.spi.memory.InMemoryRecordStore;
import dev.outbound.spi.store.RecordQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
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
}
