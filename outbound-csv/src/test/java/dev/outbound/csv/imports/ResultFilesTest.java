package dev.outbound.csv.imports;

import static dev.outbound.csv.imports.ImportFixtures.factory;
import static dev.outbound.csv.imports.ImportFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.csv.mapping.ColumnMapping;
import dev.outbound.csv.mapping.Target;
import dev.outbound.csv.read.CsvSource;
import dev.outbound.csv.read.ReadOptions;
import dev.outbound.spi.memory.InMemoryRecordStore;
import dev.outbound.spi.store.RecordQuery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The result files of a small file, worked out by hand; and whole imports from files. */
class ResultFilesTest {
    @TempDir
    Path tmp;

    private final RecordFactory factory = factory();
    private final InMemoryRecordStore store = InMemoryRecordStore.create();

    private static final String FILE = "customer_reference_id,mobile,agent\n"
            + "A1,5305550101,\n"
            + "A2,bad,\n"
            + "A1,5305550102,\n"
            + ",bad,x,extra\n"
            + "\"A3\",\"5305550103\",\"ann@example.com\"\n";

    private Path write(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** A job over a real file read by CsvSource, mapped by the hand-made mapper. */
    private ImportJob fileJob(LeadImport imports, Path file) {
        return imports.newJob(Optional.of(file), () -> RowSource.of(CsvSource.open(file, ReadOptions.detect())),
                ImportFixtures.mapperFor(factory));
    }

    private static List<List<String>> readCsv(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
                .ofCsvRecord(file, StandardCharsets.UTF_8)) {
            for (CsvRecord r : reader) {
                rows.add(r.getFields());
            }
        }
        return rows;
    }

    @Test
    void resultFiles_smallFile_exactContents() throws IOException {
        Path file = write("leads.csv", FILE);
        Path out = tmp.resolve("results");
        LeadImport imports = LeadImport.newBuilder(factory, store).resultDirectory(out).build();
        ImportJob job = fileJob(imports, file);

        ImportResult r = job.run();

        assertThat(r.counts()).isEqualTo(new ImportCounts(5, 2, 0, 0, 1, 2, 0, 0, 0));
        assertThat(Files.readString(out.resolve("errors.csv"))).isEqualTo(
                "customer_reference_id,mobile,agent,row,line,column,code,message\r\n"
                + "A2,bad,,2,3,mobile,PHONE_INVALID,'bad' is not a phone number\r\n"
                + ",bad,x,4,5,customer_reference_id | mobile | agent,REF_MISSING | PHONE_INVALID | AGENT_INVALID,"
                + "no customer reference id | 'bad' is not a phone number | 'x' is not an e-mail,extra\r\n");
        assertThat(Files.readString(out.resolve("duplicates.csv"))).isEqualTo(
                "customer_reference_id,mobile,agent,row,line,first_row\r\n"
                + "A1,5305550102,,3,4,1\r\n");
        assertThat(Files.mismatch(file, out.resolve("original-leads.csv"))).isEqualTo(-1L);

        List<List<String>> success = readCsv(out.resolve("success.csv"));
        assertThat(success.get(0)).containsExactly("customer_reference_id", "primary", "home", "mobile", "work",
                "time_zone", "time_zone_source", "scheduled_for", "agent");
        assertThat(success).hasSize(3);
        int mobile = success.get(0).indexOf("mobile");
        int agent = success.get(0).indexOf("agent");
        assertThat(success.get(1).get(0)).isEqualTo("A1");
        assertThat(success.get(1).get(mobile)).isEqualTo("+15305550101");
        assertThat(success.get(2).get(0)).isEqualTo("A3");
        assertThat(success.get(2).get(agent)).isEqualTo("ann@example.com");

        String summary = Files.readString(out.resolve("summary.json"));
        assertThat(summary).startsWith("{\n").endsWith("}")
                .contains("\"job_id\": \"" + job.id() + "\",\n")
                .contains("\"status\": \"finished\",\n")
                .contains("\"preview\": false,\n")
                .contains("\"file\": \"" + file + "\",\n")
                .contains("\"charset\": \"UTF-8\",\n")
                .contains("\"separator\": \",\",\n")
                .contains("\"total_rows\": 5,\n")
                .contains("\"imported\": 2,\n")
                .contains("\"updated\": 0,\n")
                .contains("\"unchanged\": 0,\n")
                .contains("\"duplicates_in_file\": 1,\n")
                .contains("\"invalid\": 2,\n")
                .contains("\"warnings\": 0,\n")
                .contains("\"problem_count\": 5,\n")
                .contains("\"failure\": null,\n")
                .containsPattern("\"elapsed_ms\": [0-9]+,\n")
                .contains("\"code\": \"DUPLICATE_IN_FILE\"");
        assertThat(summary).isEqualTo(r.toJson());
    }

    @Test
    void resultFiles_everyRowInExactlyOneFile() throws IOException {
        Path file = write("leads.csv", FILE);
        Path out = tmp.resolve("results");
        ImportResult r = fileJob(LeadImport.newBuilder(factory, store).resultDirectory(out).build(), file).run();

        long rows = readCsv(out.resolve("success.csv")).size() - 1 + readCsv(out.resolve("errors.csv")).size() - 1
                + readCsv(out.resolve("duplicates.csv")).size() - 1;
        assertThat(rows).isEqualTo(r.counts().total()).isEqualTo(5);
    }

    @Test
    void resultFiles_missingInput_summarySaysFailed() throws IOException {
        Path out = tmp.resolve("results");
        ImportResult r = LeadImport.newBuilder(factory, store).resultDirectory(out).build()
                .newJob(tmp.resolve("nope.csv")).run();

        assertThat(r.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(r.failure().get()).contains("cannot read").contains("nope.csv");
        String summary = Files.readString(out.resolve("summary.json"));
        assertThat(summary).contains("\"status\": \"failed\"").contains("\"total_rows\": 0")
                .contains("\"charset\": null");
    }

    @Test
    void preview_withResultDirectory_writesNoFiles() throws IOException {
        Path file = write("leads.csv", FILE);
        Path out = tmp.resolve("results");
        LeadImport imports = LeadImport.newBuilder(factory, store).resultDirectory(out).build();

        ImportResult r = imports.preview(Optional.of(file), () -> RowSource.of(CsvSource.open(file,
                ReadOptions.detect())), ImportFixtures.mapperFor(factory), 10);

        assertThat(r.preview()).isTrue();
        assertThat(r.counts()).isEqualTo(new ImportCounts(5, 2, 0, 0, 1, 2, 0, 0, 0));
        assertThat(Files.exists(out)).isFalse();
        assertThat(store.count(RecordQuery.all())).isZero();
    }

    // The rest go through the public entry points: the column mapper and reader of this module.

    @Test
    void newJob_plainFile_importsWithAutomaticMapping() throws IOException {
        Path file = write("plain.csv", "customer_reference_id,mobile\nB1,5305550111\nB2,5305550112\n,5305550113\n");

        ImportResult r = LeadImport.newBuilder(factory, store).build().newJob(file).run();

        assertThat(r.status()).isEqualTo(ImportStatus.FINISHED);
        assertThat(r.counts()).isEqualTo(new ImportCounts(3, 2, 0, 0, 0, 1, 0, 0, 0));
        assertThat(store.get(key("B2")).flatMap(x -> x.phone(PhoneField.MOBILE)).map(p -> p.number().e164()))
                .contains("+15305550112");
        assertThat(r.file()).contains(file.toString());
        assertThat(r.detected()).isPresent();
    }

    @Test
    void preview_plainFile_firstRowsOnlyNothingWritten() throws IOException {
        Path file = write("plain.csv", "customer_reference_id,mobile\nB1,5305550111\nB2,5305550112\nB3,5305550113\n");

        ImportResult r = LeadImport.newBuilder(factory, store).build().preview(file, 2);

        assertThat(r.preview()).isTrue();
        assertThat(r.counts()).isEqualTo(new ImportCounts(2, 2, 0, 0, 0, 0, 0, 0, 0));
        assertThat(store.count(RecordQuery.all())).isZero();
    }

    @Test
    void newJob_mappingForAnotherHeader_failedNotThrown() throws IOException {
        Path file = write("plain.csv", "customer_reference_id,mobile\nB1,5305550111\n");
        ColumnMapping other = ColumnMapping.newBuilder(List.of("customer_reference_id", "phone"))
                .map("customer_reference_id", new Target.CustomerRef())
                .map("phone", new Target.Phone(PhoneField.MOBILE)).build();

        ImportResult r = LeadImport.newBuilder(factory, store).mapping(other).build().newJob(file).run();

        assertThat(r.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(r.failure().get()).contains("cannot be mapped");
        assertThat(store.count(RecordQuery.all())).isZero();
    }

    @Test
    void newJob_headerWithoutReferenceColumn_failedNotThrown() throws IOException {
        Path file = write("plain.csv", "name,mobile\nBea,5305550111\n");

        ImportResult r = LeadImport.newBuilder(factory, store).replace(true).build().newJob(file).run();

        assertThat(r.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(r.counts()).isEqualTo(ImportCounts.ZERO);
    }
}
