package dev.outbound.pacing.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The forecasts of a trained model against Monte Carlo estimates drawn from the true (standard)
 * distributions, conditioned by rejection on what the snapshot shows. With 20 000 draws a
 * probability's standard deviation is at most 0.0035; the tolerance 0.02 also covers the
 * estimation error of the model.
 */
class ForecastTest {
    private static final int DRAWS = 20_000;
    private static final PacingModel MODEL = StandardCalls.trained(31, 0.25, 20_000);

    private static final List<Snapshot.Agent> AGENTS = List.of(
            Snapshot.Agent.available(),
            Snapshot.Agent.paused(),
            Snapshot.Agent.talking(Duration.ZERO),
            Snapshot.Agent.talking(Duration.ofSeconds(60)),
            Snapshot.Agent.talking(Duration.ofSeconds(150)),
            Snapshot.Agent.talking(Duration.ofSeconds(400)),
            Snapshot.Agent.wrapping(Duration.ofSeconds(3)),
            Snapshot.Agent.wrapping(Duration.ofMillis(9_500)));

    /** One draw of whether the agent is free by h, from the true distributions. */
    private static boolean freeBy(SplittableRandom random, Snapshot.Agent agent, double h) {
        double elapsed = StandardCalls.seconds(agent.elapsed());
        double wrap = StandardCalls.seconds(StandardCalls.WRAP);
        switch (agent.state()) {
            case AVAILABLE:
                return true;
            case PAUSED:
                return false;
            case WRAP_UP:
                return wrap - elapsed <= h;
            default:
                double talk;
                do {
                    talk = StandardCalls.seconds(StandardCalls.TALK.sample(random));
                } while (talk <= elapsed);
                return talk - elapsed + wrap <= h;
        }
    }

    @Test
    void freeProbabilities_matchMonteCarlo() {
        double h = 15;
        double[] forecast = Forecast.freeProbabilities(MODEL, Snapshot.of(AGENTS, List.of()), Duration.ofSeconds(15));
        SplittableRandom random = new SplittableRandom(32);
        for (int a = 0; a < AGENTS.size(); a++) {
            int free = 0;
            for (int i = 0; i < DRAWS; i++) {
                if (freeBy(random, AGENTS.get(a), h)) {
                    free++;
                }
            }
            assertThat(forecast[a]).as("agent %s", AGENTS.get(a)).isCloseTo((double) free / DRAWS, within(0.02));
        }
        // By hand: available 1, paused 0, a wrap-up of 10 s that is 3 s in ends within 15 s: 1.
        assertThat(forecast[0]).isEqualTo(1.0);
        assertThat(forecast[1]).isEqualTo(0.0);
        assertThat(forecast[6]).isCloseTo(1.0, within(1e-9));
        // A talk just begun cannot end with its wrap-up in 15 s unless it lasts under 5 s:
        // Phi((ln 5 - 4.56435) / 0.66805) = Phi(-4.42) = 5e-6.
        assertThat(forecast[2]).isLessThan(1e-4);
    }

    @Test
    void freeAgents_distributionMatchesMonteCarlo() {
        Duration horizon = Duration.ofSeconds(20);
        CountDistribution forecast = Forecast.freeAgents(MODEL, Snapshot.of(AGENTS, List.of()), horizon);
        assertThat(forecast.exact()).isTrue();
        SplittableRandom random = new SplittableRandom(33);
        int[] counts = new int[AGENTS.size() + 1];
        for (int i = 0; i < DRAWS; i++) {
            int free = 0;
            for (Snapshot.Agent agent : AGENTS) {
                if (freeBy(random, agent, 20)) {
                    free++;
                }
            }
            counts[free]++;
        }
        for (int k = 0; k <= AGENTS.size(); k++) {
            assertThat(forecast.probability(k)).as("P(%d free)", k).isCloseTo((double) counts[k] / DRAWS, within(0.02));
        }
    }

    @Test
    void freeAgents_onlyAvailableAndPaused_certain() {
        Snapshot s = Snapshot.of(List.of(Snapshot.Agent.available(), Snapshot.Agent.available(),
                Snapshot.Agent.paused()), List.of());
        CountDistribution d = Forecast.freeAgents(MODEL, s, Duration.ofSeconds(5));
        assertThat(d.probability(2)).isEqualTo(1.0);
    }

    @Test
    void liveAnswers_fromCallsRingingAndNewDials_matchMonteCarlo() {
        List<Duration> ringing = List.of(Duration.ZERO, Duration.ofSeconds(3), Duration.ofSeconds(8),
                Duration.ofSeconds(20), Duration.ofSeconds(24));
        int newDials = 5;
        double h = 10;
        CountDistribution forecast = Forecast.liveAnswers(MODEL, Snapshot.of(List.of(), ringing),
                Duration.ofSeconds(10), newDials);
        SplittableRandom random = new SplittableRandom(34);
        int[] counts = new int[ringing.size() + newDials + 1];
        for (int i = 0; i < DRAWS; i++) {
            int answers = 0;
            for (int c = 0; c < ringing.size() + newDials; c++) {
                double elapsed = c < ringing.size() ? StandardCalls.seconds(ringing.get(c)) : 0;
                StandardCalls.Dial d;
                do {
                    d = StandardCalls.dial(random, 0.25);
                } while (StandardCalls.seconds(d.end()) <= elapsed);
                double end = StandardCalls.seconds(d.end());
                if (d.answered() && end <= elapsed + h) {
                    answers++;
                }
            }
            counts[answers]++;
        }
        double mean = 0;
        for (int k = 0; k < counts.length; k++) {
            assertThat(forecast.probability(k)).as("P(%d answers)", k).isCloseTo((double) counts[k] / DRAWS, within(0.02));
            mean += k * (double) counts[k] / DRAWS;
        }
        assertThat(forecast.mean()).isCloseTo(mean, within(0.05));
    }
}
