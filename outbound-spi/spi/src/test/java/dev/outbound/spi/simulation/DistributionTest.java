package dev.outbound.spi.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.outbound.core.InvalidValueException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Parameters are checked, and for a fixed seed the samples agree with the theory: the sample mean
 * within 5 standard errors of the mean (the standard deviation over the square root of the sample
 * size), shares within 4 binomial standard deviations. The seed is fixed, so these are not flaky.
 */
class DistributionTest {
    private static final int N = 20_000;
    private static final double Z90 = 1.2815515655446004;

    private static double[] samples(Distribution d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] s = new double[N];
        for (int i = 0; i < N; i++) {
            Duration x = d.sample(random);
            assertThat(x).isBetween(Duration.ZERO, Distribution.LONGEST);
            s[i] = x.toNanos() / 1e9;
        }
        return s;
    }

    private static double mean(double[] s) {
        double sum = 0;
        for (double x : s) {
            sum += x;
        }
        return sum / s.length;
    }

    private static double share(double[] s, double below) {
        int n = 0;
        for (double x : s) {
            if (x < below) {
                n++;
            }
        }
        return (double) n / s.length;
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    // --- fixed -----------------------------------------------------------------------------------

    @Test
    void fixed_alwaysTheValue() {
        double[] s = samples(Distribution.fixed(Duration.ofSeconds(7)), 1);
        for (double x : s) {
            assertThat(x).isEqualTo(7.0);
        }
        assertThat(Distribution.fixed(Duration.ofSeconds(7)).mean()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void fixed_negative_refusedNamingIt() {
        assertThatThrownBy(() -> Distribution.fixed(Duration.ofSeconds(-1)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("fixed value")
                .hasMessageContaining("PT-1S");
    }

    @Test
    void fixed_longerThanLongest_refused() {
        assertThatThrownBy(() -> Distribution.fixed(Duration.ofDays(366)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("fixed value");
    }

    // --- uniform ---------------------------------------------------------------------------------

    @Test
    void uniform_samplesWithinBoundsMeanMidway() {
        double[] s = samples(Distribution.uniform(Duration.ofSeconds(10), Duration.ofSeconds(40)), 2);
        for (double x : s) {
            assertThat(x).isBetween(10.0, 40.0);
        }
        // sd of uniform(10, 40) = 30 / sqrt(12) = 8.66 s; standard error 0.061 s.
        assertThat(mean(s)).isCloseTo(25.0, within(5 * 8.66 / Math.sqrt(N)));
        // A quarter of the range, a quarter of the samples: sd of the share sqrt(.25 * .75 / N).
        assertThat(share(s, 17.5)).isCloseTo(0.25, within(4 * Math.sqrt(0.25 * 0.75 / N)));
        assertThat(Distribution.uniform(Duration.ofSeconds(10), Duration.ofSeconds(40)).mean())
                .isEqualTo(Duration.ofSeconds(25));
    }

    @Test
    void uniform_equalBounds_alwaysThatValue() {
        double[] s = samples(Distribution.uniform(Duration.ofSeconds(3), Duration.ofSeconds(3)), 3);
        assertThat(mean(s)).isEqualTo(3.0);
    }

    @Test
    void uniform_maxBelowMin_refusedNamingMax() {
        assertThatThrownBy(() -> Distribution.uniform(Duration.ofSeconds(5), Duration.ofSeconds(4)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("uniform max")
                .hasMessageContaining("PT5S")
                .hasMessageContaining("PT4S");
        assertThatThrownBy(() -> Distribution.uniform(Duration.ofSeconds(-5), Duration.ofSeconds(4)))
                .hasMessageContaining("uniform min");
    }

    // --- exponential -----------------------------------------------------------------------------

    @Test
    void exponential_sampleMeanNearMean() {
        double[] s = samples(Distribution.exponential(Duration.ofSeconds(20)), 4);
        // The sd of an exponential equals its mean: standard error 20 / sqrt(N) = 0.14 s.
        assertThat(mean(s)).isCloseTo(20.0, within(5 * 20 / Math.sqrt(N)));
        // P(X < mean) = 1 - 1/e = 0.632.
        assertThat(share(s, 20.0)).isCloseTo(0.632, within(4 * Math.sqrt(0.632 * 0.368 / N) + 0.001));
        assertThat(Distribution.exponential(Duration.ofSeconds(20)).mean()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void exponential_zeroMean_refusedNamingIt() {
        assertThatThrownBy(() -> Distribution.exponential(Duration.ZERO))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("exponential mean")
                .hasMessageContaining("positive");
    }

    @Test
    void exponential_longTail_cutAtLongest() {
        double[] s = samples(Distribution.exponential(Duration.ofDays(300)), 5);
        // P(X > 365 d) = exp(-365/300) = 0.296: many samples are cut, none exceeds the limit.
        double cut = Math.exp(-365.0 / 300);
        assertThat(share(s, seconds(Distribution.LONGEST))).isCloseTo(1 - cut, within(4 * Math.sqrt(cut * (1 - cut) / N)));
    }

    // --- log-normal ------------------------------------------------------------------------------

    @Test
    void logNormal_medianAndP90AsGiven() {
        double[] s = samples(Distribution.logNormal(Duration.ofMinutes(3), Duration.ofMinutes(8)), 6);
        assertThat(share(s, 180)).isCloseTo(0.5, within(4 * Math.sqrt(0.5 * 0.5 / N)));
        assertThat(share(s, 480)).isCloseTo(0.9, within(4 * Math.sqrt(0.9 * 0.1 / N)));
    }

    @Test
    void logNormal_sampleMeanNearTheory() {
        Distribution d = Distribution.logNormal(Duration.ofMinutes(3), Duration.ofMinutes(8));
        // sigma = ln(8/3) / 1.28155 = 0.76535; mean = 180 s * exp(sigma^2 / 2) = 241.25 s;
        // sd = mean * sqrt(exp(sigma^2) - 1) = 215.3 s, so the standard error is 1.52 s.
        double sigma = Math.log(8.0 / 3.0) / Z90;
        assertThat(sigma).isCloseTo(0.76535, within(1e-5));
        assertThat(((Distribution.LogNormal) d).sigma()).isCloseTo(sigma, within(1e-12));
        assertThat(seconds(d.mean())).isCloseTo(241.25, within(0.01));
        double[] s = samples(d, 7);
        assertThat(mean(s)).isCloseTo(241.25, within(5 * 215.3 / Math.sqrt(N)));
    }

    @Test
    void logNormal_p90NotAboveMedian_refusedNamingP90() {
        assertThatThrownBy(() -> Distribution.logNormal(Duration.ofSeconds(10), Duration.ofSeconds(10)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("log-normal p90")
                .hasMessageContaining("median PT10S");
        assertThatThrownBy(() -> Distribution.logNormal(Duration.ZERO, Duration.ofSeconds(10)))
                .hasMessageContaining("log-normal median");
    }

    // --- empirical -------------------------------------------------------------------------------

    @Test
    void empirical_samplesAreObservationsWithEqualChance() {
        List<Duration> observed = List.of(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(60),
                Duration.ofSeconds(240));
        Distribution d = Distribution.empirical(observed);
        double[] s = samples(d, 8);
        for (double x : s) {
            assertThat(x).isIn(30.0, 60.0, 240.0);
        }
        // 60 s is half the observations; mean (30 + 60 + 60 + 240) / 4 = 97.5 s, sd 83.2 s.
        assertThat(share(s, 61)).isCloseTo(0.75, within(4 * Math.sqrt(0.75 * 0.25 / N)));
        assertThat(share(s, 31)).isCloseTo(0.25, within(4 * Math.sqrt(0.25 * 0.75 / N)));
        assertThat(mean(s)).isCloseTo(97.5, within(5 * 83.2 / Math.sqrt(N)));
        assertThat(d.mean()).isEqualTo(Duration.ofMillis(97_500));
    }

    @Test
    void empirical_copiesTheList() {
        List<Duration> observed = new ArrayList<>(List.of(Duration.ofSeconds(1)));
        Distribution d = Distribution.empirical(observed);
        observed.add(Duration.ofSeconds(1000));
        assertThat(d.mean()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void empirical_emptyOrNegative_refused() {
        assertThatThrownBy(() -> Distribution.empirical(List.of()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("empirical observed")
                .hasMessageContaining("at least one");
        assertThatThrownBy(() -> Distribution.empirical(List.of(Duration.ofSeconds(1), Duration.ofSeconds(-2))))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("empirical observed duration")
                .hasMessageContaining("PT-2S");
    }

    @Test
    void sample_sameGeneratorState_sameSample() {
        Distribution d = Distribution.logNormal(Duration.ofSeconds(10), Duration.ofSeconds(20));
        assertThat(d.sample(new SplittableRandom(42))).isEqualTo(d.sample(new SplittableRandom(42)));
    }
}
