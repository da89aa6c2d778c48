package dev.outbound.pacing.engine;

import dev.outbound.core.InvalidValueException;
import dev.outbound.pacing.abandon.AbandonRule;
import dev.outbound.pacing.predict.MarginController;
import dev.outbound.pacing.predict.PacingModel;
import dev.outbound.pacing.predict.PredictivePacer;
import java.time.Duration;
import java.util.Objects;

/**
 * The shipped {@link Pacer}s: Outbound's predictive pacing, and for comparison fixed-ratio power
 * pacing and a simple adaptive ratio.
 */
public final class Pacers {
    /** How many observations the default predictive pacer's cached forecasts last. */
    public static final int DEFAULT_REFRESH = 200;
    /** The share of the rule's target the default predictive pacer's controller aims at. */
    public static final double CONTROL_SHARE = 0.95;
    /**
     * How many standard deviations of a window's abandon rate the predictive pacer's controller
     * keeps under the target, so that a short window (a rolling hour) rarely goes over it.
     */
    public static final double WINDOW_RESERVE = 1.5;
    /** The memory of the recent abandon rate the predictive pacer's controller follows, in live answers. */
    public static final int RECENT_ANSWERS = 300;
    private Pacers() {
    }

    /**
     * Outbound's predictive pacing with the defaults: a {@link PredictivePacer} on the model, with
     * the rule's connect limit and its forecasts refreshed every {@value #DEFAULT_REFRESH}
     * observations ({@link PredictivePacer.Builder#refreshEvery}), and a {@link MarginController}
     * holding {@value #CONTROL_SHARE} of the rule's target, starting from half of that.
     *
     * @param model the model the engine feeds (pass the engine's {@link DialerEngine.Builder#model})
     * @param rule the abandon rule
     * @return the pacer
     */
    public static Pacer predictive(PacingModel model, AbandonRule rule) {
        Objects.requireNonNull(rule, "rule");
        double target = rule.target() * CONTROL_SHARE;
        return predictive(PredictivePacer.newBuilder(model).connectLimit(rule.connectLimit())
                        .refreshEvery(DEFAULT_REFRESH).build(),
                MarginController.newBuilder(target).initial(target / 2).deadBand(0.1).build());
    }

    /**
     * Predictive pacing: each decision dials the most calls whose last dial's chance of finding no
     * agent stays under what the margin controller allows, itself capped by the headroom left in
     * the abandon rule's window over the live answers of the next five minutes
     * ({@link MarginController#allowed(java.time.Instant,
     * dev.outbound.pacing.abandon.AbandonLedger, long)}). When the window has no headroom left the
     * pacer falls back to progressive pacing, one call ringing per available agent, so that an
     * answer always finds an agent; it never goes beyond the rule. It also paces progressively until
     * the model has taken its first finished dial: the engine hands ring times to the model by
     * cohort, once every dial placed as early has ended or rung out, so the first dials of a shift
     * teach the model the answer rate before it paces on it. (On the standard model, 100 agents
     * pacing from the first second on the prior answer probability of 0.3, with customers who
     * answer half the time, abandoned 64 of the first minute's 168 live answers.)
     *
     * <p>After every live answer the controller adapts to the recent abandon rate: the share of
     * the last {@value #RECENT_ANSWERS} or so live answers that were abandoned (an exponential
     * average). It holds its target less a reserve for the scatter of the rule's window: {@value
     * #WINDOW_RESERVE} standard deviations of the rate of a window holding the live answers the
     * team takes in it. For a rolling hour and 20 agents that is about 1.1 points under a 2.85%
     * target; for the FCC's 30 days, 0.04 points. The rule's window decides what is allowed; the recent rate, which moves as fast as
     * the pacing does, decides how the margin moves, so that the controller settles instead of
     * swinging with a long window's slow average.
     *
     * @param pacer the decision
     * @param margin the safety margin, adapted by this pacer
     * @return the pacer
     */
    public static Pacer predictive(PredictivePacer pacer, MarginController margin) {
        Objects.requireNonNull(pacer, "pacer");
        Objects.requireNonNull(margin, "margin");
        return new Pacer() {
            private double recent = margin.target();

            @Override
            public int dialsNow(PacingContext context) {
                double allowed = margin.allowed(context.now(), context.ledger(), expectedLiveAnswers(context));
                int dials;
                if (allowed <= 0 || pacer.model().answers().finishedDials() == 0) {
                    dials = context.availableAgents() - context.ringing();
                } else {
                    dials = pacer.dialsNow(context.team(), allowed);
                }
                return Math.max(0, Math.min(dials, context.lineLimit()));
            }

            @Override
            public void onLiveAnswer(PacingContext context, boolean abandoned) {
                recent += ((abandoned ? 1 : 0) - recent) / RECENT_ANSWERS;
                // The controller's rule is relative to its target, so scaling the measured rate by
                // target / held is the same as holding the lower rate.
                double target = margin.target();
                margin.update(Math.min(1, recent * target / held(target, context)));
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
                return ratioDials(ratio, context);
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
                return ratioDials(ratio, context);
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

    /** How far ahead the predictive pacer spends the abandon window's headroom. */
    static final Duration HEADROOM_LOOKAHEAD = Duration.ofMinutes(5);

    /**
     * The live answers the team will take over {@link #HEADROOM_LOOKAHEAD}: each agent not paused
     * takes one per mean talk and wrap-up time. The window's headroom is shared over them, so near
     * the limit the pacer may still run at the target's rate, not at none.
     */
    static long expectedLiveAnswers(PacingContext context) {
        double perAgent = HEADROOM_LOOKAHEAD.toMillis() / handleMillis(context);
        return Math.max(1, Math.round(context.activeAgents() * perAgent));
    }

    /**
     * The rate the controller holds: {@code target} less {@value #WINDOW_RESERVE} standard
     * deviations of the abandon rate of a window holding the live answers the team takes in the
     * rule's window (binomial: {@code sqrt(target (1 - target) / n)}), and at least a quarter of the
     * target. The regulator counts every window, and a short window's rate scatters: 20 agents take
     * about 550 live answers an hour, whose rate at 3% has a standard deviation of 0.7 points. For
     * the FCC's 30 days the reserve is a few hundredths of a point.
     */
    static double held(double target, PacingContext context) {
        double n = Math.max(1, context.activeAgents() * (double) context.ledger().rule().window().toMillis()
                / handleMillis(context));
        return Math.max(target / 4, target - WINDOW_RESERVE * Math.sqrt(target * (1 - target) / n));
    }

    /** The mean talk and wrap-up time the model has learnt, at least a second. */
    private static double handleMillis(PacingContext context) {
        return Math.max(1_000, context.model().talk().mean().toMillis() + context.model().wrap().mean().toMillis());
    }

    /** Power pacing's dials: {@code ratio} calls ringing per available agent, within the line limit. */
    private static int ratioDials(double ratio, PacingContext context) {
        int want = (int) Math.round(ratio * context.availableAgents()) - context.ringing();
        return Math.max(0, Math.min(want, context.lineLimit()));
    }

    private static void checkRatio(double ratio) {
        if (!(ratio >= 1 && ratio <= 20)) {
            throw new InvalidValueException("ratio", "1 - 20 lines per available agent", ratio);
        }
    }
}
