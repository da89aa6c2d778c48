package dev.outbound.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.lifecycle.DispositionRules;
import dev.outbound.core.lifecycle.WrapCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The campaign file's {@code dispositions} section. */
class CampaignDispositionsTest {
    @TempDir
    Path dir;

    private CampaignFile read(String json) throws IOException {
        Path f = dir.resolve("c.json");
        Files.writeString(f, json);
        return CampaignFile.read(f);
    }

    @Test
    void section_readWithItsDefaults() throws IOException {
        CampaignFile c = read("""
                {"dispositions": {"allowChangeUser": true, "wrapCodes": [
                  {"name": "Sale", "completes": true, "requiredFields": ["email"]},
                  {"name": "Call again", "nextCall": "required"},
                  {"name": "No decision"}]}}
                """);
        DispositionRules d = c.rules().dispositions();
        assertThat(d.allowChangeUser()).isTrue();
        assertThat(d.codes()).containsExactly(
                new WrapCode("Sale", true, WrapCode.NextCall.FORBIDDEN, List.of("email")),
                new WrapCode("Call again", false, WrapCode.NextCall.REQUIRED, List.of()),
                new WrapCode("No decision", false, WrapCode.NextCall.OPTIONAL, List.of()));
    }

    @Test
    void noSection_noCodes_changeUserOff() throws IOException {
        assertThat(read("{}").rules().dispositions()).isEqualTo(DispositionRules.none());
    }

    @Test
    void unknownKey_refusedNamingItsPath() {
        assertThatThrownBy(() -> read("{\"dispositions\": {\"wrapCodes\": [{\"name\": \"Sale\", \"done\": true}]}}"))
                .isInstanceOf(CampaignFileException.class)
                .hasMessageContaining("dispositions.wrapCodes[0].done")
                .hasMessageContaining("unknown setting (known: name, completes, nextCall, requiredFields)");
    }

    @Test
    void completingCodeThatRequiresANextCall_refused() {
        assertThatThrownBy(() -> read("{\"dispositions\": {\"wrapCodes\": [{\"name\": \"Sale\", \"completes\": true, "
                + "\"nextCall\": \"required\"}]}}"))
                .isInstanceOf(CampaignFileException.class)
                .hasMessageContaining("dispositions.wrapCodes[0]")
                .hasMessageContaining("FORBIDDEN, since the code completes the record");
    }

    @Test
    void codeNamedTwice_refused() {
        assertThatThrownBy(() -> read("{\"dispositions\": {\"wrapCodes\": [{\"name\": \"Sale\"}, {\"name\": \"SALE\"}]}}"))
                .isInstanceOf(CampaignFileException.class)
                .hasMessageContaining("dispositions.wrapCodes[1].name")
                .hasMessageContaining("wrap code 'SALE' is already defined as 'Sale'");
    }

    @Test
    void badNextCall_refusedNamingTheChoices() {
        assertThatThrownBy(() -> read("{\"dispositions\": {\"wrapCodes\": [{\"name\": \"X\", \"nextCall\": \"soon\"}]}}"))
                .hasMessageContaining("\"soon\" is not known (expected one of optional, required, forbidden)");
    }
}
