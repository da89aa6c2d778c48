package dev.outbound.pacing.predict;

import dev.outbound.core.InvalidValueException;
import dev.outbound.pacing.abandon.AbandonRule;
import dev.outbound.spi.agent.AgentState;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The predictive pacing decision: how many numbers to dial now so that a live answer rarely finds
 * no agent free. The engine calls {@link #dialsNow} on every event that changes the picture (an
 * answer, a hang-up, an agent's return) with a {@link Snapshot} and the abandon probability it may
 * spend, which a {@link MarginController} adapts to the abandon rate measured. The pacer reads a
 * {@link PacingModel} that the engine keeps feeding; it holds no other state.
 *
 * <h2>The computation</h2>
 * Time ahead is cut into {@code m} steps of 1 s up to the horizon. For each step end {@code t_j}:
 * <ul>
 * <li>{@code B_j}, the number of agents not free by {@code t_j + c} ({@code c} the connect limit:
 *     an answer may wait that long for an agent), from each agent's probability of being free
 *     (see {@link Forecast}); paused agents are left out of the team, whose size is {@code n};
 * <li>{@code R_j}, the number of calls already ringing that are answered live by {@code t_j}, each
 *     by its own elapsed ring time (see {@link AnswerModel});
 * <li>{@code q_j}, the probability that a dial placed now is answered live by {@code t_j}, and
 *     {@code w_j = q_j - q_(j-1)}, that it is answered in step {@code j}.
 * </ul>
 * The {@code k}-th new dial, answered in step {@code j}, finds no agent when the agents busy then
 * and the other answers so far fill the team: {@code B_j + R_j + N_j >= n}, with {@code N_j} the
 * other {@code k - 1} new dials answered by {@code t_j} (binomial with {@code q_j}). Its chance of
 * being abandoned, given that it is answered within the horizon, is
 * <pre>
 *   a(k) = sum_j w_j P(B_j + R_j + N_j >= n) / sum_j w_j
 * </pre>
 * and the pacer dials the largest {@code k}, up to the free lines, with {@code a(k) <= allowed}.
 * Counting every earlier answer as holding an agent (an abandoned one does not) errs on the safe
 * side.
 *
 * <p>{@code B_j + R_j + N_j} is a sum of independent Bernoulli variables; the pacer takes the
 * normal approximation with its exact mean and variance, {@code P(X >= n) = P(Z > (n - 1/2 - mean)
 * / sd)}, and counts the chance as 1 once the mean reaches {@code n - 1/2} (when the chance is more
 * than a half anyway). That last rule keeps the chance increasing in both the mean and the
 * variance, so the decision is monotone: an agent becoming available, or one more available
 * agent, never means fewer dials; one more call ringing never means more; a higher allowed
 * probability never means fewer. {@code a(k)} grows with {@code k}, so the largest {@code k} is
 * found by doubling from 1 and then bisecting, a few evaluations for the few dials a decision
 * usually places.
 *
 * <h2>Why the chance of the last dial</h2>
 * The target is a share of all live answers, but a forecast ratio of expected abandons to expected
 * answers over the horizon would count the calls already ringing in its denominator, and would
 * allow more dials when more calls are already in flight. Bounding the last dial's chance bounds
 * the average of every new dial's chance within one decision, and is monotone. It does not bound
 * the rate a shift ends with: decisions overlap, agents' times are only forecast, and calls placed
 * by earlier decisions are still ringing. Measured on the standard model (20 agents, answer rate
 * 0.25, 4 h), a fixed allowed chance of 2% gave 3.9% abandoned and one of 5% gave 7.3%. The
 * {@link MarginController} closes that loop: it sets the allowed chance from the rate measured.
 *
 * <p>Cost per decision: about {@code m} evaluations of a log-normal distribution per agent not
 * available and per call ringing, {@code O(m * b)} multiplications per talking agent ({@code b}
 * the wrap-up's spread in steps, see {@link Forecast}), and {@code O(m * log(maxLines))} for the
 * search. With the default 30-s horizon that is about 50 microseconds for 20 agents and 10 calls
 * ringing, and 200 for 100 agents and 50 calls, on a small shared build machine. With {@link
 * Builder#refreshEvery} and {@link Builder#refreshPerAgent} the rows of agents and calls are
 * reused between decisions; the engine's default pacer refreshes them every 200 observations, or
 * 10 per agent for teams over 20. Then 96% of rows are found, and a decision for 100 agents and
 * about 50 calls ringing costs about 10 microseconds, most of it visiting the agents and calls
 * and adding their rows.
 * Not thread-safe (it reads the model and keeps that cache).
 */
public final class PredictivePacer {
    /** The default horizon: 30 s, longer than most ring times to answer. */
    public static final Duration DEFAULT_HORIZON = Duration.ofSeconds(30);
    /** The longest horizon. */
    public static final Duration MAX_HORIZON = Duration.ofMinutes(2);
    /** The default number of lines: calls ringing at once, for the campaign. */
    public static final int DEFAULT_MAX_LINES = 500;
    /** The most lines a pacer may be given. */
    public static final int MAX_LINES = 100_000;

    private final PacingModel model;
    private final int steps;
    private final double connect;
    private final int maxLines;
    private final int refreshEvery;
    private final int refreshPerAgent;
    private long epochStart = Long.MIN_VALUE;
    private FreeAgentGrid grid;
    private final FreeAgentGrid.Memo talkMemo = new FreeAgentGrid.Memo(FreeAgentGrid.MEMO_QUARTERS);
    private final FreeAgentGrid.Memo wrapMemo = new FreeAgentGrid.Memo(FreeAgentGrid.MEMO_QUARTERS);
    /** Rows of wrapping agents and ringing calls by quarter second of elapsed time, for the epoch. */
    private final RowMemo talkRows = new RowMemo(4 * 3_600);
    private final RowMemo wrapRows = new RowMemo(4 * 600);
    private final RowMemo ringRows = new RowMemo(4 * 600);
    private double[] freshRow;
    /** The sums of the last decision, reused: a decision allocates nothing. */
    private final Prepared prepared;
    /** Working space of a row being worked out. */
    private final double[] scratch;

    private PredictivePacer(Builder b) {
        this.refreshEvery = b.refreshEvery;
        this.refreshPerAgent = b.refreshPerAgent;
        this.model = b.model;
        this.steps = (int) b.horizon.getSeconds();
        this.connect = LogNormalEstimator.seconds(b.connectLimit);
        this.maxLines = b.maxLines;
        this.prepared = new Prepared(steps);
        this.scratch = new double[steps];
    }

    /**
     * @param model the model the pacer reads, which the engine keeps feeding
     * @return a builder with the default horizon, connect limit and lines
     */
    public static Builder newBuilder(PacingModel model) {
        return new Builder(Objects.requireNonNull(model, "model"));
    }

    /** @return the model the pacer reads */
    public PacingModel model() {
        return model;
    }

    /**
     * How many numbers to dial now: the largest {@code k}, at most the lines not in use, whose
     * last dial's chance of abandonment {@link #abandonChance} is at most {@code allowed}. Zero
     * without agents who are not paused.
     *
     * @param snapshot the agents and calls ringing now: a {@link Snapshot}, or the engine's view
     * @param allowed the abandon probability a dial may carry, 0 to 1
     * @return dials to place now, 0 or more
     */
    public int dialsNow(TeamView snapshot, double allowed) {
        Objects.requireNonNull(snapshot, "snapshot");
        if (!(allowed >= 0 && allowed <= 1)) {
            throw new InvalidValueException("allowed", "an abandon probability from 0 to 1", allowed);
        }
        Prepared p = prepare(snapshot);
        int lines = Math.max(0, maxLines - p.ringing);
        if (lines == 0 || p.team == 0 || p.chance(1) > allowed) {
            return 0;
        }
        // Gallop up from 1 (decisions mostly dial a few), then bisect between the last good and
        // the first bad: the same answer as a bisection over all lines, in fewer evaluations.
        int ok = 1;
        int bad = lines + 1;
        for (int next = 2; next <= lines; next = Math.min(lines, 2 * next)) {
            if (p.chance(next) <= allowed) {
                ok = next;
                if (next == lines) {
                    break;
                }
            } else {
                bad = next;
                break;
            }
        }
        while (bad - ok > 1) {
            int mid = (ok + bad) >>> 1;
            if (p.chance(mid) <= allowed) {
                ok = mid;
            } else {
                bad = mid;
            }
        }
        return ok;
    }

    /**
     * The chance that the {@code dial}-th dial placed now, if answered live within the horizon,
     * finds no agent free within the connect limit: {@code a(dial)} of the type's description. It is
     * 1 without agents who are not paused.
     *
     * @param snapshot the agents and calls ringing now: a {@link Snapshot}, or the engine's view
     * @param dial which new dial, from 1
     * @return the chance, 0 to 1
     */
    public double abandonChance(TeamView snapshot, int dial) {
        Objects.requireNonNull(snapshot, "snapshot");
        if (dial < 1 || dial > MAX_LINES) {
            throw new InvalidValueException("dial", "1 to " + MAX_LINES, dial);
        }
        return prepare(snapshot).chance(dial);
    }

    /**
     * Starts a new epoch of cached rows when the model has taken {@code refreshEvery} observations
     * since the last one: within an epoch, an agent in the same state for the same elapsed time, or
     * a call ringing for the same time, adds the same row to the sums.
     */
    private void refresh() {
        long seen = model.observations();
        // Early on, while the model learns fast, refresh at every tenth more observations.
        long every = Math.max(refreshEvery, (long) refreshPerAgent * prepared.team);
        if (grid != null && seen - epochStart < Math.min(every, Math.max(1, epochStart / 10))) {
            return;
        }
        epochStart = seen;
        talkMemo.nextEpoch();
        wrapMemo.nextEpoch();
        talkRows.epoch++;
        wrapRows.epoch++;
        ringRows.epoch++;
        grid = new FreeAgentGrid(model, 1.0, connect, steps, talkMemo, wrapMemo);
        freshRow = new double[steps];
        model.answers().answeredBySteps(0, 1.0, freshRow);
    }

    /** An agent's or a ringing call's contribution to the sums: busy (or answered) by each step, then its variance. */
    private double[] row(RowMemo memo, double elapsed, AgentState agent) {
        int q = FreeAgentGrid.quarter(elapsed);
        boolean kept = q >= 0 && q < memo.epochs.length;
        if (kept && memo.epochs[q] == memo.epoch) {
            return memo.rows[q];
        }
        double[] row = kept && memo.rows[q] != null ? memo.rows[q] : new double[2 * steps];
        double[] by = scratch;
        if (agent != null) {
            grid.freeBy(agent, elapsed, by);
            for (int j = 0; j < steps; j++) {
                double busy = 1 - by[j];
                row[j] = busy;
                row[steps + j] = busy * (1 - busy);
            }
        } else {
            model.answers().answeredBySteps(elapsed, 1.0, by);
            for (int j = 0; j < steps; j++) {
                double r = by[j];
                row[j] = r;
                row[steps + j] = r * (1 - r);
            }
        }
        if (kept) {
            memo.rows[q] = row;
            memo.epochs[q] = memo.epoch;
        }
        return row;
    }

    /** Rows by quarter second of elapsed time, valid in one epoch. */
    private static final class RowMemo {
        final double[][] rows;
        final int[] epochs;
        int epoch;

        RowMemo(int quarters) {
            rows = new double[quarters][];
            epochs = new int[quarters];
        }
    }

    /**
     * Adds {@code count} times a row to the sums, which are laid out like the rows: one loop over
     * both halves (a count of 1 adds the row exactly).
     */
    private static void add(Prepared p, double[] row, int count) {
        double[] sums = p.sums;
        for (int j = 0; j < sums.length; j++) {
            sums[j] += count * row[j];
        }
    }

    /** Adds the ringing calls' row held back, if any. */
    private static void flush(Prepared p) {
        if (p.pendingCount > 0) {
            add(p, p.pendingRow, p.pendingCount);
        }
        p.pendingRow = null;
        p.pendingCount = 0;
    }

    private Prepared prepare(TeamView team) {
        refresh();
        Prepared p = prepared.reset();
        team.forEachAgent((state, elapsed) -> {
            if (state == AgentState.PAUSED) {
                return;
            }
            p.team++;
            if (state != AgentState.AVAILABLE) {
                add(p, row(state == AgentState.ON_CALL ? talkRows : wrapRows, elapsed, state), 1);
            }
        });
        // Calls dialled together ring for the same time and come one after the other: their
        // common row is added once, times their number.
        team.forEachRinging(elapsed -> {
            p.ringing++;
            double[] row = row(ringRows, elapsed, null);
            if (row != p.pendingRow) {
                flush(p);
                p.pendingRow = row;
            }
            p.pendingCount++;
        });
        flush(p);
        System.arraycopy(freshRow, 0, p.fresh, 0, steps);
        double before = 0;
        for (int j = 0; j < steps; j++) {
            p.inStep[j] = p.fresh[j] - before;
            p.inHorizon += p.inStep[j];
            before = p.fresh[j];
        }
        return p;
    }

    /** One snapshot's sums, from which the chance of any dial costs O(steps). */
    private static final class Prepared {
        int team;
        int ringing;
        double[] pendingRow;
        int pendingCount;
        /** The means by step, then the variances by step: the layout of a row. */
        final double[] sums;
        private final int steps;
        final double[] fresh;
        final double[] inStep;
        double inHorizon;

        Prepared(int steps) {
            this.steps = steps;
            sums = new double[2 * steps];
            fresh = new double[steps];
            inStep = new double[steps];
        }

        Prepared reset() {
            team = 0;
            ringing = 0;
            inHorizon = 0;
            Arrays.fill(sums, 0.0);
            return this;
        }

        double chance(int dial) {
            if (team == 0 || inHorizon <= 0) {
                return 1;
            }
            double others = dial - 1;
            double threshold = team - 0.5;
            double sum = 0;
            for (int j = 0; j < steps; j++) {
                if (inStep[j] == 0) {
                    continue;
                }
                double q = fresh[j];
                double mu = sums[j] + others * q;
                double var = sums[steps + j] + others * q * (1 - q);
                double full;
                if (mu >= threshold) {
                    full = 1;
                } else if (var <= 0) {
                    full = 0;
                } else {
                    full = Gauss.upper((threshold - mu) / Math.sqrt(var));
                }
                sum += inStep[j] * full;
            }
            return Math.min(1, sum / inHorizon);
        }
    }

    /** Builds a {@link PredictivePacer}. Setting a value twice is refused, so that no setting is silently lost. */
    public static final class Builder {
        private final PacingModel model;
        private Duration horizon = DEFAULT_HORIZON;
        private Duration connectLimit = AbandonRule.DEFAULT_CONNECT_LIMIT;
        private int maxLines = DEFAULT_MAX_LINES;
        private int refreshEvery = 1;
        private int refreshPerAgent;
        private final Set<String> set = new HashSet<>();

        private Builder(PacingModel model) {
            this.model = model;
        }

        private void once(String setting) {
            if (!set.add(setting)) {
                throw new IllegalStateException(setting + " is already set");
            }
        }

        /**
         * @param horizon how far ahead the pacer looks, whole seconds from 1 s to
         *     {@link #MAX_HORIZON}; default {@link #DEFAULT_HORIZON}
         * @return this builder
         */
        public Builder horizon(Duration horizon) {
            once("horizon");
            Objects.requireNonNull(horizon, "horizon");
            if (horizon.getNano() != 0 || horizon.getSeconds() < 1 || horizon.compareTo(MAX_HORIZON) > 0) {
                throw new InvalidValueException("horizon", "whole seconds from 1s to " + MAX_HORIZON, horizon);
            }
            this.horizon = horizon;
            return this;
        }

        /**
         * @param limit how long a live answer may wait for an agent before it is abandoned, 0 to
         *     60 s; default {@link AbandonRule#DEFAULT_CONNECT_LIMIT} (take the campaign rule's
         *     {@link AbandonRule#connectLimit()})
         * @return this builder
         */
        public Builder connectLimit(Duration limit) {
            once("connectLimit");
            Objects.requireNonNull(limit, "limit");
            if (limit.isNegative() || limit.compareTo(Duration.ofSeconds(60)) > 0) {
                throw new InvalidValueException("connectLimit", "0 to 60s", limit);
            }
            this.connectLimit = limit;
            return this;
        }

        /**
         * @param lines the most calls ringing at once, 1 to {@value PredictivePacer#MAX_LINES};
         *     default {@value PredictivePacer#DEFAULT_MAX_LINES}
         * @return this builder
         */
        public Builder maxLines(int lines) {
            once("maxLines");
            if (lines < 1 || lines > MAX_LINES) {
                throw new InvalidValueException("maxLines", "1 to " + MAX_LINES, lines);
            }
            this.maxLines = lines;
            return this;
        }

        /**
         * Lets decisions reuse what they computed until the model has taken this many more
         * observations (or, while it has fewer than ten times as many, a tenth more). Within that,
         * an agent in the same state for the same elapsed time, or a call ringing for the same
         * time, costs one look-up instead of a forecast; decisions read a model at most
         * {@code observations - 1} observations old. With elapsed times rounded (the
         * engine rounds them to a quarter second) most of a decision's rows are found. Default 1:
         * every decision reads the model as it is.
         *
         * @param observations 1 to 10,000
         * @return this builder
         */
        public Builder refreshEvery(int observations) {
            once("refreshEvery");
            if (observations < 1 || observations > 10_000) {
                throw new InvalidValueException("refreshEvery", "1 to 10000 observations", observations);
            }
            this.refreshEvery = observations;
            return this;
        }

        /**
         * Lets a larger team reuse its rows for longer: a new epoch starts after the larger of
         * {@link #refreshEvery} and this many observations per agent not paused at the last
         * decision. A team's observations come in proportion to its size, so this holds the time
         * between refreshes about constant as the team grows, while the cost of a decision's rows
         * grows with the team. Default 0: {@link #refreshEvery} alone.
         *
         * @param observations 0 to 1,000 per agent
         * @return this builder
         */
        public Builder refreshPerAgent(int observations) {
            once("refreshPerAgent");
            if (observations < 0 || observations > 1_000) {
                throw new InvalidValueException("refreshPerAgent", "0 to 1000 observations per agent", observations);
            }
            this.refreshPerAgent = observations;
            return this;
        }

        /** @return the pacer */
        public PredictivePacer build() {
            return new PredictivePacer(this);
        }
    }
}
