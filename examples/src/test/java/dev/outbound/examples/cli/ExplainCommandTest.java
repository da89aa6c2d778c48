package dev.outbound.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example campaign (daily 08:00-21:00, Sun 12:00-21:00; +1 212 555 0199 on its DNC list) on 2 March 2026, a Monday. */
class ExplainCommandTest {
    static final String CAMPAIGN = "src/test/resources/campaign/campaign.json";
    static final String LEADS = "src/test/resources/campaign/leads.csv";
    /** 10:00 in New York (EST), 07:00 in Los Angeles (PST). */
    static final String AT = "2026-03-02T15:00:00Z";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return OutboundCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void dialableRecord_namesTheNumberItWouldCall() {
        int code = run("explain", "--leads", LEADS, "--id", "C-1", "--at", AT, "--campaign", CAMPAIGN);

        assertThat(code).isZero();
        assertThat(out.toString().strip())
                .isEqualTo("record C-1 is dialable at 2026-03-02T15:00:00Z on its mobile number +12125550147");
    }

    @Test
    void localDateTime_isReadInTheCampaignsDefaultZone() {
        int code = run("explain", "--leads", LEADS, "--id", "C-1", "--at", "2026-03-02T10:00", "--campaign", CAMPAIGN);

        assertThat(code).isZero();
        assertThat(out.toString()).contains("is dialable at 2026-03-02T15:00:00Z");
    }

    @Test
    void outsideItsWindow_evidenceNamesTheWindowAndTheNextInstant() {
        int code = run("explain", "--leads", LEADS, "--id", "C-3", "--at", AT, "--campaign", CAMPAIGN);

        assertThat(code).isZero();
        // 07:00 in Los Angeles; the window opens at 08:00 PST, 16:00 UTC.
        assertThat(out.toString()).contains("record C-3 is not dialable at 2026-03-02T15:00:00Z:",
                "the mobile number +14155550123 may not be called: it is 2026-03-02T07:00 in America/Los_Angeles, "
                        + "outside the campaign hours [",
                "08:00-21:00",
                "next dialable at 2026-03-02T16:00:00Z",
                "primary reason: outside_hours",
                "then it would call its mobile number +14155550123");
    }

    @Test
    void outsideItsWindow_json_givesTheWindowTheNextInstantAndTheNumber() {
        int code = run("explain", "--leads", LEADS, "--id", "C-3", "--at", AT, "--campaign", CAMPAIGN, "--json");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("\"dialable\": false", "\"primary_reason\": \"outside_hours\"",
                "\"category\": \"outside_hours\"", "\"zone\": \"America/Los_Angeles\"",
                "\"local_time\": \"2026-03-02T07:00\"", "\"hours_source\": \"campaign hours\"",
                "\"next\": \"2026-03-02T16:00:00Z\"", "\"number\": \"+14155550123\"");
    }

    @Test
    void dncNumber_evidenceNamesTheListAndNoTimeLiftsIt() {
        int code = run("explain", "--leads", LEADS, "--id", "C-2", "--at", AT, "--campaign", CAMPAIGN);

        assertThat(code).isZero();
        assertThat(out.toString()).contains("the mobile number +12125550199 may not be called: on the Do-Not-Call "
                + "list 'national registry'", "not dialable by time alone", "primary reason: dnc")
                .doesNotContain("then it would call");
    }

    @Test
    void dncNumber_json_hasTheListAndNoNext() {
        run("explain", "--leads", LEADS, "--id", "C-2", "--at", AT, "--campaign", CAMPAIGN, "--json");

        assertThat(out.toString()).contains("\"list\": \"national registry\"", "\"next\": null",
                "\"next_number\": null", "\"number\": null");
    }

    @Test
    void unknownId_nonZeroWithOneLineNamingTheIdAndTheFile() {
        int code = run("explain", "--leads", LEADS, "--id", "C-9", "--at", AT, "--campaign", CAMPAIGN);

        assertThat(code).isNotZero();
        assertThat(err.toString().strip()).isEqualTo("outbound: no record with id C-9 in " + Path.of(LEADS));
    }

    @Test
    void localDateTimeWithoutADefaultZone_nonZeroWithOneLineReason() {
        int code = run("explain", "--leads", LEADS, "--id", "C-1", "--at", "2026-03-02T10:00");

        assertThat(code).isNotZero();
        assertThat(err.toString().strip()).startsWith("outbound: --at 2026-03-02T10:00 is a local date-time, and "
                + "the campaign has no defaultZone").doesNotContain("\n");
    }

    @Test
    void badCampaignFile_nonZeroWithTheFilesMessage() {
        int code = run("explain", "--leads", LEADS, "--id", "C-1", "--at", AT, "--campaign", LEADS);

        assertThat(code).isNotZero();
        assertThat(err.toString().strip()).startsWith("outbound: " + Path.of(LEADS) + ": line 1, column 1: not JSON")
                .doesNotContain("\n");
    }
}
