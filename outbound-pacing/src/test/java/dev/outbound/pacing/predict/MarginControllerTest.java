package dev.outbound.pacing.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.outbound.core.InvalidValueException;
import dev.outbound.pacing.abandon.AbandonLedger;
import dev.outbound.pacing.abandon.AbandonRule;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The safety-margin controller: direction and size of its steps per rate and per answer, its dead band, its bounds, the window's budget and the cushion. */
class MarginControllerTest {
    private static final Instant T0 = Instant.parse("2025-03-03T10:00:00Z");

    @Test
    void startsAtTheTarget() {
        MarginController c = MarginController.of(0.03);
        assertThat(c.allowed()).isEqualTo(0.03);
        assertThat(c.margin()).isEqualTo(0.0);
    }

    @Test
    void measuredAboveTarget_lowersAllowed() {
        MarginController c = MarginController.of(0.03);
        // Twice the target: error -1, allowed 0.03 * exp(-0.1) = 0.0271451.
        assertThat(c.update(0.06)).isCloseTo(0.0271451, within(1e-7));
        // 1.5 times: error -0.5, a further factor exp(-0.05): 0.0258212.
        assertThat(c.update(0.045)).isCloseTo(0.0258212, within(1e-7));
    }

    @Test
    void measuredWellBelowTarget_raisesAllowed() {
        MarginController c = MarginController.of(0.03);
        // No abandons: error 1, allowed 0.03 * exp(0.02) = 0.0306061.
        assertThat(c.update(0)).isCloseTo(0.0306061, within(1e-7));
        assertThat(c.margin()).isCloseTo(-0.0006061, within(1e-7));
    }

    @Test
    void measuredJustBelowTarget_leavesAllowedAlone() {
        MarginController c = MarginController.of(0.03);
        // The dead band is 20% of the target: from 0.024 to 0.03 nothing moves.
        assertThat(c.update(0.025)).isEqualTo(0.03);
        assertThat(c.update(0.03)).isEqualTo(0.03);
    }

    @Test
    void staysWithinItsBounds() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            MarginController c = MarginController.newBuilder(0.03).bounds(0.005, 0.08).build();
            for (int i = 0; i < 500; i++) {
                double measured = random.nextBoolean() ? random.nextDouble() : random.nextDouble() * 0.06;
                assertThat(c.update(measured)).isBetween(0.005, 0.08);
            }
        });
        MarginController low = MarginController.of(0.03);
        for (int i = 0; i < 1_000; i++) {
            low.update(1.0);
        }
        // Default lower bound: a tenth of the target.
        assertThat(low.allowed()).isCloseTo(0.003, within(1e-15));
        MarginController high = MarginController.of(0.03);
        for (int i = 0; i < 1_000; i++) {
            high.update(0.0);
        }
        // Default upper bound: four times the target.
        assertThat(high.allowed()).isCloseTo(0.12, within(1e-15));
    }

    @Test
    void update_fromALedger_usesItsRate() {
        AbandonLedger ledger = AbandonLedger.of(AbandonRule.rolling(Duration.ofHours(1)));
        for (int i = 0; i < 94; i++) {
            ledger.connected(T0);
        }
        for (int i = 0; i < 6; i++) {
            ledger.abandoned(T0);
        }
        MarginController c = MarginController.of(0.03);
        // 6 of 100: error -1, as for 0.06.
        assertThat(c.update(T0.plusSeconds(1), ledger)).isCloseTo(0.0271451, within(1e-7));
    }

    @Test
    void allowed_cappedByTheWindowsBudgetSpreadOverTheExpectedAnswers() {
        AbandonLedger ledger = AbandonLedger.of(AbandonRule.rolling(Duration.ofHours(1)));
        for (int i = 0; i < 97; i++) {
            ledger.connected(T0);
        }
        MarginController c = MarginController.of(0.03);
        // 97 live answers, none abandoned, 10 more expected: 0.03 * 107 = 3.21 abandons may come,
        // 0.321 of each answer; the controller's 0.03 is lower.
        assertThat(c.allowed(T0.plusSeconds(1), ledger, 10)).isEqualTo(0.03);
        for (int i = 0; i < 2; i++) {
            ledger.abandoned(T0);
        }
        // 2 of 99 abandoned: 0.03 * 109 - 2 = 1.27 over 10 answers, 0.127 each; still 0.03.
        assertThat(c.allowed(T0.plusSeconds(1), ledger, 10)).isEqualTo(0.03);
        ledger.abandoned(T0);
        // 3 of 100: 0.03 * 110 - 3 = 0.3 over 10 answers is 0.03, and over 20, 0.6 / 20 = 0.03;
        // over 5 answers, 0.15 / 5 = 0.03 as well. Over 2: 0.06 / 2 = 0.03. At 1: 0.03 * 101 - 3 = 0.03.
        assertThat(c.allowed(T0.plusSeconds(1), ledger, 1)).isCloseTo(0.03, within(1e-12));
        ledger.abandoned(T0);
        // 4 of 101: 0.03 * 111 - 4 = -0.67: no budget, nothing allowed.
        assertThat(c.allowed(T0.plusSeconds(1), ledger, 10)).isEqualTo(0.0);
    }

    @Test
    void allowed_slowsInProportionBelowTheCushion_toATenthAtLeast() {
        AbandonLedger ledger = AbandonLedger.of(AbandonRule.rolling(Duration.ofHours(1)));
        for (int i = 0; i < 300; i++) {
            ledger.connected(T0);
        }
        MarginController c = MarginController.of(0.03);
        // Budget 0.03 * 400 = 12 abandons over 100 answers: the cap 0.12 is above 0.03.
        assertThat(c.allowed(T0, ledger, 100, 10)).isEqualTo(0.03);
        // A cushion of 24 abandons: half of it left, half the allowed chance.
        assertThat(c.allowed(T0, ledger, 100, 24)).isCloseTo(0.015, within(1e-12));
        // A cushion of 240: a twentieth left, but never under a tenth of the allowed chance.
        assertThat(c.allowed(T0, ledger, 100, 240)).isCloseTo(0.003, within(1e-12));
        assertThatThrownBy(() -> c.allowed(T0, ledger, 100, -1)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("cushion");
    }

    @Test
    void answered_movesTheLogarithmByTheGainTimesTheRelativeError() {
        MarginController c = MarginController.newBuilder(0.03).answerGain(0.01).build();
        // Connected, holding 0.03: exp(0.01 * 0.03 / 0.03) = exp(0.01); 0.03 * 1.0100502 = 0.0303015.
        assertThat(c.answered(false)).isCloseTo(0.0303015, within(1e-7));
        // Abandoned: exp(0.01 * (0.03 - 1) / 0.03) = exp(-0.3233333) = 0.7237326; 0.0303015 * 0.7237326 = 0.0219302.
        assertThat(c.answered(true)).isCloseTo(0.0219302, within(1e-7));
        // Holding 0.02, a connected answer: exp(0.01 * 0.02 / 0.02), the same step up: 0.0221506.
        assertThat(c.answered(false, 0.02)).isCloseTo(0.0221506, within(1e-7));
        assertThatThrownBy(() -> c.answered(false, 0.04)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("held");
    }

    @Test
    void answered_risesWhileFewerThanTheHeldShareAreAbandoned_andFallsWhileMoreAre() {
        qt().withExamples(100).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            double held = 0.01 + 0.04 * random.nextDouble();
            boolean under = random.nextBoolean();
            // Abandons at a rate a third under or a third over the held rate.
            double rate = under ? held * 2 / 3 : held * 4 / 3;
            MarginController c = MarginController.newBuilder(0.05).initial(0.01).bounds(1e-6, 1)
                    .answerGain(0.001).build();
            for (int i = 0; i < 200_000; i++) {
                c.answered(random.nextDouble() < rate, held);
            }
            // The drift is 0.001 * 1/3 per answer, 67 in the logarithm over 200,000 answers, against a
            // scatter of 0.001 * sqrt(200,000 * rate / held^2), at most 5.2 (held 0.01): the allowed
            // chance ends at its bound, give or take steps of at most 0.001 / held = 0.1, and so more
            // than e^3 = 20 times above or below where it started.
            if (under) {
                assertThat(c.allowed()).isGreaterThan(0.01 * Math.exp(3));
            } else {
                assertThat(c.allowed()).isLessThan(0.01 * Math.exp(-3));
            }
        });
    }

    @Test
    void badSettings_refusedNamingThem() {
        assertThatThrownBy(() -> MarginController.of(0)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("target");
        assertThatThrownBy(() -> MarginController.newBuilder(0.03).bounds(0.05, 0.01))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("max");
        assertThatThrownBy(() -> MarginController.newBuilder(0.03).bounds(0.04, 0.1).build())
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("initial");
        assertThatThrownBy(() -> MarginController.of(0.03).update(-0.1))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("measured");
        assertThatThrownBy(() -> MarginController.newBuilder(0.03).answerGain(0))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("answerGain");
        assertThatThrownBy(() -> MarginController.newBuilder(0.03).deadBand(0.1).deadBand(0.2))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("deadBand is already set");
    }
}
