package dev.outbound.pacing.predict;

import dev.outbound.core.InvalidValueException;
import java.util.Arrays;

/**
 * The distribution of a count from 0 to {@link #maxCount()} (free agents, live answers), as the
 * forecasts give it: exact, or a discretized normal approximation for large counts (see
 * {@link PoissonBinomial}). Probabilities sum to 1 up to rounding. Immutable.
 */
public final class CountDistribution {
    private final double[] pmf;
    private final boolean exact;

    CountDistribution(double[] pmf, boolean exact) {
        this.pmf = pmf;
        this.exact = exact;
    }

    /** @return the largest possible count */
    public int maxCount() {
        return pmf.length - 1;
    }

    /** @return whether the probabilities are exact rather than a normal approximation */
    public boolean exact() {
        return exact;
    }

    /**
     * @param k a count
     * @return the probability of exactly {@code k}; 0 outside 0 to {@link #maxCount()}
     */
    public double probability(int k) {
        return k < 0 || k >= pmf.length ? 0 : pmf[k];
    }

    /**
     * @param k a count
     * @return the probability of {@code k} or more
     */
    public double atLeast(int k) {
        double sum = 0;
        for (int i = Math.max(0, k); i < pmf.length; i++) {
            sum += pmf[i];
        }
        return Math.min(1, sum);
    }

    /** @return the expected count */
    public double mean() {
        double m = 0;
        for (int i = 0; i < pmf.length; i++) {
            m += i * pmf[i];
        }
        return m;
    }

    /** @return the variance of the count */
    public double variance() {
        double m = mean();
        double v = 0;
        for (int i = 0; i < pmf.length; i++) {
            v += (i - m) * (i - m) * pmf[i];
        }
        return v;
    }

    /** @return the probabilities of 0 to {@link #maxCount()}, a fresh array */
    public double[] probabilities() {
        return pmf.clone();
    }

    static void checkProbability(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new InvalidValueException(name, "a probability from 0 to 1", p);
        }
    }

    @Override
    public String toString() {
        return "CountDistribution[" + (exact ? "exact" : "normal approximation") + ", mean " + mean() + ", "
                + Arrays.toString(pmf) + "]";
    }
}
