package dev.outbound.pacing.predict;

/**
 * The standard normal distribution, to the precision pacing needs. Tail probabilities keep their
 * relative precision far out (a talk that has lasted ten times its median still gets a usable
 * conditional end probability), which {@code 1 - cdf} would lose.
 */
final class Gauss {
    private static final double SQRT2 = Math.sqrt(2);
    private static final double INVERSE_SQRT2 = 1 / SQRT2;

    private Gauss() {
    }

    /**
     * The complementary error function, by the Chebyshev fit of Numerical Recipes ({@code erfcc}):
     * relative error under 1.2e-7 for every argument.
     */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 2 / (2 + z);
        double ans = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? ans : 2 - ans;
    }

    /** P(Z <= z). */
    static double cdf(double z) {
        return 0.5 * erfc(-z * INVERSE_SQRT2);
    }

    /** P(Z > z), with relative precision in the upper tail. */
    static double upper(double z) {
        return 0.5 * erfc(z * INVERSE_SQRT2);
    }
}
