package dev.outbound.examples.cli;

import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordPhone;
import dev.outbound.csv.export.LeadExport;
import dev.outbound.spi.OutboundServices;
import dev.outbound.spi.store.RecordQuery;
import dev.outbound.spi.store.RecordStore;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code outbound export}: a campaign's records to a CSV file. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a campaign's records to a CSV file.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--store", paramLabel = "URL",
            description = "The record store (a binding on the class path takes it); without it, records live in memory.")
    Optional<String> store = Optional.empty();

    @Option(names = "--campaign", required = true, paramLabel = "NAME", description = "The campaign to export.")
    String campaign;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write.")
    Path out;

    @Option(names = "--fields", split = ",", paramLabel = "a,b",
            description = "The columns to write, in order (default: all of them).")
    List<String> fields = new ArrayList<>();

    @Option(names = "--separator", paramLabel = "CHAR", description = "The field separator (default: ,).")
    Optional<Character> separator = Optional.empty();

    @Override
    public Integer call() throws Exception {
        try (OutboundServices services = Stores.open(store)) {
            RecordStore records = services.recordStore();
            LeadExport export = export(records);
            long n;
            try (OutputStream os = Files.newOutputStream(out); Stream<Record> all = records.stream(query())) {
                n = export.export(all, os);
            }
            spec.commandLine().getOut().println("exported " + n + " records of campaign " + campaign + " to " + out);
            return 0;
        }
    }

    /** @return the campaign's records, as this export reads them */
    RecordQuery query() {
        return RecordQuery.campaign(CampaignId.of(campaign));
    }

    /**
     * The export of these options, its columns (without {@code --fields}) the phone fields and custom
     * fields in use in the campaign now: a first pass over the records learns them. A scheduled
     * export ({@code jobs}) calls this when the job runs.
     *
     * @param records where the campaign's records are
     * @return the export
     */
    LeadExport export(RecordStore records) {
        LeadExport.Builder b = columnsInUse(records, query());
        if (!fields.isEmpty()) {
            b.columns(fields);
        }
        separator.ifPresent(b::separator);
        return b.build();
    }

    /**
     * An export with the columns in use among some records: a pass over them learns the phone
     * fields and the custom fields they have. {@code export}, a scheduled export and the record
     * edits that write a lead file back all start from it.
     *
     * @param records the store
     * @param query the records to learn the columns from
     * @return an export builder with those phone and custom fields
     */
    static LeadExport.Builder columnsInUse(RecordStore records, RecordQuery query) {
        TreeSet<PhoneField> phoneFields = new TreeSet<>();
        TreeSet<String> customFields = new TreeSet<>();
        try (Stream<Record> all = records.stream(query)) {
            all.forEach(r -> {
                for (RecordPhone p : r.phones()) {
                    phoneFields.add(p.field());
                }
                customFields.addAll(r.fieldText().keySet());
            });
        }
        return LeadExport.newBuilder().phoneFields(List.copyOf(phoneFields)).customFields(List.copyOf(customFields));
    }
}
