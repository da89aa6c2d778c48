package dev.outbound.examples.cli;

import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.core.zone.TimeZones;
import dev.outbound.core.zone.ZoneResolver;
import dev.outbound.csv.imports.ImportCounts;
import dev.outbound.csv.imports.ImportJob;
import dev.outbound.csv.imports.ImportListener;
import dev.outbound.csv.imports.ImportProgress;
import dev.outbound.csv.imports.ImportResult;
import dev.outbound.csv.imports.ImportStatus;
import dev.outbound.csv.imports.LeadImport;
import dev.outbound.csv.imports.OnExisting;
import dev.outbound.csv.mapping.ColumnMapping;
import dev.outbound.csv.mapping.MappingOptions;
import dev.outbound.csv.mapping.Target;
import dev.outbound.csv.read.CsvSource;
import dev.outbound.csv.read.ReadOptions;
import dev.outbound.spi.OutboundServices;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Option(names = "--on-existing", paramLabel = "skip|overwrite", defaultValue = "skip",
            description = "What happens to records already in the store (default: ${DEFAULT-VALUE}).")
    String onExisting;

    @Option(names = "--replace", description = "Delete the campaign's records the file does not hold, after a complete import.")
    boolean replace;

    @Option(names = "--no-dedupe", description = "Do not report later rows with an earlier row's reference id as duplicates.")
    boolean noDedupe;

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
        OnExisting existing = parseOnExisting(onExisting);
        ReadOptions read = ReadOptions.detect();
        if (separator.isPresent()) {
            read = read.withSeparator(separator.get());
        }
        if (charset.isPresent()) {
            read = read.withCharset(Charset.forName(charset.get()));
        }
        ZoneResolver.Builder zones = ZoneResolver.newBuilder();
        if (defaultZone.isPresent()) {
            zones.defaultZone(TimeZones.parse("--default-zone", defaultZone.get()).zone());
        }
        RecordFactory factory = RecordFactory.newBuilder(CampaignId.of(campaign)).defaultRegion(region)
                .zoneResolver(zones.build()).build();
        try (OutboundServices services = Stores.open(store)) {
            LeadImport.Builder b = LeadImport.newBuilder(factory, services.recordStore()).readOptions(read)
                    .onExisting(existing).replace(replace).dedupe(!noDedupe).resultDirectory(report);
            Optional<ColumnMapping> columns = columns(read, factory);
            columns.ifPresent(b::mapping);
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
            return 0;
        }
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

    /** The mapping from --mapping, or the automatic one with --region-column added; empty for plain automatic. */
    private Optional<ColumnMapping> columns(ReadOptions read, RecordFactory factory) throws Exception {
        if (mapping.isEmpty() && regionColumn.isEmpty()) {
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
