package dev.outbound.pacing.predict;

/**
 * The chance that each agent is free at the instants {@code offset + j * step}, {@code j = 1 ..
 * steps}, from now, under a {@link PacingModel}. The wrap-up distribution on the grid is worked
 * out once and shared by every agent.
 *
 * <p>An agent who is talking with {@code t} elapsed is free by {@code T} when the rest of the
 * talk, {@code R}, and then the wrap-up, {@code W}, are over: {@code P(R + W <= T)}. The talk's end
 * is put on cells of width {@code step}, {@code g_i = P(t + (i-1) step < talk <= t + i step | talk
 * > t)}, each cell's mass at its middle, and the sum over cells is {@code sum g_i F_W(T - (i - 1/2)
 * step)}. Cost: {@code O(steps^2)} per talking agent, {@code O(steps)} for the others. For a
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

    FreeAgentGrid(PacingModel model, double step, double offset, int steps) {
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
    }

    int steps() {
        return steps;
    }

    /** Writes P(agent free by offset + j * step) to {@code out[j - 1]}, j = 1 .. steps. */
    void freeBy(Snapshot.Agent agent, double[] out) {
        switch (agent.state()) {
            case AVAILABLE:
                java.util.Arrays.fill(out, 0, steps, 1.0);
                return;
            case PAUSED:
                java.util.Arrays.fill(out, 0, steps, 0.0);
                return;
            case WRAP_UP: {
                double w = LogNormalEstimator.seconds(agent.elapsed());
                LogNormalEstimator wrap = model.wrap();
                for (int j = 1; j <= steps; j++) {
                    out[j - 1] = wrap.endsWithin(w, offset + j * step);
                }
                return;
            }
            case ON_CALL:
            default:
                talking(LogNormalEstimator.seconds(agent.elapsed()), out);
        }
    }

    private void talking(double elapsed, double[] out) {
        LogNormalEstimator talk = model.talk();
        int cells = steps + shift;
        double before = 0;
        for (int i = 1; i <= cells; i++) {
            double by = talk.endsWithin(elapsed, i * step);
            talkEnds[i] = Math.max(0, by - before);
            before = Math.max(before, by);
        }
        for (int j = 1; j <= steps; j++) {
            double p = 0;
            int last = j + shift;
            for (int i = 1; i <= last; i++) {
                p += talkEnds[i] * wrapBy[j - i + shift];
            }
            out[j - 1] = Math.min(1, p);
        }
    }
}
