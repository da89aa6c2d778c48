package dev.outbound.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.pacing.abandon.AbandonRule;
import dev.outbound.pacing.engine.DialMode;
import dev.outbound.pacing.engine.EngineSettings;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class EngineSettingsMappingTest {

    private static PacingSettings pacing(DialMode mode, double ratio, Duration formLoad, Duration ring,
            OptionalInt perAgent, PacingSettings.AbandonRule rule, double target, Duration window, Duration connect,
            double amd) {
        return new PacingSettings(mode, ratio, formLoad, Duration.ofSeconds(3), Duration.ofSeconds(4), ring, 250,
                perAgent, rule, target, window, connect, amd);
    }

    @Test
    void everySettingReachesTheEngine() {
        PacingSettings p = pacing(DialMode.POWER, 2.5, Duration.ofSeconds(5), Duration.ofSeconds(30),
                OptionalInt.of(4), PacingSettings.AbandonRule.ROLLING, 0.02, Duration.ofHours(2),
                Duration.ofSeconds(3), 0.0);

        EngineSettings e = EngineSettingsMapping.engineSettings(p);

        assertThat(e.mode()).isEqualTo(DialMode.POWER);
        assertThat(e.powerRatio()).isEqualTo(2.5);
        assertThat(e.formLoad()).isEqualTo(Duration.ofSeconds(5));
        assertThat(e.pauseAfterAnswered()).isEqualTo(Duration.ofSeconds(3));
        assertThat(e.pauseAfterUnanswered()).isEqualTo(Duration.ofSeconds(4));
        assertThat(e.ringTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(e.maxLines()).isEqualTo(250);
        assertThat(e.callsPerAgent()).hasValue(4);
        assertThat(e.abandonRule().name()).isEqualTo("rolling 2h");
        assertThat(e.abandonRule().window()).isEqualTo(Duration.ofHours(2));
        assertThat(e.abandonRule().target()).isEqualTo(0.02);
        assertThat(e.abandonRule().connectLimit()).isEqualTo(Duration.ofSeconds(3));
        // 5 s + 30 s + 1 min is under the engine's 5 minutes.
        assertThat(e.leaseFor()).isEqualTo(EngineSettings.DEFAULT_LEASE);
    }

    @Test
    void ofcom_carriesTheAmdFalsePositiveRate_fccIgnoresIt() {
        PacingSettings ofcom = pacing(DialMode.PREDICTIVE, 2, Duration.ZERO, Duration.ofSeconds(25),
                OptionalInt.empty(), PacingSettings.AbandonRule.OFCOM, 0.03, Duration.ofHours(24),
                Duration.ofSeconds(2), 0.15);
        AbandonRule rule = EngineSettingsMapping.abandonRule(ofcom);
        assertThat(rule.name()).isEqualTo("Ofcom");
        assertThat(rule.window()).isEqualTo(Duration.ofHours(24));
        assertThat(rule.amdFalsePositiveRate()).isEqualTo(0.15);

        PacingSettings fcc = pacing(DialMode.PREDICTIVE, 2, Duration.ZERO, Duration.ofSeconds(25),
                OptionalInt.empty(), PacingSettings.AbandonRule.FCC, 0.03, Duration.ofDays(30),
                Duration.ofSeconds(2), 0.15);
        assertThat(EngineSettingsMapping.abandonRule(fcc).amdFalsePositiveRate()).isZero();
        assertThat(EngineSettingsMapping.abandonRule(fcc).name()).isEqualTo("FCC");
    }

    @Test
    void ratio_onlyCountsInPowerMode() {
        // 50 lines per agent is beyond the engine, but predictive pacing never reads the ratio.
        PacingSettings p = pacing(DialMode.PREDICTIVE, 50, Duration.ZERO, Duration.ofSeconds(25),
                OptionalInt.empty(), PacingSettings.AbandonRule.FCC, 0.03, Duration.ofDays(30),
                Duration.ofSeconds(2), 0);
        assertThat(EngineSettingsMapping.engineSettings(p).mode()).isEqualTo(DialMode.PREDICTIVE);
    }

    @Test
    void fileValueBeyondTheEngine_refusedNamingTheCampaignSetting() {
        PacingSettings ratio = pacing(DialMode.POWER, 50, Duration.ZERO, Duration.ofSeconds(25),
                OptionalInt.empty(), PacingSettings.AbandonRule.FCC, 0.03, Duration.ofDays(30),
                Duration.ofSeconds(2), 0);
        assertThatThrownBy(() -> EngineSettingsMapping.engineSettings(ratio))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("pacing.ratio: 50")
                .hasMessageContaining("1 - 20");
        PacingSettings target = pacing(DialMode.PREDICTIVE, 2, Duration.ZERO, Duration.ofSeconds(25),
                OptionalInt.empty(), PacingSettings.AbandonRule.FCC, 0.0, Duration.ofDays(30),
                Duration.ofSeconds(2), 0);
        assertThatThrownBy(() -> EngineSettingsMapping.engineSettings(target))
                .hasMessageStartingWith("pacing.abandonTarget: ");
        PacingSettings connect = pacing(DialMode.PREDICTIVE, 2, Duration.ZERO, Duration.ofSeconds(25),
                OptionalInt.empty(), PacingSettings.AbandonRule.FCC, 0.03, Duration.ofDays(30), Duration.ZERO, 0);
        assertThatThrownBy(() -> EngineSettingsMapping.engineSettings(connect))
                .hasMessageStartingWith("pacing.connectLimit: ");
        PacingSettings perAgent = pacing(DialMode.PREDICTIVE, 2, Duration.ZERO, Duration.ofSeconds(25),
                OptionalInt.of(500), PacingSettings.AbandonRule.FCC, 0.03, Duration.ofDays(30),
                Duration.ofSeconds(2), 0);
        assertThatThrownBy(() -> EngineSettingsMapping.engineSettings(perAgent))
                .hasMessageStartingWith("pacing.maxCallsPerAgent: 500");
    }

    @Test
    void longFormLoad_leaseStretchedBeyondFormLoadAndRing() {
        // 10 minutes of form load and 2 minutes of ring: the lease is 13 minutes, not the default 5.
        PacingSettings p = pacing(DialMode.PROGRESSIVE, 2, Duration.ofMinutes(10), Duration.ofMinutes(2),
                OptionalInt.empty(), PacingSettings.AbandonRule.FCC, 0.03, Duration.ofDays(30),
                Duration.ofSeconds(2), 0);
        assertThat(EngineSettingsMapping.engineSettings(p).leaseFor()).isEqualTo(Duration.ofMinutes(13));
    }
}
