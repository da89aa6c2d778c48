package dev.outbound.pacing.predict;

import dev.outbound.core.InvalidValueException;
import dev.outbound.pacing.abandon.AbandonLedger;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The safety margin of predictive pacing: the abandon probability a dial may carry
 * ({@link #allowed()}, the target minus the margin), adapted to the abandon rate actually
 * measured. The pacer's forecast is only a model; the controller closes the loop.
 *
 * <h2>The rule</h2>
 * A multiplicative (integral, in the logarithm) rule with a dead band. With the measured rate
 * {@code r}, the target {@code T} and the error {@code e = (T - r) / T} bounded to {@code [-1, 1]},
 * each {@link #update} does
 * <ul>
 * <li>when {@code r > T}: {@code allowed *= exp(downGain * e)}, lower;
 * <li>when {@code r < (1 - deadBand) T}: {@code allowed *= exp(upGain * e)}, higher;
 * <li>otherwise nothing;
 * </ul>
 * and keeps {@code allowed} within {@code [min, max]}. It steps down faster than up (0.1 against
 * 0.02 by default), since going over the target is what a regulator counts. It is deterministic: the
 * same measurements give the same sequence. Call it once per live answer, after recording it on
 * the campaign's {@link AbandonLedger}, so that it adapts as fast as evidence comes in.
 *
 * <p>Defaults: starts at the target; {@code min = T / 10}; {@code max = min(0.5, 4 T)}, since the
 * pacer bounds the chance of the last dial only and the average answer's is lower; dead band
 * 0.2. Not thread-safe.
 */
public final class MarginController {
    private final double target;
    private final double min;
    private final double max;
    private final double downGain;
    private final double upGain;
    private final double deadBand;
    private double allowed;

    private MarginController(Builder b) {
        this.target = b.target;
        this.min = b.min.isNaN() ? b.target / 10 : b.min;
        this.max = b.max.isNaN() ? Math.min(0.5, 4 * b.target) : b.max;
        if (!(min <= max)) {
            throw new InvalidValueException("max", "at least min " + min, max);
        }
        double initial = b.initial.isNaN() ? b.target : b.initial;
        if (!(initial >= min && initial <= max)) {
            throw new InvalidValueException("initial", "from min " + min + " to max " + max, initial);
        }
        this.allowed = initial;
        this.downGain = b.downGain;
        this.upGain = b.upGain;
        this.deadBand = b.deadBand;
    }

    /**
     * @param target the abandon rate to hold, above 0 and below 1 (the rule's
     *     {@link dev.outbound.pacing.abandon.AbandonRule#target()})
     * @return a builder with the defaults
     */
    public static Builder newBuilder(double target) {
        return new Builder(target);
    }

    /**
     * @param target the abandon rate to hold, above 0 and below 1
     * @return a controller with the defaults
     */
    public static MarginController of(double target) {
        return newBuilder(target).build();
    }

    /** @return the abandon probability a dial may carry now, from min to max */
    public double allowed() {
        return allowed;
    }

    /** @return the target minus {@link #allowed()}; negative when the controller allows more than the target */
    public double margin() {
        return target - allowed;
    }

    /** @return the abandon rate the controller holds */
    public double target() {
        return target;
    }

    /**
     * Adapts to a measured abandon rate (see the type's description).
     *
     * @param measured the rate measured, 0 to 1
     * @return the new {@link #allowed()}
     */
    public double update(double measured) {
        if (!(measured >= 0 && measured <= 1)) {
            throw new InvalidValueException("measured", "an abandon rate from 0 to 1", measured);
        }
        double error = Math.max(-1, Math.min(1, (target - measured) / target));
        if (measured > target) {
            allowed *= Math.exp(downGain * error);
        } else if (measured < (1 - deadBand) * target) {
            allowed *= Math.exp(upGain * error);
        }
        allowed = Math.max(min, Math.min(max, allowed));
        return allowed;
    }

    /**
     * Adapts to the rate of a ledger's window at {@code at} (which moves the ledger's present).
     *
     * @param at now, not before the ledger's present bucket
     * @param ledger the campaign's ledger
     * @return the new {@link #allowed()}
     */
    public double update(Instant at, AbandonLedger ledger) {
        Objects.requireNonNull(ledger, "ledger");
        return update(ledger.rate(Objects.requireNonNull(at, "at")));
    }

    /**
     * What a dial may carry now given the ledger's window as well: {@link #allowed()}, but no more
     * than the share of the next {@code expectedLiveAnswers} that the window can still take
     * abandoned ({@link AbandonLedger#headroom}). Near the regulatory limit this is what holds the
     * window under it; 0 means that no abandon can be afforded and the engine should dial only for
     * agents already free.
     *
     * @param at now, not before the ledger's present bucket
     * @param ledger the campaign's ledger
     * @param expectedLiveAnswers the live answers expected over the pacing horizon, 1 to
     *     {@value Integer#MAX_VALUE}
     * @return the allowed probability, 0 to {@link #allowed()}
     */
    public double allowed(Instant at, AbandonLedger ledger, long expectedLiveAnswers) {
        Objects.requireNonNull(ledger, "ledger");
        if (expectedLiveAnswers < 1 || expectedLiveAnswers > Integer.MAX_VALUE) {
            throw new InvalidValueException("expectedLiveAnswers", "1 to " + Integer.MAX_VALUE, expectedLiveAnswers);
        }
        long headroom = ledger.headroom(Objects.requireNonNull(at, "at"), expectedLiveAnswers);
        return Math.min(allowed, (double) headroom / expectedLiveAnswers);
    }

    @Override
    public String toString() {
        return "MarginController[allowed " + allowed + ", target " + target + ", bounds " + min + " - " + max + "]";
    }

    /** Builds a {@link MarginController}. Setting a value twice is refused, so that no setting is silently lost. */
    public static final class Builder {
        private final double target;
        private Double initial = Double.NaN;
        private Double min = Double.NaN;
        private Double max = Double.NaN;
        private double downGain = 0.1;
        private double upGain = 0.02;
        private double deadBand = 0.2;
        private final Set<String> set = new HashSet<>();

        private Builder(double target) {
            if (!(target > 0 && target < 1)) {
                throw new InvalidValueException("target", "a fraction above 0 and below 1, e.g. 0.03 for 3%", target);
            }
            this.target = target;
        }

        private void once(String setting) {
            if (!set.add(setting)) {
                throw new IllegalStateException(setting + " is already set");
            }
        }

        private static double probability(String name, double value) {
            if (!(value > 0 && value <= 1)) {
                throw new InvalidValueException(name, "above 0 and at most 1", value);
            }
            return value;
        }

        /**
         * @param value the allowed probability to start from, within the bounds; default the target
         * @return this builder
         */
        public Builder initial(double value) {
            once("initial");
            this.initial = probability("initial", value);
            return this;
        }

        /**
         * @param lower the lowest allowed probability, above 0; default a tenth of the target
         * @param upper the highest, at least {@code lower} and at most 1; default four times the
         *     target, at most 0.5
         * @return this builder
         */
        public Builder bounds(double lower, double upper) {
            once("bounds");
            this.min = probability("min", lower);
            this.max = probability("max", upper);
            if (upper < lower) {
                throw new InvalidValueException("max", "at least min " + lower, upper);
            }
            return this;
        }

        /**
         * @param down how fast the allowed probability falls when the rate is over the target,
         *     above 0 and at most 1; default 0.1
         * @param up how fast it rises when the rate is well under it, above 0 and at most 1;
         *     default 0.02
         * @return this builder
         */
        public Builder gains(double down, double up) {
            once("gains");
            this.downGain = probability("downGain", down);
            this.upGain = probability("upGain", up);
            return this;
        }

        /**
         * @param fraction how far under the target the rate must be, as a fraction of the target,
         *     before the allowed probability rises: 0 to below 1; default 0.2
         * @return this builder
         */
        public Builder deadBand(double fraction) {
            once("deadBand");
            if (!(fraction >= 0 && fraction < 1)) {
                throw new InvalidValueException("deadBand", "0 to below 1", fraction);
            }
            this.deadBand = fraction;
            return this;
        }

        /** @return the controller */
        public MarginController build() {
            return new MarginController(this);
        }
    }
}
