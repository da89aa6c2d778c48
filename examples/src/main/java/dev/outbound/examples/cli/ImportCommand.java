package dev.outbound.examples.cli;

import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.core.zone.TimeZones;
import dev.outbound.csv.imports.ImportCounts;
import dev.outbound.csv.imports.ImportJob;
import dev.outbound.csv.imports.ImportListener;
import dev.outbound.csv.imports.ImportProgress;
import dev.outbound.csv.imports.ImportResult;
import dev.outbound.csv.imports.ImportRules;
import dev.outbound.csv.imports.ImportStatus;
import dev.outbound.csv.imports.LeadImport;
import dev.outbound.csv.imports.OnExisting;
import dev.outbound.csv.mapping.ColumnMapping;
import dev.outbound.csv.mapping.MappingOptions;
import dev.outbound.csv.mapping.Target;
import dev.outbound.csv.read.CsvSource;
import dev.outbound.csv.read.ReadOptions;
import dev.outbound.spi.OutboundServices;
import dev.outbound.spi.store.RecordStore;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code outbound import}: a lead list into a record store, with result files and a summary. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a lead list (CSV) into a record store; every row is accounted for in the report.")
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file, header in the first row.")
    Path file;

    @Option(names = "--report", required = true, paramLabel = "DIR",
            description = "Where summary.json, success.csv, errors.csv, duplicates.csv and the original file go.")
    Path report;

    @Option(names = "--campaign", paramLabel = "NAME", defaultValue = "default",
            description = "The campaign the records join (default: ${DEFAULT-VALUE}).")
    String campaign;

    @Option(names = "--region", paramLabel = "CC", defaultValue = "US",
            description = "The region (ISO 3166) national numbers are read in (default: ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--region-column", paramLabel = "COLUMN",
            description = "A column holding each row's region (ISO 3166), read instead of --region.")
    Optional<String> regionColumn = Optional.empty();

    @Option(names = "--default-zone", paramLabel = "ZONE",
            description = "The IANA zone of records whose zone nothing else gives.")
    Optional<String> defaultZone = Optional.empty();

    @Option(names = "--separator", paramLabel = "CHAR", description = "The field separator (default: detected).")
    Optional<Character> separator = Optional.empty();

    @Option(names = "--charset", paramLabel = "NAME", description = "The file's encoding (default: detected).")
    Optional<String> charset = Optional.empty();

    @Option(names = "--mapping", paramLabel = "FILE.json", description = "A mapping template (JSON).")
    Optional<Path> mapping = Optional.empty();

    @Option(names = "--on-existing", paramLabel = "skip|overwrite",
            description = "What happens to records already in the store (default: skip); "
                    + "short for --merge-rule nothing|replace.")
    Optional<String> onExisting = Optional.empty();

    @Option(names = "--replace", description = "Delete the campaign's records the file does not hold, after a complete "
            + "import; short for --update-rule delete.")
    boolean replace;

    @Option(names = "--import-rule", paramLabel = "append|nothing",
            description = "What happens to rows for contacts not in the store (default: append).")
    Optional<String> importRule = Optional.empty();

    @Option(names = "--update-rule", paramLabel = "nothing|activate|activate-phones|inactivate|delete",
            description = "What happens, after a complete import, to the campaign's records the file does not hold "
                    + "(default: nothing).")
    Optional<String> updateRule = Optional.empty();

    @Option(names = "--merge-rule", paramLabel = "nothing|update|replace|activate|activate-phones|inactivate|delete",
            description = "What happens to records in both the file and the store (default: nothing).")
    Optional<String> mergeRule = Optional.empty();

    @Option(names = "--reset-status", description = "With --merge-rule update: the records go back to pending, "
            + "their attempt counter reset.")
    boolean resetStatus;

    @Option(names = "--reset-agent", description = "With --merge-rule update: the records lose their agent, "
            + "unless the row names one.")
    boolean resetAgent;

    @Option(names = "--no-dedupe", description = "Do not report later rows with an earlier row's reference id as duplicates.")
    boolean noDedupe;

    @Option(names = "--skip-rows", paramLabel = "N", defaultValue = "0",
            description = "Drop the first N data rows (the header is not one of them); reported as skipped "
                    + "(default: ${DEFAULT-VALUE}).")
    long skipRows;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Threads that map rows to records (default: ${DEFAULT-VALUE}); results are the same.")
    int threads = 1;

    @Option(names = "--save-mapping", paramLabel = "FILE.json",
            description = "Also write the column mapping used (inferred, or from --mapping) as a template "
                    + "for --mapping, to edit and reuse.")
    Optional<Path> saveMapping = Optional.empty();

    @Option(names = "--store", paramLabel = "URL",
            description = "The record store (a binding on the class path takes it); without it, records live in memory.")
    Optional<String> store = Optional.empty();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isReadable(file)) {
            err.println("outbound: cannot read " + file);
            return 1;
        }
        ImportRules rules = rules();
        try (OutboundServices services = Stores.open(store)) {
            LeadImport.Builder b = builder(services.recordStore());
            if (System.console() != null) {
                b.listener(new ProgressBar(err));
            }
            ImportJob job = b.build().newJob(file);
            ImportResult result = job.run();
            if (result.status() == ImportStatus.FAILED) {
                err.println("outbound: " + result.failure().orElse("the import failed"));
                return 1;
            }
            ImportCounts c = result.counts();
            out.printf(Locale.ROOT, "%s: %,d rows: %,d imported, %,d updated, %,d unchanged, %,d duplicates in the file,"
                    + " %,d invalid (%,d with warnings); report in %s%n", file.getFileName(), c.total(), c.imported(),
                    c.updated(), c.unchanged(), c.duplicates(), c.invalid(), c.warnings(), report);
            if (result.skipped() > 0) {
                out.printf(Locale.ROOT, "%,d rows at the top of the file skipped (--skip-rows %d)%n", result.skipped(),
                        skipRows);
            }
            if (rules.storeOnly() != ImportRules.UpdateRule.DO_NOTHING) {
                out.printf(Locale.ROOT, "records not in the file: %,d deleted, %,d activated, %,d inactivated, "
                        + "%,d left because a dialer held them%n", c.deleted(), c.storeOnlyActivated(),
                        c.storeOnlyInactivated(), c.deleteSkipped() + c.storeOnlySkipped());
            }
            return 0;
        }
    }

    /**
     * The import these options describe, on a store: what {@code import} runs now and
     * {@code jobs run} runs at a job's time.
     *
     * @param records the record store
     * @return the builder, every option applied but the listener
     * @throws Exception when the mapping template cannot be read or an option is wrong
     */
    LeadImport.Builder builder(RecordStore records) throws Exception {
        ImportRules rules = rules();
        if (threads < 1 || threads > LeadImport.MAX_THREADS) {
            throw new IllegalArgumentException("--threads must be 1 to " + LeadImport.MAX_THREADS + ", not " + threads);
        }
        if (skipRows < 0) {
            throw new IllegalArgumentException("--skip-rows must be 0 or more, not " + skipRows);
        }
        ReadOptions read = ReadOptions.detect();
        if (separator.isPresent()) {
            read = read.withSeparator(separator.get());
        }
        if (charset.isPresent()) {
            read = read.withCharset(Charset.forName(charset.get()));
        }
        RecordFactory factory = Leads.factory(CampaignId.of(campaign), region,
                defaultZone.map(z -> TimeZones.parse("--default-zone", z).zone()), Clock.systemUTC());
        LeadImport.Builder b = LeadImport.newBuilder(factory, records).readOptions(read)
                .rules(rules).dedupe(!noDedupe).resultDirectory(report).threads(threads).skipRows(skipRows);
        Optional<ColumnMapping> columns = columns(read, factory);
        columns.ifPresent(b::mapping);
        if (saveMapping.isPresent() && columns.isPresent()) {
            Files.writeString(saveMapping.get(), columns.get().toJson(), StandardCharsets.UTF_8);
        }
        return b;
    }

    /**
     * The rules from the options: each rule from its own option or its seed 000 shorthand, never
     * both.
     *
     * @throws IllegalArgumentException naming the options when a value is unknown or two options
     *     set the same rule
     */
    ImportRules rules() {
        if (mergeRule.isPresent() && onExisting.isPresent()) {
            throw new IllegalArgumentException("--merge-rule and --on-existing both set the rule for records in both "
                    + "the file and the store; give one (--on-existing skip|overwrite is --merge-rule nothing|replace)");
        }
        if (updateRule.isPresent() && replace) {
            throw new IllegalArgumentException("--update-rule and --replace both set the rule for records not in the "
                    + "file; give one (--replace is --update-rule delete)");
        }
        ImportRules.MergeRule both = mergeRule.map(ImportCommand::parseMergeRule)
                .orElse(onExisting.map(ImportCommand::parseOnExisting).orElse(OnExisting.SKIP) == OnExisting.OVERWRITE
                        ? ImportRules.MergeRule.REPLACE : ImportRules.MergeRule.DO_NOTHING);
        if ((resetStatus || resetAgent) && both != ImportRules.MergeRule.UPDATE) {
            throw new IllegalArgumentException((resetStatus ? "--reset-status" : "--reset-agent")
                    + " needs --merge-rule update (the merge rule is " + option(both.name()) + ")");
        }
        return ImportRules.newBuilder()
                .newContacts(importRule.map(ImportCommand::parseImportRule).orElse(ImportRules.ImportRule.APPEND))
                .storeOnly(updateRule.map(ImportCommand::parseUpdateRule)
                        .orElse(replace ? ImportRules.UpdateRule.DELETE : ImportRules.UpdateRule.DO_NOTHING))
                .both(both)
                .resetStatus(resetStatus)
                .resetAgent(resetAgent)
                .build();
    }

    private static OnExisting parseOnExisting(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "skip":
                return OnExisting.SKIP;
            case "overwrite":
                return OnExisting.OVERWRITE;
            default:
                throw new IllegalArgumentException("--on-existing must be skip or overwrite, not " + value);
        }
    }

    /** An enum constant as the command line spells it: {@code DO_NOTHING} is nothing, {@code _} is {@code -}. */
    private static String option(String constant) {
        String name = constant.equals("DO_NOTHING") ? "nothing" : constant.toLowerCase(Locale.ROOT).replace('_', '-');
        return name.equals("activate-with-phones") ? "activate-phones" : name;
    }

    private static <E extends Enum<E>> E parse(String flag, Class<E> type, String value) {
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            if (option(e.name()).equals(value.toLowerCase(Locale.ROOT))) {
                return e;
            }
            names.add(option(e.name()));
        }
        throw new IllegalArgumentException(flag + " must be one of " + String.join(", ", names) + ", not " + value);
    }

    private static ImportRules.ImportRule parseImportRule(String value) {
        return parse("--import-rule", ImportRules.ImportRule.class, value);
    }

    private static ImportRules.UpdateRule parseUpdateRule(String value) {
        return parse("--update-rule", ImportRules.UpdateRule.class, value);
    }

    private static ImportRules.MergeRule parseMergeRule(String value) {
        return parse("--merge-rule", ImportRules.MergeRule.class, value);
    }

    /**
     * The mapping from --mapping, or the automatic one with --region-column added; empty for plain
     * automatic, unless --save-mapping needs it written out.
     */
    private Optional<ColumnMapping> columns(ReadOptions read, RecordFactory factory) throws Exception {
        if (mapping.isEmpty() && regionColumn.isEmpty() && saveMapping.isEmpty()) {
            return Optional.empty();
        }
        List<String> header;
        try (CsvSource source = CsvSource.open(file, read)) {
            header = source.header();
        }
        ColumnMapping base = mapping.isPresent()
                ? ColumnMapping.fromJson(Files.readString(mapping.get()), header)
                : ColumnMapping.auto(header, MappingOptions.defaults(List.copyOf(factory.phoneFields())));
        if (regionColumn.isEmpty()) {
            return Optional.of(base);
        }
        int at = header.indexOf(regionColumn.get());
        if (at < 0) {
            throw new IllegalArgumentException("--region-column " + regionColumn.get() + " is not a column of " + file
                    + "; its columns are " + header);
        }
        ColumnMapping.Builder b = ColumnMapping.newBuilder(header);
        for (int i = 0; i < header.size(); i++) {
            List<Target> targets = base.targets(i);
            if (i == at) {
                b.map(header.get(i), new Target.Region());
            } else if (targets.isEmpty()) {
                b.drop(header.get(i));
            } else {
                b.map(header.get(i), targets.toArray(new Target[0]));
            }
        }
        return Optional.of(b.build());
    }

    /** A one-line progress bar on the terminal, redrawn in place. */
    private static final class ProgressBar implements ImportListener {
        private final PrintWriter err;

        ProgressBar(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void progress(ImportJob job, ImportProgress p) {
            int percent = p.percent().orElse(0);
            int filled = percent / 5;
            err.printf(Locale.ROOT, "\r[%s%s] %3d%% %,d rows", "#".repeat(filled), " ".repeat(20 - filled), percent,
                    p.rows());
            err.flush();
        }

        @Override
        public void statusChanged(ImportJob job, ImportStatus status) {
            if (status.isTerminal()) {
                err.println();
            }
        }
    }
}
