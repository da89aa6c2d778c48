package dev.outbound.pacing.predict;

import dev.outbound.core.InvalidValueException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * An online log-normal fit of durations (ring time to answer, talk time, wrap-up time) that
 * forgets: the mean and variance of the durations' logarithms, by Welford's update with
 * exponentially decaying weights.
 *
 * <h2>Forgetting</h2>
 * Forgetting is by count, not by time: before each observation the weights of everything seen so
 * far are multiplied by {@code 1 - 1/memory}, so an observation {@code n} observations old weighs
 * {@code (1 - 1/memory)^n} and the effective sample size ({@link #weight()}) approaches
 * {@code memory}. By count, because the estimator must keep its precision when calls are rare
 * (a small team at night) and follow drift as fast as the calls show it when they are many; the
 * engine has no idle clock to decay by.
 *
 * <h2>Cold start</h2>
 * Before any data the fit is the prior it was made with, weighing {@code priorWeight}
 * observations (1 by default in {@link PacingModel}); the prior decays like any observation, so a
 * handful of real durations outweigh it.
 *
 * <p>Durations shorter than 10 ms count as 10 ms (a logarithm needs a positive value), and the fit's
 * {@link #sigma()} is at least {@value #MIN_SIGMA}, so that a constant duration (a fixed wrap-up)
 * gives a steep but well-defined distribution. Not thread-safe.
 */
public final class LogNormalEstimator {
    /** The shortest duration taken literally, in seconds; shorter ones count as this. */
    static final double MIN_SECONDS = 0.01;

    /** The smallest {@link #sigma()} the fit reports. */
    public static final double MIN_SIGMA = 0.01;

    /** The largest memory, in observations. */
    public static final int MAX_MEMORY = 1_000_000_000;

    private final int memory;
    private final double keep;
    private double weight;
    private double mean;
    private double m2;
    /** sigma() and its inverse, kept up to date by every change: the forecasts read them thousands of times a decision. */
    private double sigma;
    private double inverseSigma;

    private LogNormalEstimator(int memory, double mu, double sigma, double priorWeight) {
        this.memory = memory;
        this.keep = 1 - 1.0 / memory;
        this.weight = priorWeight;
        this.mean = mu;
        this.m2 = priorWeight * sigma * sigma;
        updateSigma();
    }

    private void updateSigma() {
        sigma = Math.max(MIN_SIGMA, Math.sqrt(Math.max(0, m2 / weight)));
        inverseSigma = 1 / sigma;
    }

    /**
     * An estimator that starts from a prior.
     *
     * @param priorMean the mean duration before any data, positive, at most one day
     * @param priorCv the coefficient of variation (standard deviation over mean) before any data,
     *     above 0 and at most 10
     * @param priorWeight how many observations the prior is worth, above 0 and at most
     *     {@code memory}
     * @param memory the effective number of observations kept, 1 to {@value #MAX_MEMORY}
     * @return the estimator
     */
    public static LogNormalEstimator withPrior(Duration priorMean, double priorCv, double priorWeight, int memory) {
        Objects.requireNonNull(priorMean, "priorMean");
        if (priorMean.isNegative() || priorMean.isZero() || priorMean.compareTo(Duration.ofDays(1)) > 0) {
            throw new InvalidValueException("priorMean", "positive, at most 1 day", priorMean);
        }
        if (!(priorCv > 0 && priorCv <= 10)) {
            throw new InvalidValueException("priorCv", "above 0 and at most 10", priorCv);
        }
        checkMemory(memory);
        if (!(priorWeight > 0 && priorWeight <= memory)) {
            throw new InvalidValueException("priorWeight", "above 0 and at most the memory (" + memory + ")",
                    priorWeight);
        }
        double variance = Math.log(1 + priorCv * priorCv);
        double mu = Math.log(seconds(priorMean)) - variance / 2;
        return new LogNormalEstimator(memory, mu, Math.sqrt(variance), priorWeight);
    }

    static void checkMemory(int memory) {
        if (memory < 1 || memory > MAX_MEMORY) {
            throw new InvalidValueException("memory", "1 to " + MAX_MEMORY + " observations", memory);
        }
    }

    /**
     * Adds an observed duration.
     *
     * @param duration the duration, not negative
     */
    public void observe(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new InvalidValueException("duration", "not negative", duration);
        }
        observeSeconds(seconds(duration));
    }

    void observeSeconds(double seconds) {
        double x = Math.log(Math.max(MIN_SECONDS, seconds));
        weight = weight * keep + 1;
        m2 *= keep;
        double delta = x - mean;
        mean += delta / weight;
        m2 += delta * (x - mean);
        updateSigma();
    }

    /** @return the effective number of observations behind the fit, the prior's decayed weight included */
    public double weight() {
        return weight;
    }

    /** @return the memory the estimator was made with, in observations */
    public int memory() {
        return memory;
    }

    /** @return the mean of the durations' natural logarithms (of seconds) */
    public double mu() {
        return mean;
    }

    /** @return the standard deviation of the durations' natural logarithms, at least {@value #MIN_SIGMA} */
    public double sigma() {
        return sigma;
    }

    /** @return the mean duration of the fitted log-normal, {@code exp(mu + sigma^2 / 2)} */
    public Duration mean() {
        double s = sigma();
        return Duration.ofNanos(Math.round(Math.exp(mean + s * s / 2) * 1e9));
    }

    /**
     * The fitted probability that a duration is at most {@code d}.
     *
     * @param d a duration
     * @return the probability, 0 to 1
     */
    public double probabilityAtMost(Duration d) {
        return 1 - survival(seconds(Objects.requireNonNull(d, "d")));
    }

    /** P(duration > seconds) under the fit; 1 at or below 0. */
    double survival(double seconds) {
        if (seconds <= 0) {
            return 1;
        }
        return Gauss.upper((Math.log(seconds) - mean) * inverseSigma);
    }

    /**
     * P(duration <= elapsed + ahead | duration > elapsed): the chance that something that has
     * lasted {@code elapsed} ends within {@code ahead} more. When the fit gives the elapsed time no
     * chance at all (a duration far beyond anything seen), it is taken to end at once: 1.
     */
    double endsWithin(double elapsed, double ahead) {
        double s = survival(elapsed);
        if (s <= 0) {
            return 1;
        }
        return Math.min(1, Math.max(0, 1 - survival(elapsed + ahead) / s));
    }

    static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LogNormalEstimator[mean %.3fs, mu %.4f, sigma %.4f, weight %.1f]",
                Math.exp(mean + sigma() * sigma() / 2), mean, sigma(), weight);
    }
}
