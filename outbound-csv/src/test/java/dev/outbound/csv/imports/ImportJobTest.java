package dev.outbound.csv.imports;

import static dev.outbound.csv.imports.ImportFixtures.claimDue;
import static dev.outbound.csv.imports.ImportFixtures.factory;
import static dev.outbound.csv.imports.ImportFixtures.invalid;
import static dev.outbound.csv.imports.ImportFixtures.job;
import static dev.outbound.csv.imports.ImportFixtures.key;
import static dev.outbound.csv.imports.ImportFixtures.priorityOf;
import static dev.outbound.csv.imports.ImportFixtures.storedDue;
import static dev.outbound.csv.imports.ImportFixtures.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.csv.read.SourceRow;
import dev.outbound.spi.directory.AgentDirectory;
import dev.outbound.spi.memory.InMemoryRecordStore;
import dev.outbound.spi.store.RecordQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job's life: status, progress, cancel, run once; preview; the builder's checks. */
class ImportJobTest {
    private final RecordFactory factory = factory();
    private final InMemoryRecordStore store = InMemoryRecordStore.create();

    /** Records what a listener is told, as "STATUS" or "progress:rows". */
    private static final class Recorder implements ImportListener {
        final List<String> events = new ArrayList<>();
        long cancelAtRows = -1;

        @Override
        public void statusChanged(ImportJob job, ImportStatus status) {
            events.add(status.name());
        }

        @Override
        public void progress(ImportJob job, ImportProgress progress) {
            events.add("progress:" + progress.rows());
            if (cancelAtRows >= 0 && progress.rows() >= cancelAtRows) {
                job.cancel();
            }
        }
    }

    private static List<SourceRow> validRows(int n) {
        List<SourceRow> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            rows.add(valid(i, "R" + i));
        }
        return rows;
    }

    @Test
    void newJob_beforeRun_pendingWithIdAndNoProgress() {
        ImportJob job = job(LeadImport.newBuilder(factory, store).build(), factory, validRows(1));

        assertThat(job.status()).isEqualTo(ImportStatus.PENDING);
        assertThat(UUID.fromString(job.id()).toString()).isEqualTo(job.id());
        assertThat(job.progress()).isEqualTo(new ImportProgress(0, 0, OptionalLong.empty()));
        assertThat(job.id()).isNotEqualTo(job(LeadImport.newBuilder(factory, store).build(), factory,
                validRows(1)).id());
    }

    @Test
    void listener_finishedRun_seesRunningProgressFinished() {
        Recorder recorder = new Recorder();
        LeadImport imports = LeadImport.newBuilder(factory, store).listener(recorder).batchSize(2).build();
        ImportJob job = job(imports, factory, validRows(3));

        ImportResult r = job.run();

        // First batch (2 rows) is always reported; the second within 100 ms is not; the end always is.
        assertThat(recorder.events.get(0)).isEqualTo("RUNNING");
        assertThat(recorder.events.get(1)).isEqualTo("progress:2");
        assertThat(recorder.events.subList(recorder.events.size() - 2, recorder.events.size()))
                .containsExactly("progress:3", "FINISHED");
        assertThat(r.status()).isEqualTo(ImportStatus.FINISHED);
        assertThat(job.status()).isEqualTo(ImportStatus.FINISHED);
        assertThat(job.progress().rows()).isEqualTo(3);
        assertThat(job.progress().percent()).isEqualTo(OptionalInt.of(100));
        assertThat(r.jobId()).isEqualTo(job.id());
    }

    @Test
    void cancel_fromListenerMidway_stopsBeforeNextRowFirstBatchWrittenAndCounted() {
        Recorder recorder = new Recorder();
        recorder.cancelAtRows = 0;
        LeadImport imports = LeadImport.newBuilder(factory, store).listener(recorder).batchSize(2).build();
        List<SourceRow> rows = new ArrayList<>(validRows(10));
        rows.set(1, invalid(2, "R2"));
        ImportJob job = job(imports, factory, rows);

        ImportResult r = job.run();

        // The first batch (rows 1 and 2) is written and reported; the cancel stops before row 3.
        assertThat(r.status()).isEqualTo(ImportStatus.CANCELLED);
        assertThat(r.counts()).isEqualTo(new ImportCounts(2, 1, 0, 0, 0, 1, 0, 0, 0));
        assertThat(priorityOf(store, "R1")).contains(1);
        assertThat(store.get(key("R3"))).isEmpty();
        assertThat(recorder.events).containsExactly("RUNNING", "progress:2", "progress:2", "CANCELLED");
        assertThat(job.cancel()).isFalse();
    }

    @Test
    void cancel_pendingJob_cancelledAtOnceAndRunReadsNothing() {
        Recorder recorder = new Recorder();
        LeadImport imports = LeadImport.newBuilder(factory, store).listener(recorder).build();
        ImportJob job = job(imports, factory, validRows(3));

        assertThat(job.cancel()).isTrue();
        assertThat(job.status()).isEqualTo(ImportStatus.CANCELLED);
        ImportResult r = job.run();

        assertThat(r.status()).isEqualTo(ImportStatus.CANCELLED);
        assertThat(r.counts()).isEqualTo(ImportCounts.ZERO);
        assertThat(store.count(RecordQuery.all())).isZero();
        assertThat(recorder.events).containsExactly("CANCELLED");
    }

    @Test
    void run_secondTime_illegalState() {
        ImportJob job = job(LeadImport.newBuilder(factory, store).build(), factory, validRows(1));
        job.run();

        assertThatThrownBy(job::run).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(job.id()).hasMessageContaining("already run");
    }

    @Test
    void run_mapperThrows_failedAndRethrown() {
        List<String> statuses = new ArrayList<>();
        LeadImport imports = LeadImport.newBuilder(factory, store).listener(new ImportListener() {
            @Override
            public void statusChanged(ImportJob job, ImportStatus status) {
                statuses.add(status.name());
            }
        }).build();
        ImportJob job = imports.newJob(Optional.empty(),
                () -> new ImportFixtures.ListSource(ImportFixtures.HEADER, validRows(1), -1),
                header -> new Mapper(row -> {
                    throw new ArithmeticException("bug");
                }, Optional.of("customer_reference_id"), Optional.empty(), List.of()));

        assertThatThrownBy(job::run).isInstanceOf(ArithmeticException.class);
        assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(statuses).containsExactly("RUNNING", "FAILED");
    }

    @Test
    void progress_percentFromBytesOfKnownSize() {
        assertThat(new ImportProgress(5, 250, OptionalLong.of(1_000)).percent()).isEqualTo(OptionalInt.of(25));
        assertThat(new ImportProgress(5, 250, OptionalLong.empty()).percent()).isEmpty();
        assertThat(new ImportProgress(0, 0, OptionalLong.of(0)).percent()).isEqualTo(OptionalInt.of(100));
        assertThatThrownBy(() -> new ImportProgress(-1, 0, OptionalLong.empty()))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void preview_writesNothingAndSaysWhatWouldHappen() {
        store.create(ImportFixtures.storedLater(factory, "A", 500));
        store.create(storedDue(factory, "B", 501));
        assertThat(claimDue(store)).isEqualTo(1);
        ImportFixtures.Spy spy = new ImportFixtures.Spy(store);
        LeadImport imports = LeadImport.newBuilder(factory, spy.store).onExisting(OnExisting.OVERWRITE)
                .replace(true).build();
        List<SourceRow> rows = List.of(valid(1, "A"), valid(2, "B"), valid(3, "N"), valid(4, "N"),
                invalid(5, "X"), valid(6, "M"), valid(7, "Z"));

        ImportResult r = imports.preview(Optional.empty(),
                () -> new ImportFixtures.ListSource(ImportFixtures.HEADER, rows, -1), ImportFixtures.mapperFor(factory),
                6);

        // A would be overwritten, B is in a call, N new, N again a duplicate, X invalid, M new; row 7 not read.
        assertThat(r.preview()).isTrue();
        assertThat(r.status()).isEqualTo(ImportStatus.FINISHED);
        assertThat(r.counts()).isEqualTo(new ImportCounts(6, 2, 1, 1, 1, 1, 1, 0, 0));
        assertThat(spy.count("upsert") + spy.count("create") + spy.count("delete")).isZero();
        assertThat(store.count(RecordQuery.all())).isEqualTo(2);
        assertThat(priorityOf(store, "A")).contains(500);
    }

    @Test
    void preview_dedupeOff_laterRowSeenAsExisting() {
        LeadImport imports = LeadImport.newBuilder(factory, store).dedupe(false).build();

        ImportResult r = imports.preview(Optional.empty(),
                () -> new ImportFixtures.ListSource(ImportFixtures.HEADER, List.of(valid(1, "A"), valid(2, "A")), -1),
                ImportFixtures.mapperFor(factory), 10);

        assertThat(r.counts()).isEqualTo(new ImportCounts(2, 1, 0, 1, 0, 0, 0, 0, 0));
        assertThat(store.count(RecordQuery.all())).isZero();
    }

    @Test
    void preview_zeroRows_refused() {
        LeadImport imports = LeadImport.newBuilder(factory, store).build();

        assertThatThrownBy(() -> imports.preview(java.nio.file.Path.of("x.csv"), 0))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("preview rows");
    }

    @Test
    void builder_optionSetTwice_failsAtBuildNamingIt() {
        LeadImport.Builder b = LeadImport.newBuilder(factory, store).batchSize(10).dedupe(false).batchSize(20);

        assertThatThrownBy(b::build).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("set twice: [batchSize]");
    }

    @Test
    void builder_mappingAndMappingOptions_failsAtBuildNamingBoth() {
        LeadImport.Builder b = LeadImport.newBuilder(factory, store)
                .mapping(dev.outbound.csv.mapping.ColumnMapping.newBuilder(ImportFixtures.HEADER).build())
                .mappingOptions(dev.outbound.csv.mapping.MappingOptions.defaults(
                        List.copyOf(factory.phoneFields())));

        assertThatThrownBy(b::build).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("mapping").hasMessageContaining("mappingOptions");
    }

    @Test
    void builder_batchSizeOutOfRange_failsAtBuild() {
        assertThatThrownBy(() -> LeadImport.newBuilder(factory, store).batchSize(0).build())
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> LeadImport.newBuilder(factory, store).batchSize(100_001).build())
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("100000");
    }

    @Test
    void counts_notAddingUp_refused() {
        assertThatThrownBy(() -> new ImportCounts(3, 1, 1, 0, 0, 0, 0, 0, 0))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("total = imported");
        assertThatThrownBy(() -> new ImportCounts(1, 0, 0, 0, 0, 1, 1, 0, 0))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("warnings");
    }

    @Test
    void run_directoryThrowingUncheckedIo_failsNamingTheCause_notTheResultFiles(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("leads.csv");
        Files.writeString(file, "customer_reference_id,mobile,agent\nC-1,5305550001,ann@example.com\n");
        AgentDirectory down = email -> {
            throw new UncheckedIOException(new IOException("directory down"));
        };

        ImportResult r = LeadImport.newBuilder(factory, store).agentDirectory(down).resultDirectory(dir.resolve("r"))
                .build().newJob(file).run();

        assertThat(r.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(r.failure()).contains("the import stopped: IOException: directory down");
        assertThat(Files.readString(dir.resolve("r").resolve("summary.json"))).contains("directory down");
    }

    @Test
    void run_headerWithAnUnterminatedQuote_failsAndImportsNothing(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("leads.csv");
        Files.writeString(file, "customer_reference_id,\"mobile\nC-1,5305550001\nC-2,5305550002\n");

        ImportResult r = LeadImport.newBuilder(factory, store).build().newJob(file).run();

        assertThat(r.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(r.failure()).hasValueSatisfying(m -> assertThat(m)
                .contains("the header row (line 1) is not valid CSV").contains("nothing was imported"));
        assertThat(store.count(RecordQuery.all())).isZero();
    }

    @Test
    void run_cellTooLongToRead_failsSayingWhereReadingStopped_rowsBeforeCounted(@TempDir Path dir) throws IOException {
        // FastCSV cannot hold a cell of over 4 Mi characters: a quote left open early does that.
        Path file = dir.resolve("leads.csv");
        Files.writeString(file, "customer_reference_id,mobile,note\nC-1,5305550001,ok\nC-2,5305550002,\""
                + "x".repeat(5 * 1024 * 1024) + "\"\nC-3,5305550003,never read\n");

        ImportResult r = LeadImport.newBuilder(factory, store).replace(true).build().newJob(file).run();

        assertThat(r.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(r.failure()).hasValueSatisfying(m -> assertThat(m)
                .startsWith("the file was not read past line 3").contains("the rest of the file was not imported"));
        assertThat(r.counts().imported()).isEqualTo(1);
        assertThat(r.counts().invalid()).isEqualTo(1);
        assertThat(r.counts().total()).isEqualTo(2);
        assertThat(store.count(RecordQuery.all())).isEqualTo(1);
    }
}
