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

/** {@code outbound import-dids} without a store: the file checked, the pool printed, refused rows named. */
class ImportDidsCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return OutboundCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Path dids(String... lines) throws IOException {
        Path file = dir.resolve("dids.csv");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void importDids_goodFile_countsAndPoolPrinted_exitZero() throws IOException {
        Path file = dids("number,label,retired", "916 555 0101,Sacramento,", "530 555 0102,,yes", "212 555 0104,,");

        int code = run("import-dids", file.toString(), "--campaign-id", "spring", "--default", "+12025550100");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("dids.csv: 3 rows: 3 DIDs (1 retired), 0 refused",
                "Campaign spring: 3 DIDs (2 active), default +12025550100, in memory");
    }

    @Test
    void importDids_badRow_namedWithRowLineAndColumn_exitOne() throws IOException {
        Path file = dids("number", "916 555 0101", "916 555 0101");

        int code = run("import-dids", file.toString(), "--campaign-id", "spring", "--default", "+12025550100");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("dids.csv: row 2 (line 3), column number", "DUPLICATE_IN_FILE");
        assertThat(out.toString()).contains("2 rows: 1 DIDs (0 retired), 1 refused");
    }

    @Test
    void importDids_defaultFromTheCampaignFile() throws IOException {
        Path file = dids("number", "916 555 0101");
        Path campaign = dir.resolve("campaign.json");
        Files.writeString(campaign, "{\"id\": \"autumn\", \"callerIds\": {\"default\": \"+12025550199\"}}");

        assertThat(run("import-dids", file.toString(), "--campaign", campaign.toString())).as(err.toString()).isZero();

        assertThat(out.toString()).contains("Campaign autumn: 1 DIDs (1 active), default +12025550199");
    }

    @Test
    void importDids_noCampaign_refused() throws IOException {
        Path file = dids("number", "916 555 0101");

        assertThat(run("import-dids", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("give --campaign FILE.json or --campaign-id ID");
    }

    @Test
    void importDids_noDefault_refusedSayingHowToGiveOne() throws IOException {
        Path file = dids("number", "916 555 0101");

        assertThat(run("import-dids", file.toString(), "--campaign-id", "spring")).isEqualTo(2);
        assertThat(err.toString()).contains("give --default E164 or a campaign file with callerIds.default");
    }

    @Test
    void importDids_badDefault_refusedNamingTheOption() throws IOException {
        Path file = dids("number", "916 555 0101");

        assertThat(run("import-dids", file.toString(), "--campaign-id", "spring", "--default", "555")).isEqualTo(2);
        assertThat(err.toString()).contains("--default 555 is not a valid number");
    }
}
