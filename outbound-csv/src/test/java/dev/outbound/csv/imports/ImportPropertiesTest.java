package dev.outbound.csv.imports;

import static dev.outbound.csv.imports.ImportFixtures.claimDue;
import static dev.outbound.csv.imports.ImportFixtures.factory;
import static dev.outbound.csv.imports.ImportFixtures.invalid;
import static dev.outbound.csv.imports.ImportFixtures.priorityOf;
import static dev.outbound.csv.imports.ImportFixtures.row;
import static dev.outbound.csv.imports.ImportFixtures.storedDue;
import static dev.outbound.csv.imports.ImportFixtures.storedLater;
import static dev.outbound.csv.imports.ImportFixtures.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.csv.read.SourceRow;
import dev.outbound.spi.directory.Agent;
import dev.outbound.spi.memory.InMemoryAgentDirectory;
import dev.outbound.spi.memory.InMemoryRecordStore;
import dev.outbound.spi.store.RecordQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Random files through the pipeline's seam, against a model of the rules written as plainly as
 * possible: the counts add up, the counts and problems are the model's, and the store holds
 * exactly the records the model says (told apart by priority: a row's number, or 9000 + i for the
 * record {@code Ri} the store held before).
 */
class ImportPropertiesTest {
    private static final int REFS = 6;

    /** What the rules say an import does, one row at a time. */
    private static final class Model {
        final Map<String, Integer> stored = new HashMap<>();
        final Set<String> claimed = new HashSet<>();
        long total;
        long imported;
        long updated;
        long unchanged;
        long duplicates;
        long invalid;
        long warnings;
        long deleted;
        long deleteSkipped;
        long problems;

        void run(List<Integer> rows, boolean dedupe, boolean overwrite, boolean replace) {
            Set<String> taken = new HashSet<>();
            for (int j = 0; j < rows.size(); j++) {
                int v = rows.get(j);
                String ref = "R" + (v % REFS);
                int kind = v / REFS;
                int rowNumber = j + 1;
                total++;
                if (kind == 1) {
                    invalid++;
                    problems++;
                    continue;
                }
                if (dedupe && taken.contains(ref)) {
                    duplicates++;
                    problems++;
                    continue;
                }
                taken.add(ref);
                int rowWarnings = kind == 2 ? 1 : 0;
                if (!stored.containsKey(ref)) {
                    imported++;
                    stored.put(ref, rowNumber);
                } else if (!overwrite) {
                    unchanged++;
                } else if (claimed.contains(ref)) {
                    unchanged++;
                    rowWarnings++;
                } else {
                    updated++;
                    stored.put(ref, rowNumber);
                }
                problems += rowWarnings;
                if (rowWarnings > 0) {
                    warnings++;
                }
            }
            if (replace) {
                for (String ref : new ArrayList<>(stored.keySet())) {
                    if (taken.contains(ref)) {
                        continue;
                    }
                    if (claimed.contains(ref)) {
                        deleteSkipped++;
                    } else {
                        stored.remove(ref);
                        deleted++;
                    }
                }
            }
        }

        ImportCounts counts() {
            return new ImportCounts(total, imported, updated, unchanged, duplicates, invalid, warnings, deleted,
                    deleteSkipped);
        }
    }

    /**
     * Row {@code n} for a generated value: ref {@code R(v % 6)}, and by {@code v / 6} valid,
     * invalid, or valid with a warning.
     */
    private static SourceRow rowFor(int n, int v) {
        String ref = "R" + (v % REFS);
        switch (v / REFS) {
            case 0:
                return valid(n, ref);
            case 1:
                return invalid(n, ref);
            default:
                return row(n, ref, "warn", "", String.valueOf(n));
        }
    }

    @Test
    void import_randomRowsAndStore_countsAddUpAndStoreHoldsWhatTheRulesSay() {
        qt().withExamples(300).forAll(
                lists().of(integers().between(0, 3 * REFS - 1)).ofSizeBetween(0, 25),
                integers().between(0, (1 << REFS) - 1),
                integers().between(0, (1 << REFS) - 1),
                integers().between(0, 31))
                .checkAssert((values, present, inCall, options) -> {
                    boolean dedupe = (options & 1) != 0;
                    boolean overwrite = (options & 2) != 0;
                    boolean replace = (options & 4) != 0;
                    int batchSize = 1 + (options >> 3);

                    RecordFactory factory = factory();
                    InMemoryRecordStore store = InMemoryRecordStore.create();
                    Model model = new Model();
                    for (int i = 0; i < REFS; i++) {
                        if ((present & (1 << i)) == 0) {
                            continue;
                        }
                        String ref = "R" + i;
                        boolean claimed = (inCall & (1 << i)) != 0;
                        store.create(claimed ? storedDue(factory, ref, 9_000 + i) : storedLater(factory, ref, 9_000 + i));
                        model.stored.put(ref, 9_000 + i);
                        if (claimed) {
                            model.claimed.add(ref);
                        }
                    }
                    assertThat(claimDue(store)).isEqualTo(model.claimed.size());
                    List<SourceRow> rows = new ArrayList<>();
                    for (int j = 0; j < values.size(); j++) {
                        rows.add(rowFor(j + 1, values.get(j)));
                    }
                    LeadImport imports = LeadImport.newBuilder(factory, store).dedupe(dedupe)
                            .onExisting(overwrite ? OnExisting.OVERWRITE : OnExisting.SKIP).replace(replace)
                            .batchSize(batchSize).build();
                    Map<String, Integer> before = new HashMap<>(model.stored);

                    ImportResult preview = imports.preview(Optional.empty(),
                            () -> new ImportFixtures.ListSource(ImportFixtures.HEADER, rows, -1),
                            ImportFixtures.mapperFor(factory), Math.max(1, rows.size()));
                    for (int i = 0; i < REFS; i++) {
                        assertThat(priorityOf(store, "R" + i)).isEqualTo(Optional.ofNullable(before.get("R" + i)));
                    }

                    ImportResult result = ImportFixtures.importRows(imports, factory, rows);
                    model.run(values, dedupe, overwrite, replace);

                    ImportCounts c = result.counts();
                    assertThat(c.imported() + c.updated() + c.unchanged() + c.duplicates() + c.invalid())
                            .isEqualTo(c.total()).isEqualTo(rows.size());
                    assertThat(c).isEqualTo(model.counts());
                    assertThat(result.problemCount()).isEqualTo(model.problems);
                    for (int i = 0; i < REFS; i++) {
                        String ref = "R" + i;
                        assertThat(priorityOf(store, ref)).as(ref).isEqualTo(Optional.ofNullable(model.stored.get(ref)));
                    }
                    assertThat(store.count(RecordQuery.all())).isEqualTo(model.stored.size());
                    // A preview of every row says what the import then did, short of replace's deletions.
                    assertThat(preview.counts()).isEqualTo(new ImportCounts(c.total(), c.imported(), c.updated(),
                            c.unchanged(), c.duplicates(), c.invalid(), c.warnings(), 0, 0));
                });
    }

    /**
     * {@link #rowFor} for kinds 0 to 2; kind 3 a valid row whose agent the directory knows, kind 4
     * one whose agent it does not know.
     */
    private static SourceRow rowWithAgentFor(int n, int v) {
        String ref = "R" + (v % REFS);
        switch (v / REFS) {
            case 3:
                return row(n, ref, ImportFixtures.phone(n), "ann@example.com", String.valueOf(n));
            case 4:
                return row(n, ref, ImportFixtures.phone(n), "zed@example.com", String.valueOf(n));
            default:
                return rowFor(n, v);
        }
    }

    /** A store holding {@code Ri} (priority 9000 + i) for each bit of present, those in inCall claimed. */
    private static InMemoryRecordStore storeWith(RecordFactory factory, int present, int inCall) {
        InMemoryRecordStore store = InMemoryRecordStore.create();
        for (int i = 0; i < REFS; i++) {
            if ((present & (1 << i)) != 0) {
                String ref = "R" + i;
                store.create((inCall & (1 << i)) != 0 ? storedDue(factory, ref, 9_000 + i)
                        : storedLater(factory, ref, 9_000 + i));
            }
        }
        claimDue(store);
        return store;
    }

    /** What an import left: its result but for id and time, and every stored record in ref order. */
    private static List<Object> outcome(InMemoryRecordStore store, ImportResult r) {
        List<Record> stored = new ArrayList<>();
        try (Stream<Record> all = store.stream(RecordQuery.all())) {
            all.sorted(Comparator.comparing(rec -> rec.ref().value())).forEach(stored::add);
        }
        return List.of(r.status(), r.counts(), r.problemCount(), r.problems(), r.failure(), stored);
    }

    @Test
    void import_randomRowsThreeThreads_sameOutcomeAsOneThread() {
        qt().withExamples(200).forAll(
                lists().of(integers().between(0, 5 * REFS - 1)).ofSizeBetween(0, 40),
                integers().between(0, (1 << REFS) - 1),
                integers().between(0, (1 << REFS) - 1),
                integers().between(0, 63))
                .checkAssert((values, present, inCall, options) -> {
                    RecordFactory factory = factory();
                    List<SourceRow> rows = new ArrayList<>();
                    for (int j = 0; j < values.size(); j++) {
                        rows.add(rowWithAgentFor(j + 1, values.get(j)));
                    }
                    List<List<Object>> outcomes = new ArrayList<>();
                    for (int threads : new int[] {1, 3}) {
                        InMemoryRecordStore store = storeWith(factory, present, inCall);
                        LeadImport imports = LeadImport.newBuilder(factory, store).dedupe((options & 1) != 0)
                                .onExisting((options & 2) != 0 ? OnExisting.OVERWRITE : OnExisting.SKIP)
                                .replace((options & 4) != 0).batchSize(1 + (options >> 3))
                                .agentDirectory(InMemoryAgentDirectory.of(
                                        Agent.of(AgentEmail.of("ann@example.com"), "Ann")))
                                .threads(threads).build();
                        outcomes.add(outcome(store, ImportFixtures.importRows(imports, factory, rows)));
                    }
                    assertThat(outcomes.get(1)).isEqualTo(outcomes.get(0));
                });
    }
}
