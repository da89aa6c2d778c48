package dev.outbound.examples;

import dev.outbound.core.compliance.CallVerdict;
import dev.outbound.core.compliance.CallingPolicy;
import dev.outbound.core.compliance.Refusal;
import dev.outbound.core.lifecycle.DialingRules;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordDraft;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.core.record.RecordPhone;
import dev.outbound.core.zone.ZoneResolver;
import dev.outbound.csv.RowProblem;
import dev.outbound.csv.imports.ImportCounts;
import dev.outbound.csv.imports.ImportJob;
import dev.outbound.csv.imports.ImportListener;
import dev.outbound.csv.imports.ImportProgress;
import dev.outbound.csv.imports.ImportResult;
import dev.outbound.csv.imports.ImportStatus;
import dev.outbound.csv.imports.LeadImport;
import dev.outbound.csv.read.ReadOptions;
import dev.outbound.pacing.abandon.AbandonStats;
import dev.outbound.pacing.engine.DialMode;
import dev.outbound.pacing.engine.EngineSettings;
import dev.outbound.pacing.report.RunReport;
import dev.outbound.pacing.sim.Simulation;
import dev.outbound.pacing.sim.StandardModel;
import dev.outbound.spi.memory.InMemoryRecordStore;
import dev.outbound.spi.store.RecordQuery;
import dev.outbound.spi.store.RecordStore;
import dev.outbound.spi.store.UpsertMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoubleConsumer;
import java.util.stream.Stream;

/**
 * The demo: imports a bundled lead list of 3,000 customers (the US across its zones, Canada,
 * Britain, Germany, France, Australia; some rows bad on purpose) the way {@code outbound import}
 * does, prints what became of every row, says who may be called at the start of the shift and why
 * not the others, then dials them: the real dialer engine runs a simulated 8-hour shift of 20 agents
 * (30 % of dials answered) with predictive pacing, and again with progressive pacing on the same
 * records (topped up with synthetic leads, as {@link #TOP_UP} explains), prints the two side by
 * side and writes each run's report and chart. No server, no network: everything runs in memory
 * on virtual time, in seconds.
 */
public final class Demo {
    /** The bundled lead list, a class-path resource; how it was made is in {@code DemoLeads} (test sources). */
    static final String LEADS = "/demo/leads.csv";
    /** The campaign the leads join. */
    static final CampaignId CAMPAIGN = CampaignId.of("spring-renewals");
    /** The shift's start, and the instant the records are imported at: Monday 2 March 2026, 09:00 in New York. */
    static final Instant START = Simulation.DEFAULT_START;
    /** Where the import's result files and the shift's reports go unless the first argument names another directory. */
    static final Path DEFAULT_REPORT = Path.of("target", "demo-report");
    /** The simulated call center: 20 agents, 30 % of dials answered by a person, an 8-hour shift. */
    static final StandardModel MODEL = StandardModel.of(20, 0.3);
    /** The simulated customers' seed: both pacings meet the same customers. */
    static final long SEED = 1;
    /**
     * Synthetic leads added to the campaign for the shift. A person answers 30 % of dials and a
     * record leaves the queue once answered, so the list's records give at most one conversation
     * each, fewer than 20 busy agents hold in 8 hours: the shift would run dry and measure the
     * list, not the pacing.
     */
    static final int TOP_UP = 8_000;
    /** When the synthetic leads become due: an hour into the shift, so that the first hour dials the list alone. */
    static final Instant TOP_UP_DUE = START.plus(Duration.ofHours(1));
    /** Area codes of the US Eastern zone whose fictional lines 555-0100 to 555-0199 the synthetic leads use. */
    private static final int[] EASTERN = {201, 202, 203, 207, 212, 215, 216, 229, 231, 234, 239, 240, 248, 267, 269,
        276, 301, 302, 304, 305, 315, 321, 330, 332, 336, 339, 347, 351, 352, 386, 401, 404, 407, 410, 412, 413, 434,
        440, 443, 470, 475, 478, 484, 502, 508, 513, 516, 517, 518, 540, 551, 561, 567, 570, 571, 585, 586, 603, 607,
        609, 610, 614, 616, 631, 646, 678, 703, 704, 706, 716, 717, 718, 724, 727, 732, 734, 740, 754, 757, 762, 772,
        774, 781, 786, 802, 803, 810, 813, 814, 828, 843, 845, 848, 856, 857, 860, 862, 863, 864, 865, 904, 908, 910,
        914, 917, 919, 929, 937, 941, 954, 973, 978, 980, 984, 989};

    private Demo() {}

    /**
     * Runs the demo.
     *
     * @param args optionally, the directory for the import's result files and the shift's reports
     *     (default {@code target/demo-report})
     * @throws IOException when the lead list cannot be copied out or a report cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : DEFAULT_REPORT;
        boolean terminal = System.console() != null;
        RecordStore leads = importLeads(System.out, dir, terminal ? Optional.of(System.err) : Optional.empty());
        callableAtStart(System.out, leads);
        simulate(System.out, dir, leads, terminal ? Optional.of(System.err) : Optional.empty());
    }

    /**
     * Imports the bundled lead list into an in-memory store, as {@code outbound import} would (the
     * mapping inferred from the header, national numbers read as US unless a row's country says
     * otherwise), and prints the summary: rows, imported, refused by reason, duplicates.
     *
     * @param out where the summary goes
     * @param dir the list is copied to {@code dir/leads.csv}; the result files go to {@code dir/import}
     * @param bar where a progress bar is drawn, if anywhere
     * @return the store, holding the campaign's records
     * @throws IOException when the list cannot be copied out
     */
    static RecordStore importLeads(PrintStream out, Path dir, Optional<PrintStream> bar) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("leads.csv");
        try (InputStream in = Demo.class.getResourceAsStream(LEADS)) {
            if (in == null) {
                throw new IOException("the bundled lead list " + LEADS + " is not on the class path");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        // Each record is made at the shift's start: a record without a scheduled time is due then.
        RecordFactory factory = RecordFactory.newBuilder(CAMPAIGN).defaultRegion("US")
                .zoneResolver(ZoneResolver.newBuilder().build()).clock(Clock.fixed(START, ZoneOffset.UTC)).build();
        InMemoryRecordStore store = InMemoryRecordStore.create();
        LeadImport.Builder b = LeadImport.newBuilder(factory, store).readOptions(ReadOptions.detect())
                .resultDirectory(dir.resolve("import"));
        bar.ifPresent(err -> b.listener(new ImportBar(err)));
        out.println("Outbound demo: campaign " + CAMPAIGN.value() + ", the bundled lead list (3,000 customers in the US,"
                + " Canada, Britain, Germany, France and Australia)");
        ImportResult result = b.build().newJob(file).run();
        if (result.status() != ImportStatus.FINISHED) {
            throw new IllegalStateException("the demo's import did not finish: " + result.failure().orElse(""
                    + result.status()));
        }
        ImportCounts c = result.counts();
        out.printf(Locale.ROOT, "Imported %s: %,d rows: %,d imported (%,d with warnings), %,d duplicates in the file,"
                + " %,d invalid%n", LEADS.substring(1), c.total(), c.imported(), c.warnings(), c.duplicates(),
                c.invalid());
        // Rows refused, by their first error; a row's other errors are in errors.csv.
        Map<String, Long> refused = new TreeMap<>();
        Map<String, RowProblem> example = new TreeMap<>();
        Set<Long> counted = new HashSet<>();
        for (RowProblem p : result.problems()) {
            if (p.isError() && counted.add(p.row())) {
                refused.merge(p.code(), 1L, Long::sum);
                example.putIfAbsent(p.code(), p);
            }
        }
        // A result keeps the first ImportResult.MAX_PROBLEMS problems: say so if the list ever has more.
        out.println("  refused, by reason (the first of each shown)" + (result.problemCount() > result.problems().size()
                ? String.format(Locale.ROOT, ", from the first %,d of %,d problems:", result.problems().size(),
                        result.problemCount()) : ":"));
        for (Map.Entry<String, Long> e : refused.entrySet()) {
            RowProblem p = example.get(e.getKey());
            out.printf(Locale.ROOT, "    %-22s %3d rows   e.g. row %d: %s%n", e.getKey(), e.getValue(), p.row(),
                    p.message());
        }
        out.println("  every row accounted for in " + shown(dir.resolve("import"))
                + " (summary.json, success.csv, errors.csv, duplicates.csv)");
        return store;
    }

    /**
     * Says how many of the imported records may be called at the shift's start, and why not the
     * others, one example a reason: the calling windows are the customer's local time.
     *
     * @param out where it goes
     * @param store the imported records
     */
    static void callableAtStart(PrintStream out, RecordStore store) {
        // The policy the simulated campaign dials with: the default rules' 08:00-21:00 local.
        CallingPolicy policy = DialingRules.defaults().policy();
        long callable = 0;
        Map<String, Long> why = new TreeMap<>();
        Map<String, String> example = new TreeMap<>();
        Map<String, Long> zones = new TreeMap<>();
        List<Record> records;
        try (Stream<Record> all = store.stream(RecordQuery.campaign(CAMPAIGN))) {
            records = all.sorted((a, b) -> a.ref().value().compareTo(b.ref().value())).toList();
        }
        for (Record r : records) {
            if (r.scheduledFor().isPresent() && r.scheduledFor().get().isAfter(START)) {
                why.merge("a call booked for later", 1L, Long::sum);
                example.putIfAbsent("a call booked for later", r.ref().value() + " at " + r.scheduledFor().get());
                continue;
            }
            Optional<CallVerdict.Refused> refusedFirst = Optional.empty();
            boolean allowed = false;
            for (RecordPhone phone : r.phones()) {
                CallVerdict v = policy.check(r, phone, START);
                if (v instanceof CallVerdict.Allowed) {
                    allowed = true;
                    break;
                }
                if (refusedFirst.isEmpty()) {
                    refusedFirst = Optional.of((CallVerdict.Refused) v);
                }
            }
            if (allowed) {
                callable++;
            } else if (refusedFirst.isPresent()) {
                CallVerdict.Refused refused = refusedFirst.get();
                Refusal reason = refused.reasons().get(0);
                String key = reason.getClass().getSimpleName();
                if (reason instanceof Refusal.OutsideHours hours) {
                    key = "outside calling hours";
                    zones.merge(hours.zone().getId(), 1L, Long::sum);
                }
                why.merge(key, 1L, Long::sum);
                example.putIfAbsent(key, r.ref().value() + " " + refused.phone().number().toInternationalFormat()
                        + ": " + reason.describe() + "; earliest " + refused.earliest().map(Instant::toString)
                        .orElse("not until the data changes"));
            }
        }
        out.printf(Locale.ROOT, "At the shift's start (%s, 09:00 in New York): %,d of %,d records may be called now%n",
                START, callable, records.size());
        for (Map.Entry<String, Long> e : why.entrySet()) {
            out.printf(Locale.ROOT, "  %,5d not yet: %s, e.g. %s%n", e.getValue(), e.getKey(), example.get(e.getKey()));
        }
        if (!zones.isEmpty()) {
            StringBuilder line = new StringBuilder("        outside calling hours, by zone:");
            zones.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> line.append(' ').append(e.getKey()).append(' ').append(e.getValue()).append(','));
            line.setLength(line.length() - 1);
            out.println(line);
        }
    }

    /**
     * Dials the imported records for a simulated shift twice, predictive and progressive, each on
     * its own copy of the records, prints the two side by side and writes each run's report
     * (summary.json, timeseries.csv, chart.svg) under {@code dir}.
     *
     * @param out where the comparison goes
     * @param dir the reports go to {@code dir/predictive} and {@code dir/progressive}
     * @param leads the imported records; left as they are
     * @param bar where a progress bar is drawn, if anywhere
     * @throws IOException when a report cannot be written
     */
    static void simulate(PrintStream out, Path dir, RecordStore leads, Optional<PrintStream> bar) throws IOException {
        out.println();
        out.printf(Locale.ROOT, "Simulated shift: %d agents, %d %% of dials answered, %d hours from %s, seed %d; "
                + "the FCC rule: at most 3 %% of live answers abandoned over 30 days%n", MODEL.agents(),
                Math.round(MODEL.answerRate() * 100), MODEL.shift().toHours(), START, SEED);
        long listed = leads.count(RecordQuery.campaign(CAMPAIGN));
        RecordStore first = copy(leads);
        int added = topUp(first);
        out.printf(Locale.ROOT, "The list's %,d records give at most %,d conversations, too few for %d agents for %d hours:"
                + "%n  %,d synthetic leads (fictional 555-01xx numbers in the US Eastern zone) join the campaign, "
                + "due from %s%n", listed, listed, MODEL.agents(), MODEL.shift().toHours(), added, TOP_UP_DUE);
        RunReport predictive = shift(DialMode.PREDICTIVE, first, dir.resolve("predictive"), bar);
        RecordStore second = copy(leads);
        topUp(second);
        RunReport progressive = shift(DialMode.PROGRESSIVE, second, dir.resolve("progressive"), bar);
        out.printf(Locale.ROOT, "  %-28s %12s %12s%n", "", "predictive", "progressive");
        out.printf(Locale.ROOT, "  %-28s %10.1f %% %10.1f %%%n", "occupancy", 100 * predictive.occupancy(),
                100 * progressive.occupancy());
        out.printf(Locale.ROOT, "  %-28s %10.2f %% %10.2f %%%n", "abandon rate, whole shift",
                100 * predictive.abandonRate(), 100 * progressive.abandonRate());
        out.printf(Locale.ROOT, "  %-28s %10.2f %% %10.2f %%%n", "abandon rate, worst hour", 100 * worst(predictive),
                100 * worst(progressive));
        out.printf(Locale.ROOT, "  %-28s %12d %12d%n", "dials", predictive.dials(), progressive.dials());
        out.printf(Locale.ROOT, "  %-28s %12.1f %12.1f%n", "connects per agent-hour",
                predictive.connectsPerAgentHour(), progressive.connectsPerAgentHour());
        out.println("Report and chart: " + shown(dir.resolve("predictive").resolve(RunReport.CHART_FILE)) + " (and "
                + shown(dir.resolve("progressive")) + ")");
    }

    private static RunReport shift(DialMode mode, RecordStore records, Path dir, Optional<PrintStream> bar)
            throws IOException {
        String name = mode.name().toLowerCase(Locale.ROOT);
        EngineSettings settings = EngineSettings.newBuilder().mode(mode).ringTimeout(MODEL.ringOut()).build();
        Simulation.Builder b = Simulation.newBuilder(MODEL).seed(SEED).settings(settings).leads(records, CAMPAIGN)
                .title("Demo: 20 agents, " + name + " pacing, the bundled lead list");
        bar.ifPresent(err -> b.progress(new ShiftBar(err, name)));
        RunReport report = b.build().run().report();
        report.writeTo(dir);
        return report;
    }

    /** A copy of the campaign's records in a store of their own, so that each run starts from the import. */
    private static RecordStore copy(RecordStore from) {
        InMemoryRecordStore to = InMemoryRecordStore.create();
        List<Record> all;
        try (Stream<Record> records = from.stream(RecordQuery.campaign(CAMPAIGN))) {
            all = records.toList();
        }
        to.upsert(all, UpsertMode.KEEP_EXISTING, START);
        return to;
    }

    /**
     * Adds the synthetic leads to a store: {@value #TOP_UP} records {@code S-00001} ... in New
     * York, each with one fictional number no imported record has, due at {@link #TOP_UP_DUE}.
     *
     * @return how many were added
     */
    private static int topUp(RecordStore store) {
        Set<String> taken = new HashSet<>();
        try (Stream<Record> all = store.stream(RecordQuery.campaign(CAMPAIGN))) {
            all.forEach(r -> r.phones().forEach(p -> taken.add(p.number().e164())));
        }
        RecordFactory factory = RecordFactory.newBuilder(CAMPAIGN).defaultRegion("US")
                .zoneResolver(ZoneResolver.newBuilder().build()).clock(Clock.fixed(TOP_UP_DUE, ZoneOffset.UTC)).build();
        List<Record> batch = new ArrayList<>();
        for (int line = 100; line < 200 && batch.size() < TOP_UP; line++) {
            for (int i = 0; i < EASTERN.length && batch.size() < TOP_UP; i++) {
                String number = "+1" + EASTERN[i] + "5550" + line;
                if (taken.contains(number)) {
                    continue;
                }
                RecordDraft.Outcome made = factory.newRecord(String.format(Locale.ROOT, "S-%05d", batch.size() + 1))
                        .phone(PhoneField.MOBILE, number).timeZone("America/New_York").check();
                if (made instanceof RecordDraft.Outcome.Accepted accepted) {
                    batch.add(accepted.record());
                }
            }
        }
        store.upsert(batch, UpsertMode.KEEP_EXISTING, START);
        return batch.size();
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

    /** Draws {@code [#####     ]  50 %} in place on a terminal, for the share of the shift simulated. */
    private static String bar(double share) {
        int filled = (int) Math.round(Math.max(0, Math.min(1, share)) * 20);
        return "[" + "#".repeat(filled) + " ".repeat(20 - filled) + "] "
                + String.format(Locale.ROOT, "%3d %%", Math.round(share * 100));
    }

    /** The import's progress bar, as {@code outbound import} draws it. */
    private static final class ImportBar implements ImportListener {
        private final PrintStream err;

        ImportBar(PrintStream err) {
            this.err = err;
        }

        @Override
        public void progress(ImportJob job, ImportProgress p) {
            err.print("\rimporting   " + bar(p.percent().orElse(0) / 100.0)
                    + String.format(Locale.ROOT, " %,d rows", p.rows()));
            err.flush();
        }

        @Override
        public void statusChanged(ImportJob job, ImportStatus status) {
            if (status.isTerminal()) {
                err.print("\r" + " ".repeat(60) + "\r");
                err.flush();
            }
        }
    }

    /** The shift's progress bar: the share of the 8 hours simulated and the time, every simulated 10 minutes. */
    private static final class ShiftBar implements DoubleConsumer {
        private final PrintStream err;
        private final String name;

        ShiftBar(PrintStream err, String name) {
            this.err = err;
            this.name = name;
        }

        @Override
        public void accept(double share) {
            Instant now = START.plusMillis(Math.round(share * MODEL.shift().toMillis()));
            err.print(String.format(Locale.ROOT, "\r%-11s ", name) + bar(share) + "  "
                    + now.atZone(Simulation.DEFAULT_ZONE).toLocalTime() + " in New York");
            if (share >= 1) {
                err.print("\r" + " ".repeat(60) + "\r");
            }
            err.flush();
        }
    }
}
