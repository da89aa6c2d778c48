package dev.outbound.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    void import_saveMapping_writesTheInferredTemplate_whichImportsTheSameWay() throws IOException {
        Path file = leads("Customer Key,Cell,Home Phone,tz,Shoe Size",
                "C-1,(212) 555-0147,,America/New_York,44",
                "C-2,415 555 0123,212-555-0111,,41");
        Path template = dir.resolve("template.json");

        assertThat(run("import", file.toString(), "--report", dir.resolve("r1").toString(), "--save-mapping",
                template.toString())).isZero();
        String json = Files.readString(template);
        // Headers matched by synonym, the unknown column kept as a custom field.
        assertThat(json).contains("\"Customer Key\"", "\"Cell\"", "\"tz\"", "\"Shoe Size\"");
        assertThat(run("import", file.toString(), "--report", dir.resolve("r2").toString(), "--mapping",
                template.toString(), "--threads", "2")).isZero();
        assertThat(Files.readAllLines(dir.resolve("r2").resolve("success.csv")))
                .isEqualTo(Files.readAllLines(dir.resolve("r1").resolve("success.csv")))
                .hasSize(3);
        assertThat(Files.readAllLines(dir.resolve("r1").resolve("success.csv")).get(1))
                .startsWith("C-1,").contains("+12125550147", "America/New_York", "44");
    }

    @Test
    void import_threadsOutOfRange_nonZeroWithOneLineReason() throws IOException {
        Path file = leads("customer_reference_id,mobile", "C-1,(212) 555-0147");
        int code = run("import", file.toString(), "--report", dir.resolve("r").toString(), "--threads", "0");
        assertThat(code).isNotZero();
        assertThat(err.toString().trim()).contains("--threads must be 1 to 64, not 0").doesNotContain("\n");
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
                "jdbc:unknown://127.0.0.1/none");
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("no record store binding on the class path takes --store");
    }

    @Test
    void import_postgresStoreNotListening_refusedNamingTheDatabase() throws IOException {
        Path file = leads("customer_reference_id,mobile", "C-1,(212) 555-0147");
        // Port 1 on the loopback: nothing listens there.
        int code = run("import", file.toString(), "--report", dir.resolve("r").toString(), "--store",
                "jdbc:postgresql://127.0.0.1:1/none?password=secret");
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("cannot connect to the record store at jdbc:postgresql://127.0.0.1:1/none")
                .doesNotContain("secret");
    }

    @Test
    void importRuleNothing_newContactsNotWrittenCountedUnchangedWithNotAppended() throws IOException {
        Path file = leads("customer_reference_id,mobile", "C-1,(212) 555-0147", "C-2,(212) 555-0148");
        Path report = dir.resolve("report");

        int code = run("import", file.toString(), "--report", report.toString(), "--import-rule", "nothing");

        assertThat(code).isZero();
        String summary = Files.readString(report.resolve("summary.json"));
        assertThat(summary).contains("\"total_rows\": 2", "\"imported\": 0", "\"unchanged\": 2", "\"warnings\": 2",
                "\"code\": \"NOT_APPENDED\"");
        assertThat(Files.readAllLines(report.resolve("success.csv"))).hasSize(3);
    }

    @Test
    void mergeRuleUpdateWithResets_laterRowOfTheSameCustomerUpdatesTheFirst() throws IOException {
        Path file = leads("customer_reference_id,mobile,agent", "C-1,(212) 555-0147,ann@example.com",
                "C-1,(212) 555-0148,");
        Path report = dir.resolve("report");

        int code = run("import", file.toString(), "--report", report.toString(), "--no-dedupe", "--merge-rule",
                "update", "--reset-status", "--reset-agent");

        assertThat(code).isZero();
        assertThat(Files.readString(report.resolve("summary.json"))).contains("\"imported\": 1", "\"updated\": 1",
                "\"unchanged\": 0");
        assertThat(out.toString()).contains("2 rows: 1 imported, 1 updated");
    }

    @Test
    void mergeRuleDelete_secondRowDeletesThirdAppendsAgain() throws IOException {
        Path file = leads("customer_reference_id,mobile", "C-1,(212) 555-0147", "C-1,(212) 555-0148",
                "C-1,(212) 555-0149");
        Path report = dir.resolve("report");

        int code = run("import", file.toString(), "--report", report.toString(), "--no-dedupe", "--merge-rule",
                "delete");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("3 rows: 2 imported, 1 updated, 0 unchanged");
    }

    @Test
    void updateRuleActivatePhones_summaryLineForRecordsNotInTheFile() throws IOException {
        Path file = leads("customer_reference_id,mobile", "C-1,(212) 555-0147");
        Path report = dir.resolve("report");

        int code = run("import", file.toString(), "--report", report.toString(), "--update-rule", "activate-phones");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("records not in the file: 0 deleted, 0 activated, 0 inactivated");
        assertThat(Files.readString(report.resolve("summary.json"))).contains("\"store_only_activated\": 0");
    }

    @Test
    void onExistingOverwrite_stillTheShorthandForMergeRuleReplace() throws IOException {
        Path file = leads("customer_reference_id,mobile", "C-1,(212) 555-0147", "C-1,(212) 555-0148");

        int code = run("import", file.toString(), "--report", dir.resolve("r").toString(), "--no-dedupe",
                "--on-existing", "overwrite");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("2 rows: 1 imported, 1 updated");
    }

    @Test
    void rules_conflictingOrUnknownOptions_nonZeroWithOneLineReason() throws IOException {
        Path file = leads("customer_reference_id,mobile", "C-1,(212) 555-0147");
        String report = dir.resolve("r").toString();
        List<List<String>> cases = List.of(
                List.of("--merge-rule", "update", "--on-existing", "skip"),
                List.of("--update-rule", "delete", "--replace"),
                List.of("--reset-status"),
                List.of("--merge-rule", "replace", "--reset-agent"),
                List.of("--merge-rule", "bogus"));
        List<String> reasons = List.of("--merge-rule and --on-existing both set",
                "--update-rule and --replace both set",
                "--reset-status needs --merge-rule update (the merge rule is nothing)",
                "--reset-agent needs --merge-rule update (the merge rule is replace)",
                "--merge-rule must be one of nothing, update, replace, activate, activate-phones, inactivate, delete,"
                        + " not bogus");
        for (int i = 0; i < cases.size(); i++) {
            err.getBuffer().setLength(0);
            List<String> args = new ArrayList<>(List.of("import", file.toString(), "--report", report));
            args.addAll(cases.get(i));

            int code = run(args.toArray(new String[0]));

            assertThat(code).as(cases.get(i).toString()).isNotZero();
            assertThat(err.toString().strip()).as(cases.get(i).toString()).startsWith("outbound: ")
                    .contains(reasons.get(i)).doesNotContain("\n");
        }
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
