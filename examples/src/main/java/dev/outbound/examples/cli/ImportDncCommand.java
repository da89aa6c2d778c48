package dev.outbound.examples.cli;

import dev.outbound.core.dnc.DncList;
import dev.outbound.csv.dnc.DncImport;
import dev.outbound.csv.dnc.DncImportCounts;
import dev.outbound.csv.dnc.DncImportResult;
import dev.outbound.csv.imports.ImportStatus;
import dev.outbound.csv.read.ReadOptions;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code outbound import-dnc}: a Do-Not-Call file (black list or white list, global or a
 * campaign's) read into a list, with result files and a summary. The list lives in memory for
 * the run, as records do for {@code import} without {@code --store}: the command checks a file
 * and writes the report an SDK host would get.
 */
@Command(name = "import-dnc", mixinStandardHelpOptions = true,
        description = "Import a Do-Not-Call list (CSV: numbers, prefixes or customer references) into a black list "
                + "or a white list; every row is accounted for in the report. The list lives in memory for the run.")
final class ImportDncCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file, header in the first row.")
    Path file;

    @Option(names = "--report", required = true, paramLabel = "DIR",
            description = "Where summary.json, success.csv, errors.csv, duplicates.csv and the original file go.")
    Path report;

    @Option(names = "--list", paramLabel = "NAME",
            description = "The list's name (default: 'global', or 'campaign NAME' with --campaign).")
    Optional<String> list = Optional.empty();

    @Option(names = "--campaign", paramLabel = "NAME",
            description = "Fill this campaign's own list rather than a global one.")
    Optional<String> campaign = Optional.empty();

    @Option(names = "--allow", description = "The list is a white list: only its numbers may be dialled "
            + "(default: a black list, whose numbers must not be dialled).")
    boolean allow;

    @Option(names = "--region", paramLabel = "CC", defaultValue = "US",
            description = "The region (ISO 3166) national numbers are read in when a row has none (default: "
                    + "${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--source", paramLabel = "TEXT", description = "The source of entries whose row gives none.")
    Optional<String> source = Optional.empty();

    @Option(names = "--separator", paramLabel = "CHAR", description = "The field separator (default: detected).")
    Optional<Character> separator = Optional.empty();

    @Option(names = "--charset", paramLabel = "NAME", description = "The file's encoding (default: detected).")
    Optional<String> charset = Optional.empty();

    @Option(names = "--skip-rows", paramLabel = "N", defaultValue = "0",
            description = "Drop the first N data rows (the header is not one of them); reported as skipped "
                    + "(default: ${DEFAULT-VALUE}).")
    long skipRows;

    @Option(names = "--replace", description = "The list holds exactly the file's entries afterwards; applied only "
            + "after the whole file was read without invalid rows (see --max-invalid).")
    boolean replace;

    @Option(names = "--max-invalid", paramLabel = "N",
            description = "With --replace, how many invalid rows still let the replace happen (default: 0).")
    Optional<Long> maxInvalid = Optional.empty();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isReadable(file)) {
            err.println("outbound: cannot read " + file);
            return 1;
        }
        ReadOptions read = ReadOptions.detect();
        if (separator.isPresent()) {
            read = read.withSeparator(separator.get());
        }
        if (charset.isPresent()) {
            read = read.withCharset(Charset.forName(charset.get()));
        }
        String name = list.orElse(campaign.map(c -> "campaign " + c).orElse("global"));
        DncList target = DncList.newBuilder(name).mode(allow ? DncList.Mode.ALLOW : DncList.Mode.BLOCK).build();
        DncImport.Builder b = DncImport.newBuilder(target).readOptions(read).defaultRegion(region).replace(replace)
                .resultDirectory(report).skipRows(skipRows);
        source.ifPresent(b::defaultSource);
        maxInvalid.ifPresent(b::replaceMaxInvalid);
        DncImportResult result = b.build().newJob(file).run();
        if (result.status() != ImportStatus.FINISHED) {
            err.println("outbound: " + result.failure().orElse("the import was cancelled"));
            return 1;
        }
        DncImportCounts c = result.counts();
        out.printf(Locale.ROOT, "%s: %,d rows: %,d added, %,d updated, %,d already listed, %,d duplicates in the file,"
                + " %,d expired, %,d invalid (%,d with warnings); %s list '%s'%s holds %,d entries; report in %s%n",
                file.getFileName(), c.total(), c.added(), c.updated(), c.unchanged(), c.duplicates(), c.expired(),
                c.invalid(), c.warnings(), allow ? "white" : "black", name,
                campaign.map(x -> " (campaign " + x + ")").orElse(" (global)"), result.listSize(), report);
        if (result.skipped() > 0) {
            out.printf(Locale.ROOT, "%,d rows at the top of the file skipped (--skip-rows %d)%n", result.skipped(),
                    skipRows);
        }
        return 0;
    }
}
