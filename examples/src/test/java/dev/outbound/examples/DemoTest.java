package dev.outbound.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {
    @TempDir
    static Path dir;

    /** The demo's whole output, as main prints it: the import part, then the simulated shift. */
    private static String out;

    @BeforeAll
    static void runDemo() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Demo.run(print, Clock.fixed(Demo.NOW, ZoneOffset.UTC));
        Demo.simulate(print, dir.resolve("demo-report"));
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
    void demo_reportsBadRowsAndNeverDropsThem() {
        assertThat(out).contains("rejected C-1006");
        assertThat(out).contains("Invalid value for agent");
        assertThat(out).contains("accepted C-1005").contains("warning: Invalid value for phone work");
    }

    @Test
    void demo_answersEachNumberWithItsReason() {
        // 13:30 in Sacramento on a Tuesday: inside 08:00-21:00.
        assertThat(out).containsPattern("C-1001 mobile \\+1 530-555-0147\\R.*\\R      YES");
        // On the national registry, with no expiry.
        assertThat(out).contains("on the Do-Not-Call list 'national registry' (entry +12125550199, source national registry, no expiry)")
                .contains("not until the data changes");
        // 18:30 in Liverpool is after the work hours 09:00-17:00; Wednesday 09:00 there is 09:00Z.
        assertThat(out).contains("outside the hours of phone field work").contains("earliest: 2026-11-25T09:00:00Z");
        // 05:30 on Wednesday in Sydney; 08:00 there is 21:00Z.
        assertThat(out).contains("earliest: 2026-11-24T21:00:00Z");
    }

    @Test
    void demo_simulatedShift_predictiveBesideProgressive() {
        assertThat(out).contains("Simulated shift: 20 agents, 30 % of dials answered, 8 hours, seed 1")
                .containsPattern("\\R +predictive +progressive\\R");
        double[] occupancy = row("occupancy");
        double[] abandon = row("abandon rate, whole shift");
        double[] worst = row("abandon rate, worst hour");
        double[] connects = row("connects per agent-hour");
        // Progressive pacing calls only for a free agent: nothing is ever abandoned.
        assertThat(abandon[1]).isZero();
        assertThat(worst[1]).isZero();
        // Predictive pacing holds the FCC's 3 % over the shift; the worst hour is at least the average.
        assertThat(abandon[0]).isPositive().isLessThanOrEqualTo(3.0);
        assertThat(worst[0]).isGreaterThanOrEqualTo(abandon[0]);
        // Dialing ahead of free agents is what predictive pacing is for: busier agents, more conversations.
        assertThat(occupancy[0]).isGreaterThan(occupancy[1]).isLessThanOrEqualTo(100.0);
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
}
