package dev.outbound.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code outbound wrap-code} on a copy of the example lead list, with a campaign that defines wrap codes. */
class WrapCodeCommandTest {
    static final String CAMPAIGN_JSON = """
            {
              "id": "spring-renewals",
              "defaultZone": "America/New_York",
              "dispositions": {
                "allowChangeUser": false,
                "wrapCodes": [
                  {"name": "Sale", "completes": true, "requiredFields": ["email", "plan"]},
                  {"name": "Call again", "nextCall": "required"}
                ]
              }
            }
            """;

    @TempDir
    Path dir;
    Path leads;
    Path campaign;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void files() throws IOException {
        leads = dir.resolve("leads.csv");
        Files.copy(Path.of("src/test/resources/campaign/leads.csv"), leads);
        campaign = dir.resolve("campaign.json");
        Files.writeString(campaign, CAMPAIGN_JSON, StandardCharsets.UTF_8);
    }

    private int run(String... args) {
        return OutboundCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void missingRequiredFields_refusedWithExitCode1_namingEach_fileUnchanged() throws IOException {
        String before = Files.readString(leads);
        int code = run("wrap-code", "--leads", leads.toString(), "--id", "C-1", "--code", "Sale", "--field", "plan=",
                "--campaign", campaign.toString(), "--at", "2026-03-02T15:00:00Z");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("outbound: disposition of record C-1 refused: field 'email' is required "
                + "by wrap code 'Sale'; field 'plan' is required by wrap code 'Sale'", "missing fields: email, plan");
        assertThat(Files.readString(leads)).isEqualTo(before);
    }

    @Test
    void callAgainWithNextCall_callbackSet_andWrittenBackToTheLeadFile() throws IOException {
        int code = run("wrap-code", "--leads", leads.toString(), "--id", "C-1", "--code", "Call again",
                "--next-call", "2026-03-03T10:00", "--campaign", campaign.toString(), "--at", "2026-03-02T15:00:00Z");

        assertThat(code).as(err.toString()).isZero();
        // 10:00 in New York (EST) is 15:00 UTC.
        assertThat(out.toString().strip()).isEqualTo("record C-1: wrap code Call again, RESCHEDULED_BY_AGENT, callback "
                + "at 2026-03-03T15:00:00Z");
        assertThat(Files.readAllLines(leads)).anySatisfy(line -> assertThat(line).startsWith("C-1,")
                .contains("2026-03-03T15:00:00Z"));
    }

    @Test
    void completingCodeWithFields_done() {
        int code = run("wrap-code", "--leads", leads.toString(), "--id", "C-2", "--code", "sale", "--field",
                "email=c2@example.com", "--field", "plan=gold", "--campaign", campaign.toString(), "--at",
                "2026-03-02T15:00:00Z");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString().strip()).isEqualTo("record C-2: wrap code sale, DONE (OBJECTIVE_REACHED)");
    }

    @Test
    void callAgainWithoutNextCall_refused() {
        int code = run("wrap-code", "--leads", leads.toString(), "--id", "C-1", "--code", "Call again", "--campaign",
                campaign.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("next call is required by wrap code 'Call again'")
                .doesNotContain("missing fields");
    }

    @Test
    void unknownRecord_exitCode2() {
        int code = run("wrap-code", "--leads", leads.toString(), "--id", "C-9", "--code", "Sale", "--campaign",
                campaign.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("no record with id C-9 in campaign spring-renewals");
    }

    @Test
    void neitherLeadsNorStore_refused() {
        int code = run("wrap-code", "--id", "C-1", "--code", "Sale");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("give either --leads FILE or --store URL");
    }
}
