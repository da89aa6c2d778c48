package dev.outbound.pacing.predict;

import dev.outbound.spi.agent.AgentState;
import java.util.Arrays;

/**
 * The chance that each agent is free at the instants {@code offset + j * step}, {@code j = 1 ..
 * steps}, from now, under a {@link PacingModel}. The wrap-up distribution on the grid is worked
 * out once and shared by every agent.
 *
 * <p>An agent who is talking with {@code t} elapsed is free by {@code T} when the rest of the
 * talk, {@code R}, and then the wrap-up, {@code W}, are over: {@code P(R + W <= T)}. The talk's end
 * is put on cells of width {@code step}, {@code g_i = P(t + (i-1) step < talk <= t + i step | talk
 * > t)}, each cell's mass at its middle, and the sum over cells is {@code sum g_i F_W(T - (i - 1/2)
 * step)}. Cost per talking agent: {@code steps + 1} evaluations of the talk distribution and
 * {@code O(steps * b)} multiplications, {@code b} the number of steps over which the wrap-up's
 * distribution is neither negligible nor certain (1 or 2 for a fixed wrap-up, at most {@code
 * steps}); {@code O(steps)} for the other agents. For a
 * wrap-up that ends at a whole number of steps the mid-cell placement is exact at the grid's
 * instants; otherwise it errs by at most half a cell.
 */
final class FreeAgentGrid {
    private final PacingModel model;
    private final double step;
    private final double offset;
    private final int steps;
    /** Cells whose middle is before offset: cell i is used for instant j when i <= j + shift. */
    private final int shift;
    /** wrapBy[d + shift] = P(wrap <= offset + (d + 1/2) step), d = j - i from -shift to steps - 1. */
    private final double[] wrapBy;
    private final double[] talkEnds;
    private final double[] talkEndedBy;
    /** wrapBy[k] <= NEGLIGIBLE for k < wrapStarts; wrapBy[k] >= 1 - NEGLIGIBLE for k >= wrapSure. */
    private final int wrapStarts;
    private final int wrapSure;
    private static final double NEGLIGIBLE = 1e-12;
    /** Survival values are remembered at multiples of a quarter second up to this many quarters. */
    static final int MEMO_QUARTERS = 4 * 7_200;
    private final Memo talkMemo;
    private final Memo wrapMemo;

    FreeAgentGrid(PacingModel model, double step, double offset, int steps) {
        this(model, step, offset, steps, null, null);
    }

    /** A grid that remembers survival values in the memos, which must be for this model state. */
    FreeAgentGrid(PacingModel model, double step, double offset, int steps, Memo talkMemo, Memo wrapMemo) {
        this.talkMemo = talkMemo;
        this.wrapMemo = wrapMemo;
        this.model = model;
        this.step = step;
        this.offset = offset;
        this.steps = steps;
        this.shift = (int) Math.floor(offset / step + 0.5);
        this.wrapBy = new double[steps + shift];
        LogNormalEstimator wrap = model.wrap();
        for (int d = -shift; d < steps; d++) {
            wrapBy[d + shift] = 1 - wrap.survival(offset + (d + 0.5) * step);
        }
        this.talkEnds = new double[steps + shift + 1];
        this.talkEndedBy = new double[steps + shift + 1];
        // The wrap-up's spread on the grid: below index wrapStarts its probability is negligible,
        // from wrapSure on it is certain; only the band between needs multiplying.
        int starts = wrapBy.length;
        int sure = wrapBy.length;
        for (int k = wrapBy.length - 1; k >= 0; k--) {
            if (wrapBy[k] >= 1 - NEGLIGIBLE) {
                sure = k;
            }
            if (wrapBy[k] > NEGLIGIBLE) {
                starts = k;
            }
        }
        this.wrapStarts = starts;
        this.wrapSure = sure;
    }

    int steps() {
        return steps;
    }

    /** Writes P(agent free by offset + j * step) to {@code out[j - 1]}, j = 1 .. steps. */
    void freeBy(Snapshot.Agent agent, double[] out) {
        freeBy(agent.state(), LogNormalEstimator.seconds(agent.elapsed()), out);
    }

    void freeBy(AgentState state, double elapsed, double[] out) {
        switch (state) {
            case AVAILABLE:
                Arrays.fill(out, 0, steps, 1.0);
                return;
            case PAUSED:
                Arrays.fill(out, 0, steps, 0.0);
                return;
            case WRAP_UP: {
                double now = wrapSurvival(elapsed);
                for (int j = 1; j <= steps; j++) {
                    out[j - 1] = now <= 0 ? 1 : Math.min(1, Math.max(0, 1 - wrapSurvival(elapsed + offset + j * step) / now));
                }
                return;
            }
            case ON_CALL:
            default:
                talking(elapsed, out);
        }
    }

    private void talking(double elapsed, double[] out) {
        int cells = steps + shift;
        double now = talkSurvival(elapsed);
        if (now <= 0) {
            // Far beyond every talk seen: taken to end at once (see LogNormalEstimator#endsWithin).
            Arrays.fill(talkEnds, 0.0);
            talkEnds[1] = 1;
        } else {
            // With a memo and whole-second steps, the points elapsed + i step are the memo's
            // quarters q0 + 4i: read them by index (the same values as talkSurvival gives).
            int q0 = talkMemo != null && step == 1.0 ? quarter(elapsed) : -1;
            double before = 0;
            for (int i = 1; i <= cells; i++) {
                int q = q0 + 4 * i;
                double later = q0 >= 0 && q < MEMO_QUARTERS
                        ? talkMemo.survival(q, model.talk(), elapsed + i * step)
                        : talkSurvival(elapsed + i * step);
                double by = Math.min(1, Math.max(before, 1 - later / now));
                talkEnds[i] = by - before;
                before = by;
            }
        }
        // Prefix sums: the cells whose wrap-up is certainly over by instant j count whole.
        for (int i = 1; i <= cells; i++) {
            talkEndedBy[i] = talkEndedBy[i - 1] + talkEnds[i];
        }
        for (int j = 1; j <= steps; j++) {
            int last = j + shift;
            int whole = Math.min(last, j + shift - wrapSure);
            double p = whole >= 1 ? talkEndedBy[whole] : 0;
            int first = Math.max(1, whole + 1);
            int stop = Math.min(last, j + shift - wrapStarts);
            for (int i = first; i <= stop; i++) {
                p += talkEnds[i] * wrapBy[j - i + shift];
            }
            out[j - 1] = Math.min(1, p);
        }
    }

    /**
     * The talk time's survival at {@code x} seconds, remembered at whole quarter seconds when the
     * grid has a memo: the engine gives elapsed times in quarter seconds and the grid's step is
     * whole, so each point is evaluated once per model state however many agents share it.
     */
    private double talkSurvival(double x) {
        return survival(model.talk(), talkMemo, x);
    }

    private double wrapSurvival(double x) {
        return survival(model.wrap(), wrapMemo, x);
    }

    private static double survival(LogNormalEstimator fit, Memo memo, double x) {
        int q = memo == null ? -1 : quarter(x);
        if (q < 0) {
            return fit.survival(x);
        }
        return memo.survival(q, fit, x);
    }

    /** @return {@code 4x} when it is a whole number below the memo's length, else -1 */
    static int quarter(double x) {
        double q = x * 4;
        if (q >= 0 && q < MEMO_QUARTERS && q == Math.rint(q)) {
            return (int) q;
        }
        return -1;
    }

    /**
     * Values by quarter second, valid for one epoch (one model state): a new epoch forgets them
     * all at once, without clearing the arrays.
     */
    static final class Memo {
        final double[] values;
        private final int[] epochs;
        private int epoch = 1;

        Memo(int size) {
            values = new double[size];
            epochs = new int[size];
        }

        void nextEpoch() {
            epoch++;
        }

        boolean known(int q) {
            return epochs[q] == epoch;
        }

        /** The survival of {@code fit} at {@code x}, whose quarter is {@code q}: remembered, or evaluated and remembered. */
        double survival(int q, LogNormalEstimator fit, double x) {
            return known(q) ? values[q] : put(q, fit.survival(x));
        }

        double put(int q, double v) {
            values[q] = v;
            epochs[q] = epoch;
            return v;
        }
    }
}
