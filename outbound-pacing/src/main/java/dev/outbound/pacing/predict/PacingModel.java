package dev.outbound.pacing.predict;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Everything predictive pacing learns from one campaign's calls: how dials turn into live answers
 * ({@link #answers()}), and how long agents talk ({@link #talk()}) and wrap up ({@link #wrap()}).
 * The engine feeds it the outcome of every dial and the length of every talk and wrap-up as they
 * end; {@link Forecast} and {@link PredictivePacer} read it. It is never told the true
 * distributions: it starts from the documented priors and follows the data, forgetting old
 * observations by count (see {@link LogNormalEstimator}).
 *
 * <p>Priors, before any data: answer probability 0.3, ring time to answer 15 s, talk 90 s
 * (coefficient of variation 1), wrap-up 10 s (coefficient of variation 0.5); each is worth one or
 * two observations. Not thread-safe: the engine runs each campaign on one thread.
 */
public final class PacingModel {
    private long observations;
    /** Default memory of the answer probability, in finished dials. */
    public static final int DEFAULT_DIAL_MEMORY = 500;
    /** Default memory of the ring time to answer, and of talk and wrap-up times, in observations. */
    public static final int DEFAULT_DURATION_MEMORY = 200;

    private final AnswerModel answers;
    private final LogNormalEstimator talk;
    private final LogNormalEstimator wrap;

    private PacingModel(Builder b) {
        this.answers = AnswerModel.withPriors(b.dialMemory, b.answerMemory);
        this.talk = LogNormalEstimator.withPrior(Duration.ofSeconds(90), 1.0, 1, b.talkMemory);
        this.wrap = LogNormalEstimator.withPrior(Duration.ofSeconds(10), 0.5, 1, b.wrapMemory);
    }

    /** @return a model with the default memories */
    public static PacingModel withDefaults() {
        return newBuilder().build();
    }

    /** @return a builder with the default memories */
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * Records a dial answered by a live person.
     *
     * @param ringTime from the dial to the answer
     */
    public void answered(Duration ringTime) {
        answers.answered(ringTime);
        observations++;
    }

    /**
     * Records a dial that ended without a live answer (failed, busy, rang out, machine).
     *
     * @param ringTime from the dial to its end
     */
    public void unanswered(Duration ringTime) {
        answers.unanswered(ringTime);
        observations++;
    }

    /**
     * Records a finished conversation.
     *
     * @param talkTime from the connection to an agent to the hang-up
     */
    public void talked(Duration talkTime) {
        talk.observe(talkTime);
        observations++;
    }

    /**
     * Records a finished wrap-up.
     *
     * @param wrapTime from the hang-up to the agent's return to available
     */
    public void wrapped(Duration wrapTime) {
        wrap.observe(wrapTime);
        observations++;
    }

    /**
     * @return how many observations the model has taken (dials, conversations, wrap-ups): it
     *     changes exactly when the model may have
     */
    public long observations() {
        return observations;
    }

    /** @return what is known about answers */
    public AnswerModel answers() {
        return answers;
    }

    /** @return the fit of talk times */
    public LogNormalEstimator talk() {
        return talk;
    }

    /** @return the fit of wrap-up times */
    public LogNormalEstimator wrap() {
        return wrap;
    }

    @Override
    public String toString() {
        return "PacingModel[" + answers + ", talk " + talk + ", wrap " + wrap + "]";
    }

    /** Builds a {@link PacingModel}. Setting a value twice is refused, so that no setting is silently lost. */
    public static final class Builder {
        private int dialMemory = DEFAULT_DIAL_MEMORY;
        private int answerMemory = DEFAULT_DURATION_MEMORY;
        private int talkMemory = DEFAULT_DURATION_MEMORY;
        private int wrapMemory = DEFAULT_DURATION_MEMORY;
        private final Set<String> set = new HashSet<>();

        private Builder() {
        }

        private void once(String setting) {
            if (!set.add(setting)) {
                throw new IllegalStateException(setting + " is already set");
            }
        }

        /**
         * @param dials the effective number of finished dials the answer probability is kept
         *     over, 1 to {@value LogNormalEstimator#MAX_MEMORY}; default {@value #DEFAULT_DIAL_MEMORY}
         * @return this builder
         */
        public Builder dialMemory(int dials) {
            once("dialMemory");
            LogNormalEstimator.checkMemory(dials);
            this.dialMemory = dials;
            return this;
        }

        /**
         * @param answers the effective number of answered calls the ring time to answer is kept
         *     over; default {@value #DEFAULT_DURATION_MEMORY}
         * @return this builder
         */
        public Builder answerMemory(int answers) {
            once("answerMemory");
            LogNormalEstimator.checkMemory(answers);
            this.answerMemory = answers;
            return this;
        }

        /**
         * @param talks the effective number of conversations talk time is kept over; default
         *     {@value #DEFAULT_DURATION_MEMORY}
         * @return this builder
         */
        public Builder talkMemory(int talks) {
            once("talkMemory");
            LogNormalEstimator.checkMemory(talks);
            this.talkMemory = talks;
            return this;
        }

        /**
         * @param wraps the effective number of wrap-ups wrap-up time is kept over; default
         *     {@value #DEFAULT_DURATION_MEMORY}
         * @return this builder
         */
        public Builder wrapMemory(int wraps) {
            once("wrapMemory");
            LogNormalEstimator.checkMemory(wraps);
            this.wrapMemory = wraps;
            return this;
        }

        /** @return the model, with the priors and no data */
        public PacingModel build() {
            return new PacingModel(this);
        }
    }
}
