package dev.outbound.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DemoTest {

    private static String runDemo() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), Clock.fixed(Demo.NOW, ZoneOffset.UTC));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void demo_reportsBadRowsAndNeverDropsThem() {
        String out = runDemo();
        assertThat(out).contains("rejected C-1006");
        assertThat(out).contains("Invalid value for agent");
        assertThat(out).contains("accepted C-1005").contains("warning: Invalid value for phone work");
    }

    @Test
    void demo_answersEachNumberWithItsReason() {
        String out = runDemo();
        // 13:30 in Sacramento on a Tuesday: inside 08:00-21:00.
        assertThat(out).containsPattern("C-1001 mobile \\+1 530-555-0147\\R.*\\R      YES");
        // On the national registry, with no expiry.
        assertThat(out).contains("on the Do-Not-Call list 'national registry' (entry +12125550199, source national registry, no expiry)")
                .contains("not until the data changes");
        // 18:30 in Liverpool is after the work hours 09:00-17:00; Wednesday 09:00 there is 09:00Z.
        assertThat(out).contains("outside the hours of phone field work").contains("earliest: 2026-11-25T09:00:00Z");
        // 05:30 on Wednesday in Sydney; 08:00 there is 21:00Z.
        assertThat(out).contains("earliest: 2026-11-24T21:00:00Z");
    }
}
