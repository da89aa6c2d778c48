package dev.outbound.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.csv.process.ListProcesses;
import dev.outbound.csv.process.ProcessSnapshot;
import dev.outbound.csv.process.ProcessStatus;
import dev.outbound.spi.memory.InMemoryRecordStore;
import dev.outbound.spi.store.RecordQuery;
import dev.outbound.spi.store.UpsertMode;
import dev.outbound.spi.time.VirtualTime;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobsCommandTest {
    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return OutboundCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Path leads() throws IOException {
        Path file = dir.resolve("leads.csv");
        Files.write(file, List.of("customer_reference_id,mobile", "A1,5305550111", "A2,5305550112",
                "A3,5305550113"), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void scheduleImportWithSkipRows_runDue_finishedAndListedWithCounts() throws IOException {
        Path jobs = dir.resolve("jobs");
        Path report = dir.resolve("report");

        int scheduled = run("jobs", "schedule", "--dir", jobs.toString(), "--at", "2020-01-01T00:00:00Z",
                "--comment", "weekly list", "--id", "j1", "import", leads().toString(), "--report", report.toString(),
                "--skip-rows", "1");
        assertThat(scheduled).as(err.toString()).isZero();
        assertThat(out.toString()).contains("scheduled import job j1 for 2020-01-01T00:00:00Z");

        int ran = run("jobs", "run", "--dir", jobs.toString(), "--due-only");
        assertThat(ran).as(err.toString()).isZero();
        assertThat(out.toString()).contains("job j1 (import): finished, 100%", "skipped_rows=1", "imported=2");

        run("jobs", "list", "--dir", jobs.toString());
        assertThat(out.toString()).contains("j1", "import", "finished", "100", "\"weekly list\"", "leads.csv");
        assertThat(Files.readString(report.resolve("summary.json"))).contains("\"skipped_rows\": 1");
    }

    @Test
    void cancelPending_thenRunDueOnly_neverRuns() {
        Path jobs = dir.resolve("jobs");
        run("jobs", "schedule", "--dir", jobs.toString(), "--at", "2020-01-01T00:00:00Z", "--id", "d1", "delete",
                "--campaign", "renewals", "--status", "inactive", "--reason-major", "Routing failed", "--field",
                "state=CA");

        int cancelled = run("jobs", "cancel", "--dir", jobs.toString(), "d1");
        assertThat(cancelled).as(err.toString()).isZero();
        assertThat(out.toString()).contains("cancelled job d1: it will not run");

        int ran = run("jobs", "run", "--dir", jobs.toString(), "--due-only");
        assertThat(ran).isZero();
        assertThat(out.toString()).contains("no due pending jobs");

        run("jobs", "list", "--dir", jobs.toString(), "--json");
        assertThat(out.toString()).contains("\"id\": \"d1\"", "\"status\": \"cancelled\"", "\"started\": null");

        assertThat(run("jobs", "cancel", "--dir", jobs.toString(), "d1")).isEqualTo(1);
        assertThat(err.toString()).contains("job d1 has already ended (cancelled)");
    }

    @Test
    void runDueOnly_leavesFutureJobsPending() {
        Path jobs = dir.resolve("jobs");
        run("jobs", "schedule", "--dir", jobs.toString(), "--at", "2999-01-01T00:00:00Z", "--id", "later", "delete",
                "--campaign", "renewals");

        run("jobs", "run", "--dir", jobs.toString(), "--due-only");
        run("jobs", "list", "--dir", jobs.toString());

        assertThat(out.toString()).contains("later", "pending");
    }

    @Test
    void scheduleDelete_badStatus_refusedNamingTheOption() {
        int code = run("jobs", "schedule", "--dir", dir.resolve("jobs").toString(), "delete", "--campaign", "renewals",
                "--status", "gone");

        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("--status must be one of", "gone");
        assertThat(Files.exists(dir.resolve("jobs"))).isFalse();
    }

    @Test
    void scheduleExport_runDue_writesTheFile() {
        Path jobs = dir.resolve("jobs");
        Path file = dir.resolve("out.csv");
        run("jobs", "schedule", "--dir", jobs.toString(), "--id", "e1", "export", "--campaign", "renewals", "--out",
                file.toString());

        int ran = run("jobs", "run", "--dir", jobs.toString());

        assertThat(ran).as(err.toString()).isZero();
        assertThat(out.toString()).contains("job e1 (export): finished, 100%", "written=0");
        assertThat(Files.exists(file)).isTrue();
    }

    @Test
    void scheduleImport_atNotAnInstant_refused() throws IOException {
        int code = run("jobs", "schedule", "--dir", dir.resolve("jobs").toString(), "--at", "tomorrow", "import",
                leads().toString(), "--report", dir.resolve("r").toString());

        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("--at must be an ISO-8601 instant");
    }

    @Test
    void import_skipRows_printsTheSkippedRows() throws IOException {
        int code = run("import", leads().toString(), "--report", dir.resolve("r").toString(), "--skip-rows", "2");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("1 rows: 1 imported", "2 rows at the top of the file skipped");
    }

    @Test
    void jobDirectory_cancelFromAnotherProgram_runningDeleteStopsBetweenBatches() {
        CampaignId campaign = CampaignId.of("renewals");
        Instant t = Instant.parse("2026-03-02T15:00:00Z");
        VirtualTime time = VirtualTime.startingAt(t);
        RecordFactory factory = RecordFactory.newBuilder(campaign).clock(Clock.fixed(t, ZoneOffset.UTC)).build();
        InMemoryRecordStore records = InMemoryRecordStore.create();
        for (int i = 1; i <= 4; i++) {
            records.upsert(List.of(factory.newRecord("R" + i).phone(PhoneField.MOBILE, "530555010" + i).build()),
                    UpsertMode.OVERWRITE, t);
        }
        Path jobs = dir.resolve("jobs");
        ListProcesses runner = ListProcesses.newBuilder(campaign, time).store(new JobDirectory(jobs)).batchSize(1)
                .listener(s -> {
                    if (s.status() == ProcessStatus.RUNNING && s.percent() == 25) {
                        // what "outbound jobs cancel" does, through a directory object of its own
                        ListProcesses.newBuilder(campaign, time).store(new JobDirectory(jobs)).build().cancel(s.id());
                    }
                }).build();
        ProcessSnapshot p = runner.scheduleDelete("d1", t, "", records, RecordQuery.all());

        time.advanceBy(Duration.ZERO);

        ProcessSnapshot s = new JobDirectory(jobs).get(p.id()).orElseThrow();
        assertThat(s.status()).isEqualTo(ProcessStatus.CANCELLED);
        assertThat(s.counts()).containsEntry("deleted", 1L);
        assertThat(records.count(RecordQuery.all())).isEqualTo(3);
        assertThat(Files.exists(jobs.resolve("d1.cancel"))).isTrue();
    }
}
