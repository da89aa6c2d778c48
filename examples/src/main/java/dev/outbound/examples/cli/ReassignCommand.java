package dev.outbound.examples.cli;

import dev.outbound.core.lifecycle.DispositionRefusedException;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.Record;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code outbound reassign}: passes a record to another agent (seed 001's Change user), when the campaign allows it. */
@Command(name = "reassign", mixinStandardHelpOptions = true,
        description = "Pass a record to another agent (Change user): the dialer loads it for them. Refused (exit "
                + "code 1) unless the campaign's dispositions allow it.")
final class ReassignCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--leads", paramLabel = "FILE", description = "The lead list (CSV) holding the record; it is "
            + "written back with the record's new agent.")
    Optional<Path> leads = Optional.empty();

    @Option(names = "--store", paramLabel = "URL", description = "The record store holding the record (a binding on "
            + "the class path takes it).")
    Optional<String> store = Optional.empty();

    @Option(names = "--id", required = true, paramLabel = "REF", description = "The record's customer reference id.")
    String id;

    @Option(names = "--to", required = true, paramLabel = "EMAIL", description = "The agent the record is passed to.")
    String to;

    @Option(names = "--at", paramLabel = "INSTANT", description = "When (default: now).")
    Optional<String> at = Optional.empty();

    @Option(names = "--campaign", paramLabel = "FILE.json",
            description = "The campaign file; its dispositions must allow Change user (allowChangeUser).")
    Optional<Path> campaign = Optional.empty();

    @Override
    public Integer call() {
        CampaignFile c = campaign.map(CampaignFile::read).orElseGet(CampaignFile::defaults);
        Instant when = at.map(t -> Leads.at(t, c)).orElseGet(() -> Clock.systemUTC().instant());
        AgentEmail agent = AgentEmail.of(to);
        Record written;
        try {
            written = RecordEditing.run(leads, store, c, when, id, (edits, key) -> edits.changeUser(key, agent, when));
        } catch (DispositionRefusedException e) {
            spec.commandLine().getErr().println("outbound: " + e.getMessage());
            return 1;
        }
        spec.commandLine().getOut().println("record " + id + " passed to " + written.agent().map(AgentEmail::value)
                .orElse("nobody"));
        return 0;
    }
}
