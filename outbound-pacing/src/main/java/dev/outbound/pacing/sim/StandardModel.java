package dev.outbound.pacing.sim;

import dev.outbound.core.InvalidValueException;
import dev.outbound.spi.simulation.CallProfile;
import dev.outbound.spi.simulation.Distribution;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Objects;

/**
 * The standard call-center model pacing is judged on: {@code agents} agents logged in all shift;
 * each dial is a live answer with probability {@code answerRate} after a log-normal ring time;
 * otherwise a share {@code failShare} fails within a uniform time and the rest ring out at the ring
 * timeout; talk time is log-normal, wrap-up fixed; an answer no agent takes within the connect
 * limit is abandoned. No answering machines.
 *
 * @param agents agents logged in all shift, 1 to 10,000
 * @param answerRate the probability that a dial is answered by a person, above 0 and at most 1
 * @param ringMean the mean ring time before a live answer
 * @param ringCv the ring time's coefficient of variation, 0 to 5
 * @param failShare the share of unanswered dials that fail quickly, 0 to 1
 * @param failMin the shortest time to a quick failure
 * @param failMax the longest time to a quick failure
 * @param ringOut the ring timeout after which the rest end unanswered
 * @param talkMean the mean talk time
 * @param talkCv the talk time's coefficient of variation, 0 to 5
 * @param wrapUp the wrap-up time after each conversation
 * @param shift the length of the shift
 */
public record StandardModel(int agents, double answerRate, Duration ringMean, double ringCv, double failShare,
        Duration failMin, Duration failMax, Duration ringOut, Duration talkMean, double talkCv, Duration wrapUp,
        Duration shift) {
    /** The 90th percentile of the standard normal distribution. */
    private static final double Z90 = 1.2815515655446004;

    /**
     * Checks the parameters.
     *
     * @param agents agents
     * @param answerRate live answer probability
     * @param ringMean mean ring time
     * @param ringCv ring time cv
     * @param failShare share failing quickly
     * @param failMin shortest failure time
     * @param failMax longest failure time
     * @param ringOut ring timeout
     * @param talkMean mean talk time
     * @param talkCv talk time cv
     * @param wrapUp wrap-up time
     * @param shift shift length
     */
    public StandardModel {
        if (agents < 1 || agents > 10_000) {
            throw new InvalidValueException("agents", "1 - 10000", agents);
        }
        if (!(answerRate > 0 && answerRate <= 1)) {
            throw new InvalidValueException("answer rate", "above 0, at most 1", answerRate);
        }
        positive("ring mean", ringMean);
        cv("ring cv", ringCv);
        if (!(failShare >= 0 && failShare <= 1)) {
            throw new InvalidValueException("fail share", "0 - 1", failShare);
        }
        Objects.requireNonNull(failMin, "failMin");
        Objects.requireNonNull(failMax, "failMax");
        if (failMin.isNegative() || failMax.compareTo(failMin) < 0) {
            throw new InvalidValueException("quick failure times", "0 <= min <= max", failMin + " - " + failMax);
        }
        positive("ring out", ringOut);
        positive("talk mean", talkMean);
        cv("talk cv", talkCv);
        Objects.requireNonNull(wrapUp, "wrapUp");
        if (wrapUp.isNegative()) {
            throw new InvalidValueException("wrap-up", "not negative", wrapUp);
        }
        positive("shift", shift);
    }

    /**
     * The standard model of the pacing benchmark: ring time log-normal (mean 10 s, cv 0.5); 25 % of
     * the unanswered dials fail within 1 - 5 s, the rest ring out at 25 s; talk time log-normal
     * (mean 120 s, cv 0.75); wrap-up 10 s; an 8-hour shift.
     *
     * @param agents agents logged in all shift
     * @param answerRate the live answer probability
     * @return the model
     */
    public static StandardModel of(int agents, double answerRate) {
        return new StandardModel(agents, answerRate, Duration.ofSeconds(10), 0.5, 0.25, Duration.ofSeconds(1),
                Duration.ofSeconds(5), Duration.ofSeconds(25), Duration.ofSeconds(120), 0.75, Duration.ofSeconds(10),
                Duration.ofHours(8));
    }

    /**
     * @param value the shift length
     * @return this model with another shift
     */
    public StandardModel withShift(Duration value) {
        return new StandardModel(agents, answerRate, ringMean, ringCv, failShare, failMin, failMax, ringOut, talkMean,
                talkCv, wrapUp, value);
    }

    /**
     * @param value the mean talk time
     * @return this model with another mean talk time
     */
    public StandardModel withTalkMean(Duration value) {
        return new StandardModel(agents, answerRate, ringMean, ringCv, failShare, failMin, failMax, ringOut, value,
                talkCv, wrapUp, shift);
    }

    /**
     * @param value the number of agents
     * @return this model with another number of agents
     */
    public StandardModel withAgents(int value) {
        return new StandardModel(value, answerRate, ringMean, ringCv, failShare, failMin, failMax, ringOut, talkMean,
                talkCv, wrapUp, shift);
    }

    /**
     * The customers of this model for {@link dev.outbound.spi.simulation.SimulatedTelephony}: no
     * post-dial delay, no machines, and a person never hangs up first (the engine abandons at the
     * connect limit).
     *
     * @return the profile
     */
    public CallProfile callProfile() {
        EnumMap<CallProfile.Outcome, Double> outcomes = new EnumMap<>(CallProfile.Outcome.class);
        outcomes.put(CallProfile.Outcome.HUMAN, answerRate);
        outcomes.put(CallProfile.Outcome.FAILED, (1 - answerRate) * failShare);
        outcomes.put(CallProfile.Outcome.NO_ANSWER, 1 - answerRate - (1 - answerRate) * failShare);
        Distribution none = Distribution.fixed(Duration.ZERO);
        return new CallProfile(outcomes, none, logNormal(ringMean, ringCv),
                failMin.equals(failMax) ? Distribution.fixed(failMin) : Distribution.uniform(failMin, failMax),
                logNormal(talkMean, talkCv), Distribution.fixed(Duration.ofSeconds(1)),
                Distribution.fixed(Duration.ofHours(1)));
    }

    /**
     * A log-normal distribution by its mean and coefficient of variation.
     *
     * @param mean the mean
     * @param cv the coefficient of variation; 0 gives a fixed duration
     * @return the distribution
     */
    public static Distribution logNormal(Duration mean, double cv) {
        if (cv == 0) {
            return Distribution.fixed(mean);
        }
        double sigma = Math.sqrt(Math.log(1 + cv * cv));
        double median = mean.toNanos() / 1e9 / Math.sqrt(1 + cv * cv);
        double p90 = median * Math.exp(Z90 * sigma);
        return Distribution.logNormal(nanos(median), nanos(p90));
    }

    private static Duration nanos(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new InvalidValueException(name, "more than 0", d);
        }
    }

    private static void cv(String name, double cv) {
        if (!(cv >= 0 && cv <= 5)) {
            throw new InvalidValueException(name, "0 - 5", cv);
        }
    }
}
