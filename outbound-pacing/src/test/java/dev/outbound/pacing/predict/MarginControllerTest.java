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

/** The safety-margin controller: direction and size of its steps, its dead band, its bounds and the ledger's headroom. */
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
    void allowed_cappedByTheLedgersHeadroom() {
        AbandonLedger ledger = AbandonLedger.of(AbandonRule.rolling(Duration.ofHours(1)));
        for (int i = 0; i < 97; i++) {
            ledger.connected(T0);
        }
        MarginController c = MarginController.of(0.03);
        // 97 live answers, none abandoned, 10 more expected: floor(0.03 * 107) = 3 may be abandoned, 0.3 of them;
        // the controller's 0.03 is lower.
        assertThat(c.allowed(T0.plusSeconds(1), ledger, 10)).isEqualTo(0.03);
        for (int i = 0; i < 3; i++) {
            ledger.abandoned(T0);
        }
        // 3 of 100 abandoned: (3 + h) / 110 <= 0.03 leaves h = floor(0.3) = 0.
        assertThat(c.allowed(T0.plusSeconds(1), ledger, 10)).isEqualTo(0.0);
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
        assertThatThrownBy(() -> MarginController.newBuilder(0.03).deadBand(0.1).deadBand(0.2))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("deadBand is already set");
    }
}
