package dev.outbound.csv.imports;

import static dev.outbound.csv.imports.ImportFixtures.CAMPAIGN;
import static dev.outbound.csv.imports.ImportFixtures.HEADER;
import static dev.outbound.csv.imports.ImportFixtures.OTHER;
import static dev.outbound.csv.imports.ImportFixtures.claimDue;
import static dev.outbound.csv.imports.ImportFixtures.factory;
import static dev.outbound.csv.imports.ImportFixtures.importRows;
import static dev.outbound.csv.imports.ImportFixtures.invalid;
import static dev.outbound.csv.imports.ImportFixtures.key;
import static dev.outbound.csv.imports.ImportFixtures.priorityOf;
import static dev.outbound.csv.imports.ImportFixtures.row;
import static dev.outbound.csv.imports.ImportFixtures.stored;
import static dev.outbound.csv.imports.ImportFixtures.storedDue;
import static dev.outbound.csv.imports.ImportFixtures.storedLater;
import static dev.outbound.csv.imports.ImportFixtures.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CustomerRef;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.csv.RowProblem;
import dev.outbound.csv.read.SourceRow;
import dev.outbound.spi.directory.Agent;
import dev.outbound.spi.memory.InMemoryAgentDirectory;
import dev.outbound.spi.memory.InMemoryRecordStore;
import dev.outbound.spi.store.RecordKey;
import dev.outbound.spi.store.RecordQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pipeline's rules, through the seam: hand-made rows and a hand-made mapper. */
class ImportPipelineTest {
    private final RecordFactory factory = factory();
    private final InMemoryRecordStore store = InMemoryRecordStore.create();

    private LeadImport.Builder builder() {
        return LeadImport.newBuilder(factory, store);
    }

    private static void assertAddsUp(ImportCounts c) {
        assertThat(c.imported() + c.updated() + c.unchanged() + c.duplicates() + c.invalid()).isEqualTo(c.total());
    }

    private static List<String> codes(ImportResult r) {
        List<String> out = new ArrayList<>();
        for (RowProblem p : r.problems()) {
            out.add(p.row() + ":" + p.code());
        }
        return out;
    }

    @Test
    void import_newRows_allImportedAndStored() {
        ImportResult r = importRows(builder().build(), factory, List.of(valid(1, "A"), valid(2, "B"), valid(3, "C")));

        assertThat(r.status()).isEqualTo(ImportStatus.FINISHED);
        assertThat(r.counts()).isEqualTo(new ImportCounts(3, 3, 0, 0, 0, 0, 0, 0, 0));
        assertThat(r.problemCount()).isZero();
        assertThat(priorityOf(store, "A")).contains(1);
        assertThat(priorityOf(store, "C")).contains(3);
    }

    @Test
    void import_sameRefTwice_firstOccurrenceWinsLaterReportedAsDuplicate() {
        ImportResult r = importRows(builder().build(), factory,
                List.of(valid(1, "A"), valid(2, "B"), valid(3, "A"), valid(4, "A")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(4, 2, 0, 0, 2, 0, 0, 0, 0));
        assertAddsUp(r.counts());
        assertThat(priorityOf(store, "A")).contains(1);
        assertThat(codes(r)).containsExactly("3:DUPLICATE_IN_FILE", "4:DUPLICATE_IN_FILE");
        RowProblem dup = r.problems().get(0);
        assertThat(dup.column()).contains("customer_reference_id");
        assertThat(dup.line()).isEqualTo(4);
        assertThat(dup.message()).contains("'A'").contains("row 1");
    }

    @Test
    void import_invalidRowThenValidRowSameRef_invalidRowDoesNotClaimTheRef() {
        ImportResult r = importRows(builder().build(), factory, List.of(invalid(1, "A"), valid(2, "A")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(2, 1, 0, 0, 0, 1, 0, 0, 0));
        assertThat(priorityOf(store, "A")).contains(2);
        assertThat(codes(r)).containsExactly("1:PHONE_INVALID");
    }

    @Test
    void import_dedupeOffWithOverwrite_laterRowOverwritesEarlier() {
        ImportResult r = importRows(builder().dedupe(false).onExisting(OnExisting.OVERWRITE).build(), factory,
                List.of(valid(1, "A"), valid(2, "A"), valid(3, "A")));

        // Row 1 creates A; rows 2 and 3 each meet A as an existing record and replace it.
        assertThat(r.counts()).isEqualTo(new ImportCounts(3, 1, 2, 0, 0, 0, 0, 0, 0));
        assertThat(priorityOf(store, "A")).contains(3);
    }

    @Test
    void import_dedupeOffWithSkip_laterRowKeptAsUnchanged() {
        ImportResult r = importRows(builder().dedupe(false).build(), factory, List.of(valid(1, "A"), valid(2, "A")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(2, 1, 0, 1, 0, 0, 0, 0, 0));
        assertThat(priorityOf(store, "A")).contains(1);
    }

    @Test
    void import_existingWithSkip_storedRecordKeptCountedUnchanged() {
        store.create(stored(factory, "A", 500));

        ImportResult r = importRows(builder().onExisting(OnExisting.SKIP).build(), factory,
                List.of(valid(1, "A"), valid(2, "B")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(2, 1, 0, 1, 0, 0, 0, 0, 0));
        assertThat(priorityOf(store, "A")).contains(500);
        assertThat(priorityOf(store, "B")).contains(2);
    }

    @Test
    void import_existingWithOverwrite_storedRecordReplacedCountedUpdated() {
        store.create(stored(factory, "A", 500));

        ImportResult r = importRows(builder().onExisting(OnExisting.OVERWRITE).build(), factory,
                List.of(valid(1, "A"), valid(2, "B")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(2, 1, 1, 0, 0, 0, 0, 0, 0));
        assertThat(priorityOf(store, "A")).contains(1);
    }

    @Test
    void import_overwriteRecordInCall_keptUnchangedWithRecordInCallWarning() {
        store.create(storedDue(factory, "A", 500));
        store.create(storedLater(factory, "B", 600));
        assertThat(claimDue(store)).isEqualTo(1);

        ImportResult r = importRows(builder().onExisting(OnExisting.OVERWRITE).build(), factory,
                List.of(valid(1, "A"), valid(2, "B")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(2, 0, 1, 1, 0, 0, 1, 0, 0));
        assertThat(priorityOf(store, "A")).contains(500);
        assertThat(priorityOf(store, "B")).contains(2);
        assertThat(r.problems()).hasSize(1);
        RowProblem w = r.problems().get(0);
        assertThat(w.row()).isEqualTo(1);
        assertThat(w.code()).isEqualTo("RECORD_IN_CALL");
        assertThat(w.severity()).isEqualTo(RowProblem.Severity.WARNING);
    }

    @Test
    void import_skipRecordInCall_keptUnchangedWithoutWarning() {
        store.create(storedDue(factory, "A", 500));
        claimDue(store);

        ImportResult r = importRows(builder().build(), factory, List.of(valid(1, "A")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(1, 0, 0, 1, 0, 0, 0, 0, 0));
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void import_rowWithMapperWarning_countedOnceAmongWarnings() {
        ImportResult r = importRows(builder().build(), factory,
                List.of(row(1, "A", "warn", ""), valid(2, "B"), row(3, "C", "warn", "")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(3, 3, 0, 0, 0, 0, 2, 0, 0));
        assertThat(codes(r)).containsExactly("1:VALUE_TRUNCATED", "3:VALUE_TRUNCATED");
    }

    @Test
    void replace_completeRun_deletesExactlyTheCampaignRecordsTheFileDidNotImport() {
        store.create(stored(factory, "A", 500));
        store.create(stored(factory, "B", 501));
        store.create(stored(factory, "C", 502));
        RecordFactory other = factory(OTHER);
        store.create(stored(other, "C", 503));

        // A is named by a valid row (kept, unchanged); B only by an invalid row; C not at all; E is new.
        ImportResult r = importRows(builder().replace(true).build(), factory,
                List.of(valid(1, "A"), invalid(2, "B"), valid(3, "E")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(3, 1, 0, 1, 0, 1, 0, 2, 0));
        assertThat(store.stream(RecordQuery.campaign(CAMPAIGN)).map(x -> x.ref().value()))
                .containsExactly("A", "E");
        assertThat(priorityOf(store, "A")).contains(500);
        assertThat(store.get(RecordKey.of(OTHER, CustomerRef.of("C")))).isPresent();
    }

    @Test
    void replace_recordInCall_leftAndCountedAsDeleteSkipped() {
        store.create(storedDue(factory, "A", 500));
        store.create(storedLater(factory, "B", 501));
        claimDue(store);

        ImportResult r = importRows(builder().replace(true).build(), factory, List.of(valid(1, "E")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(1, 1, 0, 0, 0, 0, 0, 1, 1));
        assertThat(store.get(key("A"))).isPresent();
        assertThat(store.get(key("B"))).isEmpty();
    }

    @Test
    void replace_cancelledRun_deletesNothing() {
        store.create(stored(factory, "C", 502));
        LeadImport imports = builder().replace(true).batchSize(2).listener(new ImportListener() {
            @Override
            public void progress(ImportJob job, ImportProgress progress) {
                job.cancel();
            }
        }).build();

        ImportResult r = importRows(imports, factory, List.of(valid(1, "A"), valid(2, "B"), valid(3, "D")));

        assertThat(r.status()).isEqualTo(ImportStatus.CANCELLED);
        assertThat(r.counts()).isEqualTo(new ImportCounts(2, 2, 0, 0, 0, 0, 0, 0, 0));
        assertThat(store.get(key("C"))).isPresent();
    }

    @Test
    void replace_cancelAfterLastRow_deletesNothing() {
        store.create(stored(factory, "C", 502));
        // One batch holds every row: the only progress report comes after the last row is read.
        LeadImport imports = builder().replace(true).batchSize(2).listener(new ImportListener() {
            @Override
            public void progress(ImportJob job, ImportProgress progress) {
                job.cancel();
            }
        }).build();

        ImportResult r = importRows(imports, factory, List.of(valid(1, "A"), valid(2, "B")));

        assertThat(r.status()).isEqualTo(ImportStatus.CANCELLED);
        assertThat(r.counts().total()).isEqualTo(2);
        assertThat(store.get(key("C"))).isPresent();
    }

    @Test
    void replace_failedInput_deletesNothing() {
        store.create(stored(factory, "C", 502));
        LeadImport imports = builder().replace(true).build();
        ImportJob job = imports.newJob(Optional.empty(),
                () -> new ImportFixtures.ListSource(HEADER, List.of(valid(1, "A"), valid(2, "B")), 2),
                ImportFixtures.mapperFor(factory));

        ImportResult r = job.run();

        assertThat(r.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(r.counts()).isEqualTo(new ImportCounts(1, 1, 0, 0, 0, 0, 0, 0, 0));
        assertThat(store.get(key("C"))).isPresent();
        assertThat(store.get(key("A"))).isPresent();
    }

    @Test
    void agentDirectory_unknownAgent_invalidWithAgentUnknownAtAgentColumn() {
        InMemoryAgentDirectory directory = InMemoryAgentDirectory.of(
                Agent.of(AgentEmail.of("ann@example.com"), "Ann"));
        ImportResult r = importRows(builder().agentDirectory(directory).build(), factory,
                List.of(row(1, "A", ImportFixtures.phone(1), "ann@example.com"),
                        row(2, "B", ImportFixtures.phone(2), "zed@example.com"),
                        row(3, "C", ImportFixtures.phone(3), "")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(3, 2, 0, 0, 0, 1, 0, 0, 0));
        assertThat(store.get(key("B"))).isEmpty();
        RowProblem p = r.problems().get(0);
        assertThat(p.row()).isEqualTo(2);
        assertThat(p.code()).isEqualTo("AGENT_UNKNOWN");
        assertThat(p.column()).contains("agent");
        assertThat(p.message()).contains("zed@example.com");
    }

    @Test
    void agentDirectory_unknownAgentRow_doesNotClaimItsRef() {
        InMemoryAgentDirectory directory = InMemoryAgentDirectory.create();
        ImportResult r = importRows(builder().agentDirectory(directory).build(), factory,
                List.of(row(1, "A", ImportFixtures.phone(1), "zed@example.com", "1"), valid(2, "A")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(2, 1, 0, 0, 0, 1, 0, 0, 0));
        assertThat(priorityOf(store, "A")).contains(2);
    }

    @Test
    void agentDirectory_sameAgentOnManyRows_askedOnce() {
        InMemoryAgentDirectory known = InMemoryAgentDirectory.of(Agent.of(AgentEmail.of("ann@example.com"), "Ann"));
        List<String> asked = new ArrayList<>();
        dev.outbound.spi.directory.AgentDirectory counting = email -> {
            asked.add(email.value());
            return known.find(email);
        };
        List<SourceRow> rows = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            rows.add(row(i, "R" + i, ImportFixtures.phone(i), i % 2 == 0 ? "zed@example.com" : "ann@example.com"));
        }

        ImportResult r = importRows(builder().agentDirectory(counting).build(), factory, rows);

        assertThat(r.counts()).isEqualTo(new ImportCounts(5, 3, 0, 0, 0, 2, 0, 0, 0));
        assertThat(asked).containsExactly("ann@example.com", "zed@example.com");
    }

    @Test
    void noAgentDirectory_anyWellFormedAgentImported() {
        ImportResult r = importRows(builder().build(), factory,
                List.of(row(1, "A", ImportFixtures.phone(1), "zed@example.com")));

        assertThat(r.counts().imported()).isEqualTo(1);
        assertThat(store.get(key("A")).flatMap(x -> x.agent())).contains(AgentEmail.of("zed@example.com"));
    }

    @Test
    void problems_moreThanAThousand_firstThousandKeptTotalCounted() {
        List<SourceRow> rows = new ArrayList<>();
        for (int i = 1; i <= 1_203; i++) {
            // Rows 1..1203: every third row valid, others invalid with one or two problems.
            if (i % 3 == 0) {
                rows.add(valid(i, "R" + i));
            } else if (i % 3 == 1) {
                rows.add(invalid(i, "R" + i));
            } else {
                rows.add(row(i, "", "bad", ""));
            }
        }
        ImportResult r = importRows(builder().batchSize(100).build(), factory, rows);

        // 401 rows with i % 3 == 1 (one problem), 401 with i % 3 == 2 (two problems), 401 valid.
        assertThat(r.counts()).isEqualTo(new ImportCounts(1_203, 401, 0, 0, 0, 802, 0, 0, 0));
        assertThat(r.problemCount()).isEqualTo(401 + 2 * 401);
        assertThat(r.problems()).hasSize(1_000);
        assertThat(r.problems().get(0).row()).isEqualTo(1);
        // 1000 problems cover rows 1..~995 in row order: per 3 rows, 3 problems; the 1000th is in row 1000.
        assertThat(r.problems().get(999).row()).isEqualTo(1_000);
        for (int i = 1; i < r.problems().size(); i++) {
            assertThat(r.problems().get(i).row()).isGreaterThanOrEqualTo(r.problems().get(i - 1).row());
        }
    }

    @Test
    void upsert_batchesOfBatchSizeAndNoLookups() {
        ImportFixtures.Spy spy = new ImportFixtures.Spy(store);
        List<SourceRow> rows = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            rows.add(valid(i, "R" + i));
        }

        ImportResult r = importRows(LeadImport.newBuilder(factory, spy.store).batchSize(3).build(), factory, rows);

        assertThat(r.counts().imported()).isEqualTo(7);
        assertThat(spy.upsertSizes).containsExactly(3, 3, 1);
        assertThat(spy.count("get")).isZero();
        assertThat(spy.count("lease")).isZero();
    }

    @Test
    void storeRefusesBatch_failedAndThatBatchNotCounted() {
        ImportFixtures.Spy spy = new ImportFixtures.Spy(store);
        spy.failUpsert = 2;
        List<SourceRow> rows = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            rows.add(valid(i, "R" + i));
        }

        ImportResult r = importRows(LeadImport.newBuilder(factory, spy.store).batchSize(2).build(), factory, rows);

        assertThat(r.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(r.counts()).isEqualTo(new ImportCounts(2, 2, 0, 0, 0, 0, 0, 0, 0));
        assertThat(r.failure().get()).contains("rows 3 to 4").contains("connection to the database lost");
    }

    @Test
    void failedInput_midway_failedWithReasonAndRowsReadAccounted() {
        List<String> statuses = new ArrayList<>();
        LeadImport imports = builder().batchSize(2).listener(new ImportListener() {
            @Override
            public void statusChanged(ImportJob job, ImportStatus status) {
                statuses.add(status.name());
            }
        }).build();
        ImportFixtures.ListSource source = new ImportFixtures.ListSource(HEADER,
                List.of(valid(1, "A"), invalid(2, "B"), valid(3, "C"), valid(4, "D")), 4);
        ImportJob job = imports.newJob(Optional.empty(), () -> source, ImportFixtures.mapperFor(factory));

        ImportResult r = job.run();

        assertThat(r.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(r.failure().get()).contains("after row 3").contains("disk read error");
        assertThat(r.counts()).isEqualTo(new ImportCounts(3, 2, 0, 0, 0, 1, 0, 0, 0));
        assertThat(statuses).containsExactly("RUNNING", "FAILED");
        assertThat(source.closed).isTrue();
    }

    @Test
    void failedInput_cannotOpen_failedWithReason() {
        ImportJob job = builder().build().newJob(Optional.empty(), () -> {
            throw new java.nio.file.NoSuchFileException("leads.csv");
        }, ImportFixtures.mapperFor(factory));

        ImportResult r = job.run();

        assertThat(r.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(r.failure().get()).contains("cannot read").contains("NoSuchFileException").contains("leads.csv");
        assertThat(r.counts()).isEqualTo(ImportCounts.ZERO);
    }

    @Test
    void failedInput_emptyHeader_failedNotThrown() {
        ImportJob job = builder().build().newJob(Optional.empty(),
                () -> new ImportFixtures.ListSource(List.of(), List.of(), -1), ImportFixtures.mapperFor(factory));

        ImportResult r = job.run();

        assertThat(r.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(r.failure().get()).contains("no header row");
    }

    @Test
    void failedInput_noRefColumn_failedNotThrownAndReplaceDeletesNothing() {
        store.create(stored(factory, "C", 502));
        ImportJob job = builder().replace(true).build().newJob(Optional.empty(),
                () -> new ImportFixtures.ListSource(HEADER, List.of(valid(1, "A")), -1),
                header -> new Mapper(row -> ImportFixtures.map(factory, row), Optional.empty(), Optional.empty(),
                        List.of()));

        ImportResult r = job.run();

        assertThat(r.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(r.failure().get()).contains("customer reference id");
        assertThat(store.get(key("C"))).isPresent();
    }
}
