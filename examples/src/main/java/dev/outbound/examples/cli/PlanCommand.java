package dev.outbound.examples.cli;

import dev.outbound.core.internal.Json;
import dev.outbound.core.lifecycle.DialCheck;
import dev.outbound.core.lifecycle.DialReason;
import dev.outbound.core.lifecycle.Lifecycle;
import dev.outbound.core.record.Record;
import dev.outbound.csv.imports.ImportCounts;
import dev.outbound.spi.OutboundServices;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code outbound plan}: before a campaign starts, how many records of a lead file are dialable at
 * an instant and how many are held back, by reason; as JSON.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Count the records of a lead file that are dialable at an instant, and those held back by "
                + "each reason (JSON on stdout).")
final class PlanCommand implements Callable<Integer> {
    /** What the two counts of held records mean, written into the plan so that it reads on its own. */
    static final String COUNTING = "held_by_primary_reason counts each held record once, under its primary reason, "
            + "and adds up to held; held_by_reason counts each held record once under every reason it has, so it "
            + "may add up to more";

    @Spec
    CommandSpec spec;

    @Option(names = "--leads", required = true, paramLabel = "FILE", description = "The lead list (CSV), read as "
            + "`import` reads it.")
    Path leads;

    @Option(names = "--at", required = true, paramLabel = "INSTANT", description = "The instant: "
            + "2026-03-02T15:00:00Z, or a local date-time such as 2026-03-02T10:00 in the campaign's default zone.")
    String at;

    @Option(names = "--campaign", paramLabel = "FILE.json",
            description = "The campaign's settings (see docs/campaign.md); default: every default.")
    Optional<Path> campaign = Optional.empty();

    @Option(names = "--report", paramLabel = "DIR", description = "Also write the plan to DIR/plan.json.")
    Optional<Path> report = Optional.empty();

    @Option(names = "--store", paramLabel = "URL",
            description = "The record store the leads are imported into and read from (a binding on the class path "
                    + "takes it, e.g. jdbc:postgresql://host/db); without it, records live in memory.")
    Optional<String> store = Optional.empty();

    @Option(names = "--verbose", description = "Also print the import's summary of the lead file (on stderr).")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CampaignFile c = campaign.map(CampaignFile::read).orElse(CampaignFile.defaults());
        Instant instant = Leads.at(at, c);
        String json;
        if (store.isPresent()) {
            try (OutboundServices services = Stores.open(store)) {
                Leads.Loaded loaded = Leads.load(leads, c, instant, verbose ? Optional.of(err) : Optional.empty(),
                        services.recordStore());
                json = Json.write(plan(c, loaded, instant));
            }
        } else {
            Leads.Loaded loaded = Leads.load(leads, c, instant, verbose ? Optional.of(err) : Optional.empty());
            json = Json.write(plan(c, loaded, instant));
        }
        out.println(json);
        if (report.isPresent()) {
            Files.createDirectories(report.get());
            Files.writeString(report.get().resolve("plan.json"), json + "\n", StandardCharsets.UTF_8);
        }
        return 0;
    }

    /** The plan as JSON values. */
    static Map<String, Object> plan(CampaignFile c, Leads.Loaded loaded, Instant at) {
        Lifecycle lifecycle = Lifecycle.of(c.rules());
        Map<String, Object> primary = zeros();
        Map<String, Object> any = zeros();
        long dialable = 0;
        long held = 0;
        for (Record r : loaded.records()) {
            DialCheck check = lifecycle.explain(r, at);
            if (check.isDialable()) {
                dialable++;
                continue;
            }
            held++;
            add(primary, Reasons.primary(check));
            Set<String> all = new LinkedHashSet<>();
            for (DialReason reason : check.reasons()) {
                all.addAll(Reasons.categories(reason));
            }
            all.forEach(k -> add(any, k));
        }
        ImportCounts counts = loaded.result().counts();
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("total", counts.total());
        rows.put("imported", counts.imported());
        rows.put("duplicates_in_file", counts.duplicates());
        rows.put("refused", counts.invalid());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("campaign", c.id().value());
        out.put("leads", loaded.file().toString());
        out.put("at", at.toString());
        out.put("rows", rows);
        out.put("records", loaded.records().size());
        out.put("dialable", dialable);
        out.put("held", held);
        out.put("held_by_primary_reason", primary);
        out.put("held_by_reason", any);
        out.put("counting", COUNTING);
        return out;
    }

    private static Map<String, Object> zeros() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : Reasons.CATEGORIES) {
            m.put(k, 0L);
        }
        return m;
    }

    private static void add(Map<String, Object> counts, String key) {
        counts.put(key, (Long) counts.get(key) + 1);
    }
}
