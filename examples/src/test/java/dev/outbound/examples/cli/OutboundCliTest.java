package dev.outbound.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboundCliTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return OutboundCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Path leads(String... lines) throws IOException {
        Path file = dir.resolve("leads.csv");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void import_mixedFile_exitZeroAndEveryRowInTheSummary() throws IOException {
        Path file = leads("customer_reference_id,mobile,home,local_time_zone",
                "C-1,(212) 555-0147,,America/New_York", // imported
                "C-2,abc,xyz,", // invalid: no valid number
                "C-1,(212) 555-0100,,", // duplicate of row 1
                "C-3,415 555 0123,nonsense,", // imported with a warning
                "C-4,212-555-0111,,Mars/Base"); // invalid: zone
        Path report = dir.resolve("report");

        int code = run("import", file.toString(), "--report", report.toString(), "--campaign", "spring");

        assertThat(code).isZero();
        String summary = Files.readString(report.resolve("summary.json"));
        assertThat(summary).contains("\"total_rows\": 5", "\"imported\": 2", "\"updated\": 0", "\"unchanged\": 0",
                "\"duplicates_in_file\": 1", "\"invalid\": 2", "\"warnings\": 1", "\"elapsed_ms\"");
        assertThat(Files.readAllLines(report.resolve("success.csv"))).hasSize(3);
        assertThat(Files.readAllLines(report.resolve("errors.csv"))).hasSize(3);
        assertThat(Files.readAllLines(report.resolve("duplicates.csv"))).hasSize(2);
        assertThat(Files.readAllBytes(report.resolve("original-leads.csv"))).isEqualTo(Files.readAllBytes(file));
        assertThat(out.toString()).contains("5 rows: 2 imported", "1 duplicates in the file", "2 invalid");
    }

    @Test
    void import_successFile_holdsTheE164NumbersAndTheZone() throws IOException {
        Path file = leads("customer_reference_id,mobile,local_time_zone", "C-1,(212) 555-0147,America/Chicago");
        Path report = dir.resolve("report");
        assertThat(run("import", file.toString(), "--report", report.toString())).isZero();
        List<String> success = Files.readAllLines(report.resolve("success.csv"));
        assertThat(success.get(0)).isEqualTo("customer_reference_id,primary,home,mobile,work,time_zone,time_zone_source,"
                + "scheduled_for,agent");
        assertThat(success.get(1)).startsWith("C-1,").contains("+12125550147", "America/Chicago");
    }

    @Test
    void import_missingFile_nonZeroWithOneLineReason() {
        int code = run("import", dir.resolve("nope.csv").toString(), "--report", dir.resolve("r").toString());
        assertThat(code).isNotZero();
        assertThat(err.toString().strip()).startsWith("outbound: cannot read").doesNotContain("\n");
    }

    @Test
    void import_regionColumn_readsEachRowsNumberInItsCountry() throws IOException {
        Path file = leads("customer_reference_id,mobile,country", "C-1,020 7946 0000,GB", "C-2,(212) 555-0147,US");
        Path report = dir.resolve("report");
        assertThat(run("import", file.toString(), "--report", report.toString(), "--region-column", "country")).isZero();
        String success = Files.readString(report.resolve("success.csv"));
        assertThat(success).contains("+442079460000", "+12125550147");
    }

    @Test
    void import_unknownStoreUrl_refusedRatherThanImportedIntoMemory() throws IOException {
        Path file = leads("customer_reference_id,mobile", "C-1,(212) 555-0147");
        int code = run("import", file.toString(), "--report", dir.resolve("r").toString(), "--store",
                "jdbc:postgresql://127.0.0.1/none");
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("no record store binding on the class path takes --store");
    }

    @Test
    void export_withoutStore_writesTheHeaderOnly() throws IOException {
        Path outFile = dir.resolve("out.csv");
        int code = run("export", "--campaign", "spring", "--out", outFile.toString());
        assertThat(code).isZero();
        assertThat(Files.readAllLines(outFile)).hasSize(1);
        assertThat(out.toString()).contains("exported 0 records");
    }
}
