package dev.outbound.csv.imports;

import static dev.outbound.csv.imports.ImportFixtures.factory;
import static dev.outbound.csv.imports.ImportFixtures.invalid;
import static dev.outbound.csv.imports.ImportFixtures.job;
import static dev.outbound.csv.imports.ImportFixtures.key;
import static dev.outbound.csv.imports.ImportFixtures.priorityOf;
import static dev.outbound.csv.imports.ImportFixtures.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.csv.mapping.RowOutcome;
import dev.outbound.csv.read.SourceRow;
import dev.outbound.spi.memory.InMemoryRecordStore;
import dev.outbound.spi.store.RecordQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link LeadImport.Builder#threads}: where mapping runs, that the workers never outlive a run
 * however it ends, and that failures and cancellation look as they do on one thread.
 */
class ParallelImportTest {
    private final RecordFactory factory = factory();
    private final InMemoryRecordStore store = InMemoryRecordStore.create();

    private static List<SourceRow> validRows(int n) {
        List<SourceRow> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            rows.add(valid(i, "R" + i));
        }
        return rows;
    }

    /** The live threads named for the job's workers. */
    private static List<String> workersAlive(ImportJob job) {
        List<String> alive = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith("outbound-import-" + job.id() + "-")) {
                alive.add(t.getName());
            }
        }
        return alive;
    }

    private ImportJob jobMapping(LeadImport imports, List<SourceRow> rows, Function<SourceRow, RowOutcome> map) {
        return imports.newJob(Optional.empty(), () -> new ImportFixtures.ListSource(ImportFixtures.HEADER, rows, -1),
                header -> new Mapper(map, Optional.of("customer_reference_id"), Optional.of("agent"), List.of()));
    }

    @Test
    void builder_threadsOutOfRange_failsAtBuildNamingIt() {
        for (int n : new int[] {0, -1, 65}) {
            assertThatThrownBy(() -> LeadImport.newBuilder(factory, store).threads(n).build())
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("threads")
                    .hasMessageContaining(String.valueOf(n));
        }
        assertThat(LeadImport.newBuilder(factory, store).threads(64).build()).isNotNull();
    }

    @Test
    void builder_threadsSetTwice_failsAtBuildNamingIt() {
        assertThatThrownBy(() -> LeadImport.newBuilder(factory, store).threads(2).threads(2).build())
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("threads");
    }

    @Test
    void threads4_mapsOnDaemonWorkersNamedForTheJob_noneOutlivesTheRun() {
        Set<String> mappedOn = ConcurrentHashMap.newKeySet();
        Set<Boolean> daemon = ConcurrentHashMap.newKeySet();
        ImportJob job = jobMapping(LeadImport.newBuilder(factory, store).threads(4).batchSize(10).build(), validRows(50),
                row -> {
                    mappedOn.add(Thread.currentThread().getName());
                    daemon.add(Thread.currentThread().isDaemon());
                    return ImportFixtures.map(factory, row);
                });

        ImportResult r = job.run();

        assertThat(r.status()).isEqualTo(ImportStatus.FINISHED);
        assertThat(r.counts().imported()).isEqualTo(50);
        // Ten rows split four ways: every worker gets a slice of each batch.
        assertThat(mappedOn).hasSize(4).allMatch(n -> n.matches("outbound-import-" + job.id() + "-[1-4]"));
        assertThat(daemon).containsExactly(true);
        assertThat(workersAlive(job)).isEmpty();
    }

    @Test
    void threads1_mapsOnTheCallersThreadWithoutWorkers() {
        Set<String> mappedOn = ConcurrentHashMap.newKeySet();
        ImportJob job = jobMapping(LeadImport.newBuilder(factory, store).batchSize(3).build(), validRows(7), row -> {
            mappedOn.add(Thread.currentThread().getName());
            return ImportFixtures.map(factory, row);
        });

        job.run();

        assertThat(mappedOn).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void threads4_mapperThrows_failedAndFirstFailingRowsExceptionRethrownEarlierBatchesWritten() {
        List<String> statuses = new ArrayList<>();
        LeadImport imports = LeadImport.newBuilder(factory, store).threads(4).batchSize(4)
                .listener(new ImportListener() {
                    @Override
                    public void statusChanged(ImportJob job, ImportStatus status) {
                        statuses.add(status.name());
                    }
                }).build();
        // The second batch is rows 5 to 8, one per worker; rows 6 and 8 throw, row 6 first.
        ImportJob job = jobMapping(imports, validRows(10), row -> {
            if (row.row() == 6 || row.row() == 8) {
                throw new ArithmeticException("bug at row " + row.row());
            }
            return ImportFixtures.map(factory, row);
        });

        assertThatThrownBy(job::run).isInstanceOf(ArithmeticException.class).hasMessage("bug at row 6");
        assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(statuses).containsExactly("RUNNING", "FAILED");
        // As on one thread: the first batch was written, the failing row's batch was not.
        for (int i = 1; i <= 4; i++) {
            assertThat(priorityOf(store, "R" + i)).contains(i);
        }
        assertThat(store.count(RecordQuery.all())).isEqualTo(4);
        assertThat(workersAlive(job)).isEmpty();
    }

    @Test
    void threads3_mapperThrowsError_rethrownUnwrapped() {
        ImportJob job = jobMapping(LeadImport.newBuilder(factory, store).threads(3).build(), validRows(5), row -> {
            throw new StackOverflowError("deep");
        });

        assertThatThrownBy(job::run).isInstanceOf(StackOverflowError.class).hasMessage("deep");
        assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(workersAlive(job)).isEmpty();
    }

    @Test
    void threads4_cancelFromListenerMidway_stopsBeforeNextRowLikeOneThread() {
        LeadImport imports = LeadImport.newBuilder(factory, store).threads(4).batchSize(2)
                .listener(new ImportListener() {
                    @Override
                    public void progress(ImportJob job, ImportProgress progress) {
                        job.cancel();
                    }
                }).build();
        List<SourceRow> rows = new ArrayList<>(validRows(10));
        rows.set(1, invalid(2, "R2"));
        ImportJob job = job(imports, factory, rows);

        ImportResult r = job.run();

        // The first batch (rows 1 and 2) is written and reported; the cancel stops before row 3.
        assertThat(r.status()).isEqualTo(ImportStatus.CANCELLED);
        assertThat(r.counts()).isEqualTo(new ImportCounts(2, 1, 0, 0, 0, 1, 0, 0, 0));
        assertThat(store.get(key("R3"))).isEmpty();
        assertThat(job.progress().rows()).isEqualTo(2);
        assertThat(workersAlive(job)).isEmpty();
    }

    @Test
    void threads2_storeRefusesBatch_failedAndNoWorkerOutlivesTheRun() {
        ImportFixtures.Spy spy = new ImportFixtures.Spy(store);
        spy.failUpsert = 2;
        ImportJob job = job(LeadImport.newBuilder(factory, spy.store).threads(2).batchSize(2).build(), factory,
                validRows(5));

        ImportResult r = job.run();

        assertThat(r.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(r.counts()).isEqualTo(new ImportCounts(2, 2, 0, 0, 0, 0, 0, 0, 0));
        assertThat(r.failure().get()).contains("rows 3 to 4").contains("connection to the database lost");
        assertThat(workersAlive(job)).isEmpty();
    }

    @Test
    void threads3_readFailsMidway_rowsReadAccountedLikeOneThread() {
        ImportFixtures.ListSource source = new ImportFixtures.ListSource(ImportFixtures.HEADER,
                List.of(valid(1, "A"), invalid(2, "B"), valid(3, "C"), valid(4, "D")), 4);
        ImportJob job = LeadImport.newBuilder(factory, store).threads(3).batchSize(2).build()
                .newJob(Optional.empty(), () -> source, ImportFixtures.mapperFor(factory));

        ImportResult r = job.run();

        assertThat(r.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(r.failure().get()).contains("after row 3").contains("disk read error");
        assertThat(r.counts()).isEqualTo(new ImportCounts(3, 2, 0, 0, 0, 1, 0, 0, 0));
        assertThat(store.get(key("C"))).isPresent();
        assertThat(source.closed).isTrue();
        assertThat(workersAlive(job)).isEmpty();
    }
}
