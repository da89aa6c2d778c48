package dev.outbound.examples.cli;

import dev.outbound.core.internal.Json;
import dev.outbound.core.lifecycle.DialCheck;
import dev.outbound.core.lifecycle.Lifecycle;
import dev.outbound.core.record.Record;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code outbound explain}: why one record of a lead file is or is not dialable at an instant,
 * every reason with its evidence, the number it would call, and when it next will be dialable.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain why a record of a lead file is or is not dialable at an instant: every reason with "
                + "its evidence, the number it would call, and when it next will be dialable.")
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--leads", required = true, paramLabel = "FILE", description = "The lead list (CSV), read as "
            + "`import` reads it.")
    Path leads;

    @Option(names = "--id", required = true, paramLabel = "ID", description = "The record's customer reference id.")
    String id;

    @Option(names = "--at", required = true, paramLabel = "INSTANT", description = "The instant: "
            + "2026-03-02T15:00:00Z, or a local date-time such as 2026-03-02T10:00 in the campaign's default zone.")
    String at;

    @Option(names = "--campaign", paramLabel = "FILE.json",
            description = "The campaign's settings (see docs/campaign.md); default: every default.")
    Optional<Path> campaign = Optional.empty();

    @Option(names = "--json", description = "Write JSON rather than text.")
    boolean json;

    @Option(names = "--verbose", description = "Also print the import's summary of the lead file (on stderr).")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CampaignFile c = campaign.map(CampaignFile::read).orElse(CampaignFile.defaults());
        Instant instant = Leads.at(at, c);
        Leads.Loaded loaded = Leads.load(leads, c, instant, verbose ? Optional.of(err) : Optional.empty());
        Optional<Record> record = loaded.records().stream().filter(r -> r.ref().value().equals(id)).findFirst();
        if (record.isEmpty()) {
            err.println("outbound: no record with id " + id + " in " + leads
                    + (loaded.refused() > 0 ? " (" + loaded.refused() + " rows of it were refused on import; "
                    + "`outbound import` reports why)" : ""));
            return 1;
        }
        Lifecycle lifecycle = Lifecycle.of(c.rules());
        DialCheck check = lifecycle.explain(record.get(), instant);
        // The number it would call when it next is dialable: the check made at that instant.
        Optional<DialCheck> atNext = check.isDialable() ? Optional.of(check)
                : check.next().map(n -> lifecycle.explain(record.get(), n));
        if (json) {
            out.println(Json.write(Reasons.toJson(check, atNext)));
            return 0;
        }
        out.println(check.describe());
        if (!check.isDialable()) {
            out.println("primary reason: " + Reasons.primary(check));
            atNext.flatMap(DialCheck::number).ifPresent(p -> out.println("then it would call its " + p.field()
                    + " number " + p.number().e164()));
        }
        return 0;
    }
}
