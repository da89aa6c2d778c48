package dev.outbound.pacing.predict;

import java.util.Objects;

/**
 * The distribution of a sum of independent Bernoulli variables with their own probabilities (how
 * many of the agents are free, how many of the calls are answered): the Poisson-binomial
 * distribution.
 *
 * <p>{@link #of} computes it exactly by dynamic programming, adding one variable at a time
 * ({@code O(n^2)}), for up to {@value #EXACT_LIMIT} variables, and beyond that by the normal
 * approximation with the same mean and variance, discretized with a continuity correction:
 * {@code P(k) = Phi((k + 1/2 - mean) / sd) - Phi((k - 1/2 - mean) / sd)}, the ends taking the
 * tails. With hundreds of variables whose variance is not tiny the approximation is close; the
 * exact computation would cost more than a pacing decision can spend.
 */
public final class PoissonBinomial {
    /** The most variables computed exactly. */
    public static final int EXACT_LIMIT = 500;

    private PoissonBinomial() {
    }

    /**
     * The distribution of the number of successes.
     *
     * @param p each variable's probability of success, 0 to 1
     * @return the distribution over 0 to {@code p.length}; exact up to {@value #EXACT_LIMIT}
     *     variables
     */
    public static CountDistribution of(double... p) {
        Objects.requireNonNull(p, "p");
        return p.length <= EXACT_LIMIT ? exact(p) : normal(p);
    }

    /**
     * The exact distribution, by dynamic programming.
     *
     * @param p each variable's probability of success, 0 to 1
     * @return the distribution over 0 to {@code p.length}
     */
    public static CountDistribution exact(double... p) {
        Objects.requireNonNull(p, "p");
        double[] pmf = new double[p.length + 1];
        pmf[0] = 1;
        for (int i = 0; i < p.length; i++) {
            double q = p[i];
            CountDistribution.checkProbability("p[" + i + "]", q);
            // Going down keeps pmf[k - 1] the value before variable i was added.
            for (int k = i + 1; k >= 1; k--) {
                pmf[k] = pmf[k] * (1 - q) + pmf[k - 1] * q;
            }
            pmf[0] *= 1 - q;
        }
        return new CountDistribution(pmf, true);
    }

    /**
     * The normal approximation, discretized with a continuity correction.
     *
     * @param p each variable's probability of success, 0 to 1
     * @return the distribution over 0 to {@code p.length}
     */
    public static CountDistribution normal(double... p) {
        Objects.requireNonNull(p, "p");
        double mean = 0;
        double variance = 0;
        for (int i = 0; i < p.length; i++) {
            CountDistribution.checkProbability("p[" + i + "]", p[i]);
            mean += p[i];
            variance += p[i] * (1 - p[i]);
        }
        int n = p.length;
        double[] pmf = new double[n + 1];
        if (variance <= 0) {
            pmf[(int) Math.round(mean)] = 1;
            return new CountDistribution(pmf, false);
        }
        double sd = Math.sqrt(variance);
        double below = 0;
        for (int k = 0; k < n; k++) {
            double upTo = Gauss.cdf((k + 0.5 - mean) / sd);
            pmf[k] = upTo - below;
            below = upTo;
        }
        pmf[n] = 1 - below;
        return new CountDistribution(pmf, false);
    }
}
