package dev.outbound.spi.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.outbound.core.record.CallResult;
import dev.outbound.core.record.CampaignId;
import dev.outbound.spi.simulation.CallProfile.Outcome;
import dev.outbound.spi.telephony.CallEvent;
import dev.outbound.spi.telephony.CallId;
import dev.outbound.spi.telephony.CallRequest;
import dev.outbound.spi.time.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reproducibility and outcome frequencies of the simulated telephony. */
class SimulatedTelephonyPropertiesTest {

    @Test
    void sameSeedSameScenario_identicalEventLogs() {
        qt().withExamples(150).forAll(longs().all(), longs().all()).checkAssert((seed, shape) -> {
            Scenarios.Scenario scenario = new Scenarios.Scenario(seed, shape);
            Map<CallId, List<CallEvent>> first = scenario.run(i -> true, 0);
            Map<CallId, List<CallEvent>> second = scenario.run(i -> true, 0);
            assertThat(second).isEqualTo(first);
            assertThat(first).hasSize(scenario.plans.size());
        });
    }

    @Test
    void actionsOnOtherCallsAndHowTimeAdvances_doNotChangeACallsEvents() {
        qt().withExamples(150).forAll(longs().all(), longs().all()).checkAssert((seed, shape) -> {
            Scenarios.Scenario scenario = new Scenarios.Scenario(seed, shape);
            // Run A: nothing is done to any call, time runs task by task. Run B: the even calls
            // get their actions, time moves in random steps. The odd calls must not notice.
            List<List<CallEvent>> untouched = new ArrayList<>(scenario.run(i -> false, 0).values());
            List<List<CallEvent>> others = new ArrayList<>(scenario.run(i -> i % 2 == 0, seed ^ shape | 1).values());
            for (int i = 1; i < untouched.size(); i += 2) {
                assertThat(others.get(i)).as("call %s", i).isEqualTo(untouched.get(i));
            }
        });
    }

    @Test
    void differentSeeds_differentDraws() {
        // Not a law, but with 200 calls of the typical profile two seeds agreeing on every event
        // would mean the seed is ignored.
        Scenarios.Scenario a = new Scenarios.Scenario(1, 99);
        Scenarios.Scenario b = new Scenarios.Scenario(2, 99);
        assertThat(b.run(i -> true, 0)).isNotEqualTo(a.run(i -> true, 0));
    }

    /**
     * 20,000 calls of the typical chances, rung for a fixed 5 s so that no answer turns into a
     * timeout: each outcome's observed share is within 4 binomial standard deviations,
     * sqrt(n p (1 - p)), of its chance.
     */
    @Test
    void outcomeShares_20000Calls_within4StandardDeviations() {
        int n = 20_000;
        VirtualTime time = VirtualTime.startingAt(Scenarios.T0);
        CallProfile profile = CallProfile.typical().withRingTime(Distribution.fixed(Duration.ofSeconds(5)));
        SimulatedTelephony telephony = SimulatedTelephony.newBuilder(time).seed(20_260_302L).profile(profile).build();
        Map<Outcome, Long> observed = new EnumMap<>(Outcome.class);
        for (int i = 0; i < n; i++) {
            telephony.place(CallRequest.of(Scenarios.NUMBERS.get(i % 5), CampaignId.of("shares")), e -> {
                Outcome o = outcomeOf(e);
                if (o != null) {
                    observed.merge(o, 1L, Long::sum);
                }
            });
        }
        time.advanceBy(Duration.ofDays(400));
        long total = 0;
        for (Outcome o : Outcome.values()) {
            double p = profile.probability(o);
            double sd = Math.sqrt(n * p * (1 - p));
            long count = observed.getOrDefault(o, 0L);
            total += count;
            assertThat((double) count).as("%s: %s calls, expected %s +- 4 x %s", o, count, n * p, sd)
                    .isBetween(n * p - 4 * sd, n * p + 4 * sd);
        }
        assertThat(total).isEqualTo(n);
        SimulatedTelephony.Counts counts = telephony.counts();
        assertThat(counts.placed()).isEqualTo(n);
        assertThat(counts.live()).isZero();
        assertThat(counts.of(CallResult.HUMAN_ANSWER)).isEqualTo(observed.get(Outcome.HUMAN));
        assertThat(counts.of(CallResult.BUSY)).isEqualTo(observed.get(Outcome.BUSY));
        // Nobody connects anyone: every person who answered was abandoned.
        assertThat(counts.abandoned()).isEqualTo(observed.get(Outcome.HUMAN));
    }

    private static Outcome outcomeOf(CallEvent e) {
        if (e instanceof CallEvent.Answered) {
            return ((CallEvent.Answered) e).by() == CallEvent.AnsweredBy.HUMAN ? Outcome.HUMAN : Outcome.MACHINE;
        }
        if (e instanceof CallEvent.Busy) {
            return Outcome.BUSY;
        }
        if (e instanceof CallEvent.NoAnswer) {
            return Outcome.NO_ANSWER;
        }
        if (e instanceof CallEvent.Rejected) {
            return Outcome.REJECTED;
        }
        if (e instanceof CallEvent.InvalidNumber) {
            return Outcome.INVALID_NUMBER;
        }
        if (e instanceof CallEvent.Failed) {
            return Outcome.FAILED;
        }
        return null;
    }
}
