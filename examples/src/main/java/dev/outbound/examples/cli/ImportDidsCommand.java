package dev.outbound.examples.cli;

import dev.outbound.core.callerid.DidPool;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.phone.PhoneNumberParse;
import dev.outbound.core.record.CampaignId;
import dev.outbound.csv.RowProblem;
import dev.outbound.csv.did.DidImport;
import dev.outbound.csv.did.DidImportResult;
import dev.outbound.csv.read.ReadOptions;
import dev.outbound.spi.callerid.DidStore;
import java.io.IOException;
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
 * {@code outbound import-dids}: a file of caller-id numbers (DIDs) read into a campaign's pool.
 * With {@code --store URL} the pool is kept in the store's DID tables, upserted into the pool the
 * campaign has there (or replacing it with {@code --replace}), for {@code simulate} and {@code run}
 * with that store. Without it, the file is checked and the pool printed: a campaign file names its
 * DID file in {@code callerIds.didFile} instead. Every refused row is printed with its row, line,
 * column and reason.
 */
@Command(name = "import-dids", mixinStandardHelpOptions = true,
        description = "Import caller-id numbers (DIDs; CSV: number, label, retired) into a campaign's pool. With "
                + "--store the pool is kept there; without it the file is checked and the pool printed.")
final class ImportDidsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file, header in the first row.")
    Path file;

    @Option(names = "--campaign", paramLabel = "FILE.json", description = "The campaign file: its id, region and "
            + "callerIds.default (see docs/campaign.md).")
    Optional<Path> campaign = Optional.empty();

    @Option(names = "--campaign-id", paramLabel = "ID", description = "The campaign's id, without a campaign file.")
    Optional<String> campaignId = Optional.empty();

    @Option(names = "--default", paramLabel = "E164", description = "The number presented when no DID fits, for a "
            + "new pool (default: the campaign file's callerIds.default).")
    Optional<String> defaultNumber = Optional.empty();

    @Option(names = "--store", paramLabel = "URL", description = "Keep the pool in this store (e.g. "
            + "jdbc:postgresql://host/db); without it, the file is only checked.")
    Optional<String> store = Optional.empty();

    @Option(names = "--replace", description = "The pool holds exactly the file's DIDs afterwards (a retired DID "
            + "active in the file comes back); default: upsert into the stored pool, where retirement is one-way.")
    boolean replace;

    @Option(names = "--region", paramLabel = "CC", description = "The region (ISO 3166) national numbers are read "
            + "in (default: the campaign file's region, US).")
    Optional<String> region = Optional.empty();

    @Option(names = "--separator", paramLabel = "CHAR", description = "The field separator (default: detected).")
    Optional<Character> separator = Optional.empty();

    @Option(names = "--charset", paramLabel = "NAME", description = "The file's encoding (default: detected).")
    Optional<String> charset = Optional.empty();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (campaign.isPresent() == campaignId.isPresent()) {
            throw new IllegalArgumentException("give --campaign FILE.json or --campaign-id ID: the pool is a "
                    + "campaign's");
        }
        if (!Files.isReadable(file)) {
            err.println("outbound: cannot read " + file);
            return 1;
        }
        CampaignFile c = campaign.map(CampaignFile::read).orElse(CampaignFile.defaults());
        CampaignId id = campaignId.isPresent() ? CampaignId.of(campaignId.get()) : c.id();
        String cc = region.orElse(c.region());
        Optional<PhoneNumber> campaignDefault = defaultNumber.isPresent()
                ? Optional.of(number(defaultNumber.get(), cc))
                : c.callerIds().map(CampaignCallerIds::campaignDefault);
        ReadOptions read = ReadOptions.detect();
        if (separator.isPresent()) {
            read = read.withSeparator(separator.get());
        }
        if (charset.isPresent()) {
            read = read.withCharset(Charset.forName(charset.get()));
        }
        DidImportResult result = DidImport.read(file, read, cc);
        for (RowProblem p : result.problems()) {
            err.println("outbound: " + file.getFileName() + ": " + p);
        }
        result.stoppedEarly().ifPresent(why -> err.println("outbound: " + file.getFileName()
                + " was not read to its end: " + why));
        long retired = result.dids().stream().filter(d -> d.retired()).count();
        out.printf(Locale.ROOT, "%s: %,d rows: %,d DIDs (%,d retired), %,d refused%n", file.getFileName(),
                result.rows(), result.dids().size(), retired, result.problems().size());
        DidPool pool;
        String where;
        if (store.isPresent()) {
            try (DidStore dids = Stores.openDids(store.get())) {
                if (replace) {
                    pool = result.replaceIn(dids, id, campaignDefault.orElseThrow(() -> new IllegalArgumentException(
                            "--replace needs the pool's default: give --default E164 or a campaign file with "
                                    + "callerIds.default")));
                } else {
                    pool = result.upsertInto(dids, id, campaignDefault);
                }
            }
            where = "the store";
        } else {
            pool = result.toPool(campaignDefault.orElseThrow(() -> new IllegalArgumentException("the pool needs a "
                    + "default number: give --default E164 or a campaign file with callerIds.default")));
            where = "memory, for this run only (give --store URL to keep it)";
        }
        out.printf(Locale.ROOT, "Campaign %s: %,d DIDs (%,d active), default %s, in %s%n", id.value(),
                pool.dids().size(), pool.active().size(), pool.campaignDefault().e164(), where);
        return result.problems().isEmpty() && result.stoppedEarly().isEmpty() ? 0 : 1;
    }

    private static PhoneNumber number(String text, String region) {
        PhoneNumberParse parsed = PhoneNumber.tryParse(text, region);
        if (parsed instanceof PhoneNumberParse.Invalid invalid) {
            throw new IllegalArgumentException("--default " + text + " is not a valid number: " + invalid.message());
        }
        PhoneNumber n = ((PhoneNumberParse.Valid) parsed).number();
        if (!n.extension().isEmpty()) {
            throw new IllegalArgumentException("--default " + text + " has an extension; a caller id cannot");
        }
        return n;
    }
}
