package dev.outbound.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.schedule.WeeklySchedule;
import dev.outbound.spi.sip.SipTransport;
import dev.outbound.spi.sip.sipp.Sipp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SipToPbx} dials through the SIP binding, SIPp on 127.0.0.1 playing the PBX: it answers
 * each call and accepts its transfer to the agent. Skipped without sipp, unless
 * OUTBOUND_REQUIRE_SIPP=1 makes that a failure.
 */
class SipToPbxTest {
    @Test
    void threeNumbers_eachInvitedAnsweredAndTransferred() throws InterruptedException {
        Sipp.assumeInstalled();
        try (Sipp pbx = Sipp.uas("refer.xml", SipTransport.UDP, 3)) {
            // Calling hours all day, so that the test does not depend on the hour it runs at.
            List<String> lines = SipToPbx.run("127.0.0.1", pbx.port(), "127.0.0.1", "sip:ann@127.0.0.1:5099",
                    List.of("+12125550101", "+12125550102", "+12125550103"), WeeklySchedule.always());

            assertThat(lines).hasSize(4);
            assertThat(lines.subList(0, 3)).allSatisfy(l -> assertThat(l).endsWith("  HUMAN_ANSWER"));
            assertThat(String.join("\n", lines)).contains("sip-1 +12125550101").contains("sip-2 +12125550102")
                    .contains("sip-3 +12125550103");
            assertThat(lines.get(3)).isEqualTo("dialled 3 of 3 numbers over sip:127.0.0.1:" + pbx.port()
                    + ": 3 answered, 3 connected");
            assertThat(pbx.awaitExit(Duration.ofSeconds(10))).isZero();
            List<String> invites = pbx.received().stream().filter(m -> m.startsWith("INVITE ")).toList();
            assertThat(invites).hasSize(3);
            assertThat(pbx.received().stream().filter(m -> m.startsWith("REFER "))).hasSize(3);
        }
    }
}
