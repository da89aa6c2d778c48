package dev.outbound.pacing.predict;

import dev.outbound.core.InvalidValueException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Short-horizon forecasts under a {@link PacingModel}: which agents will be free and how many live
 * answers will arrive within the next {@code h} (a second to a couple of minutes). Agents and
 * calls are taken as independent, so both counts are Poisson-binomial ({@link PoissonBinomial}:
 * exact up to {@value PoissonBinomial#EXACT_LIMIT} agents or calls, a normal approximation beyond).
 *
 * <p>An agent is free by {@code now + h} with probability 1 when available; when talking for
 * {@code t}, the probability that the talk ends and the wrap-up after it too, {@code P(talk <= t + h
 * - wrap | talk > t)} over the wrap-up's distribution; when wrapping up for {@code w}, {@code
 * P(wrap <= w + h | wrap > w)}; when paused, 0 (a pause has no forecast end). The talk's end is
 * put on {@code ceil(h / 1 s)} equal cells, each cell's probability at its middle, and combined
 * with the wrap-up's distribution there: exact at {@code h} for a fixed wrap-up of whole cells,
 * otherwise off by at most the wrap-up's probability over half a cell. Cost per talking agent:
 * {@code O(h)} evaluations of the talk distribution and {@code O(h * b)} multiplications, {@code b}
 * the number of cells over which the wrap-up's distribution is neither negligible nor certain.
 */
public final class Forecast {
    /** The longest horizon a forecast looks ahead. */
    public static final Duration MAX_HORIZON = Duration.ofMinutes(10);

    private Forecast() {
    }

    /**
     * Each agent's probability of being free by {@code now + horizon}, in the snapshot's order.
     *
     * @param model what has been learnt
     * @param snapshot the agents
     * @param horizon how far ahead, above 0 and at most {@link #MAX_HORIZON}
     * @return one probability per agent, a fresh array
     */
    public static double[] freeProbabilities(PacingModel model, Snapshot snapshot, Duration horizon) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(snapshot, "snapshot");
        double h = checkHorizon(horizon);
        int cells = (int) Math.ceil(h);
        FreeAgentGrid grid = new FreeAgentGrid(model, h / cells, 0, cells);
        List<Snapshot.Agent> agents = snapshot.agents();
        double[] result = new double[agents.size()];
        double[] out = new double[cells];
        for (int a = 0; a < result.length; a++) {
            grid.freeBy(agents.get(a), out);
            result[a] = out[cells - 1];
        }
        return result;
    }

    /**
     * The distribution of the number of agents free by {@code now + horizon}.
     *
     * @param model what has been learnt
     * @param snapshot the agents
     * @param horizon how far ahead, above 0 and at most {@link #MAX_HORIZON}
     * @return the distribution over 0 to the number of agents
     */
    public static CountDistribution freeAgents(PacingModel model, Snapshot snapshot, Duration horizon) {
        return PoissonBinomial.of(freeProbabilities(model, snapshot, horizon));
    }

    /**
     * The distribution of the number of live answers within {@code (now, now + horizon]}, from the
     * calls ringing in the snapshot (each by its elapsed ring time, see {@link AnswerModel}) and
     * {@code newDials} dials placed now.
     *
     * @param model what has been learnt
     * @param snapshot the calls in flight
     * @param horizon how far ahead, above 0 and at most {@link #MAX_HORIZON}
     * @param newDials dials placed now, 0 to 10 000
     * @return the distribution over 0 to the number of calls
     */
    public static CountDistribution liveAnswers(PacingModel model, Snapshot snapshot, Duration horizon,
                                                int newDials) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(snapshot, "snapshot");
        double h = checkHorizon(horizon);
        if (newDials < 0 || newDials > 10_000) {
            throw new InvalidValueException("newDials", "0 to 10000", newDials);
        }
        AnswerModel answers = model.answers();
        List<Duration> ringing = snapshot.ringing();
        double[] p = new double[ringing.size() + newDials];
        for (int i = 0; i < ringing.size(); i++) {
            p[i] = answers.answeredWithin(LogNormalEstimator.seconds(ringing.get(i)), h);
        }
        double fresh = answers.answeredWithin(0, h);
        for (int i = ringing.size(); i < p.length; i++) {
            p[i] = fresh;
        }
        return PoissonBinomial.of(p);
    }

    private static double checkHorizon(Duration horizon) {
        Objects.requireNonNull(horizon, "horizon");
        if (horizon.isNegative() || horizon.isZero() || horizon.compareTo(MAX_HORIZON) > 0) {
            throw new InvalidValueException("horizon", "above 0 and at most " + MAX_HORIZON, horizon);
        }
        return LogNormalEstimator.seconds(horizon);
    }
}
