package dev.outbound.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.record.CallResult;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.CustomerRef;
import dev.outbound.core.record.RecordStatus;
import dev.outbound.examples.TestPostgres;
import dev.outbound.spi.jdbc.PostgresRecordStore;
import dev.outbound.spi.sip.sipp.Sipp;
import dev.outbound.spi.store.RecordKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --store jdbc:postgresql://...}: the commands keep their records in a real PostgreSQL. */
class StoreOptionTest {
    private static String url;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void database() {
        url = TestPostgres.freshDatabaseUrl();
    }

    private static String url() {
        return url;
    }

    private int run(String... args) {
        return OutboundCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void import_thenExport_throughTheStore_aSecondProcessReadsWhatTheFirstWrote() throws IOException {
        Path file = dir.resolve("leads.csv");
        Files.write(file, List.of("customer_reference_id,mobile,local_time_zone",
                "C-2,(212) 555-0100,America/New_York",
                "C-1,(415) 555-0123,America/Los_Angeles"), StandardCharsets.UTF_8);

        int imported = run("import", file.toString(), "--report", dir.resolve("report").toString(), "--campaign",
                "spring", "--store", url());

        assertThat(imported).as("import exit code; stderr: %s", err).isZero();
        // Each command opens and closes its own store: the export sees the rows only through the database.
        Path exported = dir.resolve("out.csv");
        int code = run("export", "--store", url(), "--campaign", "spring", "--out", exported.toString());

        assertThat(code).as("export exit code; stderr: %s", err).isZero();
        List<String> lines = Files.readAllLines(exported);
        assertThat(lines).hasSize(3);
        // Key order: C-1 before C-2, whatever the file's order.
        assertThat(lines.get(1)).startsWith("C-1,").contains("+14155550123");
        assertThat(lines.get(2)).startsWith("C-2,").contains("+12125550100");
    }

    @Test
    void plan_withStore_importsIntoTheStoreAndPlansFromIt() throws IOException {
        Path file = dir.resolve("leads.csv");
        Files.write(file, List.of("customer_reference_id,mobile,local_time_zone",
                "P-1,(212) 555-0147,America/New_York"), StandardCharsets.UTF_8);

        int code = run("plan", "--leads", file.toString(), "--at", "2026-03-02T15:00:00Z", "--store", url());

        assertThat(code).as("plan exit code; stderr: %s", err).isZero();
        assertThat(out.toString()).contains("\"records\": 1", "\"dialable\": 1");
        Path exported = dir.resolve("plan-out.csv");
        assertThat(run("export", "--store", url(), "--campaign", "default", "--out", exported.toString())).isZero();
        assertThat(Files.readAllLines(exported)).hasSize(2).element(1).asString().startsWith("P-1,");
    }

    @Test
    void run_withStoreAlone_dialsTheRecordsAnImportLeftThere_overSip_andWritesTheOutcomesBack() throws IOException {
        Sipp.assumeInstalled();
        Path file = dir.resolve("leads.csv");
        Files.write(file, List.of("customer_reference_id,mobile,local_time_zone",
                "R-1,(212) 555-0101,America/New_York",
                "R-2,(212) 555-0102,America/New_York"), StandardCharsets.UTF_8);
        assertThat(run("import", file.toString(), "--report", dir.resolve("import").toString(), "--campaign",
                "run-store", "--store", url())).as("import; stderr: %s", err).isZero();
        Path campaign = dir.resolve("campaign.json");
        Files.writeString(campaign, "{\"id\": \"run-store\", \"maxRepeatAttempts\": 0, "
                + "\"hours\": {\"daily\": [\"00:00-24:00\"]}}", StandardCharsets.UTF_8);

        try (Sipp far = Sipp.uas("refer.xml", dev.outbound.spi.sip.SipTransport.UDP, 2)) {
            int code = run("run", "--store", url(), "--telephony", "sip:127.0.0.1:" + far.port(), "--agent",
                    "sip:ann@127.0.0.1:5099", "--mode", "progressive", "--duration", "30", "--campaign",
                    campaign.toString(), "--report", dir.resolve("run").toString());

            assertThat(code).as("run; stderr: %s", err).isZero();
            assertThat(out.toString()).contains("Store: 2 records of campaign run-store")
                    .contains("dials                    2");
            assertThat(far.awaitExit(Duration.ofSeconds(10))).isZero();
        }
        // Another process reads the outcomes from the database: both records were called and are done.
        try (PostgresRecordStore check = PostgresRecordStore.open(url())) {
            for (String ref : List.of("R-1", "R-2")) {
                RecordKey key = RecordKey.of(CampaignId.of("run-store"), CustomerRef.of(ref));
                assertThat(check.get(key)).get().satisfies(r -> assertThat(r.status()).isEqualTo(RecordStatus.DONE));
                assertThat(check.latestInteractions(key, 10)).singleElement()
                        .satisfies(i -> assertThat(i.outcome()).isEqualTo(CallResult.HUMAN_ANSWER));
            }
        }
    }
}
