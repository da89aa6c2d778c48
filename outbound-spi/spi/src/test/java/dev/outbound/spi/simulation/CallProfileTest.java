package dev.outbound.spi.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.outbound.core.InvalidValueException;
import dev.outbound.spi.simulation.CallProfile.Outcome;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallProfileTest {

    @Test
    void typical_documentedChances() {
        CallProfile p = CallProfile.typical();
        assertThat(p.probability(Outcome.HUMAN)).isEqualTo(0.25);
        assertThat(p.probability(Outcome.MACHINE)).isEqualTo(0.20);
        assertThat(p.probability(Outcome.BUSY)).isEqualTo(0.05);
        assertThat(p.probability(Outcome.NO_ANSWER)).isEqualTo(0.35);
        assertThat(p.probability(Outcome.REJECTED)).isEqualTo(0.05);
        assertThat(p.probability(Outcome.INVALID_NUMBER)).isEqualTo(0.07);
        assertThat(p.probability(Outcome.FAILED)).isEqualTo(0.03);
        // Talk time: median 3 min, 90 % within 8 min, so a mean of about 4 min (241 s).
        assertThat(p.talkTime().mean().toSeconds()).isEqualTo(241);
    }

    @Test
    void new_chancesNotSummingToOne_refusedNamingTheSum() {
        Map<Outcome, Double> chances = Map.of(Outcome.HUMAN, 0.5, Outcome.BUSY, 0.45);
        assertThatThrownBy(() -> CallProfile.typical().withOutcomes(chances))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("outcome probabilities")
                .hasMessageContaining("sum 0.95");
    }

    @Test
    void new_sumOffByLessThanTolerance_accepted() {
        Map<Outcome, Double> chances = Map.of(Outcome.HUMAN, 0.5, Outcome.BUSY, 0.5 - 1e-10);
        assertThat(CallProfile.typical().withOutcomes(chances).probability(Outcome.BUSY)).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void new_sumOffByMoreThanTolerance_refused() {
        Map<Outcome, Double> chances = Map.of(Outcome.HUMAN, 0.5, Outcome.BUSY, 0.5 + 1e-8);
        assertThatThrownBy(() -> CallProfile.typical().withOutcomes(chances)).hasMessageContaining("sum 1.00000001");
    }

    @Test
    void new_negativeOrNanChance_refusedNamingTheOutcome() {
        Map<Outcome, Double> negative = Map.of(Outcome.HUMAN, 1.2, Outcome.BUSY, -0.2);
        assertThatThrownBy(() -> CallProfile.typical().withOutcomes(negative))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("probability of HUMAN");
        Map<Outcome, Double> nan = new HashMap<>(Map.of(Outcome.HUMAN, 1.0));
        nan.put(Outcome.FAILED, Double.NaN);
        assertThatThrownBy(() -> CallProfile.typical().withOutcomes(nan)).hasMessageContaining("probability of FAILED");
    }

    @Test
    void new_outcomesLeftOut_haveChanceZero() {
        CallProfile p = CallProfile.always(Outcome.BUSY);
        assertThat(p.probability(Outcome.BUSY)).isEqualTo(1.0);
        for (Outcome o : Outcome.values()) {
            if (o != Outcome.BUSY) {
                assertThat(p.probability(o)).as("chance of %s", o).isZero();
            }
        }
        assertThat(p.outcomes()).hasSize(Outcome.values().length);
    }

    @Test
    void outcomes_copiedAndUnmodifiable() {
        EnumMap<Outcome, Double> chances = new EnumMap<>(Outcome.class);
        chances.put(Outcome.HUMAN, 1.0);
        CallProfile p = CallProfile.typical().withOutcomes(chances);
        chances.put(Outcome.HUMAN, 0.0);
        assertThat(p.probability(Outcome.HUMAN)).isEqualTo(1.0);
        assertThatThrownBy(() -> p.outcomes().put(Outcome.BUSY, 0.5)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void withers_changeOnlyTheirPart() {
        CallProfile typical = CallProfile.typical();
        Distribution two = Distribution.fixed(Duration.ofSeconds(2));
        CallProfile p = typical.withPostDialDelay(two).withRingTime(two).withResultTime(two).withTalkTime(two)
                .withMachineMessageTime(two).withPatience(two);
        assertThat(p.outcomes()).isEqualTo(typical.outcomes());
        assertThat(p.postDialDelay()).isEqualTo(two);
        assertThat(p.ringTime()).isEqualTo(two);
        assertThat(p.resultTime()).isEqualTo(two);
        assertThat(p.talkTime()).isEqualTo(two);
        assertThat(p.machineMessageTime()).isEqualTo(two);
        assertThat(p.patience()).isEqualTo(two);
        assertThat(typical.withPatience(two).talkTime()).isEqualTo(typical.talkTime());
        assertThat(typical.withPatience(two)).isNotEqualTo(typical);
        assertThat(typical.withPatience(typical.patience())).isEqualTo(typical);
    }
}
