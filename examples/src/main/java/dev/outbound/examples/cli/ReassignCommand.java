package dev.outbound.examples.cli;

import dev.outbound.core.lifecycle.DispositionRefusedException;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.Record;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    RecordEditing.Target target;

    @Option(names = "--to", required = true, paramLabel = "EMAIL", description = "The agent the record is passed to.")
    String to;

    @Override
    public Integer call() {
        CampaignFile c = target.campaign();
        Instant when = target.when(c);
        AgentEmail agent = AgentEmail.of(to);
        Record written;
        try {
            written = target.run(c, when, (edits, key) -> edits.changeUser(key, agent, when));
        } catch (DispositionRefusedException e) {
            spec.commandLine().getErr().println("outbound: " + e.getMessage());
            return 1;
        }
        spec.commandLine().getOut().println("record " + target.id + " passed to " + written.agent().map(AgentEmail::value)
                .orElse("nobody"));
        return 0;
    }
}
