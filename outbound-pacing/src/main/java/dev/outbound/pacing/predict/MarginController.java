package dev.outbound.pacing.predict;

import dev.outbound.core.InvalidValueException;
import dev.outbound.pacing.abandon.AbandonLedger;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The safety margin of predictive pacing: the abandon probability a dial may carry
 * ({@link #allowed()}), adapted to the abandons actually measured. The pacer's forecast is only a
 * model; the controller closes the loop. It can be fed in two ways.
 *
 * <h2>Per live answer: {@link #answered}</h2>
 * A stochastic approximation of the allowed probability's logarithm. With the rate to hold
 * {@code H} (the target, or less) and {@code x} 1 for an abandoned answer and 0 for a connected one,
 * each live answer does
 * <pre>
 *   allowed *= exp(answerGain * (H - x) / H)
 * </pre>
 * On average the allowed probability rises while fewer than {@code H} of the answers are
 * abandoned and falls while more are, and it settles where the pacing abandons {@code H} of them.
 * Its logarithm moves by {@code answerGain / H} times the abandons the window could still take at
 * the rate {@code H}: a small gain (0.001 by default) keeps it nearly constant once settled, which
 * is what keeps agents busiest for a given abandon rate. An allowed probability that swings with
 * every few abandons pays more in abandons than it wins in occupancy (measured on the standard
 * model, 20 agents at an answer rate of 0.25: a constant 1.6% gave 90.4% occupancy at 2.5%
 * abandoned, where the earlier rate rule below, holding the same target, gave 89.5%).
 *
 * <h2>Per measured rate: {@link #update(double)}</h2>
 * A multiplicative (integral, in the logarithm) rule with a dead band. With the measured rate
 * {@code r}, the target {@code T} and the error {@code e = (T - r) / T} bounded to {@code [-1, 1]},
 * each update does
 * <ul>
 * <li>when {@code r > T}: {@code allowed *= exp(downGain * e)}, lower;
 * <li>when {@code r < (1 - deadBand) T}: {@code allowed *= exp(upGain * e)}, higher;
 * <li>otherwise nothing.
 * </ul>
 * It steps down faster than up (0.1 against 0.02 by default), since going over the target is what a
 * regulator counts. It reacts within a few updates, and so follows the noise of a short measured
 * rate too; prefer {@link #answered} where each answer is known.
 *
 * <h2>The window's budget</h2>
 * {@link #allowed(Instant, AbandonLedger, long, double)} caps what the controller allows by the
 * abandons the rule's window can still take ({@link AbandonLedger#budget}) and shrinks it in
 * proportion as that budget falls under a cushion, so that pacing slows toward progressive as the
 * window nears its limit instead of running into it.
 *
 * <p>Both rules are deterministic: the same measurements give the same sequence. Defaults: starts
 * at the target; {@code min = T / 10}; {@code max = min(0.5, 4 T)}, since the pacer bounds the
 * chance of the last dial only and the average answer's is lower; dead band 0.2. Not thread-safe.
 */
public final class MarginController {
    /** The default {@link Builder#answerGain}: about a thousand live answers to settle. */
    public static final double DEFAULT_ANSWER_GAIN = 0.001;
    /** The least share of the allowed probability the cushion leaves while some budget is left. */
    private static final double CUSHION_FLOOR = 0.1;

    private final double target;
    private final double min;
    private final double max;
    private final double downGain;
    private final double upGain;
    private final double deadBand;
    private final double answerGain;
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
        this.answerGain = b.answerGain;
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
     * Adapts to one live answer, holding the target (see the type's description).
     *
     * @param abandoned whether the answer was abandoned
     * @return the new {@link #allowed()}
     */
    public double answered(boolean abandoned) {
        return answered(abandoned, target);
    }

    /**
     * Adapts to one live answer, holding a rate at or under the target: {@code allowed *=
     * exp(answerGain * (held - x) / held)}, {@code x} 1 if abandoned, else 0, within the bounds.
     * A pacer holds less than the target where the rule's window is short and its rate scatters.
     *
     * @param abandoned whether the answer was abandoned
     * @param held the rate to hold, above 0 and at most the {@link #target()}
     * @return the new {@link #allowed()}
     */
    public double answered(boolean abandoned, double held) {
        if (!(held > 0 && held <= target)) {
            throw new InvalidValueException("held", "above 0 and at most the target " + target, held);
        }
        allowed *= Math.exp(answerGain * ((abandoned ? held - 1 : held) / held));
        allowed = Math.max(min, Math.min(max, allowed));
        return allowed;
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
     * What a dial may carry now given the ledger's window as well, without a cushion:
     * {@link #allowed(Instant, AbandonLedger, long, double)} with a cushion of 0.
     *
     * @param at now, not before the ledger's present bucket
     * @param ledger the campaign's ledger
     * @param expectedLiveAnswers the live answers expected over the pacing horizon, 1 to
     *     {@value Integer#MAX_VALUE}
     * @return the allowed probability, 0 to {@link #allowed()}
     */
    public double allowed(Instant at, AbandonLedger ledger, long expectedLiveAnswers) {
        return allowed(at, ledger, expectedLiveAnswers, 0);
    }

    /**
     * What a dial may carry now given the ledger's window as well. With {@code b} the abandons the
     * window can still take over the next {@code E = expectedLiveAnswers} live answers
     * ({@link AbandonLedger#budget}) and {@code C} the cushion, it is
     * <pre>
     *   min(allowed(), b / E) * max(0.1, min(1, b / C))
     * </pre>
     * and 0 when {@code b <= 0}. The first factor keeps the window's expected rate within the
     * target; the second slows pacing in proportion as the budget falls under the cushion (to a
     * tenth, never to nothing while some budget is left), so that the scatter of the abandons to
     * come rarely runs the window into its limit. 0 means that no abandon can be afforded and the
     * engine should dial only for agents already free.
     *
     * @param at now, not before the ledger's present bucket
     * @param ledger the campaign's ledger
     * @param expectedLiveAnswers the live answers expected over the pacing horizon, 1 to
     *     {@value Integer#MAX_VALUE}
     * @param cushion the budget, in abandons, under which pacing slows; 0 or more, 0 for none
     * @return the allowed probability, 0 to {@link #allowed()}
     */
    public double allowed(Instant at, AbandonLedger ledger, long expectedLiveAnswers, double cushion) {
        Objects.requireNonNull(ledger, "ledger");
        if (expectedLiveAnswers < 1 || expectedLiveAnswers > Integer.MAX_VALUE) {
            throw new InvalidValueException("expectedLiveAnswers", "1 to " + Integer.MAX_VALUE, expectedLiveAnswers);
        }
        if (!(cushion >= 0 && cushion < Double.POSITIVE_INFINITY)) {
            throw new InvalidValueException("cushion", "0 or more abandons", cushion);
        }
        double budget = ledger.budget(Objects.requireNonNull(at, "at"), expectedLiveAnswers);
        if (budget <= 0) {
            return 0;
        }
        double capped = Math.min(allowed, budget / expectedLiveAnswers);
        return cushion > budget ? capped * Math.max(CUSHION_FLOOR, budget / cushion) : capped;
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
        private double answerGain = DEFAULT_ANSWER_GAIN;
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

        /**
         * @param gain how far one live answer moves the allowed probability's logarithm, in units
         *     of {@code (held - x) / held} ({@link MarginController#answered(boolean, double)}):
         *     above 0 and at most 0.1; default {@value MarginController#DEFAULT_ANSWER_GAIN}
         * @return this builder
         */
        public Builder answerGain(double gain) {
            once("answerGain");
            if (!(gain > 0 && gain <= 0.1)) {
                throw new InvalidValueException("answerGain", "above 0 and at most 0.1", gain);
            }
            this.answerGain = gain;
            return this;
        }

        /** @return the controller */
        public MarginController build() {
            return new MarginController(this);
        }
    }
}
