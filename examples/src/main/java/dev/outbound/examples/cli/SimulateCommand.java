package dev.outbound.examples.cli;

import dev.outbound.pacing.abandon.AbandonStats;
import dev.outbound.pacing.engine.DialMode;
import dev.outbound.pacing.engine.EngineSettings;
import dev.outbound.pacing.report.RunReport;
import dev.outbound.pacing.sim.Simulation;
import dev.outbound.pacing.sim.StandardModel;
import java.io.Console;
import dev.outbound.spi.OutboundServices;
import dev.outbound.spi.callerid.DidStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code outbound simulate}: a shift of the campaign's pacing in the simulator, the real dialer
 * engine dialing simulated customers for simulated agents on virtual time, with a report
 * ({@code summary.json}, {@code timeseries.csv}, {@code chart.svg}) and a short summary on stdout.
 * Seeded: the same options give the same {@code summary.json}.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate a shift of the campaign's pacing: the dialer engine dials simulated customers for "
                + "simulated agents. Writes summary.json, timeseries.csv and chart.svg; prints a summary.")
final class SimulateCommand implements Callable<Integer> {
    /** The day simulated shifts start on: Monday 2 March 2026, at {@link #SHIFT_START} in the campaign's zone. */
    static final LocalDate SHIFT_DAY = LocalDate.of(2026, 3, 2);
    /** The local time simulated shifts start at. */
    static final LocalTime SHIFT_START = LocalTime.of(9, 0);
    /** The longest shift simulated: a week. */
    static final double MAX_HOURS = 168;

    @Spec
    CommandSpec spec;

    @Option(names = "--leads", paramLabel = "FILE", description = "Dial the records of this lead list (CSV), "
            + "imported as `import` does with the campaign's region and default zone.")
    Optional<Path> leads = Optional.empty();

    @Option(names = "--synthetic", paramLabel = "N", description = "Dial N synthetic leads (default: 150 per "
            + "agent-hour, at least 1000). Not with --leads.")
    Optional<Integer> synthetic = Optional.empty();

    @Option(names = "--agents", required = true, paramLabel = "N", description = "Agents logged in all shift, "
            + "1 to 10000.")
    int agents;

    @Option(names = "--answer-rate", required = true, paramLabel = "P", description = "The share of dials a person "
            + "answers, above 0 and at most 1 (0.3 is 30 %).")
    double answerRate;

    @Option(names = "--mode", paramLabel = "MODE", description = "predictive, progressive or power (default: the "
            + "campaign's pacing.mode, predictive).")
    Optional<String> mode = Optional.empty();

    @Option(names = "--ratio", paramLabel = "R", description = "With --mode power: lines dialled per available "
            + "agent (default: the campaign's pacing.ratio, 2).")
    Optional<Double> ratio = Optional.empty();

    @Option(names = "--hours", paramLabel = "H", defaultValue = "8", description = "The shift's length in hours "
            + "(default: ${DEFAULT-VALUE}).")
    double hours;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "The simulated customers' seed "
            + "(default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--abandon-target", paramLabel = "PCT", description = "The highest abandon rate, in percent, "
            + "above 0 and below 100 (default: the campaign's pacing.abandonTarget, 3).")
    Optional<Double> abandonTarget = Optional.empty();

    @Option(names = "--abandon-window", paramLabel = "WINDOW", description = "30d: the FCC rule; 24h: the Ofcom "
            + "rule; any other duration (1h, 15m ...): a rolling window (default: the campaign's pacing.abandonRule).")
    Optional<String> abandonWindow = Optional.empty();

    @Option(names = "--talk-mean", paramLabel = "SECONDS", description = "The mean talk time in seconds "
            + "(default: 120).")
    Optional<Double> talkMean = Optional.empty();

    @Option(names = "--store", paramLabel = "URL",
            description = "Dial the campaign's records in this record store (with --leads, imported into it first); "
                    + "the simulated outcomes are written to it, so use a copy (e.g. jdbc:postgresql://host/db); "
                    + "without it, records live in memory.")
    Optional<String> store = Optional.empty();

    @Option(names = "--campaign", paramLabel = "FILE.json",
            description = "The campaign's settings (see docs/campaign.md); default: every default.")
    Optional<Path> campaign = Optional.empty();

    @Option(names = "--report", required = true, paramLabel = "DIR",
            description = "Where summary.json, timeseries.csv and chart.svg go.")
    Path report;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (leads.isPresent() && synthetic.isPresent()) {
            throw new IllegalArgumentException("give --leads FILE or --synthetic N, not both");
        }
        CampaignFile c = campaign.map(CampaignFile::read).orElse(CampaignFile.defaults());
        PacingSettings pacing = pacing(c.pacing());
        if (pacing.mode() == DialMode.PREVIEW) {
            throw new IllegalArgumentException("simulate cannot run preview mode: its simulated agents do not "
                    + "preview records; give --mode predictive, progressive or power");
        }
        EngineSettings settings = EngineSettingsMapping.engineSettings(pacing);
        StandardModel model = model();
        ZoneId zone = c.defaultZone().orElse(Simulation.DEFAULT_ZONE);
        Instant start = ZonedDateTime.of(SHIFT_DAY, SHIFT_START, zone).toInstant();

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("campaign", c.id().value());
        parameters.put("abandon_target", settings.abandonRule().target());
        Simulation.Builder b = Simulation.newBuilder(model).seed(seed).settings(settings).rules(c.rules())
                .start(start).zone(zone).title("outbound simulate: campaign " + c.id().value() + ", "
                        + name(pacing.mode()));
        if (store.isPresent() && synthetic.isPresent()) {
            throw new IllegalArgumentException("give --store with --leads FILE or alone, not with --synthetic N: "
                    + "synthetic leads live in memory");
        }
        Optional<Leads.Loaded> loaded = Optional.empty();
        Simulation.Result result;
        Optional<CallerIdReport> callerIds;
        try (OutboundServices services = store.isPresent() ? Stores.open(store) : null;
                DidStore dids = store.isPresent() && c.callerIds().isPresent() ? Stores.openDids(store.get()) : null) {
            callerIds = CallerIdReport.of(c, Optional.ofNullable(dids), start);
            callerIds.ifPresent(r -> b.callerIds(r.selector()));
            if (leads.isPresent()) {
                loaded = Optional.of(services == null ? Leads.load(leads.get(), c, start, Optional.empty())
                        : Leads.load(leads.get(), c, start, Optional.empty(), services.recordStore()));
                b.leads(loaded.get().store(), c.id());
                parameters.put("leads", leads.get().toString());
                parameters.put("lead_records", loaded.get().records().size());
            } else if (synthetic.isPresent()) {
                b.syntheticLeads(synthetic.get());
                parameters.put("synthetic_leads", synthetic.get());
            } else if (services != null) {
                b.leads(services.recordStore(), c.id());
            }
            b.parameters(parameters);
            Progress progress = Progress.on(err);
            progress.ifPresent(b);

            result = b.build().run();
            progress.done();
        }
        result.report().writeTo(report);

        loaded.ifPresent(l -> out.printf(Locale.ROOT, "Leads: %s: %,d records imported from %,d rows (%,d refused)%n",
                l.file(), l.records().size(), l.result().counts().total(), l.refused()));
        print(out, result, model, settings);
        if (callerIds.isPresent()) {
            callerIds.get().writeTo(report);
            callerIds.get().print(out);
        }
        out.println("Report: " + report.resolve(RunReport.SUMMARY_FILE) + ", " + RunReport.TIME_SERIES_FILE + ", "
                + RunReport.CHART_FILE);
        if (!result.errors().isEmpty()) {
            err.println("outbound: the dialer engine reported " + result.errors().size()
                    + " error(s) during the simulation; the first: " + result.errors().get(0));
            return 3;
        }
        return 0;
    }

    /** The campaign's pacing with the command line's options over it. */
    PacingSettings pacing(PacingSettings p) {
        DialMode m = mode.map(SimulateCommand::mode).orElse(p.mode());
        if (ratio.isPresent() && m != DialMode.POWER) {
            throw new IllegalArgumentException("--ratio " + number(ratio.get()) + " is for --mode power only; the "
                    + "mode is " + name(m));
        }
        double r = p.ratio();
        if (ratio.isPresent()) {
            r = ratio.get();
            if (!(r >= 1 && r <= 20)) {
                throw new IllegalArgumentException("--ratio " + number(r) + " is out of range (expected 1 to 20 "
                        + "lines per available agent)");
            }
        }
        double target = p.abandonTarget();
        if (abandonTarget.isPresent()) {
            double pct = abandonTarget.get();
            if (!(pct > 0 && pct < 100)) {
                throw new IllegalArgumentException("--abandon-target " + number(pct) + " is out of range (expected "
                        + "a percentage above 0 and below 100, such as 3)");
            }
            target = pct / 100;
        }
        PacingSettings.AbandonRule rule = p.abandonRule();
        Duration window = p.abandonWindow();
        if (abandonWindow.isPresent()) {
            String text = abandonWindow.get();
            window = CampaignFile.parseDuration(text).filter(d -> d.compareTo(Duration.ofMinutes(1)) >= 0
                    && d.compareTo(Duration.ofDays(30)) <= 0).orElseThrow(() -> new IllegalArgumentException(
                            "--abandon-window " + text + " is not a window (expected 30d for the FCC rule, 24h for "
                                    + "Ofcom's, or another duration from 1m to 30d, such as 1h, for a rolling window)"));
            if (window.equals(PacingSettings.AbandonRule.FCC.defaultWindow())) {
                rule = PacingSettings.AbandonRule.FCC;
            } else if (window.equals(PacingSettings.AbandonRule.OFCOM.defaultWindow())) {
                rule = PacingSettings.AbandonRule.OFCOM;
            } else {
                rule = PacingSettings.AbandonRule.ROLLING;
            }
        }
        return new PacingSettings(m, r, p.formLoad(), p.pauseAfterAnswered(), p.pauseAfterUnanswered(),
                p.ringTimeout(), p.maxLines(), p.maxCallsPerAgent(), rule, target, window, p.connectLimit(),
                p.amdFalsePositiveRate());
    }

    /** @return the name a mode has in the campaign file and on the command line */
    private static String name(DialMode m) {
        return m.name().toLowerCase(Locale.ROOT);
    }

    private static DialMode mode(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (DialMode m : DialMode.values()) {
            if (name(m).equals(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException("--mode " + text + " is not known (expected predictive, progressive or "
                + "power)");
    }

    /** The call-center model: the standard one with the options' agents, answer rate, shift and talk time. */
    private StandardModel model() {
        if (!(hours > 0 && hours <= MAX_HOURS)) {
            throw new IllegalArgumentException("--hours " + number(hours) + " is out of range (expected above 0 and "
                    + "at most " + number(MAX_HOURS) + ")");
        }
        if (agents < 1 || agents > 10_000) {
            throw new IllegalArgumentException("--agents " + agents + " is out of range (expected 1 to 10000)");
        }
        if (!(answerRate > 0 && answerRate <= 1)) {
            throw new IllegalArgumentException("--answer-rate " + number(answerRate) + " is out of range (expected "
                    + "above 0 and at most 1, such as 0.3)");
        }
        StandardModel m = StandardModel.of(agents, answerRate)
                .withShift(Duration.ofMillis(Math.round(hours * 3_600_000)));
        if (talkMean.isPresent()) {
            double s = talkMean.get();
            if (!(s >= 1 && s <= 3600)) {
                throw new IllegalArgumentException("--talk-mean " + number(s) + " is out of range (expected 1 to "
                        + "3600 seconds)");
            }
            m = m.withTalkMean(Duration.ofMillis(Math.round(s * 1000)));
        }
        return m;
    }

    /** The human summary: the same numbers as summary.json, rounded for reading. */
    static void print(PrintWriter out, Simulation.Result result, StandardModel model, EngineSettings settings) {
        RunReport r = result.report();
        String mode = settings.mode().name().toLowerCase(Locale.ROOT);
        if (settings.mode() == DialMode.POWER) {
            mode += " (" + number(settings.powerRatio()) + " lines per agent)";
        }
        out.printf(Locale.ROOT, "Simulated %s h: %d agents, answer rate %s, %s pacing; %s%n",
                number(model.shift().toMinutes() / 60.0), model.agents(), number(model.answerRate()), mode,
                settings.abandonRule());
        out.printf(Locale.ROOT, "  occupancy                %.1f %%%n", 100 * r.occupancy());
        Optional<AbandonStats.Hour> worst = r.worstHour();
        out.printf(Locale.ROOT, "  abandon rate             %.2f %% over the run, %s%n", 100 * r.abandonRate(),
                worst.map(h -> String.format(Locale.ROOT, "%.2f %% in the worst hour (%s)", 100 * h.rate(),
                        h.start().format(DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT))))
                        .orElse("no hour with live answers"));
        out.printf(Locale.ROOT, "  dials                    %,d%n", r.dials());
        out.printf(Locale.ROOT, "  live answers             %,d%n", r.counts().liveAnswers());
        out.printf(Locale.ROOT, "  abandoned                %,d%n", r.counts().abandoned());
        out.printf(Locale.ROOT, "  dials per agent-hour     %.1f%n", r.dialsPerAgentHour());
        out.printf(Locale.ROOT, "  connects per agent-hour  %.1f%n", r.connectsPerAgentHour());
        out.printf(Locale.ROOT, "  events per second        %,.0f (%,d events in %.1f s)%n", result.eventsPerSecond(),
                result.counts().events(), result.wallTime().toMillis() / 1000.0);
    }

    /** A number without a needless ".0". */
    static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** The share of the shift simulated, on stderr, when stderr is a terminal. */
    private static final class Progress {
        private final PrintWriter err;
        private int shown = -1;

        private Progress(PrintWriter err) {
            this.err = err;
        }

        static Progress on(PrintWriter err) {
            return new Progress(terminal() ? err : null);
        }

        void ifPresent(Simulation.Builder b) {
            if (err != null) {
                b.progress(this::show);
            }
        }

        private void show(double share) {
            int pct = (int) Math.floor(share * 100);
            if (pct != shown) {
                shown = pct;
                err.print("\rsimulating: " + pct + " %");
                err.flush();
            }
        }

        void done() {
            if (err != null && shown >= 0) {
                err.print("\r                \r");
                err.flush();
            }
        }

        /**
         * Whether the process talks to a terminal. On Java 17 to 21 {@link System#console()} is
         * only there for a terminal; from Java 22 it is there more often and
         * {@code Console.isTerminal()} says.
         */
        private static boolean terminal() {
            Console console = System.console();
            if (console == null) {
                return false;
            }
            try {
                Method isTerminal = Console.class.getMethod("isTerminal");
                return Boolean.TRUE.equals(isTerminal.invoke(console));
            } catch (NoSuchMethodException e) {
                return true;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return false;
            }
        }
    }
}
