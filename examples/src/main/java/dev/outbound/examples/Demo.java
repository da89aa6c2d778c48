package dev.outbound.examples;

import dev.outbound.core.compliance.CallVerdict;
import dev.outbound.core.compliance.CallingPolicy;
import dev.outbound.core.compliance.Refusal;
import dev.outbound.core.dnc.DncEntry;
import dev.outbound.core.dnc.DncList;
import dev.outbound.core.dnc.DncRegistry;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordDraft;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.core.record.RecordPhone;
import dev.outbound.core.record.RecordProblem;
import dev.outbound.core.schedule.RegionRuleSet;
import dev.outbound.core.schedule.WeeklySchedule;
import dev.outbound.core.zone.ZoneResolver;
import dev.outbound.core.zone.ZoneRule;
import dev.outbound.pacing.abandon.AbandonStats;
import dev.outbound.pacing.engine.DialMode;
import dev.outbound.pacing.engine.EngineSettings;
import dev.outbound.pacing.report.RunReport;
import dev.outbound.pacing.sim.Simulation;
import dev.outbound.pacing.sim.StandardModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo: makes a handful of records from several countries the way an import would (one row
 * is bad and is reported, not thrown), then asks for each number whether it may be called now,
 * printing every reason and the earliest allowed time when it may not: who may be called, on
 * which number, and when. Then it dials: the real dialer engine runs a simulated 8-hour shift of
 * 20 agents (answer rate 30 %) with predictive pacing and again with progressive pacing, on the
 * same customers, prints the two side by side and writes the predictive run's report and chart.
 */
public final class Demo {
    /** The demo's "now": a Tuesday, 18:30 UTC (13:30 in New York, 10:30 in Los Angeles). */
    static final Instant NOW = Instant.parse("2026-11-24T18:30:00Z");
    /** Where the simulated shift's report goes unless the first argument names another directory. */
    static final Path DEFAULT_REPORT = Path.of("target", "demo-report");
    /** The simulated call center: 20 agents, 30 % of dials answered by a person, an 8-hour shift. */
    static final StandardModel MODEL = StandardModel.of(20, 0.3);
    /** The simulated customers' seed: both pacings dial the same customers. */
    static final long SEED = 1;

    private Demo() {}

    /**
     * Runs the demo.
     *
     * @param args optionally, the directory for the simulated shift's report (default
     *     {@code target/demo-report})
     * @throws IOException when the report cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path report = args.length > 0 ? Path.of(args[0]) : DEFAULT_REPORT;
        run(System.out, Clock.fixed(NOW, ZoneOffset.UTC));
        simulate(System.out, report);
    }

    static void run(PrintStream out, Clock clock) {
        RecordFactory records = RecordFactory.newBuilder(CampaignId.of("winter-renewals"))
                .defaultRegion("US")
                .zoneResolver(ZoneResolver.newBuilder()
                        .rules(List.of(ZoneRule.parse("state = FL -> America/New_York")))
                        .build())
                .clock(clock)
                .build();
        DncList national = DncList.newBuilder("national registry")
                .add(DncEntry.number(PhoneNumber.parse("(212) 555-0199", "US")).withSource("national registry"))
                .build();
        CallingPolicy policy = CallingPolicy.newBuilder()
                .fieldHours(PhoneField.WORK, WeeklySchedule.parse("Mon-Fri 09:00-17:00"))
                .regionRules(RegionRuleSet.usStateExamples())
                .doNotCall(DncRegistry.newBuilder().global(national).build())
                .build();

        List<RecordDraft> rows = List.of(
                records.newRecord("C-1001").phone(PhoneField.MOBILE, "(530) 555-0147").field("state", "CA"),
                records.newRecord("C-1002").phone(PhoneField.HOME, "(305) 555-0112").field("state", "FL")
                        .agent("Ann.Lee@example.com"),
                records.newRecord("C-1003").phone(PhoneField.WORK, "+44 (0)151 496 0071").regionHint("GB"),
                records.newRecord("C-1004").phone(PhoneField.MOBILE, "0412 345 678").regionHint("AU")
                        .timeZone("Australia/Sydney"),
                records.newRecord("C-1005").phone(PhoneField.MOBILE, "(212) 555-0199")
                        .phone(PhoneField.WORK, "555-01"),
                records.newRecord("C-1006").phone(PhoneField.MOBILE, "call me maybe").agent("not-an-email"));

        out.println("Outbound demo: campaign winter-renewals, now = " + clock.instant());
        out.println();
        out.println("Records made from " + rows.size() + " rows:");
        List<Record> made = new ArrayList<>();
        for (RecordDraft row : rows) {
            RecordDraft.Outcome outcome = row.check();
            if (outcome instanceof RecordDraft.Outcome.Accepted accepted) {
                made.add(accepted.record());
                out.println("  accepted " + accepted.record().ref());
                for (RecordProblem w : accepted.warnings()) {
                    out.println("      warning: " + w.message());
                }
            } else {
                RecordDraft.Outcome.Rejected rejected = (RecordDraft.Outcome.Rejected) outcome;
                out.println("  rejected " + rejected.ref());
                for (RecordProblem p : rejected.problems()) {
                    out.println("      " + p.message());
                }
            }
        }
        out.println();
        out.println("May each number be called now?");
        for (Record r : made) {
            for (RecordPhone phone : r.phones()) {
                out.println("  " + r.ref() + " " + phone.field() + " " + phone.number().toInternationalFormat());
                out.println("      zones: " + phone.zones().describe());
                CallVerdict v = policy.check(r, phone, clock.instant());
                if (v instanceof CallVerdict.Refused refused) {
                    for (Refusal reason : refused.reasons()) {
                        out.println("      NO: " + reason.describe());
                    }
                    out.println("      earliest: " + refused.earliest().map(Instant::toString)
                            .orElse("not until the data changes"));
                } else {
                    out.println("      YES");
                }
            }
        }
    }

    /**
     * Runs the shift twice, predictive and progressive, prints the two side by side and writes
     * each run's report (summary.json, timeseries.csv, chart.svg) under {@code dir}.
     */
    static void simulate(PrintStream out, Path dir) throws IOException {
        out.println();
        out.printf(Locale.ROOT, "Simulated shift: %d agents, %d %% of dials answered, %d hours, seed %d; "
                + "the FCC rule: at most 3 %% of live answers abandoned over 30 days%n", MODEL.agents(),
                Math.round(MODEL.answerRate() * 100), MODEL.shift().toHours(), SEED);
        RunReport predictive = shift(DialMode.PREDICTIVE, dir.resolve("predictive"));
        RunReport progressive = shift(DialMode.PROGRESSIVE, dir.resolve("progressive"));
        out.printf(Locale.ROOT, "  %-28s %12s %12s%n", "", "predictive", "progressive");
        out.printf(Locale.ROOT, "  %-28s %10.1f %% %10.1f %%%n", "occupancy", 100 * predictive.occupancy(),
                100 * progressive.occupancy());
        out.printf(Locale.ROOT, "  %-28s %10.2f %% %10.2f %%%n", "abandon rate, whole shift",
                100 * predictive.abandonRate(), 100 * progressive.abandonRate());
        out.printf(Locale.ROOT, "  %-28s %10.2f %% %10.2f %%%n", "abandon rate, worst hour", 100 * worst(predictive),
                100 * worst(progressive));
        out.printf(Locale.ROOT, "  %-28s %12.1f %12.1f%n", "connects per agent-hour",
                predictive.connectsPerAgentHour(), progressive.connectsPerAgentHour());
        out.println("Report and chart: " + shown(dir.resolve("predictive").resolve(RunReport.CHART_FILE)) + " (and "
                + shown(dir.resolve("progressive")) + ")");
    }

    private static RunReport shift(DialMode mode, Path dir) throws IOException {
        EngineSettings settings = EngineSettings.newBuilder().mode(mode).ringTimeout(MODEL.ringOut()).build();
        RunReport report = Simulation.newBuilder(MODEL).seed(SEED).settings(settings)
                .title("Demo: 20 agents, " + mode.name().toLowerCase(Locale.ROOT) + " pacing").build().run().report();
        report.writeTo(dir);
        return report;
    }

    /** A path as short as it can be shown: relative to the working directory when it is under it. */
    private static Path shown(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute) : path;
    }

    private static double worst(RunReport report) {
        return report.worstHour().map(AbandonStats.Hour::rate).orElse(0.0);
    }
}
