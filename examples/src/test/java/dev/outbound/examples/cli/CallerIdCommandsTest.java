package dev.outbound.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.callerid.Did;
import dev.outbound.core.callerid.DidPool;
import dev.outbound.core.internal.Json;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.CampaignId;
import dev.outbound.examples.TestPostgres;
import dev.outbound.spi.jdbc.PostgresDidStore;
import dev.outbound.spi.jdbc.PostgresRecordStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Caller ids through the command line: {@code simulate} with the campaign's {@code callerIds}
 * reports the calls per DID and the caps hold; {@code import-dids --store} keeps the pool in
 * PostgreSQL, where {@code simulate --store} finds it and records each use.
 */
class CallerIdCommandsTest {
    private static final String DEFAULT = "+12025550100";
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

    private Path write(String name, String... lines) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, List.of(lines), StandardCharsets.UTF_8);
        return f;
    }

    /** The report's rows by number: kind, retired, calls, busiest hour, busiest day, caps. */
    private static Map<String, List<String>> callerIds(Path report) throws IOException {
        List<String> lines = Files.readAllLines(report.resolve(CallerIdReport.FILE));
        assertThat(lines.get(0)).isEqualTo("number,label,kind,retired,calls,busiest_hour,busiest_day,cap_per_hour,"
                + "cap_per_day");
        Map<String, List<String>> rows = new java.util.LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
            rows.put(cells.remove(0), cells);
        }
        return rows;
    }

    private static long dials(Path report) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) Json.parse(Files.readString(report.resolve("summary.json")));
        return ((BigDecimal) json.get("dials")).longValueExact();
    }

    @Test
    void simulate_roundRobinWithAnHourlyCapOf5_eachDidMakes5Calls_theDefaultTheRest() throws IOException {
        write("dids.csv", "number,label", "+19165550101,Sacramento", "+15305550102,Chico");
        Path campaign = write("campaign.json", "{\"id\": \"sim-dids\", \"callerIds\": {\"default\": \"" + DEFAULT
                + "\", \"didFile\": \"dids.csv\", \"perHour\": 5}}");
        Path report = dir.resolve("report");

        int code = run("simulate", "--agents", "10", "--answer-rate", "0.3", "--hours", "0.5", "--seed", "7",
                "--campaign", campaign.toString(), "--report", report.toString());

        assertThat(code).as(err.toString()).isZero();
        long dials = dials(report);
        // Half an hour of 10 agents dials far more than the 2 x 5 calls the DIDs may make in an hour.
        assertThat(dials).isGreaterThan(10);
        Map<String, List<String>> rows = callerIds(report);
        assertThat(rows.keySet()).containsExactly("+19165550101", "+15305550102", DEFAULT);
        assertThat(rows.get("+19165550101")).containsExactly("Sacramento", "did", "false", "5", "5", "5", "5", "");
        assertThat(rows.get("+15305550102")).containsExactly("Chico", "did", "false", "5", "5", "5", "5", "");
        assertThat(rows.get(DEFAULT)).containsExactly("", "default", "false", String.valueOf(dials - 10),
                rows.get(DEFAULT).get(4), rows.get(DEFAULT).get(5), "", "");
        assertThat(out.toString()).contains("Caller ids: roundRobin from dids.csv (2 DIDs, 2 active), per DID per "
                + "hour 5, per day unlimited");
    }

    @Test
    void simulate_campaignWithCallerIdsButNoDids_refusedSayingWhereDidsComeFrom() throws IOException {
        Path campaign = write("campaign.json", "{\"callerIds\": {\"default\": \"" + DEFAULT + "\"}}");

        int code = run("simulate", "--agents", "1", "--answer-rate", "0.3", "--hours", "0.1", "--campaign",
                campaign.toString(), "--report", dir.resolve("r").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("callerIds: campaign default has no DIDs", "callerIds.didFile",
                "import-dids --store");
    }

    @Test
    void importDids_store_poolKept_secondFileUpserts_andSimulateUsesTheStoredPool() throws IOException {
        Path first = write("first.csv", "number,label", "530 555 0102,Chico", "916 555 0101,Sacramento");
        Path second = write("second.csv", "number,retired", "916 555 0101,yes", "530 555 0103,");
        assertThat(run("import-dids", first.toString(), "--campaign-id", "stored", "--default", DEFAULT, "--store",
                url())).as(err.toString()).isZero();
        assertThat(run("import-dids", second.toString(), "--campaign-id", "stored", "--store", url()))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("Campaign stored: 3 DIDs (2 active), default " + DEFAULT + ", in the store");

        PhoneNumber chico = PhoneNumber.ofE164("+15305550102");
        PhoneNumber chico2 = PhoneNumber.ofE164("+15305550103");
        PhoneNumber sacramento = PhoneNumber.ofE164("+19165550101");
        try (PostgresRecordStore records = PostgresRecordStore.open(url());
                PostgresDidStore store = PostgresDidStore.of(records)) {
            assertThat(store.pool(CampaignId.of("stored"))).contains(DidPool.of(PhoneNumber.ofE164(DEFAULT), List.of(
                    Did.of(chico, "Chico"), new Did(sacramento, Optional.of("Sacramento"), true), Did.of(chico2))));
        }

        // The campaign names no DID file: the pool comes from the store. Leads in 530 get a 530 DID.
        Path campaign = write("campaign.json", "{\"id\": \"stored\", \"maxRepeatAttempts\": 0, \"callerIds\": "
                + "{\"strategy\": \"localPresence\", \"default\": \"" + DEFAULT + "\", \"perHour\": 2}}");
        List<String> leads = new ArrayList<>(List.of("customer_reference_id,mobile,local_time_zone"));
        for (int i = 0; i < 8; i++) {
            leads.add("C-" + i + ",(530) 555-02" + (10 + i) + ",America/New_York");
        }
        Path leadFile = write("leads.csv", leads.toArray(new String[0]));
        Path report = dir.resolve("stored-report");
        int code = run("simulate", "--agents", "4", "--answer-rate", "0.5", "--hours", "0.5", "--leads",
                leadFile.toString(), "--store", url(), "--campaign", campaign.toString(), "--report",
                report.toString());

        assertThat(code).as(err.toString()).isZero();
        long dials = dials(report);
        assertThat(dials).isEqualTo(8);
        Map<String, List<String>> rows = callerIds(report);
        // Two 530 DIDs at 2 calls an hour each: 4 calls; the retired 916 none; the default the other 4.
        assertThat(rows.get("+15305550102").subList(1, 5)).containsExactly("did", "false", "2", "2");
        assertThat(rows.get("+15305550103").subList(1, 5)).containsExactly("did", "false", "2", "2");
        assertThat(rows.get("+19165550101").subList(1, 4)).containsExactly("did", "true", "0");
        assertThat(rows.get(DEFAULT).subList(1, 4)).containsExactly("default", "false", "4");
        assertThat(out.toString()).contains("Caller ids: localPresence from the store (3 DIDs, 2 active)");
        try (PostgresRecordStore records = PostgresRecordStore.open(url());
                PostgresDidStore store = PostgresDidStore.of(records)) {
            Instant from = Instant.parse("2026-03-01T00:00:00Z");
            Instant to = Instant.parse("2026-03-04T00:00:00Z");
            assertThat(store.uses(CampaignId.of("stored"), from, to)).hasSize(8);
            assertThat(store.countUses(CampaignId.of("stored"), chico, from, to)).isEqualTo(2);
        }
    }
}
