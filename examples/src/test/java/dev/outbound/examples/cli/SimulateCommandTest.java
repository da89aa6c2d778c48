package dev.outbound.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.internal.Json;
import dev.outbound.pacing.engine.DialMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class SimulateCommandTest {
    private static final List<String> KEYS = List.of("occupancy", "abandon_rate", "worst_hour_abandon_rate", "dials",
            "live_answers", "abandoned", "dials_per_agent_hour", "connects_per_agent_hour");

    @TempDir
    static Path dir;

    /** Half an hour of predictive pacing for 10 agents, seed 7: shared by the tests that only read it. */
    private static Run predictive;

    private record Run(int code, String out, String err, Path report) {
        Map<String, Object> summary() throws IOException {
            @SuppressWarnings("unchecked")
            Map<String, Object> json = (Map<String, Object>) Json.parse(Files.readString(report.resolve("summary.json")));
            return json;
        }
    }

    private static Run run(String report, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path dirOut = dir.resolve(report);
        String[] all = new String[args.length + 3];
        all[0] = "simulate";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--report";
        all[args.length + 2] = dirOut.toString();
        int code = OutboundCli.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString(), dirOut);
    }

    private static double number(Map<String, Object> json, String key) {
        return ((BigDecimal) json.get(key)).doubleValue();
    }

    @BeforeAll
    static void simulateOnce() {
        predictive = run("predictive", "--agents", "10", "--answer-rate", "0.3", "--hours", "0.5", "--seed", "7");
    }

    @Test
    void simulate_writesSummaryTimeSeriesAndChart_andExitsZero() throws IOException {
        assertThat(predictive.code()).as(predictive.err()).isZero();
        assertThat(predictive.report().resolve("summary.json")).isRegularFile();
        assertThat(predictive.report().resolve("chart.svg")).isRegularFile();
        List<String> csv = Files.readAllLines(predictive.report().resolve("timeseries.csv"));
        // A header and one row per simulated minute.
        assertThat(csv).hasSize(1 + 30);
        assertThat(Files.readString(predictive.report().resolve("chart.svg"))).contains("<svg").endsWith("</svg>\n");
    }

    @Test
    void simulate_summaryHasEveryKeyOfTheIssue_withSaneValues() throws IOException {
        Map<String, Object> s = predictive.summary();
        assertThat(s).containsKeys(KEYS.toArray(new String[0]));
        assertThat(number(s, "occupancy")).isBetween(0.0, 1.0);
        assertThat(number(s, "abandon_rate")).isBetween(0.0, 1.0);
        assertThat(number(s, "worst_hour_abandon_rate")).isBetween(number(s, "abandon_rate"), 1.0);
        assertThat(number(s, "dials")).isPositive();
        assertThat(number(s, "live_answers")).isPositive().isLessThanOrEqualTo(number(s, "dials"));
        assertThat(number(s, "abandoned")).isBetween(0.0, number(s, "live_answers"));
        // Half an hour for 10 agents is 5 agent-hours.
        assertThat(number(s, "dials_per_agent_hour")).isCloseTo(number(s, "dials") / 5, org.assertj.core.data.Offset
                .offset(0.01));
        assertThat(number(s, "connects_per_agent_hour")).isPositive()
                .isLessThanOrEqualTo(number(s, "live_answers") / 5 + 0.01);
        assertThat(s.get("rule")).isEqualTo("FCC");
        @SuppressWarnings("unchecked")
        Map<String, Object> parameters = (Map<String, Object>) s.get("parameters");
        assertThat(parameters).containsEntry("mode", "predictive").containsEntry("agents", new BigDecimal("10"));
    }

    @Test
    void simulate_printsTheHumanSummary_withTheSameNumbersAsSummaryJson() throws IOException {
        Map<String, Object> s = predictive.summary();
        assertThat(predictive.out()).contains("occupancy", "abandon rate", "worst hour", "events per second",
                "dials per agent-hour", "connects per agent-hour")
                .containsPattern("live answers +" + String.format(java.util.Locale.ROOT, "%,d",
                        ((BigDecimal) s.get("live_answers")).longValue()) + "\\R")
                .containsPattern("dials +" + String.format(java.util.Locale.ROOT, "%,d",
                        ((BigDecimal) s.get("dials")).longValue()) + "\\R");
        assertThat(predictive.err()).isEmpty();
    }

    @Test
    void simulate_sameSeed_identicalSummaryJson() throws IOException {
        Run again = run("again", "--agents", "10", "--answer-rate", "0.3", "--hours", "0.5", "--seed", "7");
        assertThat(again.code()).isZero();
        assertThat(Files.readString(again.report().resolve("summary.json")))
                .isEqualTo(Files.readString(predictive.report().resolve("summary.json")));
        assertThat(Files.readString(again.report().resolve("timeseries.csv")))
                .isEqualTo(Files.readString(predictive.report().resolve("timeseries.csv")));
    }

    @Test
    void simulate_progressive_neverAbandons() throws IOException {
        Run r = run("progressive", "--agents", "10", "--answer-rate", "0.3", "--hours", "0.5", "--mode",
                "progressive", "--abandon-window", "1h", "--abandon-target", "5");
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Object> s = r.summary();
        assertThat(number(s, "dials")).isPositive();
        assertThat(number(s, "live_answers")).isPositive();
        assertThat(number(s, "abandoned")).isZero();
        assertThat(number(s, "abandon_rate")).isZero();
        // The command line's window and target reach the engine's rule.
        assertThat(s.get("rule")).isEqualTo("rolling 1h");
        assertThat(number(s, "target")).isEqualTo(0.05);
    }

    /**
     * Four records in New York, dialable at 09:00 there; three in Sydney, where it is 01:00. With
     * no repeat attempts, half an hour dials each New York record once and no other number.
     */
    @Test
    void simulate_leadsFile_dialsThoseRecordsOnly() throws IOException {
        Path leads = dir.resolve("leads.csv");
        Files.write(leads, List.of("customer_reference_id,mobile,local_time_zone",
                "N-1,(212) 555-0101,America/New_York",
                "N-2,(212) 555-0102,America/New_York",
                "N-3,(212) 555-0103,America/New_York",
                "N-4,(212) 555-0104,America/New_York",
                "S-1,+61 412 345 671,Australia/Sydney",
                "S-2,+61 412 345 672,Australia/Sydney",
                "S-3,+61 412 345 673,Australia/Sydney"), StandardCharsets.UTF_8);
        Path campaign = dir.resolve("campaign.json");
        Files.writeString(campaign, "{\"id\": \"spring\", \"maxRepeatAttempts\": 0, "
                + "\"pacing\": {\"mode\": \"progressive\"}}", StandardCharsets.UTF_8);

        Run r = run("leads", "--agents", "10", "--answer-rate", "0.3", "--hours", "0.5", "--leads", leads.toString(),
                "--campaign", campaign.toString());

        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Object> s = r.summary();
        assertThat(number(s, "dials")).isEqualTo(4.0);
        assertThat(r.out()).contains("7 records imported from 7 rows (0 refused)", "progressive pacing");
        @SuppressWarnings("unchecked")
        Map<String, Object> parameters = (Map<String, Object>) s.get("parameters");
        assertThat(parameters).containsEntry("campaign", "spring").containsEntry("mode", "progressive");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--agents x --answer-rate 0.3                       | --agents",
        "--answer-rate 0.3                                  | Missing required option: '--agents=N'",
        "--agents 0 --answer-rate 0.3                       | --agents 0 is out of range",
        "--agents 10 --answer-rate 1.5                      | --answer-rate 1.5 is out of range",
        "--agents 10 --answer-rate 0.3 --mode preview       | simulate cannot run preview mode",
        "--agents 10 --answer-rate 0.3 --mode turbo         | --mode turbo is not known",
        "--agents 10 --answer-rate 0.3 --ratio 3            | --ratio 3 is for --mode power only",
        "--agents 10 --answer-rate 0.3 --mode power --ratio 40 | --ratio 40 is out of range",
        "--agents 10 --answer-rate 0.3 --abandon-target 0   | --abandon-target 0 is out of range",
        "--agents 10 --answer-rate 0.3 --abandon-window 2y  | --abandon-window 2y is not a window",
        "--agents 10 --answer-rate 0.3 --hours 0            | --hours 0 is out of range",
        "--agents 10 --answer-rate 0.3 --synthetic 10 --leads x.csv | give --leads FILE or --synthetic N, not both",
        "--agents 10 --answer-rate 0.3 --frobnicate         | Unknown option: '--frobnicate'"})
    void simulate_badOption_nonZeroWithOneLineReason(String options, String reason) {
        Run r = run("bad", options.strip().split(" +"));
        assertThat(r.code()).isNotZero();
        assertThat(r.err().strip()).startsWith("outbound: ").contains(reason).doesNotContain("\n");
        assertThat(r.report()).doesNotExist();
    }

    @Test
    void options_overrideTheCampaignFile_windowsMapToTheirRules() {
        PacingSettings campaign = new PacingSettings(DialMode.POWER, 3.0, java.time.Duration.ZERO,
                java.time.Duration.ZERO, java.time.Duration.ZERO, java.time.Duration.ofSeconds(20), 100,
                java.util.OptionalInt.empty(), PacingSettings.AbandonRule.ROLLING, 0.02, java.time.Duration.ofHours(2),
                java.time.Duration.ofSeconds(2), 0.1);

        PacingSettings kept = parse().pacing(campaign);
        assertThat(kept).isEqualTo(campaign);

        PacingSettings fcc = parse("--abandon-window", "30d", "--abandon-target", "2.5", "--ratio", "4")
                .pacing(campaign);
        assertThat(fcc.abandonRule()).isEqualTo(PacingSettings.AbandonRule.FCC);
        assertThat(fcc.abandonTarget()).isEqualTo(0.025);
        assertThat(fcc.ratio()).isEqualTo(4.0);
        assertThat(fcc.mode()).isEqualTo(DialMode.POWER);

        assertThat(parse("--abandon-window", "24h").pacing(campaign).abandonRule())
                .isEqualTo(PacingSettings.AbandonRule.OFCOM);
        PacingSettings rolling = parse("--abandon-window", "15m", "--mode", "Predictive").pacing(campaign);
        assertThat(rolling.abandonRule()).isEqualTo(PacingSettings.AbandonRule.ROLLING);
        assertThat(rolling.abandonWindow()).isEqualTo(java.time.Duration.ofMinutes(15));
        assertThat(rolling.mode()).isEqualTo(DialMode.PREDICTIVE);
    }

    private static SimulateCommand parse(String... options) {
        SimulateCommand c = new SimulateCommand();
        List<String> args = new java.util.ArrayList<>(List.of("--agents", "1", "--answer-rate", "0.5", "--report",
                "r"));
        args.addAll(List.of(options));
        new CommandLine(c).parseArgs(args.toArray(new String[0]));
        return c;
    }
}
