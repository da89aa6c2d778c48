package dev.outbound.spi.simulation;

import dev.outbound.core.InvalidValueException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long something takes in the simulation (ringing, talking, waiting for an agent), as a
 * distribution of durations drawn from a {@link RandomGenerator}. Samples are never negative and
 * never longer than {@link #LONGEST}; a distribution's parameters may not be either.
 *
 * <p>Given the same generator state, a distribution draws the same sample: reproducibility
 * comes from seeding the generator.
 */
public sealed interface Distribution {
    /**
     * The longest parameter or sample: long tails are cut here so that an instant plus a sample
     * can never overflow. No contact-center duration comes close.
     */
    Duration LONGEST = Duration.ofDays(365);

    /**
     * @param random the generator to draw from
     * @return a duration drawn from this distribution, 0 to {@link #LONGEST}
     */
    Duration sample(RandomGenerator random);

    /** @return the distribution's mean, as theory gives it (before the cut at {@link #LONGEST}) */
    Duration mean();

    /**
     * @param value the only value
     * @return a distribution that always gives {@code value}
     */
    static Distribution fixed(Duration value) {
        return new Fixed(value);
    }

    /**
     * @param min the shortest value
     * @param max the longest value, not shorter than {@code min}
     * @return durations spread evenly between {@code min} and {@code max}
     */
    static Distribution uniform(Duration min, Duration max) {
        return new Uniform(min, max);
    }

    /**
     * @param mean the mean, positive
     * @return durations of a memoryless process with that mean
     */
    static Distribution exponential(Duration mean) {
        return new Exponential(mean);
    }

    /**
     * @param median half the durations are shorter, positive
     * @param p90 nine in ten durations are shorter; longer than {@code median}
     * @return log-normal durations with that median and 90th percentile
     */
    static Distribution logNormal(Duration median, Duration p90) {
        return new LogNormal(median, p90);
    }

    /**
     * @param observed durations seen in practice, at least one
     * @return the observed durations, drawn with equal chance each
     */
    static Distribution empirical(List<Duration> observed) {
        return new Empirical(observed);
    }

    /**
     * Always the same duration.
     *
     * @param value the duration, 0 to {@link #LONGEST}
     */
    record Fixed(Duration value) implements Distribution {
        /**
         * Checks the value.
         *
         * @param value the duration
         */
        public Fixed {
            checkDuration("fixed value", value);
        }

        @Override
        public Duration sample(RandomGenerator random) {
            Objects.requireNonNull(random, "random");
            return value;
        }

        @Override
        public Duration mean() {
            return value;
        }
    }

    /**
     * Durations spread evenly between two bounds, both included.
     *
     * @param min the shortest, 0 to {@link #LONGEST}
     * @param max the longest, {@code min} to {@link #LONGEST}
     */
    record Uniform(Duration min, Duration max) implements Distribution {
        /**
         * Checks the bounds.
         *
         * @param min the shortest
         * @param max the longest
         */
        public Uniform {
            checkDuration("uniform min", min);
            checkDuration("uniform max", max);
            if (max.compareTo(min) < 0) {
                throw new InvalidValueException("uniform max", "at least min " + min, max);
            }
        }

        @Override
        public Duration sample(RandomGenerator random) {
            long lo = min.toNanos();
            long hi = max.toNanos();
            return lo == hi ? min : Duration.ofNanos(random.nextLong(lo, hi + 1));
        }

        @Override
        public Duration mean() {
            return Duration.ofNanos((min.toNanos() + max.toNanos()) / 2);
        }
    }

    /**
     * Durations of a memoryless process: as likely to end in the next second whatever has elapsed.
     * The standard deviation equals the mean.
     *
     * @param mean the mean, positive, at most {@link #LONGEST}
     */
    record Exponential(Duration mean) implements Distribution {
        /**
         * Checks the mean.
         *
         * @param mean the mean
         */
        public Exponential {
            checkPositive("exponential mean", mean);
        }

        @Override
        public Duration sample(RandomGenerator random) {
            return ofSeconds(seconds(mean) * random.nextExponential());
        }
    }

    /**
     * Log-normal durations, given the way a contact center describes them: the median (half the
     * calls are shorter) and the 90th percentile (nine in ten are shorter). Talk times and
     * patience are skewed like this: most are near the median, a few are much longer.
     *
     * <p>In the usual terms, {@code mu = ln(median)} and {@code sigma = ln(p90 / median) / 1.2816}
     * (1.2816 being the standard normal's 90th percentile); the mean is
     * {@code median * exp(sigma^2 / 2)}. A 90th percentile three times the median gives a mean
     * 1.45 times the median.
     *
     * @param median the median, positive, at most {@link #LONGEST}
     * @param p90 the 90th percentile, longer than {@code median}, at most {@link #LONGEST}
     */
    record LogNormal(Duration median, Duration p90) implements Distribution {
        /** The standard normal distribution's 90th percentile. */
        private static final double Z90 = 1.2815515655446004;

        /**
         * Checks the parameters.
         *
         * @param median the median
         * @param p90 the 90th percentile
         */
        public LogNormal {
            checkPositive("log-normal median", median);
            checkPositive("log-normal p90", p90);
            if (p90.compareTo(median) <= 0) {
                throw new InvalidValueException("log-normal p90", "longer than median " + median, p90);
            }
        }

        /** @return the standard deviation of the duration's logarithm */
        public double sigma() {
            return Math.log(seconds(p90) / seconds(median)) / Z90;
        }

        @Override
        public Duration sample(RandomGenerator random) {
            return ofSeconds(seconds(median) * Math.exp(sigma() * random.nextGaussian()));
        }

        @Override
        public Duration mean() {
            double sigma = sigma();
            return ofSeconds(seconds(median) * Math.exp(sigma * sigma / 2));
        }
    }

    /**
     * Durations observed in practice (talk times from last month's calls), replayed: each sample
     * is one of them, with equal chance.
     *
     * @param observed the durations, at least one, each 0 to {@link #LONGEST}
     */
    record Empirical(List<Duration> observed) implements Distribution {
        /**
         * Checks and copies the observations.
         *
         * @param observed the durations
         */
        public Empirical {
            Objects.requireNonNull(observed, "observed");
            if (observed.isEmpty()) {
                throw new InvalidValueException("empirical observed", "at least one duration", observed);
            }
            for (Duration d : observed) {
                checkDuration("empirical observed duration", d);
            }
            observed = List.copyOf(observed);
        }

        @Override
        public Duration sample(RandomGenerator random) {
            return observed.get(random.nextInt(observed.size()));
        }

        @Override
        public Duration mean() {
            double sum = 0;
            for (Duration d : observed) {
                sum += seconds(d);
            }
            return ofSeconds(sum / observed.size());
        }

        @Override
        public String toString() {
            return "Empirical[" + observed.size() + " observed, mean " + mean() + "]";
        }
    }

    private static void checkDuration(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.compareTo(LONGEST) > 0) {
            throw new InvalidValueException(name, "0 - " + LONGEST, value);
        }
    }

    private static void checkPositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero() || value.compareTo(LONGEST) > 0) {
            throw new InvalidValueException(name, "positive, at most " + LONGEST, value);
        }
    }

    private static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }

    private static Duration ofSeconds(double seconds) {
        if (!(seconds > 0)) {
            return Duration.ZERO;
        }
        if (seconds >= seconds(LONGEST)) {
            return LONGEST;
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}
