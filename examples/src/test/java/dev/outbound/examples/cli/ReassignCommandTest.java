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

/** {@code outbound reassign}: Change user, allowed or not by the campaign's dispositions. */
class ReassignCommandTest {
    @TempDir
    Path dir;
    Path leads;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void files() throws IOException {
        leads = dir.resolve("leads.csv");
        Files.copy(Path.of("src/test/resources/campaign/leads.csv"), leads);
    }

    private Path campaign(boolean allow) throws IOException {
        Path c = dir.resolve("campaign-" + allow + ".json");
        Files.writeString(c, "{\"id\": \"spring-renewals\", \"dispositions\": {\"allowChangeUser\": " + allow + "}}",
                StandardCharsets.UTF_8);
        return c;
    }

    private int run(String... args) {
        return OutboundCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void allowed_recordPassed_andTheLeadFileNamesTheAgent() throws IOException {
        int code = run("reassign", "--leads", leads.toString(), "--id", "C-3", "--to", "Bob@Example.com",
                "--campaign", campaign(true).toString(), "--at", "2026-03-02T15:00:00Z");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString().strip()).isEqualTo("record C-3 passed to bob@example.com");
        assertThat(Files.readAllLines(leads)).anySatisfy(line -> assertThat(line).startsWith("C-3,")
                .contains("bob@example.com"));
    }

    @Test
    void notAllowed_refusedWithExitCode1_fileUnchanged() throws IOException {
        String before = Files.readString(leads);
        int code = run("reassign", "--leads", leads.toString(), "--id", "C-3", "--to", "bob@example.com",
                "--campaign", campaign(false).toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("the campaign does not allow passing a record to another agent (Change "
                + "user), asked for bob@example.com");
        assertThat(Files.readString(leads)).isEqualTo(before);
    }

    @Test
    void withoutACampaign_changeUserIsOff_refused() {
        int code = run("reassign", "--leads", leads.toString(), "--id", "C-3", "--to", "bob@example.com");

        assertThat(code).isEqualTo(1);
    }
}
