package dev.outbound.examples.programs;

import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.CustomerRef;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.csv.RowProblem;
import dev.outbound.csv.imports.ImportResult;
import dev.outbound.csv.imports.LeadImport;
import dev.outbound.csv.imports.OnExisting;
import dev.outbound.csv.read.CsvSource;
import dev.outbound.csv.read.ReadOptions;
import dev.outbound.csv.read.SourceRow;
import dev.outbound.spi.memory.InMemoryRecordStore;
import dev.outbound.spi.store.RecordKey;
import dev.outbound.spi.store.RecordQuery;
import dev.outbound.spi.store.UpsertMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Import a lead list and see what happened to every row: imported, updated (the record was
 * already in the store), or refused with the reason (a bad number, a missing id, a duplicate
 * id in the file). An import never throws for a bad row and never loses one: each row is in the
 * counts, and each refused row comes with its row, line, column, code and message.
 *
 * <p>Run it from the repository root, after {@code mvn -B -q -DskipTests package}, on the bundled
 * six-row list or on a CSV of your own (a {@code customer_reference_id} column and phone columns
 * such as {@code mobile}, see docs/import.md):
 * <pre>{@code java -cp examples/target/outbound.jar dev.outbound.examples.programs.ImportLeadList [leads.csv]}</pre>
 */
public final class ImportLeadList {
    private ImportLeadList() {}

    /**
     * Imports the list and prints one line per row, then the counts.
     *
     * @param args a CSV file; none for the bundled list
     * @throws IOException when the file cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0]) : bundledList();
        run(file).lines().forEach(System.out::println);
    }

    /**
     * What an import did.
     *
     * @param lines what it prints: one line per data row, then the counts
     * @param result the import's result
     */
    record Result(List<String> lines, ImportResult result) {
    }

    /**
     * Imports a lead list into an in-memory store that already holds record C-1003.
     *
     * @param file the CSV file
     * @return what it printed, and the import's result
     * @throws IOException when the file cannot be read
     */
    static Result run(Path file) throws IOException {
        CampaignId campaign = CampaignId.of("spring");
        RecordFactory factory = RecordFactory.newBuilder(campaign).defaultRegion("US").build();
        InMemoryRecordStore store = InMemoryRecordStore.create();
        // An earlier import left C-1003 in the store, with another number: this file updates it.
        store.upsert(List.of(factory.newRecord("C-1003").phone(PhoneField.MOBILE, "+12125550100").build()),
                UpsertMode.KEEP_EXISTING, Instant.now());
        Map<String, Record> before = new HashMap<>();
        try (var stored = store.stream(RecordQuery.campaign(campaign))) {
            stored.forEach(r -> before.put(r.ref().value(), r));
        }

        // The import itself: two lines. OVERWRITE replaces a stored record with the file's.
        ImportResult result = LeadImport.newBuilder(factory, store).onExisting(OnExisting.OVERWRITE).build()
                .newJob(file).run();

        // Each row's fate: its problems (by data row number), or whether its record was in the store before.
        Map<Long, List<RowProblem>> problems = result.problems().stream()
                .collect(Collectors.groupingBy(RowProblem::row));
        List<String> lines = new ArrayList<>();
        try (CsvSource rows = CsvSource.open(file, ReadOptions.detect())) {
            int idColumn = rows.header().indexOf("customer_reference_id");
            for (Optional<SourceRow> row = rows.next(); row.isPresent(); row = rows.next()) {
                long n = row.get().row();
                String id = idColumn < 0 ? "" : row.get().cell(idColumn).orElse("").strip();
                List<RowProblem> mine = problems.getOrDefault(n, List.of());
                lines.add(String.format("row %d  %-8s %s", n, id.isEmpty() ? "(no id)" : id, fate(id, mine, before,
                        store, campaign)));
            }
        }
        lines.add(String.format("%d rows: %d imported, %d updated, %d unchanged, %d invalid, %d duplicates",
                result.counts().total(), result.counts().imported(), result.counts().updated(),
                result.counts().unchanged(), result.counts().invalid(), result.counts().duplicates()));
        return new Result(lines, result);
    }

    private static String fate(String id, List<RowProblem> problems, Map<String, Record> before,
            InMemoryRecordStore store, CampaignId campaign) {
        List<String> errors = problems.stream().filter(RowProblem::isError).map(p -> p.code() + ": " + p.message())
                .toList();
        if (!errors.isEmpty()) {
            return "refused  " + String.join("; ", errors);
        }
        String warnings = problems.stream().map(p -> " (warning " + p.code() + ": " + p.message() + ")")
                .collect(Collectors.joining());
        Record was = before.get(id);
        if (was == null) {
            return "imported" + warnings;
        }
        Optional<Record> now = store.get(new RecordKey(campaign, CustomerRef.of(id)));
        return (now.isPresent() && now.get().equals(was) ? "unchanged" : "updated") + warnings;
    }

    /** Copies the six-row list bundled with the examples to a temporary file. */
    static Path bundledList() {
        try (InputStream in = ImportLeadList.class.getResourceAsStream("/programs/leads.csv")) {
            if (in == null) {
                throw new IllegalStateException("programs/leads.csv is missing from the class path");
            }
            Path file = Files.createTempFile("leads", ".csv");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
