package dev.outbound.csv.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.ReasonCode;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.core.record.RecordStatus;
import dev.outbound.csv.export.LeadExport;
import dev.outbound.csv.imports.LeadImport;
import dev.outbound.spi.memory.InMemoryRecordStore;
import dev.outbound.spi.store.RecordQuery;
import dev.outbound.spi.store.UpsertMode;
import dev.outbound.spi.time.VirtualTime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seed 003's scheduled import, export and delete, and their process list. */
class ListProcessesTest {
    static final CampaignId CAMPAIGN = CampaignId.of("renewals");
    static final Instant T = Instant.parse("2026-03-02T15:00:00Z");

    private final VirtualTime time = VirtualTime.startingAt(T);
    private final RecordFactory factory = RecordFactory.newBuilder(CAMPAIGN).clock(Clock.fixed(T, ZoneOffset.UTC))
            .build();
    private final InMemoryRecordStore store = InMemoryRecordStore.create();
    private final List<ProcessSnapshot> seen = new ArrayList<>();

    @TempDir
    Path tmp;

    private ListProcesses processes(int batchSize) {
        return ListProcesses.newBuilder(CAMPAIGN, time).batchSize(batchSize).listener(seen::add).build();
    }

    private Record record(String ref, int n) {
        return factory.newRecord(ref).phone(PhoneField.MOBILE, String.format("530555%04d", n)).build();
    }

    private void put(Record... records) {
        store.upsert(List.of(records), UpsertMode.OVERWRITE, T);
    }

    private void putNumbered(int n) {
        for (int i = 1; i <= n; i++) {
            put(record("R" + i, i));
        }
    }

    private Set<String> refs() {
        try (Stream<Record> all = store.stream(RecordQuery.all())) {
            return all.map(r -> r.ref().value()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private Path write(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void scheduledImport_staysPendingUntilItsTime_thenRunsWithTimesFromTheClock() throws IOException {
        Path file = write("leads.csv", "customer_reference_id,mobile\nA1,5305550111\nA2,5305550112\n");
        ListProcesses list = processes(10);
        ProcessSnapshot p = list.scheduleImport(T.plus(Duration.ofHours(1)), "weekly list",
                LeadImport.newBuilder(factory, store).build(), file);

        time.advanceTo(T.plus(Duration.ofMinutes(59)));
        assertThat(list.get(p.id()).orElseThrow().status()).isEqualTo(ProcessStatus.PENDING);
        assertThat(store.count(RecordQuery.all())).isZero();

        time.advanceTo(T.plus(Duration.ofHours(1)));
        ProcessSnapshot done = list.get(p.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(ProcessStatus.FINISHED);
        assertThat(done.percent()).isEqualTo(100);
        assertThat(done.started()).contains(T.plus(Duration.ofHours(1)));
        assertThat(done.ended()).contains(T.plus(Duration.ofHours(1)));
        assertThat(done.comment()).isEqualTo("weekly list");
        assertThat(done.file()).contains(file.toString());
        assertThat(done.counts()).containsEntry("imported", 2L).containsEntry("skipped_rows", 0L);
        assertThat(refs()).containsExactly("A1", "A2");
    }

    @Test
    void scheduledImport_withSkipRows_countsTheSkippedRowsInTheDetails() throws IOException {
        Path file = write("top.csv", "customer_reference_id,mobile\nA1,5305550111\nA2,5305550112\n");
        ListProcesses list = processes(10);
        ProcessSnapshot p = list.scheduleImport(T, "", LeadImport.newBuilder(factory, store).skipRows(1).build(),
                file);

        time.advanceBy(Duration.ZERO);

        assertThat(list.get(p.id()).orElseThrow().counts()).containsEntry("skipped_rows", 1L)
                .containsEntry("imported", 1L);
        assertThat(refs()).containsExactly("A2");
    }

    @Test
    void cancel_whilePending_neverRunsAndEndsWithoutStart() {
        putNumbered(2);
        ListProcesses list = processes(10);
        ProcessSnapshot p = list.scheduleDelete(T.plus(Duration.ofHours(1)), "", store, RecordQuery.all());
        time.advanceTo(T.plus(Duration.ofMinutes(10)));

        assertThat(list.cancel(p.id())).isTrue();
        time.advanceTo(T.plus(Duration.ofHours(2)));

        ProcessSnapshot s = list.get(p.id()).orElseThrow();
        assertThat(s.status()).isEqualTo(ProcessStatus.CANCELLED);
        assertThat(s.started()).isEmpty();
        assertThat(s.ended()).contains(T.plus(Duration.ofMinutes(10)));
        assertThat(refs()).containsExactly("R1", "R2");
        assertThat(list.cancel(p.id())).isFalse();
    }

    @Test
    void cancel_whileRunningExport_stopsBetweenBatchesAndSaysWhatWasWritten() throws IOException {
        putNumbered(5);
        Path out = tmp.resolve("out/export.csv");
        List<ListProcesses> holder = new ArrayList<>();
        ListProcesses list = ListProcesses.newBuilder(CAMPAIGN, time).batchSize(2).listener(s -> {
            if (s.status() == ProcessStatus.RUNNING && s.percent() > 0) {
                holder.get(0).cancel(s.id());
            }
        }).build();
        holder.add(list);
        LeadExport export = LeadExport.newBuilder().phoneFields(List.of(PhoneField.MOBILE))
                .columns(List.of("customer_reference_id")).build();
        ProcessSnapshot p = list.scheduleExport(T, "", store, RecordQuery.all(), export, out);

        time.advanceBy(Duration.ZERO);

        ProcessSnapshot s = list.get(p.id()).orElseThrow();
        assertThat(s.status()).isEqualTo(ProcessStatus.CANCELLED);
        assertThat(s.percent()).isEqualTo(40);
        assertThat(s.counts()).isEqualTo(Map.of("written", 2L, "total", 5L));
        assertThat(s.message()).hasValueSatisfying(m -> assertThat(m).contains("2 of 5"));
        assertThat(Files.readAllLines(out)).containsExactly("customer_reference_id", "R1", "R2");
    }

    @Test
    void cancel_whileRunningDelete_stopsBetweenBatchesAndKeepsTheRest() {
        putNumbered(3);
        List<ListProcesses> holder = new ArrayList<>();
        ListProcesses list = ListProcesses.newBuilder(CAMPAIGN, time).batchSize(1).listener(s -> {
            if (s.status() == ProcessStatus.RUNNING && s.percent() > 0) {
                holder.get(0).cancel(s.id());
            }
        }).build();
        holder.add(list);
        ProcessSnapshot p = list.scheduleDelete(T, "clean up", store, RecordQuery.all());

        time.advanceBy(Duration.ZERO);

        ProcessSnapshot s = list.get(p.id()).orElseThrow();
        assertThat(s.status()).isEqualTo(ProcessStatus.CANCELLED);
        assertThat(s.counts()).containsEntry("deleted", 1L);
        assertThat(s.message()).hasValueSatisfying(m -> assertThat(m).contains("deleting 1 of 3"));
        assertThat(refs()).containsExactly("R2", "R3");
    }

    @Test
    void cancel_whileRunningImport_stopsTheJobAndCountsWhatWasRead() throws IOException {
        StringBuilder text = new StringBuilder("customer_reference_id,mobile\n");
        for (int i = 1; i <= 6; i++) {
            text.append("A").append(i).append(",530555010").append(i).append('\n');
        }
        Path file = write("many.csv", text.toString());
        List<ListProcesses> holder = new ArrayList<>();
        ListProcesses list = ListProcesses.newBuilder(CAMPAIGN, time).listener(s -> {
            if (s.status() == ProcessStatus.RUNNING && s.counts().containsKey("rows_read")) {
                holder.get(0).cancel(s.id());
            }
        }).build();
        holder.add(list);
        ProcessSnapshot p = list.scheduleImport(T, "", LeadImport.newBuilder(factory, store).batchSize(1).build(),
                file);

        time.advanceBy(Duration.ZERO);

        ProcessSnapshot s = list.get(p.id()).orElseThrow();
        assertThat(s.status()).isEqualTo(ProcessStatus.CANCELLED);
        assertThat(s.counts().get("imported")).isBetween(1L, 5L);
        assertThat((long) refs().size()).isEqualTo(s.counts().get("imported"));
        assertThat(s.message()).isPresent();
    }

    @Test
    void get_storeFailsToSaveTheEnd_theListStillShowsTheProcessEnded() {
        putNumbered(2);
        ProcessStore memory = ProcessStore.inMemory();
        ProcessStore failingAtTheEnd = new ProcessStore() {
            @Override
            public void save(ProcessSnapshot snapshot) {
                if (snapshot.status().isTerminal()) {
                    throw new IllegalStateException("disk full");
                }
                memory.save(snapshot);
            }

            @Override
            public Optional<ProcessSnapshot> get(String id) {
                return memory.get(id);
            }

            @Override
            public List<ProcessSnapshot> list() {
                return memory.list();
            }

            @Override
            public void requestCancel(String id) {
                memory.requestCancel(id);
            }

            @Override
            public boolean cancelRequested(String id) {
                return memory.cancelRequested(id);
            }
        };
        ListProcesses list = ListProcesses.newBuilder(CAMPAIGN, time).store(failingAtTheEnd).build();
        ProcessSnapshot p = list.scheduleDelete(T, "", store, RecordQuery.all());

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> time.advanceBy(Duration.ZERO));

        assertThat(refs()).isEmpty();
        assertThat(memory.get(p.id()).orElseThrow().status()).isEqualTo(ProcessStatus.RUNNING);
        assertThat(list.get(p.id()).orElseThrow().status()).isEqualTo(ProcessStatus.FINISHED);
        assertThat(thrown == null || thrown.getMessage().contains("disk full")).isTrue();
    }

    @Test
    void progress_deleteInBatches_percentMonotoneAnd100AtFinish() {
        putNumbered(4);
        ListProcesses list = processes(1);
        list.scheduleDelete(T, "", store, RecordQuery.all());

        time.advanceBy(Duration.ZERO);

        List<String> steps = seen.stream().map(s -> s.status() + ":" + s.percent()).collect(Collectors.toList());
        assertThat(steps).containsExactly("PENDING:0", "RUNNING:0", "RUNNING:25", "RUNNING:50", "RUNNING:75",
                "RUNNING:100", "FINISHED:100");
        assertThat(refs()).isEmpty();
    }

    @Test
    void delete_byRecordStatus_deletesOnlyThatStatus() {
        put(record("A", 1), record("B", 2).withStatus(RecordStatus.INACTIVE),
                record("C", 3).withStatus(RecordStatus.POSTPONED));
        ListProcesses list = processes(10);
        ProcessSnapshot p = list.scheduleDelete(T, "", store, RecordQuery.newBuilder()
                .status(RecordStatus.INACTIVE).status(RecordStatus.POSTPONED).build());

        time.advanceBy(Duration.ZERO);

        assertThat(refs()).containsExactly("A");
        assertThat(list.get(p.id()).orElseThrow().counts()).containsEntry("matched", 2L).containsEntry("deleted", 2L);
    }

    @Test
    void delete_byMajorReasonCode_deletesOnlyThatReason() {
        put(record("A", 1).withReasonCode(Optional.of(ReasonCode.of("Call Disconnected", "Abandoned in queue"))),
                record("B", 2).withReasonCode(Optional.of(ReasonCode.of("Routing failed", "Queue size limit"))),
                record("C", 3));
        ListProcesses list = processes(10);
        list.scheduleDelete(T, "", store, RecordQuery.newBuilder().reasonMajor("Routing failed").build());

        time.advanceBy(Duration.ZERO);

        assertThat(refs()).containsExactly("A", "C");
    }

    @Test
    void delete_byMinorReasonCode_deletesOnlyThatReason() {
        put(record("A", 1).withReasonCode(Optional.of(ReasonCode.of("Call Disconnected", "Abandoned in queue"))),
                record("B", 2).withReasonCode(Optional.of(ReasonCode.of("Call Disconnected", "Callback in queue"))));
        ListProcesses list = processes(10);
        list.scheduleDelete(T, "", store, RecordQuery.newBuilder().reasonMinor("Abandoned in queue").build());

        time.advanceBy(Duration.ZERO);

        assertThat(refs()).containsExactly("B");
    }

    @Test
    void delete_byRecordContent_deletesOnlyRecordsWithThatFieldValue() {
        put(factory.newRecord("A").phone(PhoneField.MOBILE, "5305550101").field("state", "CA").build(),
                factory.newRecord("B").phone(PhoneField.MOBILE, "5305550102").field("state", "NY").build());
        ListProcesses list = processes(10);
        list.scheduleDelete(T, "", store, RecordQuery.newBuilder().field("state", "CA").build());

        time.advanceBy(Duration.ZERO);

        assertThat(refs()).containsExactly("B");
    }

    @Test
    void delete_onlyTheListsCampaign_otherCampaignUntouchedAndOtherCampaignQueryRefused() {
        RecordFactory other = RecordFactory.newBuilder(CampaignId.of("winback")).clock(Clock.fixed(T, ZoneOffset.UTC))
                .build();
        put(record("A", 1), other.newRecord("W").phone(PhoneField.MOBILE, "5305550109").build());
        ListProcesses list = processes(10);
        list.scheduleDelete(T, "", store, RecordQuery.all());

        time.advanceBy(Duration.ZERO);

        assertThat(refs()).containsExactly("W");
        assertThatThrownBy(() -> list.scheduleDelete(T, "", store, RecordQuery.campaign(CampaignId.of("winback"))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("campaign");
    }

    @Test
    void failedImport_missingFile_failsWithMessageAndTimes() {
        ListProcesses list = processes(10);
        ProcessSnapshot p = list.scheduleImport(T.plus(Duration.ofMinutes(5)), "",
                LeadImport.newBuilder(factory, store).build(), tmp.resolve("nope.csv"));

        time.advanceTo(T.plus(Duration.ofMinutes(5)));

        ProcessSnapshot s = list.get(p.id()).orElseThrow();
        assertThat(s.status()).isEqualTo(ProcessStatus.FAILED);
        assertThat(s.message()).hasValueSatisfying(m -> assertThat(m).contains("nope.csv"));
        assertThat(s.started()).contains(T.plus(Duration.ofMinutes(5)));
        assertThat(s.ended()).contains(T.plus(Duration.ofMinutes(5)));
    }

    @Test
    void cancel_fromAnotherListOnTheSameStore_pendingProcessNeverRuns() {
        putNumbered(1);
        ProcessStore shared = ProcessStore.inMemory();
        ListProcesses runner = ListProcesses.newBuilder(CAMPAIGN, time).store(shared).build();
        ListProcesses other = ListProcesses.newBuilder(CAMPAIGN, time).store(shared).build();
        ProcessSnapshot p = runner.scheduleDelete(T.plus(Duration.ofMinutes(1)), "", store, RecordQuery.all());

        assertThat(other.cancel(p.id())).isTrue();
        time.advanceTo(T.plus(Duration.ofMinutes(2)));

        assertThat(runner.get(p.id()).orElseThrow().status()).isEqualTo(ProcessStatus.CANCELLED);
        assertThat(refs()).containsExactly("R1");
    }

    @Test
    void schedule_idInUse_refused() {
        ListProcesses list = processes(10);
        list.scheduleDelete("job-1", T.plus(Duration.ofHours(1)), "", store, RecordQuery.all());

        assertThatThrownBy(() -> list.scheduleDelete("job-1", T.plus(Duration.ofHours(2)), "", store,
                RecordQuery.all())).isInstanceOf(InvalidValueException.class).hasMessageContaining("job-1");
    }

    @Test
    void cancel_unknownId_refusedNamingIt() {
        assertThatThrownBy(() -> processes(10).cancel("nope")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void list_byScheduledInstant() {
        ListProcesses list = processes(10);
        list.scheduleDelete("late", T.plus(Duration.ofHours(2)), "", store, RecordQuery.all());
        list.scheduleDelete("early", T.plus(Duration.ofHours(1)), "", store, RecordQuery.all());

        assertThat(list.list()).extracting(ProcessSnapshot::id).containsExactly("early", "late");
    }

    @Test
    void builder_batchSizeZero_refused() {
        assertThatThrownBy(() -> ListProcesses.newBuilder(CAMPAIGN, time).batchSize(0).build())
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("batchSize");
    }
}
