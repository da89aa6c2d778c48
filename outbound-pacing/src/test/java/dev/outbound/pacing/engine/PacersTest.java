package dev.outbound.pacing.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.outbound.pacing.abandon.AbandonLedger;
import dev.outbound.pacing.abandon.AbandonRule;
import dev.outbound.pacing.predict.PacingModel;
import dev.outbound.pacing.predict.Snapshot;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The rate the predictive pacer's controller holds under each abandon rule. */
class PacersTest {
    private static PacingContext team(int agents, AbandonRule rule, PacingModel model) {
        AbandonLedger ledger = AbandonLedger.of(rule);
        return new PacingContext() {
            @Override
            public Instant now() {
                return Instant.EPOCH;
            }

            @Override
            public int availableAgents() {
                return 0;
            }

            @Override
            public int activeAgents() {
                return agents;
            }

            @Override
            public int ringing() {
                return 0;
            }

            @Override
            public int lineLimit() {
                return 0;
            }

            @Override
            public Snapshot snapshot() {
                throw new UnsupportedOperationException();
            }

            @Override
            public AbandonLedger ledger() {
                return ledger;
            }

            @Override
            public PacingModel model() {
                return model;
            }
        };
    }

    private static PacingModel modelWithHandleTime(Duration talk, Duration wrap) {
        PacingModel model = PacingModel.newBuilder().talkMemory(1).wrapMemory(1).build();
        for (int i = 0; i < 50; i++) {
            model.talked(talk);
            model.wrapped(wrap);
        }
        return model;
    }

    @Test
    void held_rollingHour_twentyAgents_isTheTargetLessOneAndAHalfStandardDeviationsOfTheHoursRate() {
        PacingModel model = modelWithHandleTime(Duration.ofSeconds(120), Duration.ofSeconds(10));
        assertThat(model.talk().mean().toMillis() + model.wrap().mean().toMillis()).isCloseTo(130_000L, within(50L));
        // By hand: 20 agents take 20 * 3600 / 130 = 553.8 answers an hour; at 2.85% the rate's
        // standard deviation is sqrt(0.0285 * 0.9715 / 553.8) = 0.00707, and 1.5 of them is 0.0106.
        double held = Pacers.held(0.0285, team(20, AbandonRule.rolling(Duration.ofHours(1)), model));
        assertThat(held).isCloseTo(0.0285 - 0.0106, within(0.0002));
    }

    @Test
    void held_fccThirtyDays_isTheTargetLessAFewHundredthsOfAPoint() {
        PacingModel model = modelWithHandleTime(Duration.ofSeconds(120), Duration.ofSeconds(10));
        // By hand: 20 agents over 30 days take 398,770 answers; 1.5 standard deviations of their
        // rate at 2.85% is 1.5 * sqrt(0.0285 * 0.9715 / 398770) = 0.000395.
        assertThat(Pacers.held(0.0285, team(20, AbandonRule.fcc(), model))).isCloseTo(0.0285 - 0.000395,
                within(0.000005));
    }

    @Test
    void held_neverBelowAQuarterOfTheTarget() {
        PacingModel model = modelWithHandleTime(Duration.ofSeconds(120), Duration.ofSeconds(10));
        // One agent in a 5-minute window: about 2 answers, a standard deviation of 12 points.
        double held = Pacers.held(0.0285, team(1, AbandonRule.rolling(Duration.ofMinutes(5)), model));
        assertThat(held).isEqualTo(0.0285 / 4);
    }
}
