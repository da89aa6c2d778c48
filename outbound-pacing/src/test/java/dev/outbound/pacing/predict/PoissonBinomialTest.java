package dev.outbound.pacing.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.outbound.core.InvalidValueException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Poisson-binomial distribution: the dynamic programme against enumeration, and the normal approximation. */
class PoissonBinomialTest {
    @Test
    void exact_equalsBruteForceEnumeration() {
        qt().withExamples(500).forAll(longs().all(), integers().between(0, 12)).checkAssert((seed, n) -> {
            SplittableRandom random = new SplittableRandom(seed);
            double[] p = new double[n];
            for (int i = 0; i < n; i++) {
                // Often exactly 0 or 1, as for available and paused agents.
                int kind = random.nextInt(6);
                p[i] = kind == 0 ? 0 : kind == 1 ? 1 : random.nextDouble();
            }
            double[] brute = new double[n + 1];
            for (int mask = 0; mask < 1 << n; mask++) {
                double prob = 1;
                for (int i = 0; i < n; i++) {
                    prob *= (mask & (1 << i)) != 0 ? p[i] : 1 - p[i];
                }
                brute[Integer.bitCount(mask)] += prob;
            }
            CountDistribution d = PoissonBinomial.exact(p);
            assertThat(d.maxCount()).isEqualTo(n);
            for (int k = 0; k <= n; k++) {
                assertThat(d.probability(k)).isCloseTo(brute[k], within(1e-12));
            }
            assertThat(Arrays.stream(d.probabilities()).sum()).isCloseTo(1.0, within(1e-12));
        });
    }

    @Test
    void exact_smallCaseByHand() {
        // {0.5, 0.2}: none 0.5 * 0.8 = 0.4, both 0.5 * 0.2 = 0.1, one 0.5.
        CountDistribution d = PoissonBinomial.exact(0.5, 0.2);
        assertThat(d.probability(0)).isCloseTo(0.4, within(1e-15));
        assertThat(d.probability(1)).isCloseTo(0.5, within(1e-15));
        assertThat(d.probability(2)).isCloseTo(0.1, within(1e-15));
        assertThat(d.atLeast(1)).isCloseTo(0.6, within(1e-15));
        assertThat(d.mean()).isCloseTo(0.7, within(1e-15));
        assertThat(d.exact()).isTrue();
    }

    @Test
    void of_beyondTheLimit_normalApproximationWithTheRightMoments() {
        double[] p = new double[1_000];
        Arrays.fill(p, 0.3);
        CountDistribution d = PoissonBinomial.of(p);
        assertThat(d.exact()).isFalse();
        // Mean 300, variance 1000 * 0.3 * 0.7 = 210; the mode's probability is near 1 / sqrt(2 pi 210) = 0.02753.
        assertThat(d.mean()).isCloseTo(300.0, within(1e-6));
        assertThat(d.variance()).isCloseTo(210.0, within(0.1));
        assertThat(d.probability(300)).isCloseTo(0.02753, within(0.0002));
        assertThat(PoissonBinomial.of(Arrays.copyOf(p, PoissonBinomial.EXACT_LIMIT)).exact()).isTrue();
    }

    @Test
    void normal_noVariance_pointMass() {
        CountDistribution d = PoissonBinomial.normal(1, 1, 0);
        assertThat(d.probability(2)).isEqualTo(1.0);
    }

    @Test
    void probabilityOutOfRange_refusedNamingTheVariable() {
        assertThatThrownBy(() -> PoissonBinomial.exact(0.5, 1.5))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("p[1]");
        assertThatThrownBy(() -> PoissonBinomial.normal(Double.NaN))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("p[0]");
    }
}
