package dev.outbound.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.compliance.CallVerdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReadmeExampleTest {

    @Test
    void readmeExample_sacramentoAtNoonAllowed_atSixInTheMorningRefusedUntilEight() {
        // 20:00 UTC in November is 12:00 in Sacramento; 14:00 UTC is 06:00 there.
        assertThat(ReadmeExample.verdict(Instant.parse("2026-11-24T20:00:00Z")).isAllowed()).isTrue();
        CallVerdict early = ReadmeExample.verdict(Instant.parse("2026-11-24T14:00:00Z"));
        assertThat(early).isInstanceOfSatisfying(CallVerdict.Refused.class,
                r -> assertThat(r.earliest()).contains(Instant.parse("2026-11-24T16:00:00Z")));
    }

    @Test
    void readme_showsTheSameLinesAsTheCompiledExample() throws IOException {
        String source = Files.readString(Path.of("src/main/java/dev/outbound/examples/ReadmeExample.java"));
        String readme = Files.readString(Path.of("../README.md"));
        String body = source.substring(source.indexOf("// --- README example starts ---"),
                source.indexOf("        // --- README example ends ---"));
        for (String line : body.lines().skip(1).map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            assertThat(readme).as("README.md should show: %s", line).contains(line);
        }
    }
}
