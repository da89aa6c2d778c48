package dev.outbound.pacing.predict;

import dev.outbound.core.InvalidValueException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * What the engine has learnt about how dials turn into live answers: the probability that a dial
 * is answered by a live person, how long answered calls rang, and how long the other calls rang
 * before they ended (failed, busy, rang out or answered by a machine). From these it tells, for a
 * call that has been ringing for a while, how likely it is still to bring a live answer within the
 * next seconds.
 *
 * <h2>Censoring</h2>
 * A call that ends without a live answer never shows when it would have been answered, and a call
 * still ringing shows neither. So the model keeps three estimates apart, each from the calls that
 * inform it: the answer probability {@code p} from every finished dial (answered over finished),
 * the ring time to answer (a {@link LogNormalEstimator}) from answered calls only, and the ring
 * time of unanswered calls (a decaying histogram of 1-second bins, since they are a mixture: quick
 * failures and ring-outs at the network's timeout) from unanswered calls only. A call still
 * ringing after {@code e} seconds is then answered within {@code h} more with probability
 * <pre>
 *   p (Sa(e) - Sa(e + h)) / (p Sa(e) + (1 - p) Su(e))
 * </pre>
 * where {@code Sa} and {@code Su} are the two ring-time survival functions: the competing-risks
 * form, in which a call that has outlived most failures is more likely to be answered, and one that
 * has outlived the answers' ring times is likely to ring out. Ring-outs lower the answer
 * probability only by counting as finished dials without an answer, never by being taken for slow
 * answers.
 *
 * <h2>Forgetting and cold start</h2>
 * Every finished dial multiplies the weight of all earlier dials by {@code 1 - 1/dialMemory}
 * (the ring-time fit of answers forgets by its own memory). Before any data the model assumes an
 * answer probability of {@value #PRIOR_ANSWER_PROBABILITY}, worth {@value #PRIOR_DIALS} dials, answers
 * after 15 s (coefficient of variation 0.5) and unanswered calls ending evenly within the first
 * 30 s; data replaces these within a few dozen calls. Not thread-safe.
 */
public final class AnswerModel {
    /** The answer probability before any data. */
    public static final double PRIOR_ANSWER_PROBABILITY = 0.3;

    /** How many dials the prior answer probability is worth. */
    public static final double PRIOR_DIALS = 2;

    /** Unanswered ring times are kept in 1-second bins up to this many seconds; longer ones share the last bin. */
    static final int BINS = 120;

    private static final int PRIOR_UNANSWERED_SPREAD = 30;

    private final int dialMemory;
    private final double keep;
    private final LogNormalEstimator ringToAnswer;
    private double answered;
    private double unanswered;
    /** Decayed weights of unanswered calls by ring time: bin i holds [i, i + 1) s, the last bin everything longer. */
    private final double[] unansweredBins = new double[BINS + 1];
    /** suffix[i] = sum of bins i and later; recomputed lazily after observations. */
    private final double[] suffix = new double[BINS + 2];
    private boolean suffixStale = true;
    private long finished;

    AnswerModel(int dialMemory, LogNormalEstimator ringToAnswer) {
        LogNormalEstimator.checkMemory(dialMemory);
        this.dialMemory = dialMemory;
        this.keep = 1 - 1.0 / dialMemory;
        this.ringToAnswer = Objects.requireNonNull(ringToAnswer, "ringToAnswer");
        this.answered = PRIOR_ANSWER_PROBABILITY * PRIOR_DIALS;
        this.unanswered = PRIOR_DIALS - answered;
        Arrays.fill(unansweredBins, 0, PRIOR_UNANSWERED_SPREAD, unanswered / PRIOR_UNANSWERED_SPREAD);
    }

    /**
     * A model with the documented priors.
     *
     * @param dialMemory the effective number of finished dials the answer probability and the
     *     unanswered ring times are kept over, 1 to {@value LogNormalEstimator#MAX_MEMORY}
     * @param answerMemory the effective number of answered calls the ring time to answer is kept
     *     over, 1 to {@value LogNormalEstimator#MAX_MEMORY}
     * @return the model
     */
    public static AnswerModel withPriors(int dialMemory, int answerMemory) {
        LogNormalEstimator.checkMemory(answerMemory);
        return new AnswerModel(dialMemory,
                LogNormalEstimator.withPrior(Duration.ofSeconds(15), 0.5, Math.min(1, answerMemory), answerMemory));
    }

    /**
     * Records a dial answered by a live person.
     *
     * @param ringTime from the dial to the answer, not negative
     */
    public void answered(Duration ringTime) {
        double s = checkedSeconds(ringTime, "ringTime");
        decay();
        answered += 1;
        ringToAnswer.observeSeconds(s);
    }

    /**
     * Records a dial that ended without a live answer: failed, busy, rang out, or answered by a
     * machine.
     *
     * @param ringTime from the dial to its end, not negative
     */
    public void unanswered(Duration ringTime) {
        double s = checkedSeconds(ringTime, "ringTime");
        decay();
        unanswered += 1;
        unansweredBins[bin(s)] += 1;
    }

    private void decay() {
        finished++;
        answered *= keep;
        unanswered *= keep;
        for (int i = 0; i < unansweredBins.length; i++) {
            unansweredBins[i] *= keep;
        }
        suffixStale = true;
    }

    /** @return the probability that a dial is answered by a live person, 0 to 1 */
    public double answerProbability() {
        return answered / (answered + unanswered);
    }

    /** @return how many finished dials the model has taken, without forgetting: none before the first */
    public long finishedDials() {
        return finished;
    }

    /** @return the fit of ring times to a live answer, from answered calls only */
    public LogNormalEstimator ringTimeToAnswer() {
        return ringToAnswer;
    }

    /** @return the effective number of finished dials behind the answer probability, prior included */
    public double weight() {
        return answered + unanswered;
    }

    /** @return the memory the model was made with, in finished dials */
    public int dialMemory() {
        return dialMemory;
    }

    /**
     * The probability that a call ringing for {@code elapsed} is answered by a live person within
     * {@code ahead} more (see the type's description for the formula). For a new dial, give an
     * elapsed time of zero.
     *
     * @param elapsed how long the call has been ringing, not negative
     * @param ahead how far ahead to look, not negative
     * @return the probability, 0 to 1
     */
    public double answeredWithin(Duration elapsed, Duration ahead) {
        return answeredWithin(checkedSeconds(elapsed, "elapsed"), checkedSeconds(ahead, "ahead"));
    }

    /**
     * Writes P(answered live by elapsed + j * step | ringing at elapsed) to {@code out[j - 1]} for
     * j = 1 .. out.length: {@link #answeredWithin(double, double)} at each step, sharing the work
     * that does not depend on the step.
     */
    /**
     * While the model has less evidence than {@value #CAUTIOUS_DIALS} dials, it predicts answers
     * at the upper end of the answer probability's confidence interval, this many standard
     * errors above the estimate.
     */
    static final double CAUTION_ERRORS = 2;

    /** The evidence, in dials, above which predictions use the estimate itself. */
    public static final int CAUTIOUS_DIALS = 300;

    /**
     * The answer probability that predictions use: the estimate, or while the evidence is under
     * {@value #CAUTIOUS_DIALS} dials, the estimate plus two standard errors. Too low an estimate
     * makes the pacer dial too many calls, and the first cohort's estimate can be far off: in
     * the standard model's 20 agents at p = 0.25, the first minute's over-dialling abandoned 7
     * of 28 answers and kept the campaign near progressive for the next half hour.
     *
     * @return the answer probability used for predictions, from 0 to 1
     */
    public double predictedAnswerProbability() {
        double p = answerProbability();
        double n = weight();
        if (n >= CAUTIOUS_DIALS) {
            return p;
        }
        return Math.min(1, p + CAUTION_ERRORS * Math.sqrt(p * (1 - p) / n));
    }

    void answeredBySteps(double elapsed, double step, double[] out) {
        double p = predictedAnswerProbability();
        double sa = ringToAnswer.survival(elapsed);
        double denominator = p * sa + (1 - p) * unansweredSurvival(elapsed);
        if (denominator <= 0) {
            Arrays.fill(out, 0.0);
            return;
        }
        double before = 0;
        for (int j = 1; j <= out.length; j++) {
            double r = Math.min(1, Math.max(before, p * (sa - ringToAnswer.survival(elapsed + j * step)) / denominator));
            out[j - 1] = r;
            before = r;
        }
    }

    double answeredWithin(double elapsed, double ahead) {
        double p = predictedAnswerProbability();
        double sa = ringToAnswer.survival(elapsed);
        double denominator = p * sa + (1 - p) * unansweredSurvival(elapsed);
        if (denominator <= 0) {
            return 0;
        }
        double answeredAhead = p * (sa - ringToAnswer.survival(elapsed + ahead));
        return Math.min(1, Math.max(0, answeredAhead / denominator));
    }

    /**
     * P(an unanswered call is still ringing after {@code seconds}), from the histogram, with the
     * weight of a bin spread evenly over its second; the last, open bin counts as still ringing.
     */
    double unansweredSurvival(double seconds) {
        if (unanswered <= 0) {
            return 0;
        }
        if (suffixStale) {
            suffix[BINS + 1] = 0;
            for (int i = BINS; i >= 0; i--) {
                suffix[i] = suffix[i + 1] + unansweredBins[i];
            }
            suffixStale = false;
        }
        if (seconds <= 0) {
            return 1;
        }
        int b = bin(seconds);
        double rest = b == BINS ? unansweredBins[b] : unansweredBins[b] * (1 - (seconds - b));
        return Math.min(1, (suffix[b + 1] + rest) / suffix[0]);
    }

    private static int bin(double seconds) {
        return seconds >= BINS ? BINS : (int) seconds;
    }

    private static double checkedSeconds(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new InvalidValueException(name, "not negative", d);
        }
        return LogNormalEstimator.seconds(d);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "AnswerModel[p %.4f over %.1f dials, ring to answer %s]",
                answerProbability(), weight(), ringToAnswer);
    }
}
