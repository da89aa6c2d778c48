package dev.outbound.pacing.abandon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.outbound.core.InvalidValueException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AbandonRuleTest {

    @Test
    void fcc_isThreePercentOverThirtyDays_twoSecondConnectLimit_noFalsePositiveEstimate() {
        AbandonRule fcc = AbandonRule.fcc();
        assertThat(fcc.name()).isEqualTo("FCC");
        assertThat(fcc.window()).isEqualTo(Duration.ofDays(30));
        assertThat(fcc.target()).isEqualTo(0.03);
        assertThat(fcc.connectLimit()).isEqualTo(Duration.ofSeconds(2));
        assertThat(fcc.amdFalsePositiveRate()).isZero();
        // 2 592 000 s / 3 600 = 720 s, which divides the window.
        assertThat(fcc.resolution()).isEqualTo(Duration.ofMinutes(12));
        assertThat(fcc.buckets()).isEqualTo(3600);
    }

    @Test
    void ofcom_isThreePercentOverTwentyFourHours_withTheGivenFalsePositiveRate() {
        AbandonRule ofcom = AbandonRule.ofcom(0.25);
        assertThat(ofcom.name()).isEqualTo("Ofcom");
        assertThat(ofcom.window()).isEqualTo(Duration.ofHours(24));
        assertThat(ofcom.target()).isEqualTo(0.03);
        assertThat(ofcom.amdFalsePositiveRate()).isEqualTo(0.25);
        assertThat(ofcom.resolution()).isEqualTo(Duration.ofSeconds(24));
    }

    @Test
    void rollingOneHour_hasOneSecondBuckets_andIsNamedAfterItsWindow() {
        AbandonRule hour = AbandonRule.rolling(Duration.ofHours(1));
        assertThat(hour.name()).isEqualTo("rolling 1h");
        assertThat(hour.resolution()).isEqualTo(Duration.ofSeconds(1));
        assertThat(hour.buckets()).isEqualTo(3600);
        assertThat(AbandonRule.rolling(Duration.ofMinutes(90)).name()).isEqualTo("rolling 1h30m");
        assertThat(AbandonRule.rolling(Duration.ofMinutes(10)).buckets()).isEqualTo(600);
    }

    @Test
    void defaultResolution_isTheLargestDivisorAtMostAThirtySixHundredthOfTheWindow() {
        // 7 days = 604 800 s; 604 800 / 3 600 = 168, and 168 divides it.
        assertThat(AbandonRule.rolling(Duration.ofDays(7)).resolution()).isEqualTo(Duration.ofSeconds(168));
        // 7 201 s = 19 * 379; 7 201 / 3 600 = 2, and 2 does not divide it: 1 s buckets.
        assertThat(AbandonRule.rolling(Duration.ofSeconds(7201)).resolution()).isEqualTo(Duration.ofSeconds(1));
        // 10 000 s / 3 600 = 2, which divides it.
        assertThat(AbandonRule.rolling(Duration.ofSeconds(10_000)).resolution()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void fccRate_isAbandonedOverLiveAnswers_machinesIgnored() {
        // 3 of 100 live answers abandoned; 50 machines play no part.
        assertThat(AbandonRule.fcc().rate(AbandonCounts.of(100, 3, 50))).isEqualTo(0.03);
        assertThat(AbandonRule.fcc().rate(AbandonCounts.of(40, 1, 0))).isEqualTo(0.025);
    }

    @Test
    void ofcomRate_addsTheEstimatedFalsePositivesToAbandonsAndLiveCalls() {
        AbandonRule ofcom = AbandonRule.ofcom(0.1);
        AbandonCounts counts = AbandonCounts.of(100, 3, 50);
        // F = 50 * 0.1 = 5; (3 + 5) / (100 + 5) = 8 / 105 = 0.076190...
        assertThat(ofcom.estimatedFalsePositives(counts)).isCloseTo(5.0, within(1e-12));
        assertThat(ofcom.rate(counts)).isCloseTo(0.0761904761904762, within(1e-15));
        // With no false positives assumed it is the FCC formula.
        assertThat(AbandonRule.ofcom(0).rate(counts)).isEqualTo(0.03);
    }

    @Test
    void rate_isZeroWithoutLiveAnswers_butAllEstimatedWhenOnlyMachinesWereDetected() {
        assertThat(AbandonRule.fcc().rate(AbandonCounts.NONE)).isZero();
        assertThat(AbandonRule.fcc().rate(AbandonCounts.of(0, 0, 10))).isZero();
        // Ofcom: (0 + 2) / (0 + 2): every estimated live person was dropped.
        assertThat(AbandonRule.ofcom(0.2).rate(AbandonCounts.of(0, 0, 10))).isEqualTo(1.0);
    }

    @Test
    void withers_changeOnlyTheirPart() {
        AbandonRule fcc = AbandonRule.fcc();
        AbandonRule stricter = fcc.withTarget(0.02);
        assertThat(stricter.target()).isEqualTo(0.02);
        assertThat(stricter.window()).isEqualTo(fcc.window());
        assertThat(stricter.name()).isEqualTo("FCC");
        AbandonRule slower = fcc.withConnectLimit(Duration.ofMillis(2500));
        assertThat(slower.connectLimit()).isEqualTo(Duration.ofMillis(2500));
        assertThat(slower.target()).isEqualTo(0.03);
        AbandonRule finer = fcc.withResolution(Duration.ofMinutes(1));
        assertThat(finer.buckets()).isEqualTo(43_200);
        assertThat(finer.withTarget(0.03)).isEqualTo(finer);
    }

    @Test
    void equalRules_areEqual_andDifferentTargetsAreNot() {
        assertThat(AbandonRule.fcc()).isEqualTo(AbandonRule.fcc()).hasSameHashCodeAs(AbandonRule.fcc());
        assertThat(AbandonRule.fcc()).isNotEqualTo(AbandonRule.fcc().withTarget(0.025));
        assertThat(AbandonRule.ofcom(0.1)).isNotEqualTo(AbandonRule.ofcom(0.2));
        assertThat(AbandonRule.rolling(Duration.ofDays(30))).isNotEqualTo(AbandonRule.fcc());
    }

    @Test
    void toString_saysTargetWindowAndEstimate() {
        assertThat(AbandonRule.fcc()).hasToString(
                "FCC: at most 3% of live answers abandoned over 30d (connect limit 2s, buckets of 12m)");
        assertThat(AbandonRule.ofcom(0.1).withTarget(0.025)).hasToString(
                "Ofcom: at most 2.5% of live answers abandoned over 24h, plus 10% of machine-detected calls"
                        + " as AMD false positives (connect limit 2s, buckets of 24s)");
    }

    @Test
    void target_mustLieStrictlyBetweenZeroAndOne() {
        for (double bad : new double[] {0, 1, -0.01, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> AbandonRule.fcc().withTarget(bad))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("Invalid value for target (a fraction above 0 and below 1, e.g. 0.03 for 3%): " + bad);
        }
    }

    @Test
    void falsePositiveRate_mustBeAFractionFromZeroToOne() {
        assertThat(AbandonRule.ofcom(1).amdFalsePositiveRate()).isEqualTo(1.0);
        for (double bad : new double[] {-0.1, 1.01, Double.NaN}) {
            assertThatThrownBy(() -> AbandonRule.ofcom(bad))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("Invalid value for amdFalsePositiveRate (a fraction from 0 to 1): " + bad);
        }
    }

    @Test
    void window_mustBeWholeSecondsFromOneSecondTo366Days() {
        assertThat(AbandonRule.rolling(Duration.ofSeconds(1)).buckets()).isEqualTo(1);
        assertThat(AbandonRule.rolling(Duration.ofDays(366)).buckets()).isEqualTo(3600);
        assertThatThrownBy(() -> AbandonRule.rolling(Duration.ZERO))
                .hasMessage("Invalid value for window (a whole number of seconds from 1s to 366d): PT0S");
        assertThatThrownBy(() -> AbandonRule.rolling(Duration.ofHours(-1)))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> AbandonRule.rolling(Duration.ofMillis(1500)))
                .hasMessage("Invalid value for window (a whole number of seconds from 1s to 366d): 1.5s");
        assertThatThrownBy(() -> AbandonRule.rolling(Duration.ofDays(367)))
                .hasMessage("Invalid value for window (a whole number of seconds from 1s to 366d): 367d");
    }

    @Test
    void resolution_mustDivideTheWindow_intoAtMostTheBucketLimit() {
        assertThatThrownBy(() -> AbandonRule.fcc().withResolution(Duration.ofSeconds(7)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for resolution (a whole number of seconds that divides the window of 30d): 7s");
        assertThatThrownBy(() -> AbandonRule.rolling(Duration.ofHours(1), Duration.ofMillis(500)))
                .hasMessageStartingWith("Invalid value for resolution");
        // 30 days in 1 s buckets would be 2 592 000 buckets; 26 s is the least that fits 100 000.
        assertThatThrownBy(() -> AbandonRule.fcc().withResolution(Duration.ofSeconds(1)))
                .hasMessage("Invalid value for resolution (at most 100000 buckets in the window of 30d,"
                        + " so at least 26 s): 1s");
    }

    @Test
    void rolling_withAPrimeWindowOverTheBucketLimit_asksForAResolution() {
        // 100 003 is prime: its only whole-second divisor under 100 003 / 3 600 is 1.
        assertThatThrownBy(() -> AbandonRule.rolling(Duration.ofSeconds(100_003)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("at most 100000 buckets");
        assertThat(AbandonRule.rolling(Duration.ofSeconds(100_002), Duration.ofSeconds(2)).buckets()).isEqualTo(50_001);
    }

    @Test
    void connectLimit_mustBePositiveAndAtMostAMinute() {
        assertThat(AbandonRule.fcc().withConnectLimit(Duration.ofSeconds(60)).connectLimit()).hasSeconds(60);
        assertThatThrownBy(() -> AbandonRule.fcc().withConnectLimit(Duration.ZERO))
                .hasMessage("Invalid value for connectLimit (above 0 and at most 60s): PT0S");
        assertThatThrownBy(() -> AbandonRule.fcc().withConnectLimit(Duration.ofSeconds(61)))
                .hasMessage("Invalid value for connectLimit (above 0 and at most 60s): 1m1s");
    }

    @Test
    void name_mustNotBeBlank() {
        assertThatThrownBy(() -> new AbandonRule(" ", Duration.ofHours(1), Duration.ofSeconds(1), 0.03,
                Duration.ofSeconds(2), 0))
                .hasMessage("Invalid value for name (not blank): ' '");
    }

    @Test
    void counts_refuseMoreAbandonsThanLiveAnswers_andNegatives() {
        assertThat(AbandonCounts.of(10, 4, 0).connected()).isEqualTo(6);
        assertThatThrownBy(() -> AbandonCounts.of(2, 3, 0))
                .hasMessage("Invalid value for abandoned (0 to the live answers (2), since every abandoned call"
                        + " is a live answer): 3");
        assertThatThrownBy(() -> AbandonCounts.of(-1, 0, 0)).hasMessage("Invalid value for liveAnswers (0 or more): -1");
        assertThatThrownBy(() -> AbandonCounts.of(0, 0, -1))
                .hasMessage("Invalid value for machineDetected (0 or more): -1");
    }
}
