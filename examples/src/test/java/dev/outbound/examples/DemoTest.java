package dev.outbound.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.record.Record;
import dev.outbound.spi.store.RecordQuery;
import dev.outbound.spi.store.RecordStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {
    @TempDir
    static Path dir;

    /** The demo's whole output, as main prints it: the import, who may be called, the simulated shift. */
    private static String out;
    /** The records the demo imported. */
    private static RecordStore imported;

    @BeforeAll
    static void runDemo() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Path report = dir.resolve("demo-report");
        imported = Demo.importLeads(print, report, Optional.empty());
        Demo.callableAtStart(print, imported);
        Demo.simulate(print, report, imported, Optional.empty());
        out = bytes.toString(StandardCharsets.UTF_8);
    }

    /** The two numbers of a line of the side-by-side table, predictive first. */
    private static double[] row(String label) {
        Matcher m = Pattern.compile("  " + Pattern.quote(label) + " +([0-9.]+)(?: %)? +([0-9.]+)(?: %)?\\R")
                .matcher(out);
        assertThat(m.find()).as("a line '%s' with two numbers in:%n%s", label, out).isTrue();
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
    }

    @Test
    void demoImport_countsEveryRowOfTheBundledList() {
        // DemoLeads wrote 3,000 rows: 24 whose only number is none, 12 with an unknown zone and 12
        // without a reference id (48 invalid), 18 repeating an earlier good row's id, and 15 good
        // rows with a bad second number (imported, with a warning): 3,000 - 48 - 18 = 2,934.
        assertThat(out).contains("Imported demo/leads.csv: 3,000 rows: 2,934 imported (15 with warnings), "
                + "18 duplicates in the file, 48 invalid");
        assertThat(imported.count(RecordQuery.campaign(Demo.CAMPAIGN))).isEqualTo(2_934);
    }

    @Test
    void demoImport_refusedRowsByReason() {
        // The four kinds DemoLeads wrote, each row counted once, under its first error.
        assertThat(out).containsPattern("PHONE_INVALID +24 rows")
                .containsPattern("TIME_ZONE_INVALID +12 rows")
                .containsPattern("REF_MISSING +12 rows")
                .containsPattern("DUPLICATE_IN_FILE +18 rows");
    }

    @Test
    void demoImport_writesTheResultFiles() {
        Path results = dir.resolve("demo-report").resolve("import");
        assertThat(results.resolve("summary.json")).isRegularFile();
        assertThat(results.resolve("errors.csv")).isRegularFile();
        assertThat(results.resolve("duplicates.csv")).isRegularFile();
    }

    @Test
    void demo_saysWhoMayBeCalledAtTheStart() {
        // 14:00Z: 06:00 in Los Angeles and 01:00 in Sydney, before the 08:00 window opens.
        assertThat(out).contains("of 2,934 records may be called now")
                .containsPattern("not yet: outside calling hours, e\\.g\\. C-\\d+ ")
                .containsPattern("outside calling hours, by zone: .*America/Los_Angeles \\d+")
                .containsPattern("outside calling hours, by zone: .*Australia/Sydney \\d+")
                // 09:00 in New York and 14:00 in London and Paris: inside 08:00-21:00.
                .doesNotContainPattern("by zone: .*(America/New_York|Europe/London|Europe/Paris)");
    }

    @Test
    void demo_simulatedShift_predictiveBesideProgressive() {
        assertThat(out).contains("Simulated shift: 20 agents, 30 % of dials answered, 8 hours")
                .containsPattern("\\R +predictive +progressive\\R");
        double[] occupancy = row("occupancy");
        double[] abandon = row("abandon rate, whole shift");
        double[] worst = row("abandon rate, worst hour");
        double[] dials = row("dials");
        double[] connects = row("connects per agent-hour");
        // Progressive pacing calls only for a free agent: nothing is ever abandoned.
        assertThat(abandon[1]).isZero();
        assertThat(worst[1]).isZero();
        // Predictive pacing holds the FCC's 3 % over the shift; the worst hour is at least the average.
        assertThat(abandon[0]).isPositive().isLessThanOrEqualTo(3.0);
        assertThat(worst[0]).isGreaterThanOrEqualTo(abandon[0]);
        // Dialing ahead of free agents is what predictive pacing is for: busier agents, more conversations.
        assertThat(occupancy[0]).isGreaterThan(occupancy[1]).isLessThanOrEqualTo(100.0);
        assertThat(dials[0]).isGreaterThan(dials[1]);
        assertThat(connects[0]).isGreaterThan(connects[1]);
    }

    @Test
    void demo_writesTheReportAndChartWhereItSays() {
        Path predictive = dir.resolve("demo-report").resolve("predictive");
        assertThat(out).contains("Report and chart: " + predictive.resolve("chart.svg"));
        assertThat(predictive.resolve("summary.json")).isRegularFile();
        assertThat(predictive.resolve("timeseries.csv")).isRegularFile();
        assertThat(predictive.resolve("chart.svg")).isRegularFile();
        assertThat(dir.resolve("demo-report").resolve("progressive").resolve("chart.svg")).isRegularFile();
    }

    @Test
    void demo_topsUpTheListWithSyntheticLeads_andSaysSo() {
        assertThat(out).contains("The list's 2,934 records give at most 2,934 conversations")
                .contains("8,000 synthetic leads (fictional 555-01xx numbers in the US Eastern zone) join the campaign, "
                        + "due from 2026-03-02T15:00:00Z");
    }

    @Test
    void demo_dialsCopies_leavingTheImportedRecordsUntouched() {
        // Each run dials a copy of the import plus the synthetic leads: the import's store still holds
        // only the list's records, none of them changed since the import made them.
        try (Stream<Record> all = imported.stream(RecordQuery.campaign(Demo.CAMPAIGN))) {
            assertThat(all.toList()).hasSize(2_934)
                    .allSatisfy(r -> assertThat(r.updatedAt()).isEqualTo(Demo.START))
                    .noneSatisfy(r -> assertThat(r.ref().value()).startsWith("S-"));
        }
        assertThat(dir.resolve("demo-report").resolve("leads.csv")).isRegularFile();
    }
}
