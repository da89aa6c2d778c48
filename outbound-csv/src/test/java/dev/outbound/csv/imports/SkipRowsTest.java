package dev.outbound.csv.imports;

import static dev.outbound.csv.imports.ImportFixtures.factory;
import static dev.outbound.csv.imports.ImportFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.spi.memory.InMemoryRecordStore;
import dev.outbound.spi.store.RecordQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seed 002's "remove top records": {@link LeadImport.Builder#skipRows}. */
class SkipRowsTest {
    private final RecordFactory factory = factory();

    @TempDir
    Path tmp;

    private Path write(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void skipRows_two_dropsExactlyTheFirstTwoDataRowsNotTheHeader() throws IOException {
        Path file = write("top.csv", "customer_reference_id,mobile\nA1,5305550111\nA2,5305550112\n"
                + "A3,5305550113\nA4,5305550114\n");
        InMemoryRecordStore store = InMemoryRecordStore.create();

        ImportResult r = LeadImport.newBuilder(factory, store).skipRows(2).build().newJob(file).run();

        assertThat(r.status()).isEqualTo(ImportStatus.FINISHED);
        assertThat(r.skipped()).isEqualTo(2);
        assertThat(r.counts()).isEqualTo(new ImportCounts(2, 2, 0, 0, 0, 0, 0, 0, 0));
        assertThat(store.get(key("A1"))).isEmpty();
        assertThat(store.get(key("A2"))).isEmpty();
        assertThat(store.get(key("A3"))).isPresent();
        assertThat(store.get(key("A4"))).isPresent();
    }

    @Test
    void skipRows_problemAfterSkippedRows_keepsTheFilesRowNumber() throws IOException {
        Path file = write("bad.csv", "customer_reference_id,mobile\nA1,5305550111\nA2,5305550112\nA3,bad\n");

        ImportResult r = LeadImport.newBuilder(factory, InMemoryRecordStore.create()).skipRows(2).build()
                .newJob(file).run();

        assertThat(r.counts().invalid()).isEqualTo(1);
        assertThat(r.problems()).isNotEmpty();
        assertThat(r.problems().get(0).row()).isEqualTo(3);
        assertThat(r.problems().get(0).line()).isEqualTo(4);
    }

    @Test
    void skipRows_moreThanTheFileHas_skipsWhatThereIsAndImportsNothing() throws IOException {
        Path file = write("short.csv", "customer_reference_id,mobile\nA1,5305550111\n");
        InMemoryRecordStore store = InMemoryRecordStore.create();

        ImportResult r = LeadImport.newBuilder(factory, store).skipRows(5).build().newJob(file).run();

        assertThat(r.status()).isEqualTo(ImportStatus.FINISHED);
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(r.counts().total()).isZero();
        assertThat(store.count(RecordQuery.all())).isZero();
    }

    @Test
    void skipRows_resultFiles_summarySaysSkippedRowsAndOriginalKeepsThem() throws IOException {
        Path file = write("sum.csv", "customer_reference_id,mobile\nA1,5305550111\nA2,5305550112\n");
        Path out = tmp.resolve("out");

        LeadImport.newBuilder(factory, InMemoryRecordStore.create()).skipRows(1).resultDirectory(out).build()
                .newJob(file).run();

        assertThat(Files.readString(out.resolve(ResultFiles.SUMMARY))).contains("\"skipped_rows\": 1")
                .contains("\"total_rows\": 1");
        assertThat(Files.readString(out.resolve("success.csv"))).contains("A2").doesNotContain("A1");
        assertThat(Files.readString(out.resolve("original-sum.csv"))).contains("A1");
    }

    @Test
    void skipRows_preview_skipsTheTopRowsToo() throws IOException {
        Path file = write("pre.csv", "customer_reference_id,mobile\nA1,5305550111\nA2,5305550112\nA3,5305550113\n");

        ImportResult r = LeadImport.newBuilder(factory, InMemoryRecordStore.create()).skipRows(1).build()
                .preview(file, 1);

        assertThat(r.skipped()).isEqualTo(1);
        assertThat(r.counts().total()).isEqualTo(1);
    }

    @Test
    void skipRows_negative_refusedAtBuild() {
        assertThatThrownBy(() -> LeadImport.newBuilder(factory, InMemoryRecordStore.create()).skipRows(-1).build())
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("skipRows");
    }

    @Test
    void skipRows_randomFile_importsExactlyRowsAfterTheFirstN() {
        qt().withExamples(40).forAll(integers().between(0, 12), integers().between(0, 15)).checkAssert((rows, n) -> {
            StringBuilder text = new StringBuilder("customer_reference_id,mobile\n");
            for (int i = 1; i <= rows; i++) {
                text.append("R").append(i).append(',').append(String.format("530555%04d", i)).append('\n');
            }
            Path file;
            try {
                file = Files.createTempFile(tmp, "p", ".csv");
                Files.writeString(file, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            InMemoryRecordStore store = InMemoryRecordStore.create();

            ImportResult r = LeadImport.newBuilder(factory, store).skipRows(n).build().newJob(file).run();

            Set<String> expected = new TreeSet<>();
            for (int i = n + 1; i <= rows; i++) {
                expected.add("R" + i);
            }
            Set<String> stored;
            try (Stream<Record> all = store.stream(RecordQuery.all())) {
                stored = all.map(x -> x.ref().value()).collect(Collectors.toCollection(TreeSet::new));
            }
            assertThat(stored).isEqualTo(expected);
            assertThat(r.skipped()).isEqualTo((long) Math.min(n, rows));
            assertThat(r.skipped() + r.counts().total()).isEqualTo((long) rows);
        });
    }
}
