package dev.outbound.pacing.engine;

import dev.outbound.core.InvalidValueException;
import dev.outbound.pacing.abandon.AbandonRule;
import dev.outbound.pacing.predict.MarginController;
import dev.outbound.pacing.predict.PacingModel;
import dev.outbound.pacing.predict.PredictivePacer;
import java.util.Objects;

/**
 * The shipped {@link Pacer}s: Outbound's predictive pacing, and for comparison fixed-ratio power
 * pacing and a simple adaptive ratio.
 */
public final class Pacers {
    /** How many observations the default predictive pacer's cached forecasts last. */
    public static final int DEFAULT_REFRESH = 200;
    private Pacers() {
    }

    /**
     * Outbound's predictive pacing with the defaults: a {@link PredictivePacer} on the model, with
     * the rule's connect limit and its forecasts refreshed every {@value #DEFAULT_REFRESH}
     * observations ({@link PredictivePacer.Builder#refreshEvery}), and a {@link MarginController}
     * on the rule's target.
     *
     * @param model the model the engine feeds (pass the engine's {@link DialerEngine.Builder#model})
     * @param rule the abandon rule
     * @return the pacer
     */
    public static Pacer predictive(PacingModel model, AbandonRule rule) {
        Objects.requireNonNull(rule, "rule");
        return predictive(PredictivePacer.newBuilder(model).connectLimit(rule.connectLimit())
                        .refreshEvery(DEFAULT_REFRESH).build(),
                MarginController.of(rule.target()));
    }

    /**
     * Predictive pacing: each decision dials the most calls whose last dial's chance of finding no
     * agent stays under what the margin controller allows, itself capped by the headroom left in
     * the abandon rule's window ({@link MarginController#allowed(java.time.Instant,
     * dev.outbound.pacing.abandon.AbandonLedger, long)}). When the window has no headroom left the
     * pacer falls back to progressive pacing, one call ringing per available agent, so that an
     * answer always finds an agent; it never goes beyond the rule. After every live answer the
     * controller adapts to the rate measured in the window.
     *
     * @param pacer the decision
     * @param margin the safety margin, adapted by this pacer
     * @return the pacer
     */
    public static Pacer predictive(PredictivePacer pacer, MarginController margin) {
        Objects.requireNonNull(pacer, "pacer");
        Objects.requireNonNull(margin, "margin");
        return new Pacer() {
            @Override
            public int dialsNow(PacingContext context) {
                long expected = Math.max(1, context.activeAgents());
                double allowed = margin.allowed(context.now(), context.ledger(), expected);
                int dials;
                if (allowed <= 0) {
                    dials = context.availableAgents() - context.ringing();
                } else {
                    dials = pacer.dialsNow(context.snapshot(), allowed);
                }
                return Math.max(0, Math.min(dials, context.lineLimit()));
            }

            @Override
            public void onLiveAnswer(PacingContext context, boolean abandoned) {
                margin.update(context.now(), context.ledger());
            }

            @Override
            public String name() {
                return "predictive";
            }
        };
    }

    /**
     * Power pacing: keeps {@code ratio} calls ringing per available agent, whatever the abandon
     * rate.
     *
     * @param ratio lines per available agent, 1 to 20
     * @return the pacer
     */
    public static Pacer fixedRatio(double ratio) {
        checkRatio(ratio);
        return new Pacer() {
            @Override
            public int dialsNow(PacingContext context) {
                int want = (int) Math.round(ratio * context.availableAgents()) - context.ringing();
                return Math.max(0, Math.min(want, context.lineLimit()));
            }

            @Override
            public String name() {
                return "ratio " + ratio;
            }
        };
    }

    /**
     * A simple adaptive ratio, the classic controller predictive pacing is measured against: power
     * pacing whose ratio starts at {@code start}, drops by {@code 0.05} on each live answer while
     * the abandon rate of the rule's window is over the target, and rises by {@code 0.01}
     * otherwise, between 1 and {@code maxRatio}.
     *
     * @param start the starting ratio, 1 to {@code maxRatio}
     * @param maxRatio the highest ratio, 1 to 20
     * @return the pacer
     */
    public static Pacer adaptiveRatio(double start, double maxRatio) {
        checkRatio(maxRatio);
        if (!(start >= 1 && start <= maxRatio)) {
            throw new InvalidValueException("start ratio", "1 - " + maxRatio, start);
        }
        return new Pacer() {
            private double ratio = start;

            @Override
            public int dialsNow(PacingContext context) {
                int want = (int) Math.round(ratio * context.availableAgents()) - context.ringing();
                return Math.max(0, Math.min(want, context.lineLimit()));
            }

            @Override
            public void onLiveAnswer(PacingContext context, boolean abandoned) {
                double rate = context.ledger().rate(context.now());
                ratio = rate > context.ledger().rule().target() ? Math.max(1, ratio - 0.05)
                        : Math.min(maxRatio, ratio + 0.01);
            }

            @Override
            public String name() {
                return "adaptive ratio";
            }
        };
    }

    private static void checkRatio(double ratio) {
        if (!(ratio >= 1 && ratio <= 20)) {
            throw new InvalidValueException("ratio", "1 - 20 lines per available agent", ratio);
        }
    }
}
