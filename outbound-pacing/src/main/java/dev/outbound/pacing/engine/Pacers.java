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
    /**
     * How many observations per agent the default predictive pacer's cached forecasts last at
     * least ({@link PredictivePacer.Builder#refreshPerAgent}): a team of 20 refreshes every
     * {@value #DEFAULT_REFRESH} observations, one of 100 every 1,000, a few minutes of calls for
     * either.
     */
    public static final int REFRESH_PER_AGENT = 10;
    /** The share of the rule's target the default predictive pacer's controller aims at. */
    public static final double CONTROL_SHARE = 0.9;
    /**
     * Where the default predictive pacer's controller starts, as a share of what it aims at: the
     * pacer's forecast leaves out the dials of later decisions, so a dial's realised abandon chance
     * is about one and a half times the chance it was allowed (measured on the standard model).
     */
    public static final double INITIAL_SHARE = 0.6;
    /**
     * The predictive pacer's cushion, in standard deviations of the abandons among an hour's live
     * answers (or the window's answers so far, when fewer): below that much budget left in the
     * rule's window, pacing slows in proportion ({@link MarginController#allowed(java.time.Instant,
     * dev.outbound.pacing.abandon.AbandonLedger, long, double)}).
     */
    public static final double CUSHION = 2;
    /**
     * How many standard deviations of a window's abandon rate the predictive pacer's controller
     * keeps under the target, so that a short window (a rolling hour) rarely goes over it.
     */
    public static final double WINDOW_RESERVE = 1.5;
    private Pacers() {
    }

    /**
     * Outbound's predictive pacing with the defaults: a {@link PredictivePacer} on the model, with
     * the rule's connect limit and its forecasts refreshed every {@value #DEFAULT_REFRESH}
     * observations ({@link PredictivePacer.Builder#refreshEvery}) or {@value #REFRESH_PER_AGENT}
     * per agent if more, and a {@link MarginController}
     * holding {@value #CONTROL_SHARE} of the rule's target, starting from {@value #INITIAL_SHARE}
     * of that, with the default {@link MarginController.Builder#answerGain}.
     *
     * @param model the model the engine feeds (pass the engine's {@link DialerEngine.Builder#model})
     * @param rule the abandon rule
     * @return the pacer
     */
    public static Pacer predictive(PacingModel model, AbandonRule rule) {
        Objects.requireNonNull(rule, "rule");
        double target = rule.target() * CONTROL_SHARE;
        return predictive(PredictivePacer.newBuilder(model).connectLimit(rule.connectLimit())
                        .refreshEvery(DEFAULT_REFRESH).refreshPerAgent(REFRESH_PER_AGENT).build(),
                MarginController.newBuilder(target).initial(target * INITIAL_SHARE).build());
    }

    /**
     * Predictive pacing: each decision dials the most calls whose last dial's chance of finding no
     * agent stays under what the margin controller allows, itself capped by the budget left in
     * the abandon rule's window over the live answers of the next five minutes and slowed below a
     * cushion of {@value #CUSHION} standard deviations of an hour's abandons
     * ({@link MarginController#allowed(java.time.Instant,
     * dev.outbound.pacing.abandon.AbandonLedger, long, double)}). When the window has no budget left the
     * pacer falls back to progressive pacing, one call ringing per available agent, so that an
     * answer always finds an agent; it never goes beyond the rule. It also paces progressively until
     * the model has taken its first finished dial: the engine hands ring times to the model by
     * cohort, once every dial placed as early has ended or rung out, so the first dials of a shift
     * teach the model the answer rate before it paces on it. (On the standard model, 100 agents
     * pacing from the first second on the prior answer probability of 0.3, with customers who
     * answer half the time, abandoned 64 of the first minute's 168 live answers.)
     *
     * <p>Each live answer moves the controller ({@link MarginController#answered(boolean, double)}).
     * It holds its target less a reserve for the scatter of the rule's window: {@value
     * #WINDOW_RESERVE} standard deviations of the rate of a window holding the live answers the
     * team takes in it. For a rolling hour and 20 agents that is about 1 point under a 2.7%
     * target; for the FCC's 30 days, 0.04 points. The controller's small gain keeps the allowed
     * chance nearly constant once settled, and the cushion answers the scatter of the abandons
     * meanwhile, most of all early in a window, when its budget is small.
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
                long expected = expectedLiveAnswers(context);
                double allowed = margin.allowed(context.now(), context.ledger(), expected, cushion(context, expected));
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
                margin.answered(abandoned, held(margin.target(), context));
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

    /**
     * The cushion of budget under which the predictive pacer slows: {@value #CUSHION} standard
     * deviations of the abandons among the live answers of an hour, or of the window's answers so
     * far and the {@code expected} ones, when fewer (a young window's budget is small, and so is
     * the scatter it must absorb). Abandons taken as Poisson at the rule's target.
     */
    static double cushion(PacingContext context, long expected) {
        double perHour = context.activeAgents() * 3_600_000.0 / handleMillis(context);
        double answers = Math.min(perHour, context.ledger().counts(context.now()).liveAnswers() + (double) expected);
        return CUSHION * Math.sqrt(context.ledger().rule().target() * answers);
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
