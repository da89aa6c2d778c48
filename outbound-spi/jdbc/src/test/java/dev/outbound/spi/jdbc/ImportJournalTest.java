package dev.outbound.spi.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.csv.imports.ImportJournal;
import dev.outbound.csv.imports.ImportResult;
import dev.outbound.csv.imports.ImportStatus;
import dev.outbound.csv.imports.LeadImport;
import dev.outbound.csv.imports.OnExisting;
import dev.outbound.spi.store.Claim;
import dev.outbound.spi.store.ClaimRequest;
import dev.outbound.spi.store.RecordKey;
import dev.outbound.spi.store.RecordQuery;
import dev.outbound.spi.store.UpsertMode;
import dev.outbound.spi.store.UpsertResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV import that dies half way, on a real PostgreSQL: resumed after the last batch written,
 * or rolled back, never writing a row twice; the job row says where it stopped.
 */
class ImportJournalTest {
    private static final CampaignId CAMPAIGN = CampaignId.of("renewals");
    private static final Instant T = Instant.parse("2026-03-02T15:00:00Z");
    private static final int ROWS = 25;
    private static final int BATCH = 10;

    private final RecordFactory factory = RecordFactory.newBuilder(CAMPAIGN).clock(Clock.fixed(T, ZoneOffset.UTC))
            .build();
    private final PostgresRecordStore store = TestDatabase.freshStore();
    private final PostgresImportJournal journal = PostgresImportJournal.of(store);

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        store.close();
    }

    /** Writes rows 1 to 25: r01 ... r25, each its own number. */
    private Path file() throws IOException {
        StringBuilder b = new StringBuilder("customer_reference_id,mobile\n");
        for (int i = 1; i <= ROWS; i++) {
            b.append(String.format("r%02d,530555%04d%n", i, i));
        }
        return Files.writeString(dir.resolve("leads.csv"), b.toString());
    }

    /** The journal, but the process "dies" when it is asked to write its {@code n}th batch. */
    private ImportJournal dyingAtBatch(int n) {
        return new ImportJournal() {
            private int batches;

            @Override
            public long begin(String jobId, String source) {
                return journal.begin(jobId, source);
            }

            @Override
            public UpsertResult write(String jobId, List<Record> batch, UpsertMode mode, Instant at, long rowsThrough) {
                if (++batches == n) {
                    throw new IllegalStateException("the node died");
                }
                return journal.write(jobId, batch, mode, at, rowsThrough);
            }

            @Override
            public void end(String jobId, ImportStatus status) {
                journal.end(jobId, status);
            }
        };
    }

    private LeadImport imports(ImportJournal j, OnExisting onExisting) {
        return LeadImport.newBuilder(factory, store).journal(j).batchSize(BATCH).onExisting(onExisting).build();
    }

    private List<String> storedRefs() {
        try (Stream<Record> s = store.stream(RecordQuery.campaign(CAMPAIGN))) {
            return s.map(r -> r.ref().value()).collect(Collectors.toList());
        }
    }

    @Test
    void importDiesAtTheSecondBatch_jobRowShowsTheFirst_resumeWritesTheRestOnce() throws IOException {
        Path file = file();

        ImportResult first = imports(dyingAtBatch(2), OnExisting.SKIP).newJob(file, "job-1").run();

        assertThat(first.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(journal.job("job-1")).hasValueSatisfying(j -> {
            assertThat(j.rowsDone()).isEqualTo(10);
            assertThat(j.batches()).isEqualTo(1);
            assertThat(j.state()).isEqualTo("FAILED");
        });
        assertThat(storedRefs()).hasSize(10).startsWith("r01").endsWith("r10");

        ImportResult resumed = imports(journal, OnExisting.SKIP).newJob(file, "job-1").run();

        assertThat(resumed.status()).isEqualTo(ImportStatus.FINISHED);
        // Rows 11 to 25 only: the first ten were written by the first run and are not read as new.
        assertThat(resumed.counts().total()).isEqualTo(15);
        assertThat(resumed.counts().imported()).isEqualTo(15);
        assertThat(resumed.counts().unchanged()).isZero();
        assertThat(storedRefs()).hasSize(ROWS).doesNotHaveDuplicates();
        assertThat(journal.job("job-1")).hasValueSatisfying(j -> {
            assertThat(j.rowsDone()).isEqualTo(25);
            assertThat(j.batches()).isEqualTo(3);
            assertThat(j.state()).isEqualTo("FINISHED");
        });
    }

    @Test
    void finishedJob_cannotRunAgainUnderItsId() throws IOException {
        Path file = file();
        assertThat(imports(journal, OnExisting.SKIP).newJob(file, "job-2").run().status())
                .isEqualTo(ImportStatus.FINISHED);

        assertThatThrownBy(() -> imports(journal, OnExisting.SKIP).newJob(file, "job-2").run())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("FINISHED");
        assertThat(storedRefs()).hasSize(ROWS);
    }

    @Test
    void importDiesHalfWay_rollBack_deletesWhatItCreated_restoresWhatItReplaced_leavesWhatChangedSince()
            throws IOException {
        // r01 to r03 exist before the import, with priority 7; the import overwrites them.
        List<Record> before = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            before.add(factory.newRecord(String.format("r%02d", i)).phone(dev.outbound.core.phone.PhoneField.MOBILE,
                    "+1415555000" + i).priority(7).build());
        }
        store.upsert(before, UpsertMode.OVERWRITE, T);

        ImportResult run = imports(dyingAtBatch(2), OnExisting.OVERWRITE).newJob(file(), "job-3").run();
        assertThat(run.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(storedRefs()).hasSize(10);
        assertThat(store.get(RecordKey.of(CAMPAIGN, before.get(0).ref())).orElseThrow().priority()).isZero();
        // A dialer calls r10 after the import wrote it (and lets the others go): the rollback must leave r10.
        RecordKey r10 = null;
        for (Claim c : store.claim(ClaimRequest.of(CAMPAIGN, "node-1", T).withMax(10))) {
            if (c.record().ref().value().equals("r10")) {
                store.complete(c.lease(), c.record().withPriority(3), java.util.Optional.empty(), T);
                r10 = c.lease().key();
            } else {
                store.release(c.lease(), T);
            }
        }

        PostgresImportJournal.Rollback undo = journal.rollBack("job-3", T);

        // Rows 1-10: r01-r03 restored, r04-r09 deleted, r10 left (the dialer wrote it since).
        assertThat(undo.restored()).isEqualTo(3);
        assertThat(undo.deleted()).isEqualTo(6);
        assertThat(undo.left()).containsExactly(r10);
        List<Record> after = new ArrayList<>();
        try (Stream<Record> s = store.stream(RecordQuery.campaign(CAMPAIGN))) {
            s.forEach(after::add);
        }
        assertThat(after).hasSize(4);
        assertThat(after.subList(0, 3)).containsExactlyElementsOf(before);
        assertThat(after.get(3).ref().value()).isEqualTo("r10");
        assertThat(after.get(3).priority()).isEqualTo(3);
        assertThat(journal.job("job-3")).hasValueSatisfying(j -> assertThat(j.state()).isEqualTo("ROLLED_BACK"));
        assertThatThrownBy(() -> journal.rollBack("job-3", T)).isInstanceOf(IllegalStateException.class);
    }
}
