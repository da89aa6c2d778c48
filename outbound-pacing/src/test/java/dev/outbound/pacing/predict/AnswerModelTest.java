package dev.outbound.pacing.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.outbound.core.InvalidValueException;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The answer model on dials of the standard model: the answer probability converges to the
 * generating one, and calls that end without an answer are neither taken for answers nor let their
 * timing leak into the answer probability. Expected conditional probabilities are worked out from
 * the generating distributions (see {@link StandardCalls}):
 * {@code p (Sa(e) - Sa(e + h)) / (p Sa(e) + (1 - p) Su(e))}.
 */
class AnswerModelTest {
    private static final int N = 20_000;

    private static AnswerModel trained(long seed, double p, Duration ringOut) {
        AnswerModel model = AnswerModel.withPriors(1_000_000_000, 1_000_000_000);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < N; i++) {
            StandardCalls.Dial d = StandardCalls.dial(random, p, ringOut);
            if (d.answered()) {
                model.answered(d.end());
            } else {
                model.unanswered(d.end());
            }
        }
        return model;
    }

    @Test
    void coldStart_answerProbabilityIsThePrior() {
        AnswerModel model = AnswerModel.withPriors(500, 200);
        assertThat(model.answerProbability()).isEqualTo(0.3);
        // Within 10 minutes every call has been answered or not: the predicted answer probability,
        // which on the prior's 2 dials is cautious: 0.3 + 2 sqrt(0.3 * 0.7 / 2) = 0.94807.
        assertThat(model.answeredWithin(Duration.ZERO, Duration.ofMinutes(10))).isCloseTo(0.94807, within(1e-5));
    }

    @Test
    void predictedAnswerProbability_thinEvidence_twoStandardErrorsAboveTheEstimate() {
        AnswerModel model = AnswerModel.withPriors(1_000_000_000, 1_000_000_000);
        for (int i = 0; i < 20; i++) {
            if (i < 3) {
                model.answered(Duration.ofSeconds(8));
            } else {
                model.unanswered(Duration.ofSeconds(25));
            }
        }
        // 0.6 + 3 answers over 2 + 20 dials: p = 3.6 / 22 = 0.163636; standard error
        // sqrt(0.163636 * 0.836364 / 22) = 0.078873; predicted 0.163636 + 2 * 0.078873 = 0.321382.
        assertThat(model.answerProbability()).isCloseTo(0.163636, within(1e-6));
        assertThat(model.predictedAnswerProbability()).isCloseTo(0.321382, within(1e-5));
        assertThat(model.answeredWithin(Duration.ZERO, Duration.ofMinutes(10))).isCloseTo(0.321382, within(1e-5));
    }

    @Test
    void predictedAnswerProbability_fromThreeHundredDials_isTheEstimate() {
        AnswerModel model = AnswerModel.withPriors(1_000_000_000, 1_000_000_000);
        for (int i = 0; i < 297; i++) {
            if (i % 4 == 0) {
                model.answered(Duration.ofSeconds(8));
            } else {
                model.unanswered(Duration.ofSeconds(25));
            }
        }
        // 299 dials of evidence: still cautious.
        assertThat(model.predictedAnswerProbability()).isGreaterThan(model.answerProbability() + 0.04);
        model.unanswered(Duration.ofSeconds(25));
        model.unanswered(Duration.ofSeconds(25));
        // 301 dials (less what a memory of a billion forgets): 0.6 + 75 answers over 301.
        assertThat(model.weight()).isCloseTo(301, within(1e-3)).isGreaterThan(300);
        assertThat(model.predictedAnswerProbability()).isEqualTo(model.answerProbability());
        assertThat(model.answerProbability()).isCloseTo(75.6 / 301, within(1e-6));
    }

    @Test
    void finishedDials_countsEveryDialTaken_withoutForgetting() {
        AnswerModel model = AnswerModel.withPriors(2, 2);
        assertThat(model.finishedDials()).isZero();
        for (int i = 0; i < 7; i++) {
            model.answered(Duration.ofSeconds(8));
            model.unanswered(Duration.ofSeconds(25));
        }
        assertThat(model.finishedDials()).isEqualTo(14);
        assertThat(model.weight()).as("the weight forgets, the count does not").isLessThan(3);
    }

    @Test
    void answerProbability_convergesToTheGeneratingOne() {
        // Binomial standard deviation sqrt(p (1 - p) / N): 0.0031 for p = 0.25, 0.0035 for 0.5; 4 of them.
        assertThat(trained(21, 0.25, Duration.ofSeconds(25)).answerProbability()).isCloseTo(0.25, within(0.0123));
        assertThat(trained(22, 0.5, Duration.ofSeconds(25)).answerProbability()).isCloseTo(0.5, within(0.0141));
    }

    @Test
    void ringTimeToAnswer_fitFromAnsweredCallsOnly_convergesToTheGeneratingOne() {
        LogNormalEstimator fit = trained(23, 0.25, Duration.ofSeconds(25)).ringTimeToAnswer();
        // About 5 000 answers: standard errors 0.472 / sqrt(5000) = 0.0067 for mu, 0.0047 for sigma.
        assertThat(fit.mu()).isCloseTo(StandardCalls.RING_MU, within(0.034));
        assertThat(fit.sigma()).isCloseTo(StandardCalls.RING_SIGMA, within(0.024));
    }

    @Test
    void answerProbability_notBiasedByWhenCallsRingOut() {
        // The same seed draws the same outcomes; only the ring-out time differs.
        double at25 = trained(24, 0.25, Duration.ofSeconds(25)).answerProbability();
        double at60 = trained(24, 0.25, Duration.ofSeconds(60)).answerProbability();
        assertThat(at60).isEqualTo(at25);
        assertThat(at25).isCloseTo(0.25, within(0.0123));
    }

    @Test
    void answeredWithin_newDial_isTheAnswerProbabilityTimesTheRingTimeDistribution() {
        AnswerModel model = trained(25, 0.25, Duration.ofSeconds(25));
        // 0.25 * P(ring <= 30 s) = 0.25 * Phi((ln 30 - 2.19101) / 0.47238) = 0.25 * 0.99479 = 0.24870.
        assertThat(model.answeredWithin(Duration.ZERO, Duration.ofSeconds(30))).isCloseTo(0.2487, within(0.0125));
    }

    @Test
    void answeredWithin_callStillRinging_competingRisks() {
        AnswerModel model = trained(26, 0.25, Duration.ofSeconds(25));
        // e = 8, h = 4: Sa(8) = 0.5934, Sa(12) = 0.2669, Su(8) = 0.75 (failures are over by 5 s):
        // 0.25 * 0.3265 / (0.25 * 0.5934 + 0.75 * 0.75) = 0.11481.
        assertThat(model.answeredWithin(Duration.ofSeconds(8), Duration.ofSeconds(4))).isCloseTo(0.1148, within(0.01));
        // e = 20, h = 30: Sa(20) = 0.0442, Sa(50) = 0.0001: 0.01922. Naively p would say 0.25.
        assertThat(model.answeredWithin(Duration.ofSeconds(20), Duration.ofSeconds(30)))
                .isCloseTo(0.01922, within(0.003));
    }

    @Test
    void answeredWithin_pastTheRingOutTime_onlyAnswersRemain() {
        // With ring-outs at 25 s, a call still ringing at 30 s can only be a late answer.
        AnswerModel ringOutAt25 = trained(27, 0.25, Duration.ofSeconds(25));
        assertThat(ringOutAt25.answeredWithin(Duration.ofSeconds(30), Duration.ofSeconds(30))).isGreaterThan(0.99);
        // With ring-outs at 60 s it is most likely a ring-out to come: Sa(30) = 0.00521, Sa(60) = 0.00002,
        // 0.25 * 0.00519 / (0.25 * 0.00521 + 0.75 * 0.75) = 0.00230.
        AnswerModel ringOutAt60 = trained(27, 0.25, Duration.ofSeconds(60));
        assertThat(ringOutAt60.answeredWithin(Duration.ofSeconds(30), Duration.ofSeconds(30)))
                .isCloseTo(0.0023, within(0.0006));
    }

    @Test
    void forgetting_followsAChangeInAnswerProbability() {
        AnswerModel model = AnswerModel.withPriors(500, 200);
        SplittableRandom random = new SplittableRandom(28);
        for (int i = 0; i < 5_000; i++) {
            StandardCalls.Dial d = StandardCalls.dial(random, i < 2_500 ? 0.5 : 0.25);
            if (d.answered()) {
                model.answered(d.end());
            } else {
                model.unanswered(d.end());
            }
        }
        // 2 500 dials after the change the old ones weigh (1 - 1/500)^2500 = 0.7%. Effective sample
        // about 1 000: standard deviation sqrt(0.25 * 0.75 / 1000) = 0.014, 4 of them 0.055.
        assertThat(model.answerProbability()).isCloseTo(0.25, within(0.055));
    }

    @Test
    void negativeRingTime_refusedNamingIt() {
        AnswerModel model = AnswerModel.withPriors(500, 200);
        assertThatThrownBy(() -> model.answered(Duration.ofSeconds(-1)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("ringTime");
        assertThatThrownBy(() -> model.answeredWithin(Duration.ofSeconds(-1), Duration.ZERO))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("elapsed");
    }
}
