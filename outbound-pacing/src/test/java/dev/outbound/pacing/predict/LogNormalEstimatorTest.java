package dev.outbound.pacing.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.outbound.core.InvalidValueException;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The decaying log-normal fit: its cold start, convergence to the generating parameters on
 * seeded samples (tolerances of about five standard errors, stated per test), and forgetting.
 */
class LogNormalEstimatorTest {
    @Test
    void coldStart_meanIsThePrior() {
        LogNormalEstimator e = LogNormalEstimator.withPrior(Duration.ofSeconds(90), 1.0, 1, 200);
        assertThat(StandardCalls.seconds(e.mean())).isCloseTo(90.0, within(0.001));
        // cv 1: sigma^2 = ln 2.
        assertThat(e.sigma()).isCloseTo(Math.sqrt(Math.log(2)), within(1e-12));
        assertThat(e.weight()).isEqualTo(1.0);
    }

    @Test
    void coldStart_priorGivesWayToData() {
        LogNormalEstimator e = LogNormalEstimator.withPrior(Duration.ofSeconds(90), 1.0, 1, 200);
        for (int i = 0; i < 20; i++) {
            e.observe(Duration.ofSeconds(30));
        }
        // The prior weighs (1 - 1/200)^20 = 0.905 against the data's (1 - 0.905) * 200 = 19.08, a
        // share of 4.5%: mu is 4.5% of the way from ln 30 = 3.401 to the prior's ln 90 - ln(2) / 2 = 4.153.
        assertThat(e.mu()).isCloseTo(3.401 + 0.045 * (4.153 - 3.401), within(0.005));
    }

    @Test
    void talkSamples_fitConvergesToGeneratingParameters() {
        LogNormalEstimator e = LogNormalEstimator.withPrior(Duration.ofSeconds(90), 1.0, 1, 1_000_000_000);
        SplittableRandom random = new SplittableRandom(11);
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            e.observe(StandardCalls.TALK.sample(random));
        }
        // Standard errors: mu 0.668 / sqrt(n) = 0.0047, sigma 0.668 / sqrt(2n) = 0.0033.
        assertThat(e.mu()).isCloseTo(StandardCalls.TALK_MU, within(0.024));
        assertThat(e.sigma()).isCloseTo(StandardCalls.TALK_SIGMA, within(0.017));
        // The mean's relative standard error is about 0.0047 + 0.668 * 0.0033 = 0.007: 5 of them, 4.2 s.
        assertThat(StandardCalls.seconds(e.mean())).isCloseTo(120.0, within(4.2));
    }

    @Test
    void forgetting_followsADriftThatAnEstimatorWithoutForgettingDoesNot() {
        LogNormalEstimator forgetting = LogNormalEstimator.withPrior(Duration.ofSeconds(90), 1.0, 1, 200);
        LogNormalEstimator keeping = LogNormalEstimator.withPrior(Duration.ofSeconds(90), 1.0, 1, 1_000_000_000);
        SplittableRandom random = new SplittableRandom(12);
        for (int i = 0; i < 3_000; i++) {
            Duration d = StandardCalls.TALK.sample(random);
            forgetting.observe(d);
            keeping.observe(d);
        }
        assertThat(StandardCalls.seconds(forgetting.mean())).isCloseTo(120.0, within(18.0));
        // Talks drop to half: the same shape with mean 60 s.
        for (int i = 0; i < 3_000; i++) {
            Duration d = StandardCalls.TALK.sample(random).dividedBy(2);
            forgetting.observe(d);
            keeping.observe(d);
        }
        // Effective sample about 2 * 200 (weights (1 - 1/200)^k): standard error of mu 0.668 / 20 =
        // 0.033, so 4 of them allow 14%; 15% of 60 s is 9 s.
        assertThat(StandardCalls.seconds(forgetting.mean())).isCloseTo(60.0, within(9.0));
        // Without forgetting, half the data is still the old talks: the fitted mean is near 85 s.
        assertThat(StandardCalls.seconds(keeping.mean())).isGreaterThan(75.0);
    }

    @Test
    void constantDurations_steepButDefinedAtTheMinimumSigma() {
        LogNormalEstimator e = LogNormalEstimator.withPrior(Duration.ofSeconds(10), 0.5, 1, 200);
        for (int i = 0; i < 5_000; i++) {
            e.observe(Duration.ofSeconds(10));
        }
        assertThat(e.sigma()).isEqualTo(LogNormalEstimator.MIN_SIGMA);
        assertThat(StandardCalls.seconds(e.mean())).isCloseTo(10.0, within(0.01));
        // ln(9.5 / 10) / 0.01 = -5.1 standard deviations.
        assertThat(e.probabilityAtMost(Duration.ofMillis(9_500))).isLessThan(1e-6);
        assertThat(e.probabilityAtMost(Duration.ofMillis(10_500))).isGreaterThan(1 - 1e-6);
    }

    @Test
    void endsWithin_farBeyondEverythingSeen_endsAtOnce() {
        LogNormalEstimator e = LogNormalEstimator.withPrior(Duration.ofSeconds(10), 0.1, 1, 200);
        // ln(1e6 / 10) / 0.1 = 115 standard deviations: the survival underflows to 0.
        assertThat(e.endsWithin(1e6, 1)).isEqualTo(1.0);
        assertThat(e.endsWithin(10, 0)).isEqualTo(0.0);
    }

    @Test
    void badInput_refusedNamingIt() {
        LogNormalEstimator e = LogNormalEstimator.withPrior(Duration.ofSeconds(10), 0.5, 1, 200);
        assertThatThrownBy(() -> e.observe(Duration.ofSeconds(-1)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("duration");
        assertThatThrownBy(() -> LogNormalEstimator.withPrior(Duration.ofSeconds(10), 0.5, 1, 0))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("memory");
        assertThatThrownBy(() -> LogNormalEstimator.withPrior(Duration.ZERO, 0.5, 1, 10))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("priorMean");
        assertThatThrownBy(() -> LogNormalEstimator.withPrior(Duration.ofSeconds(1), 0.5, 11, 10))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("priorWeight");
    }
}
