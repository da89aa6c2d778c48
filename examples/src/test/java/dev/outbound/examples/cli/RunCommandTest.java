package dev.outbound.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.spi.sip.sipp.Sipp;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code outbound run} dials a lead list for real, SIPp playing the PBX. */
class RunCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = OutboundCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private Path leads(int n) throws IOException {
        Path leads = dir.resolve("leads.csv");
        StringBuilder b = new StringBuilder("customer_reference_id,mobile,local_time_zone\n");
        for (int i = 1; i <= n; i++) {
            b.append("N-").append(i).append(",(212) 555-010").append(i).append(",America/New_York\n");
        }
        Files.writeString(leads, b, StandardCharsets.UTF_8);
        return leads;
    }

    /** A campaign open every hour of every day, so that the test does not depend on the time it runs. */
    private Path campaign() throws IOException {
        Path campaign = dir.resolve("campaign.json");
        Files.writeString(campaign, "{\"id\": \"run-test\", \"maxRepeatAttempts\": 0, "
                + "\"hours\": {\"daily\": [\"00:00-24:00\"]}}", StandardCharsets.UTF_8);
        return campaign;
    }

    @Test
    void run_overSipp_everyLeadDialledTransferredAndReported() throws IOException {
        Sipp.assumeInstalled();
        try (Sipp far = Sipp.uas("refer.xml", dev.outbound.spi.sip.SipTransport.UDP, 3)) {
            Path report = dir.resolve("report");
            Run r = run("run", "--leads", leads(3).toString(), "--telephony", "sip:127.0.0.1:" + far.port(),
                    "--caller-id", "+12125550147", "--agent", "sip:ann@127.0.0.1:5099", "--agent",
                    "sip:bob@127.0.0.1:5099", "--mode", "progressive", "--duration", "30", "--campaign",
                    campaign().toString(), "--report", report.toString());
            assertThat(r.code()).as("exit code; stderr: %s", r.err()).isZero();
            assertThat(r.out()).contains("dials                    3").contains("connected                3")
                    .contains("human answer             3");
            assertThat(report.resolve("summary.json")).exists();
            assertThat(Files.readString(report.resolve("summary.json"))).contains("\"dials\": 3");
            assertThat(report.resolve("timeseries.csv")).exists();
            assertThat(report.resolve("chart.svg")).exists();
            assertThat(far.awaitExit(Duration.ofSeconds(10))).isZero();
            List<String> invites = far.received().stream().filter(m -> m.startsWith("INVITE ")).toList();
            assertThat(invites).hasSize(3).allSatisfy(m -> assertThat(m).contains("P-Asserted-Identity: <sip:+12125550147@"));
        }
    }

    @Test
    void run_campaignCallerIds_localDidUpToItsCap_thenTheDefault_inEveryInviteAndTheReport() throws IOException {
        Sipp.assumeInstalled();
        Files.writeString(dir.resolve("dids.csv"), "number\n+19165550101\n+12125550199\n", StandardCharsets.UTF_8);
        Path campaign = dir.resolve("caller-campaign.json");
        Files.writeString(campaign, "{\"id\": \"run-dids\", \"maxRepeatAttempts\": 0, "
                + "\"hours\": {\"daily\": [\"00:00-24:00\"]}, \"callerIds\": {\"strategy\": \"localPresence\", "
                + "\"default\": \"+12025550100\", \"didFile\": \"dids.csv\", \"perHour\": 2}}",
                StandardCharsets.UTF_8);
        try (Sipp far = Sipp.uas("refer.xml", dev.outbound.spi.sip.SipTransport.UDP, 3)) {
            Path report = dir.resolve("report");
            Run r = run("run", "--leads", leads(3).toString(), "--telephony", "sip:127.0.0.1:" + far.port(),
                    "--agent", "sip:ann@127.0.0.1:5099", "--mode", "progressive", "--duration", "30", "--campaign",
                    campaign.toString(), "--report", report.toString());
            assertThat(r.code()).as("exit code; stderr: %s", r.err()).isZero();
            assertThat(far.awaitExit(Duration.ofSeconds(10))).isZero();
            List<String> invites = far.received().stream().filter(m -> m.startsWith("INVITE ")).toList();
            // The leads are all in 212: the 212 DID takes its 2 calls an hour, the third presents the default.
            assertThat(invites.stream().filter(m -> m.contains("P-Asserted-Identity: <sip:+12125550199@"))).hasSize(2);
            assertThat(invites.stream().filter(m -> m.contains("P-Asserted-Identity: <sip:+12025550100@"))).hasSize(1);
            assertThat(Files.readAllLines(report.resolve(CallerIdReport.FILE))).containsExactly(
                    "number,label,kind,retired,calls,busiest_hour,busiest_day,cap_per_hour,cap_per_day",
                    "+19165550101,,did,false,0,0,0,2,",
                    "+12125550199,,did,false,2,2,2,2,",
                    "+12025550100,,default,false,1,1,1,,");
            assertThat(r.out()).contains("Caller ids: localPresence from dids.csv (2 DIDs, 2 active)");
        }
    }

    @Test
    void run_withoutAgent_refusedInOneLine() throws IOException {
        Run r = run("run", "--leads", leads(1).toString(), "--telephony", "sip:127.0.0.1:5060", "--report",
                dir.resolve("r").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("outbound: give at least one --agent sip:URI");
    }

    @Test
    void run_telephonyNotSip_refusedNamingTheOption() throws IOException {
        Run r = run("run", "--leads", leads(1).toString(), "--telephony", "pbx:5060", "--agent", "sip:a@h",
                "--report", dir.resolve("r").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--telephony pbx:5060 is not a SIP address");
    }
}
