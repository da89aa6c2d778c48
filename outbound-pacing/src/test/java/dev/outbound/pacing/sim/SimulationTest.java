package dev.outbound.pacing.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.outbound.core.lifecycle.DialingRules;
import dev.outbound.core.lifecycle.DispositionRules;
import dev.outbound.core.lifecycle.WrapCode;
import dev.outbound.pacing.abandon.AbandonRule;
import dev.outbound.pacing.engine.DialMode;
import dev.outbound.pacing.engine.EngineSettings;
import dev.outbound.spi.simulation.CallProfile;
import dev.outbound.spi.simulation.Distribution;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The shift simulator: reproducible, seed-sensitive, and its standard model as specified. */
class SimulationTest {
    private static final StandardModel HALF_HOUR = StandardModel.of(5, 0.3).withShift(Duration.ofMinutes(30));

    private static Simulation.Result run(StandardModel model, long seed) {
        return Simulation.newBuilder(model).seed(seed).build().run();
    }

    @Test
    void sameSeed_givesTheSameReport() {
        Simulation.Result first = run(HALF_HOUR, 7);
        Simulation.Result second = run(HALF_HOUR, 7);

        assertThat(first.report().dials()).isPositive();
        assertThat(second.report().summaryJson()).isEqualTo(first.report().summaryJson());
        assertThat(second.report().timeSeriesCsv()).isEqualTo(first.report().timeSeriesCsv());
        assertThat(second.counts()).isEqualTo(first.counts());
        assertThat(first.errors()).isEmpty();
    }

    @Test
    void differentSeeds_giveDifferentReports() {
        Simulation.Result first = run(HALF_HOUR, 7);
        Simulation.Result second = run(HALF_HOUR, 8);

        assertThat(second.report().summaryJson()).isNotEqualTo(first.report().summaryJson());
    }

    @Test
    void predictive_rollingHourRule_twentyAgents_noClockHourOverTheTarget() {
        StandardModel model = StandardModel.of(20, 0.25).withShift(Duration.ofHours(4));
        Simulation.Result r = Simulation.newBuilder(model).seed(3)
                .settings(EngineSettings.newBuilder().mode(DialMode.PREDICTIVE).ringTimeout(model.ringOut())
                        .abandonRule(AbandonRule.rolling(Duration.ofHours(1))).build())
                .build().run();

        assertThat(r.errors()).isEmpty();
        assertThat(r.report().hours()).hasSize(4);
        assertThat(r.report().hours()).allSatisfy(h -> assertThat(h.rate()).as(h.start() + " " + h.counts())
                .isLessThanOrEqualTo(0.03));
        assertThat(r.report().counts().abandoned()).as("it still dials predictively").isPositive();
        assertThat(r.report().occupancy()).as("progressive gives about 65%").isGreaterThan(0.8);
    }

    @Test
    void campaignWithWrapCodes_simulatedAgentsSaveTheFirstCodeAskingForNothing_noRefusals() {
        DialingRules rules = DialingRules.newBuilder().dispositions(DispositionRules.newBuilder()
                .code(WrapCode.completing("Sale").requiring("email")).code(WrapCode.of("No decision")).build())
                .build();
        Simulation.Result r = Simulation.newBuilder(HALF_HOUR).seed(3).rules(rules).build().run();

        assertThat(r.errors()).isEmpty();
        assertThat(r.report().counts().liveAnswers()).isGreaterThan(0);
    }

    @Test
    void campaignWhoseEveryWrapCodeAsksForSomething_refusedBeforeTheRun() {
        DialingRules rules = DialingRules.newBuilder().dispositions(DispositionRules.newBuilder()
                .code(WrapCode.callAgain("Call again")).build()).build();

        assertThatThrownBy(() -> Simulation.newBuilder(HALF_HOUR).seed(3).rules(rules).build().run())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the campaign needs a wrap code that requires no field and no next call");
    }

    @Test
    void progressive_twentyAgents_halfTheCallsAnswered_neverAbandons_andKeepsAgentsBusy() {
        StandardModel model = StandardModel.of(20, 0.5).withShift(Duration.ofHours(1));
        Simulation.Result r = Simulation.newBuilder(model).seed(3)
                .settings(EngineSettings.newBuilder().mode(DialMode.PROGRESSIVE).ringTimeout(model.ringOut()).build())
                .build().run();

        assertThat(r.errors()).isEmpty();
        assertThat(r.report().counts().liveAnswers()).isGreaterThan(100);
        assertThat(r.report().counts().abandoned()).isZero();
        assertThat(r.counts().abandoned()).isZero();
        // By hand: per call about 15 s of ringing, and half the calls bring 120 s of talk and
        // 10 s of wrap-up; talk is about 60 / 80 of an agent's time.
        assertThat(r.report().occupancy()).isBetween(0.4, 0.95);
    }

    @Test
    void callProfile_outcomeProbabilities_areAnswerRate_andTheFailShareOfTheRest() {
        CallProfile profile = StandardModel.of(20, 0.3).callProfile();

        assertThat(profile.probability(CallProfile.Outcome.HUMAN)).isCloseTo(0.3, within(1e-12));
        assertThat(profile.probability(CallProfile.Outcome.FAILED)).isCloseTo(0.25 * 0.7, within(1e-12));
        assertThat(profile.probability(CallProfile.Outcome.NO_ANSWER)).isCloseTo(0.75 * 0.7, within(1e-12));
        assertThat(profile.probability(CallProfile.Outcome.MACHINE)).isZero();
        assertThat(profile.probability(CallProfile.Outcome.BUSY)).isZero();
        assertThat(profile.probability(CallProfile.Outcome.INVALID_NUMBER)).isZero();
        assertThat(profile.probability(CallProfile.Outcome.REJECTED)).isZero();
    }

    @Test
    void logNormal_hasTheGivenMean() {
        Distribution talk = StandardModel.logNormal(Duration.ofSeconds(120), 0.75);
        assertThat(talk.mean().toNanos() / 1e9).isCloseTo(120.0, within(1.2));

        SplittableRandom random = new SplittableRandom(11);
        double sum = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            sum += talk.sample(random).toNanos() / 1e9;
        }
        // The standard error of the sample mean is 120 * 0.75 / sqrt(n), about 0.2 s.
        assertThat(sum / n).isCloseTo(120.0, within(1.2));
    }

    @Test
    void logNormal_withNoVariation_isFixed() {
        Distribution d = StandardModel.logNormal(Duration.ofSeconds(10), 0);

        assertThat(d.mean()).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.sample(new SplittableRandom(1))).isEqualTo(Duration.ofSeconds(10));
    }
}
