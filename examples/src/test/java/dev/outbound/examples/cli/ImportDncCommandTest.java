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

class ImportDncCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return OutboundCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Path dnc(String... lines) throws IOException {
        Path file = dir.resolve("dnc.csv");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void importDnc_mixedFile_exitZero_countsPrinted_andEveryRowInTheReport() throws IOException {
        Path file = dnc("phone,reason,expires_at",
                "+1 (212) 555-0147,asked,", // added
                "+1 212-555-0147,,", // duplicate of row 1
                "not a number,,", // invalid
                "+44 20 7946 0000,,2020-01-01", // expired
                "020 7946 0001,,"); // added: read in --region GB
        Path report = dir.resolve("report");

        int code = run("import-dnc", file.toString(), "--report", report.toString(), "--region", "GB",
                "--list", "national registry");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("dnc.csv: 5 rows: 2 added", "1 duplicates in the file", "1 expired",
                "1 invalid", "black list 'national registry' (global) holds 2 entries");
        String summary = Files.readString(report.resolve("summary.json"));
        assertThat(summary).contains("\"total_rows\": 5", "\"added\": 2", "\"duplicates_in_file\": 1",
                "\"expired\": 1", "\"invalid\": 1", "\"list\": \"national registry\"", "\"mode\": \"block\"");
        assertThat(Files.readAllLines(report.resolve("success.csv"))).hasSize(3);
        assertThat(Files.readAllLines(report.resolve("errors.csv"))).hasSize(3);
        assertThat(Files.readAllLines(report.resolve("duplicates.csv"))).hasSize(2);
        assertThat(Files.readAllBytes(report.resolve("original-dnc.csv"))).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void importDnc_regionUsByDefault_andRegionColumnPerRow() throws IOException {
        Path file = dnc("number,country", "(212) 555-0147,", "020 7946 0000,GB");
        Path report = dir.resolve("report");

        assertThat(run("import-dnc", file.toString(), "--report", report.toString())).isZero();

        assertThat(Files.readString(report.resolve("success.csv"))).contains("+12125550147", "+442079460000");
    }

    @Test
    void importDnc_allowListOfACampaign_isNamedAfterIt() throws IOException {
        Path file = dnc("telephone", "2125550147", "2125550148");
        Path report = dir.resolve("report");

        int code = run("import-dnc", file.toString(), "--report", report.toString(), "--allow", "--campaign",
                "spring");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("2 added", "white list 'campaign spring' (campaign spring) holds 2 entries");
        assertThat(Files.readString(report.resolve("summary.json"))).contains("\"mode\": \"allow\"",
                "\"list\": \"campaign spring\"");
    }

    @Test
    void importDnc_replaceWithAnInvalidRow_nonZeroWithOneLineReason_reportStillWritten() throws IOException {
        Path file = dnc("phone", "2125550147", "junk");
        Path report = dir.resolve("report");

        int code = run("import-dnc", file.toString(), "--report", report.toString(), "--replace");

        assertThat(code).isNotZero();
        assertThat(err.toString().strip()).startsWith("outbound: replace not applied: 1 rows were invalid")
                .doesNotContain("\n");
        assertThat(Files.readString(report.resolve("summary.json"))).contains("\"status\": \"failed\"",
                "\"replaced\": false");
    }

    @Test
    void importDnc_replaceWithMaxInvalid_exitZero() throws IOException {
        Path file = dnc("phone", "2125550147", "junk");

        int code = run("import-dnc", file.toString(), "--report", dir.resolve("r").toString(), "--replace",
                "--max-invalid", "1");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("1 added", "1 invalid", "holds 1 entries");
    }

    @Test
    void importDnc_givenSeparator_isUsed() throws IOException {
        Path file = dnc("phone|reason", "2125550147|asked");
        Path report = dir.resolve("report");

        assertThat(run("import-dnc", file.toString(), "--report", report.toString(), "--separator", "|")).isZero();

        assertThat(Files.readString(report.resolve("success.csv"))).contains("+12125550147,,,,asked,");
    }

    @Test
    void importDnc_missingFile_nonZeroWithOneLineReason() {
        int code = run("import-dnc", dir.resolve("nope.csv").toString(), "--report", dir.resolve("r").toString());

        assertThat(code).isNotZero();
        assertThat(err.toString().strip()).startsWith("outbound: cannot read").doesNotContain("\n");
    }

    @Test
    void importDnc_noKeyColumn_nonZeroWithOneLineReason() throws IOException {
        Path file = dnc("name,email", "Ann,ann@example.com");

        int code = run("import-dnc", file.toString(), "--report", dir.resolve("r").toString());

        assertThat(code).isNotZero();
        assertThat(err.toString().strip()).startsWith("outbound: no column of the header [name, email]")
                .doesNotContain("\n");
    }

    @Test
    void importDnc_maxInvalidWithoutReplace_nonZeroWithOneLineReason() throws IOException {
        Path file = dnc("phone", "2125550147");

        int code = run("import-dnc", file.toString(), "--report", dir.resolve("r").toString(), "--max-invalid", "2");

        assertThat(code).isNotZero();
        assertThat(err.toString().strip()).startsWith("outbound: ").contains("replaceMaxInvalid")
                .doesNotContain("\n");
    }

    @Test
    void importDnc_skipRows_dropsTheTopRowsAndSaysSo() throws IOException {
        Path file = dnc("phone", "+1 (212) 555-0147", "+1 (212) 555-0148", "+1 (212) 555-0149");

        int code = run("import-dnc", file.toString(), "--report", dir.resolve("report").toString(), "--skip-rows", "1");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("dnc.csv: 2 rows: 2 added", "1 rows at the top of the file skipped");
    }
}
