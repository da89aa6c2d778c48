package dev.outbound.pacing.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.outbound.core.InvalidValueException;
import dev.outbound.spi.agent.AgentState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The pacing decision: its bounds, and its monotonicity for random snapshots (more free agents
 * never fewer dials, more calls ringing never more, a higher allowed probability never fewer).
 */
class PredictivePacerTest {
    private static final PacingModel MODEL = StandardCalls.trained(41, 0.25, 5_000);
    private static final PredictivePacer PACER = PredictivePacer.newBuilder(MODEL).build();

    private static Snapshot.Agent randomAgent(SplittableRandom random) {
        switch (random.nextInt(5)) {
            case 0:
                return Snapshot.Agent.available();
            case 1:
                return Snapshot.Agent.paused();
            case 2:
                return Snapshot.Agent.wrapping(Duration.ofMillis(random.nextLong(15_000)));
            default:
                return Snapshot.Agent.talking(Duration.ofMillis(random.nextLong(600_000)));
        }
    }

    private static Snapshot randomSnapshot(SplittableRandom random) {
        List<Snapshot.Agent> agents = new ArrayList<>();
        int n = random.nextInt(40);
        for (int i = 0; i < n; i++) {
            agents.add(randomAgent(random));
        }
        List<Duration> ringing = new ArrayList<>();
        int calls = random.nextInt(60);
        for (int i = 0; i < calls; i++) {
            ringing.add(Duration.ofMillis(random.nextLong(40_000)));
        }
        return Snapshot.of(agents, ringing);
    }

    private static Snapshot withAgent(Snapshot s, Snapshot.Agent agent) {
        List<Snapshot.Agent> agents = new ArrayList<>(s.agents());
        agents.add(agent);
        Collections.shuffle(agents, new Random(agents.size()));
        return Snapshot.of(agents, s.ringing());
    }

    @Test
    void noAgents_noDials() {
        Snapshot s = Snapshot.of(List.of(), List.of());
        assertThat(PACER.dialsNow(s, 1.0)).isZero();
        assertThat(PACER.abandonChance(s, 1)).isEqualTo(1.0);
    }

    @Test
    void onlyPausedAgents_noDials() {
        Snapshot s = Snapshot.of(List.of(Snapshot.Agent.paused(), Snapshot.Agent.paused()), List.of());
        assertThat(PACER.dialsNow(s, 0.5)).isZero();
    }

    @Test
    void oneAgentFree_firstDialCannotBeAbandoned() {
        // Nothing else ringing, the agent free: the first answer always finds it.
        Snapshot s = Snapshot.of(List.of(Snapshot.Agent.available()), List.of());
        assertThat(PACER.abandonChance(s, 1)).isZero();
        assertThat(PACER.dialsNow(s, 0.0)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void everyAgentJustStartedTalking_noDials() {
        // A talk of mean 120 s that has just begun ends with its wrap-up within 32 s with probability
        // about P(talk <= 22 s) = Phi((ln 22 - 4.564) / 0.668) = 0.014: an answer would find no one.
        Snapshot s = Snapshot.of(List.of(Snapshot.Agent.talking(Duration.ZERO), Snapshot.Agent.talking(Duration.ZERO)),
                List.of());
        assertThat(PACER.abandonChance(s, 1)).isGreaterThan(0.9);
        assertThat(PACER.dialsNow(s, 0.03)).isZero();
    }

    @Test
    void tenAgentsFree_dialsMoreThanTenAtAQuarterAnswered() {
        List<Snapshot.Agent> agents = Collections.nCopies(10, Snapshot.Agent.available());
        Snapshot s = Snapshot.of(agents, List.of());
        // Ten dials bring 2.5 answers on average for ten free agents: far from filling them.
        assertThat(PACER.abandonChance(s, 10)).isLessThan(0.001);
        assertThat(PACER.dialsNow(s, 0.03)).isGreaterThan(10);
    }

    @Test
    void maxLines_capsTheCallsRinging() {
        PredictivePacer pacer = PredictivePacer.newBuilder(MODEL).maxLines(12).build();
        List<Snapshot.Agent> agents = Collections.nCopies(10, Snapshot.Agent.available());
        assertThat(pacer.dialsNow(Snapshot.of(agents, List.of()), 0.03)).isEqualTo(12);
        List<Duration> ringing = Collections.nCopies(5, Duration.ofSeconds(20));
        assertThat(pacer.dialsNow(Snapshot.of(agents, ringing), 0.03)).isEqualTo(7);
        assertThat(pacer.dialsNow(Snapshot.of(agents, Collections.nCopies(12, Duration.ZERO)), 0.03)).isZero();
    }

    @Test
    void abandonChance_growsWithEachDial() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            Snapshot s = randomSnapshot(new SplittableRandom(seed));
            double before = 0;
            for (int dial = 1; dial <= 40; dial++) {
                double chance = PACER.abandonChance(s, dial);
                assertThat(chance).isBetween(before, 1.0);
                before = chance;
            }
        });
    }

    @Test
    void agentBecomingAvailable_neverFewerDials() {
        qt().withExamples(300).forAll(longs().all(), doubles().between(0, 0.3)).checkAssert((seed, allowed) -> {
            SplittableRandom random = new SplittableRandom(seed);
            Snapshot s = randomSnapshot(random);
            if (s.agents().isEmpty()) {
                return;
            }
            List<Snapshot.Agent> agents = new ArrayList<>(s.agents());
            agents.set(random.nextInt(agents.size()), Snapshot.Agent.available());
            Snapshot freer = Snapshot.of(agents, s.ringing());
            assertThat(PACER.dialsNow(freer, allowed)).isGreaterThanOrEqualTo(PACER.dialsNow(s, allowed));
        });
    }

    @Test
    void oneMoreAvailableAgent_neverFewerDials() {
        qt().withExamples(300).forAll(longs().all(), doubles().between(0, 0.3)).checkAssert((seed, allowed) -> {
            Snapshot s = randomSnapshot(new SplittableRandom(seed));
            Snapshot more = withAgent(s, Snapshot.Agent.available());
            assertThat(PACER.dialsNow(more, allowed)).isGreaterThanOrEqualTo(PACER.dialsNow(s, allowed));
        });
    }

    @Test
    void oneMoreCallRinging_neverMoreDials() {
        qt().withExamples(300).forAll(longs().all(), doubles().between(0, 0.3)).checkAssert((seed, allowed) -> {
            SplittableRandom random = new SplittableRandom(seed);
            Snapshot s = randomSnapshot(random);
            List<Duration> ringing = new ArrayList<>(s.ringing());
            ringing.add(random.nextInt(ringing.size() + 1), Duration.ofMillis(random.nextLong(40_000)));
            Snapshot busier = Snapshot.of(s.agents(), ringing);
            assertThat(PACER.dialsNow(busier, allowed)).isLessThanOrEqualTo(PACER.dialsNow(s, allowed));
        });
    }

    @Test
    void higherAllowedAbandon_neverFewerDials() {
        qt().withExamples(300).forAll(longs().all(), doubles().between(0, 1), doubles().between(0, 1))
                .checkAssert((seed, a, b) -> {
                    Snapshot s = randomSnapshot(new SplittableRandom(seed));
                    double low = Math.min(a, b);
                    double high = Math.max(a, b);
                    assertThat(PACER.dialsNow(s, high)).isGreaterThanOrEqualTo(PACER.dialsNow(s, low));
                });
    }

    @Test
    void dialsNow_isTheLargestDialWithinTheAllowedChance() {
        qt().withExamples(200).forAll(longs().all(), doubles().between(0, 0.3)).checkAssert((seed, allowed) -> {
            Snapshot s = randomSnapshot(new SplittableRandom(seed));
            int k = PACER.dialsNow(s, allowed);
            if (k > 0) {
                assertThat(PACER.abandonChance(s, k)).isLessThanOrEqualTo(allowed);
            }
            if (k < PredictivePacer.DEFAULT_MAX_LINES - s.ringing().size()) {
                assertThat(PACER.abandonChance(s, k + 1)).isGreaterThan(allowed);
            }
        });
    }

    @Test
    void refreshPerAgent_aLargerTeamReadsItsRowsLonger_aSmallOneRefreshes() {
        List<Snapshot.Agent> agents = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            agents.add(Snapshot.Agent.talking(Duration.ofSeconds(30 + 10 * i)));
        }
        Snapshot team = Snapshot.of(agents, List.of(Duration.ofSeconds(3)));
        PacingModel model = StandardCalls.trained(43, 0.25, 5_000);
        PredictivePacer everyObservation = PredictivePacer.newBuilder(model).refreshEvery(1).build();
        // 20 agents at 100 observations each: 2,000, capped at a tenth of the model's observations.
        PredictivePacer perAgent = PredictivePacer.newBuilder(model).refreshEvery(1).refreshPerAgent(100).build();
        double fresh = everyObservation.abandonChance(team, 5);
        assertThat(perAgent.abandonChance(team, 5)).isEqualTo(fresh);
        // Fifty more talks of 20 s change the talk time's fit, which a pacer refreshing at every
        // observation reads at once and the other, 50 observations into its epoch, not yet.
        for (int i = 0; i < 50; i++) {
            model.talked(Duration.ofSeconds(20));
        }
        double moved = everyObservation.abandonChance(team, 5);
        assertThat(moved).isNotEqualTo(fresh);
        assertThat(perAgent.abandonChance(team, 5)).isEqualTo(fresh);
    }

    @Test
    void badSettings_refusedNamingThem() {
        assertThatThrownBy(() -> PACER.dialsNow(Snapshot.of(List.of(), List.of()), 1.5))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("allowed");
        assertThatThrownBy(() -> PredictivePacer.newBuilder(MODEL).horizon(Duration.ofMillis(1500)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("horizon");
        assertThatThrownBy(() -> PredictivePacer.newBuilder(MODEL).refreshPerAgent(-1))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("refreshPerAgent");
        assertThatThrownBy(() -> PredictivePacer.newBuilder(MODEL).maxLines(0))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("maxLines");
        assertThatThrownBy(() -> PredictivePacer.newBuilder(MODEL).maxLines(5).maxLines(6))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("maxLines is already set");
        assertThatThrownBy(() -> Snapshot.Agent.of(AgentState.ON_CALL, Duration.ofSeconds(-1)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("agent elapsed time");
    }

    @Test
    void teamView_readAsTheSnapshotItStandsFor() {
        // A view handing out the same agents and calls as a snapshot, in seconds, in another order.
        Snapshot s = Snapshot.of(List.of(Snapshot.Agent.available(), Snapshot.Agent.talking(Duration.ofMillis(12_250)),
                Snapshot.Agent.wrapping(Duration.ofMillis(3_500)), Snapshot.Agent.paused()),
                List.of(Duration.ofMillis(4_750), Duration.ofSeconds(9)));
        TeamView view = new TeamView() {
            @Override
            public void forEachAgent(AgentSink sink) {
                sink.agent(AgentState.WRAP_UP, 3.5);
                sink.agent(AgentState.PAUSED, 0);
                sink.agent(AgentState.ON_CALL, 12.25);
                sink.agent(AgentState.AVAILABLE, 0);
            }

            @Override
            public void forEachRinging(RingingSink sink) {
                sink.ringing(9);
                sink.ringing(4.75);
            }
        };
        for (int k = 1; k <= 6; k++) {
            // Equal up to the order of summation.
            assertThat(PACER.abandonChance(view, k)).isCloseTo(PACER.abandonChance(s, k), within(1e-12));
        }
        assertThat(PACER.dialsNow(view, 0.03)).isEqualTo(PACER.dialsNow(s, 0.03));
        List<Double> seen = new java.util.ArrayList<>();
        s.forEachRinging(seen::add);
        assertThat(seen).containsExactly(4.75, 9.0);
    }
}
