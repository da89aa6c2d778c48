package dev.outbound.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return OutboundCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /**
     * At 2026-03-02T15:00:00Z (a Monday: 10:00 in New York, 09:00 in Chicago, 07:00 in Los Angeles),
     * default hours 08:00-21:00, +1 212 555 0199 on the DNC list, list "old" disabled:
     * <pre>
     * P-1  NY                          dialable
     * P-2  Chicago                     dialable
     * P-3  NY, DNC number              dnc
     * P-4  LA                          outside_hours
     * P-5  NY, list old                list_disabled
     * P-6  NY, scheduled tomorrow      not_due
     * P-7  LA, DNC number              dnc (primary: no time lifts it) + outside_hours
     * P-8  LA, DNC mobile, home number outside_hours (primary: the home number opens at 16:00) + dnc
     * P-9  no valid number             refused on import
     * </pre>
     */
    private Path[] campaign() throws IOException {
        Files.writeString(dir.resolve("dnc.csv"), "phone\n+1 212 555 0199\n", StandardCharsets.UTF_8);
        Path campaign = dir.resolve("campaign.json");
        Files.writeString(campaign, "{\"id\": \"spring\", \"dnc\": [{\"file\": \"dnc.csv\"}], "
                + "\"lists\": [{\"name\": \"old\", \"enabled\": false}]}", StandardCharsets.UTF_8);
        Path leads = dir.resolve("leads.csv");
        Files.write(leads, List.of("customer_reference_id,mobile,home,local_time_zone,list,scheduled_for",
                "P-1,(212) 555-0101,,America/New_York,,",
                "P-2,(212) 555-0102,,America/Chicago,,",
                "P-3,(212) 555-0199,,America/New_York,,",
                "P-4,(415) 555-0104,,America/Los_Angeles,,",
                "P-5,(212) 555-0105,,America/New_York,old,",
                "P-6,(212) 555-0106,,America/New_York,,2026-03-03T15:00:00Z",
                "P-7,(212) 555-0199,,America/Los_Angeles,,",
                "P-8,(212) 555-0199,(415) 555-0108,America/Los_Angeles,,",
                "P-9,not a number,,,,"), StandardCharsets.UTF_8);
        return new Path[] {campaign, leads};
    }

    @Test
    void plan_countsDialableAndHeldByPrimaryAndByEveryReason_asCountedByHand() throws IOException {
        Path[] files = campaign();

        int code = run("plan", "--leads", files[1].toString(), "--at", "2026-03-02T15:00:00Z", "--campaign",
                files[0].toString());

        assertThat(code).isZero();
        String json = out.toString();
        assertThat(json).contains("\"campaign\": \"spring\"", "\"total\": 9", "\"imported\": 8", "\"refused\": 1",
                "\"records\": 8", "\"dialable\": 2", "\"held\": 6");
        String primary = section(json, "held_by_primary_reason");
        assertThat(primary).contains("\"dnc\": 2", "\"outside_hours\": 2", "\"list_disabled\": 1", "\"not_due\": 1",
                "\"zone_unknown\": 0", "\"attempts_exhausted\": 0");
        String any = section(json, "held_by_reason");
        assertThat(any).contains("\"dnc\": 3", "\"outside_hours\": 3", "\"list_disabled\": 1", "\"not_due\": 1",
                "\"zone_unknown\": 0");
        assertThat(json).contains("\"counting\": \"held_by_primary_reason counts each held record once");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void plan_reportDir_holdsTheSamePlan_andVerbosePrintsTheImportSummaryOnStderr() throws IOException {
        Path[] files = campaign();
        Path report = dir.resolve("report");

        int code = run("plan", "--leads", files[1].toString(), "--at", "2026-03-02T15:00:00Z", "--campaign",
                files[0].toString(), "--report", report.toString(), "--verbose");

        assertThat(code).isZero();
        assertThat(Files.readString(report.resolve("plan.json")).strip()).isEqualTo(out.toString().strip());
        assertThat(err.toString()).contains("leads.csv: 9 rows: 8 imported, 0 duplicates in the file, 1 invalid");
    }

    @Test
    void plan_missingLeadFile_nonZeroWithOneLineReason() {
        int code = run("plan", "--leads", dir.resolve("nope.csv").toString(), "--at", "2026-03-02T15:00:00Z");

        assertThat(code).isNotZero();
        assertThat(err.toString().strip()).startsWith("outbound: cannot read ").doesNotContain("\n");
    }

    /** The object that follows a key, up to its closing brace. */
    private static String section(String json, String key) {
        int start = json.indexOf("\"" + key + "\"");
        assertThat(start).as(key).isNotNegative();
        return json.substring(start, json.indexOf('}', start));
    }
}
