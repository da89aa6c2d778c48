package dev.outbound.examples.cli;

import dev.outbound.core.field.FieldValue;
import dev.outbound.core.lifecycle.Disposition;
import dev.outbound.core.lifecycle.DispositionRefusedException;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.Callback;
import dev.outbound.core.record.Record;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code outbound wrap-code}: corrects the last wrap code of a record (seed 004's Edit wrap code)
 * under the campaign's dispositions, and records the correction in its history.
 */
@Command(name = "wrap-code", mixinStandardHelpOptions = true,
        description = "Correct the last wrap code of a record: the complete status follows the code, a next call "
                + "makes a callback, and the record's history keeps the correction. Refused (exit code 1) when the "
                + "campaign's dispositions are broken, naming each missing field.")
final class WrapCodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RecordEditing.Target target;

    @Option(names = "--code", required = true, paramLabel = "CODE", description = "The new wrap code.")
    String code;

    @Option(names = "--next-call", paramLabel = "INSTANT", description = "The callback's time: an instant such as "
            + "2026-03-03T15:00:00Z, or a local date-time in the campaign's default zone.")
    Optional<String> nextCall = Optional.empty();

    @Option(names = "--field", paramLabel = "NAME=VALUE", description = "A form value to set on the record (repeat "
            + "for more); an empty value sets nothing.")
    Map<String, String> fields = new LinkedHashMap<>();

    @Option(names = "--by", paramLabel = "EMAIL", defaultValue = "supervisor@outbound.invalid",
            description = "Who corrected it, for the record's history (default: ${DEFAULT-VALUE}).")
    String by;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CampaignFile c = target.campaign();
        Instant when = target.when(c);
        Disposition correction = Disposition.of(when, AgentEmail.of(by)).withWrapCode(code);
        if (nextCall.isPresent()) {
            correction = correction.withNextCall(Callback.anyone(Leads.at(nextCall.get(), c)));
        }
        for (Map.Entry<String, String> f : fields.entrySet()) {
            if (!f.getValue().isBlank()) {
                correction = correction.withField(f.getKey(), FieldValue.text(f.getValue()));
            }
        }
        Disposition d = correction;
        Record written;
        try {
            written = target.run(c, when, (edits, key) -> edits.correctWrapCode(key, d));
        } catch (DispositionRefusedException e) {
            err.println("outbound: " + e.getMessage());
            if (!e.missingFields().isEmpty()) {
                err.println("missing fields: " + String.join(", ", e.missingFields()));
            }
            return 1;
        }
        out.println("record " + target.id + ": wrap code " + written.progress().wrapCode().orElse("none") + ", "
                + written.status() + written.doneReason().map(r -> " (" + r + ")").orElse("")
                + written.callback().map(cb -> ", callback at " + cb.at()).orElse(""));
        return 0;
    }
}
