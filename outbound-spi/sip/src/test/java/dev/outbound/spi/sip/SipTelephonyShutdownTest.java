package dev.outbound.spi.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.CampaignId;
import dev.outbound.spi.sip.sipp.Sipp;
import dev.outbound.spi.telephony.CallRequest;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** After close() the binding keeps no JVM alive: a main that builds, dials and closes exits. */
class SipTelephonyShutdownTest {
    /**
     * Run in a child JVM: starts the binding, places a call to a port nobody answers, closes,
     * and returns from main without System.exit.
     *
     * @param args the trunk port
     */
    public static void main(String[] args) {
        SipTelephony sip = SipTelephony.newBuilder().trunk("127.0.0.1", Integer.parseInt(args[0])).build();
        sip.place(CallRequest.of(PhoneNumber.ofE164("+442079460000"), CampaignId.of("exit")).withRingTimeout(Duration.ofSeconds(1)),
                e -> { });
        sip.close();
    }

    @Test
    void mainThatClosesTheBinding_jvmExits() throws Exception {
        int silentPort = Sipp.freePort(SipTransport.UDP);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                SipTelephonyShutdownTest.class.getName(), Integer.toString(silentPort)))
                .redirectErrorStream(true).redirectOutput(File.createTempFile("sip-exit", ".log")).start();
        boolean exited = p.waitFor(20, TimeUnit.SECONDS);
        if (!exited) {
            p.destroyForcibly();
        }
        assertThat(exited).as("the JVM exited after close()").isTrue();
        assertThat(p.exitValue()).isZero();
    }
}
