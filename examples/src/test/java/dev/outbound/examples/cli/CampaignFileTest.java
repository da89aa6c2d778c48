package dev.outbound.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.lifecycle.CampaignLists;
import dev.outbound.core.lifecycle.DialingRules;
import dev.outbound.core.lifecycle.Treatment;
import dev.outbound.core.lifecycle.WrapCode;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.CallResult;
import dev.outbound.core.record.ListId;
import dev.outbound.core.schedule.WeeklySchedule;
import dev.outbound.pacing.engine.DialMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignFileTest {
    static final Path EXAMPLE = Path.of("src/test/resources/campaign/campaign.json");

    @TempDir
    Path dir;

    private Path file(String json) throws IOException {
        Path f = dir.resolve("campaign.json");
        Files.writeString(f, json, StandardCharsets.UTF_8);
        return f;
    }

    private String refusal(String json) throws IOException {
        Path f = file(json);
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> CampaignFile.read(f));
        assertThat(t).isInstanceOf(CampaignFileException.class);
        return t.getMessage();
    }

    @Test
    void defaults_areTheDocumentedOnes() {
        CampaignFile c = CampaignFile.defaults();

        assertThat(c.id().value()).isEqualTo("default");
        assertThat(c.region()).isEqualTo("US");
        assertThat(c.defaultZone()).isEmpty();
        DialingRules r = c.rules();
        assertThat(r.policy().hours()).isEqualTo(WeeklySchedule.parse("daily 08:00-21:00"));
        assertThat(r.maxRepeatAttempts()).isEqualTo(3);
        assertThat(r.attemptDelays()).containsExactly(Duration.ofHours(1));
        assertThat(r.abandonQuietPeriod()).isEqualTo(Duration.ofHours(72));
        assertThat(r.contactTimeout()).isEqualTo(Duration.ofMinutes(15));
        PacingSettings p = c.pacing();
        assertThat(p.mode()).isEqualTo(DialMode.PREDICTIVE);
        assertThat(p.ratio()).isEqualTo(2.0);
        assertThat(p.formLoad()).isEqualTo(Duration.ZERO);
        assertThat(p.pauseAfterAnswered()).isEqualTo(Duration.ZERO);
        assertThat(p.pauseAfterUnanswered()).isEqualTo(Duration.ZERO);
        assertThat(p.ringTimeout()).isEqualTo(Duration.ofSeconds(25));
        assertThat(p.maxLines()).isEqualTo(500);
        assertThat(p.maxCallsPerAgent()).isEmpty();
        assertThat(p.abandonRule()).isEqualTo(PacingSettings.AbandonRule.FCC);
        assertThat(p.abandonTarget()).isEqualTo(0.03);
        assertThat(p.abandonWindow()).isEqualTo(Duration.ofDays(30));
        assertThat(p.connectLimit()).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.amdFalsePositiveRate()).isEqualTo(0.0);
    }

    @Test
    void emptyFile_isTheDefaults() throws IOException {
        CampaignFile c = CampaignFile.read(file("{}"));

        assertThat(c.id().value()).isEqualTo("default");
        assertThat(c.pacing()).isEqualTo(PacingSettings.defaults());
        assertThat(c.rules().policy().hours()).isEqualTo(WeeklySchedule.usFederal());
        assertThat(c.rules().lists()).isEqualTo(CampaignLists.allEnabled());
    }

    @Test
    void pacingWithMode_changesTheModeOnly() {
        PacingSettings p = CampaignFile.read(EXAMPLE).pacing();
        PacingSettings progressive = p.withMode(DialMode.PROGRESSIVE);

        assertThat(progressive.mode()).isEqualTo(DialMode.PROGRESSIVE);
        assertThat(progressive.withMode(p.mode())).isEqualTo(p);
    }

    @Test
    void exampleFile_parsesToWhatItSays() {
        CampaignFile c = CampaignFile.read(EXAMPLE);

        assertThat(c.id().value()).isEqualTo("spring-renewals");
        assertThat(c.region()).isEqualTo("US");
        assertThat(c.defaultZone()).contains(ZoneId.of("America/New_York"));
        DialingRules r = c.rules();
        assertThat(r.policy().hours()).isEqualTo(WeeklySchedule.parse("Mon-Sat 08:00-21:00; Sun 12:00-21:00"));
        assertThat(r.policy().fieldHours()).containsOnlyKeys(PhoneField.WORK);
        assertThat(r.policy().fieldHours().get(PhoneField.WORK))
                .isEqualTo(WeeklySchedule.parse("Mon-Fri 09:00-12:00, 13:00-17:00"));
        assertThat(r.policy().closedDates().asMap()).containsOnlyKeys(LocalDate.of(2026, 12, 25),
                LocalDate.of(2027, 1, 1));
        assertThat(r.policy().closedDates().name(LocalDate.of(2026, 12, 25))).contains("Christmas Day");
        assertThat(r.policy().regionRules().rules()).hasSize(1);
        assertThat(r.policy().regionRules().rules().get(0).name()).isEqualTo("US-FL");
        assertThat(r.policy().regionRules().rules().get(0).maxCallsPer24Hours()).isEqualTo(3);
        assertThat(r.policy().doNotCall().globalLists()).hasSize(1);
        assertThat(r.policy().doNotCall().globalLists().get(0).name()).isEqualTo("national registry");
        assertThat(r.policy().doNotCall().globalLists().get(0).size()).isEqualTo(1);
        assertThat(r.policy().doNotCall().check(PhoneNumber.parse("(212) 555-0199", "US"), "C-1",
                Instant.parse("2026-03-02T15:00:00Z")).toString()).contains("national registry");
        assertThat(r.policy().searchHorizon()).isEqualTo(Duration.ofDays(366));
        assertThat(r.lists()).isEqualTo(CampaignLists.newBuilder().weighted(ListId.of("spring-a"), 70)
                .weighted(ListId.of("spring-b"), 30).disabled(ListId.of("old")).build());
        assertThat(r.maxRepeatAttempts()).isEqualTo(4);
        assertThat(r.attemptDelays()).containsExactly(Duration.ofMinutes(30), Duration.ofHours(2),
                Duration.ofHours(4));
        assertThat(r.treatment(CallResult.BUSY)).isEqualTo(Treatment.Retry.after(Duration.ofMinutes(5),
                Duration.ofMinutes(15)));
        assertThat(r.treatment(CallResult.ANSWERING_MACHINE)).isEqualTo(new Treatment.RescheduleAt(LocalTime.of(18, 0)));
        assertThat(r.treatment(CallResult.REJECTED)).isEqualTo(new Treatment.AddToDoNotCall());
        assertThat(r.treatment(CallResult.NO_ANSWER)).isEqualTo(new Treatment.NextNumber());
        assertThat(r.numberFailureLimit()).isEqualTo(OptionalInt.of(5));
        assertThat(r.maxCallsPerRecordPerDay()).isEqualTo(OptionalInt.of(3));
        assertThat(r.maxCallsPerNumberPerDay()).isEqualTo(OptionalInt.of(2));
        assertThat(r.abandonQuietPeriod()).isEqualTo(Duration.ofHours(72));
        assertThat(r.contactTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(r.callbackDelayedAfter()).isEqualTo(Duration.ofMinutes(30));
        assertThat(c.pacing()).isEqualTo(new PacingSettings(DialMode.PREDICTIVE, 2.5,
                Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ZERO, Duration.ofSeconds(25), 200,
                OptionalInt.of(3), PacingSettings.AbandonRule.OFCOM, 0.03, Duration.ofHours(24),
                Duration.ofSeconds(2), 0.1));
        assertThat(r.dispositions().allowChangeUser()).isTrue();
        assertThat(r.dispositions().codes()).containsExactly(WrapCode.completing("Sale").requiring("email"),
                WrapCode.callAgain("Call again"), WrapCode.of("No decision"));
        CampaignCallerIds ids = c.callerIds().orElseThrow();
        assertThat(ids.strategy()).isEqualTo(CampaignCallerIds.Strategy.LOCAL_PRESENCE);
        assertThat(ids.campaignDefault()).isEqualTo(PhoneNumber.parse("+12025550100", "US"));
        assertThat(ids.perHour()).isEqualTo(OptionalInt.of(60));
        assertThat(ids.perDay()).isEqualTo(OptionalInt.of(400));
        // dids.csv: two numbers, the second retired.
        assertThat(ids.filePool().orElseThrow().dids()).hasSize(2);
        assertThat(ids.filePool().orElseThrow().active()).hasSize(1);
    }

    @Test
    void exampleInTheDocs_isTheTestedExampleFile() throws IOException {
        String docs = Files.readString(Path.of("../docs/campaign.md"));
        String example = Files.readString(EXAMPLE).strip();

        assertThat(docs).contains(example);
    }

    @Test
    void unknownKey_namesItsPathAndTheKnownKeys() throws IOException {
        String m = refusal("{\"pacing\": {\"rattio\": 3}}");

        assertThat(m).endsWith("campaign.json: pacing.rattio: unknown setting (known: mode, ratio, formLoad, "
                + "pauseAfterAnswered, pauseAfterUnanswered, ringTimeout, maxLines, maxCallsPerAgent, abandonRule, "
                + "abandonTarget, abandonWindow, connectLimit, amdFalsePositiveRate)");
    }

    @Test
    void unknownTopLevelKey_namesIt() throws IOException {
        assertThat(refusal("{\"regoin\": \"US\"}")).contains("campaign.json: regoin: unknown setting (known: id, "
                + "region, defaultZone,");
    }

    @Test
    void badDuration_namesThePathTheValueAndTheForms() throws IOException {
        String m = refusal("{\"pacing\": {\"ringTimeout\": \"25x\"}}");

        assertThat(m).contains("campaign.json: pacing.ringTimeout: \"25x\" is not a duration (expected a whole "
                + "number and a unit, ms, s, m, h or d, such as \"2s\"");
    }

    @Test
    void durations_shortFormAndIso8601_areTheSame() throws IOException {
        CampaignFile a = CampaignFile.read(file("{\"contactTimeout\": \"90s\", \"pacing\": {\"formLoad\": \"PT2S\"}}"));

        assertThat(a.rules().contactTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(a.pacing().formLoad()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void durationOutOfRange_namesTheRange() throws IOException {
        assertThat(refusal("{\"pacing\": {\"ringTimeout\": \"3m\"}}"))
                .contains("campaign.json: pacing.ringTimeout: 3m is not allowed (expected 5s to 2m)");
    }

    @Test
    void badWeekday_namesTheKeyAndTheDays() throws IOException {
        assertThat(refusal("{\"hours\": {\"monday\": [\"09:00-17:00\"]}}")).endsWith("campaign.json: hours.monday: "
                + "unknown setting (known: daily, mon, tue, wed, thu, fri, sat, sun)");
    }

    @Test
    void badTime_namesTheWindowAndItsIndex() throws IOException {
        assertThat(refusal("{\"fieldHours\": {\"work\": {\"mon\": [\"09:00-17:00\", \"13:00-25:00\"]}}}"))
                .endsWith("campaign.json: fieldHours.work.mon[1]: \"13:00-25:00\" is not a window (expected "
                        + "HH:mm-HH:mm, start before end, such as \"09:00-17:00\")");
    }

    @Test
    void badTimeOfDay_inATreatment_namesIt() throws IOException {
        assertThat(refusal("{\"treatments\": {\"busy\": {\"action\": \"reschedule_at\", \"time\": \"6pm\"}}}"))
                .endsWith("campaign.json: treatments.busy.time: \"6pm\" is not a time of day (expected HH:mm, such "
                        + "as \"18:00\")");
    }

    @Test
    void missingDncFile_namesTheSettingAndTheFile() throws IOException {
        String m = refusal("{\"dnc\": [{\"file\": \"nope.csv\"}]}");

        assertThat(m).contains("campaign.json: dnc[0].file: cannot read ").endsWith("nope.csv");
    }

    @Test
    void dncFile_isReadRelativeToTheCampaignFile() throws IOException {
        Files.createDirectories(dir.resolve("lists"));
        Files.writeString(dir.resolve("lists/block.csv"), "phone\n2125550100\n2125550101\n");

        CampaignFile c = CampaignFile.read(file("{\"dnc\": [{\"file\": \"lists/block.csv\", \"scope\": \"campaign\"}]}"));

        assertThat(c.rules().policy().doNotCall().campaignLists()).hasSize(1);
        assertThat(c.rules().policy().doNotCall().campaignLists().get(0).name()).isEqualTo("block");
        assertThat(c.rules().policy().doNotCall().campaignLists().get(0).size()).isEqualTo(2);
    }

    @Test
    void notJson_namesLineAndColumn() throws IOException {
        assertThat(refusal("{\n  \"id\": \"x\",\n}")).contains("campaign.json: line 3, column 1: not JSON");
    }

    @Test
    void outOfRangeNumber_namesTheRange() throws IOException {
        assertThat(refusal("{\"maxRepeatAttempts\": 5000}")).endsWith("campaign.json: maxRepeatAttempts: 5000 is out "
                + "of range (expected a whole number from 0 to 1000)");
    }

    @Test
    void unknownAbandonRule_namesTheChoices() throws IOException {
        assertThat(refusal("{\"pacing\": {\"abandonRule\": \"ftc\"}}")).endsWith("campaign.json: pacing.abandonRule: "
                + "\"ftc\" is not known (expected one of fcc, ofcom, rolling)");
    }

    @Test
    void abandonWindow_onlyTheRollingRuleTakesAnother() throws IOException {
        assertThat(CampaignFile.read(file("{\"pacing\": {\"abandonRule\": \"rolling\", \"abandonWindow\": \"1h\"}}"))
                .pacing().abandonWindow()).isEqualTo(Duration.ofHours(1));
        assertThat(CampaignFile.read(file("{\"pacing\": {\"abandonRule\": \"ofcom\"}}")).pacing().abandonWindow())
                .isEqualTo(Duration.ofHours(24));
        assertThat(refusal("{\"pacing\": {\"abandonRule\": \"fcc\", \"abandonWindow\": \"1h\"}}"))
                .contains("campaign.json: pacing.abandonWindow: 1h is not allowed (expected the fcc rule measures "
                        + "over 30d; only the rolling rule takes another window)");
    }

    @Test
    void treatmentKeyThatItsActionDoesNotTake_isRefused() throws IOException {
        assertThat(refusal("{\"treatments\": {\"busy\": {\"action\": \"next_number\", \"delays\": [\"5m\"]}}}"))
                .endsWith("campaign.json: treatments.busy.delays: not a setting of the next_number action (known: "
                        + "action)");
    }

    @Test
    void unknownCallResult_namesTheResults() throws IOException {
        assertThat(refusal("{\"treatments\": {\"engaged\": {\"action\": \"next_number\"}}}"))
                .contains("campaign.json: treatments.engaged: unknown setting (known: human_answer, answering_machine, "
                        + "busy,");
    }

    @Test
    void source_isTheFileRead_andEmptyForTheDefaults() {
        assertThat(CampaignFile.defaults().source()).isEqualTo(Optional.empty());
        assertThat(CampaignFile.read(EXAMPLE).source()).contains(EXAMPLE);
    }
}
