package dev.outbound.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.callerid.CallerIdSelector;
import dev.outbound.core.callerid.Did;
import dev.outbound.core.phone.PhoneNumber;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The campaign file's {@code callerIds} section: its keys, defaults, ranges and the refusals naming the path. */
class CampaignCallerIdsTest {
    private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");

    @TempDir
    Path dir;

    private Path file(String json) throws IOException {
        Path f = dir.resolve("campaign.json");
        Files.writeString(f, json, StandardCharsets.UTF_8);
        return f;
    }

    private Path dids(String name, String... lines) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.write(f, List.of(lines), StandardCharsets.UTF_8);
        return f;
    }

    private String refusal(String json) throws IOException {
        Path f = file(json);
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> CampaignFile.read(f));
        assertThat(t).isInstanceOf(CampaignFileException.class);
        return t.getMessage();
    }

    @Test
    void noSection_noCallerIds() throws IOException {
        assertThat(CampaignFile.read(file("{\"id\": \"spring\"}")).callerIds()).isEmpty();
        assertThat(CampaignFile.defaults().callerIds()).isEmpty();
    }

    @Test
    void fullSection_everyKeyRead_didFileRelativeToTheCampaignFile() throws IOException {
        dids("pools/dids.csv", "number,label,retired", "916 555 0101,Sacramento,", "530 555 0102,,yes");

        CampaignCallerIds ids = CampaignFile.read(file("{\"callerIds\": {\"strategy\": \"localPresence\", "
                + "\"default\": \"(202) 555-0100\", \"didFile\": \"pools/dids.csv\", \"perHour\": 60, "
                + "\"perDay\": 400}}")).callerIds().orElseThrow();

        assertThat(ids.strategy()).isEqualTo(CampaignCallerIds.Strategy.LOCAL_PRESENCE);
        assertThat(ids.campaignDefault()).isEqualTo(PhoneNumber.ofE164("+12025550100"));
        assertThat(ids.didFile()).contains(dir.resolve("pools/dids.csv").toAbsolutePath());
        assertThat(ids.filePool().orElseThrow().dids()).containsExactly(
                Did.of(PhoneNumber.ofE164("+19165550101"), "Sacramento"),
                new Did(PhoneNumber.ofE164("+15305550102"), Optional.empty(), true));
        assertThat(ids.perHour()).isEqualTo(OptionalInt.of(60));
        assertThat(ids.perDay()).isEqualTo(OptionalInt.of(400));
    }

    @Test
    void onlyTheDefault_roundRobinNoFileNoCaps() throws IOException {
        CampaignCallerIds ids = CampaignFile.read(file("{\"callerIds\": {\"default\": \"+12025550100\"}}"))
                .callerIds().orElseThrow();

        assertThat(ids.strategy()).isEqualTo(CampaignCallerIds.Strategy.ROUND_ROBIN);
        assertThat(ids.didFile()).isEmpty();
        assertThat(ids.perHour()).isEmpty();
        assertThat(ids.perDay()).isEmpty();
    }

    @Test
    void selector_followsTheStrategyAndTheHourlyCap() throws IOException {
        dids("dids.csv", "number", "+19165550101", "+15305550102");
        CampaignCallerIds ids = CampaignFile.read(file("{\"callerIds\": {\"default\": \"+12025550100\", "
                + "\"didFile\": \"dids.csv\", \"perHour\": 1}}")).callerIds().orElseThrow();
        List<String> chosen = new ArrayList<>();
        CallerIdSelector s = ids.selector(ids.filePool().orElseThrow(), List.of(), u -> chosen.add(u.number().e164()));

        PhoneNumber callee = PhoneNumber.ofE164("+13125550199");
        for (int i = 0; i < 3; i++) {
            s.select(callee, T0.plusSeconds(i));
        }

        assertThat(chosen).containsExactly("+19165550101", "+15305550102", "+12025550100");
    }

    @Test
    void fixed_presentsTheDefault() throws IOException {
        CampaignCallerIds ids = CampaignFile.read(file("{\"callerIds\": {\"strategy\": \"fixed\", "
                + "\"default\": \"+12025550100\"}}")).callerIds().orElseThrow();
        CallerIdSelector s = ids.selector(dev.outbound.core.callerid.DidPool.of(ids.campaignDefault(), List.of()),
                List.of(), u -> { });

        assertThat(s.select(PhoneNumber.ofE164("+13125550199"), T0).number().e164()).isEqualTo("+12025550100");
    }

    @Test
    void unknownKey_namesItsPathAndTheKnownKeys() throws IOException {
        assertThat(refusal("{\"callerIds\": {\"default\": \"+12025550100\", \"perMinute\": 3}}"))
                .endsWith("campaign.json: callerIds.perMinute: unknown setting (known: strategy, default, didFile, "
                        + "perHour, perDay)");
    }

    @Test
    void noDefault_refusedNamingTheSection() throws IOException {
        assertThat(refusal("{\"callerIds\": {\"strategy\": \"roundRobin\"}}")).contains("callerIds: no default");
    }

    @Test
    void unknownStrategy_namesTheChoices() throws IOException {
        assertThat(refusal("{\"callerIds\": {\"strategy\": \"nearest\", \"default\": \"+12025550100\"}}"))
                .contains("callerIds.strategy: \"nearest\" is not known (expected fixed, roundRobin or localPresence)");
    }

    @Test
    void badDefault_namesThePathAndTheValue() throws IOException {
        assertThat(refusal("{\"callerIds\": {\"default\": \"12345\"}}")).contains("callerIds.default: \"12345\" is "
                + "not a valid number");
        assertThat(refusal("{\"callerIds\": {\"default\": \"+12025550100 x7\"}}")).contains("callerIds.default: ")
                .contains("has an extension");
    }

    @Test
    void capsOutOfRange_nameTheRange() throws IOException {
        assertThat(refusal("{\"callerIds\": {\"default\": \"+12025550100\", \"perHour\": 0}}"))
                .contains("callerIds.perHour: 0 is out of range (expected a whole number from 1 to 100000)");
        assertThat(refusal("{\"callerIds\": {\"default\": \"+12025550100\", \"perDay\": 1000001}}"))
                .contains("callerIds.perDay: 1000001 is out of range (expected a whole number from 1 to 1000000)");
    }

    @Test
    void perHourAbovePerDay_refused() throws IOException {
        assertThat(refusal("{\"callerIds\": {\"default\": \"+12025550100\", \"perHour\": 50, \"perDay\": 40}}"))
                .contains("callerIds.perHour: 50 is more than perDay (40)");
    }

    @Test
    void missingDidFile_namesTheSettingAndTheFile() throws IOException {
        assertThat(refusal("{\"callerIds\": {\"default\": \"+12025550100\", \"didFile\": \"none.csv\"}}"))
                .contains("callerIds.didFile: cannot read ").contains("none.csv");
    }

    @Test
    void didFileWithARefusedRow_refusedNamingTheRow() throws IOException {
        dids("dids.csv", "number", "+19165550101", "not a number");

        assertThat(refusal("{\"callerIds\": {\"default\": \"+12025550100\", \"didFile\": \"dids.csv\"}}"))
                .contains("callerIds.didFile: ", "has 1 refused row(s); the first: row 2 (line 3), column number",
                        "NUMBER_INVALID");
    }
}
