package dev.outbound.pacing.abandon;

import dev.outbound.core.InvalidValueException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * A definition of the abandoned-call rate that a campaign must keep under a target: how long the
 * rolling window is, how the rate is worked out from the window's counts, the target itself and
 * the connect limit after which an unconnected live answer is abandoned. One rule applies per
 * campaign; the engine keeps one {@link AbandonLedger} per campaign and holds the rate at or under
 * the target.
 *
 * <h2>The definitions</h2>
 * <ul>
 * <li>{@link #fcc()}: the United States rule of the Telephone Consumer Protection Act, in the FCC's
 *     regulation 47 CFR 64.1200(a)(7). Abandoned calls may be no more than 3% of the calls answered
 *     by a live person, measured per calling campaign over a 30-day period; a call is abandoned
 *     when it is not connected to a live agent within two seconds of the called person's completed
 *     greeting. The regulation measures successive 30-day periods; a rolling 30-day window that
 *     stays under the target keeps every such period under it too, since each period is one of
 *     the rolling windows.
 * <li>{@link #ofcom(double)}: the United Kingdom rule of Ofcom's statement of policy on the
 *     persistent misuse of an electronic communications network or service (the revision
 *     published in December 2016, in force from March 2017, whose annex says how to calculate the
 *     abandoned call rate). No more than 3% of live calls per campaign over 24 hours, where calls
 *     that answering-machine detection (AMD) wrongly took for machines and dropped are abandoned
 *     live calls too. Their number cannot be counted, so it is a reasoned estimate: the
 *     machine-detected calls times an assumed false-positive rate.
 * <li>{@link #rolling(Duration)}: a plain rolling window of any length, with the FCC's formula;
 *     the benchmark's "no more than 3% in any hour" is {@code rolling(Duration.ofHours(1))}.
 * </ul>
 *
 * <h2>The formula</h2>
 * With {@code L} live answers (abandoned ones included), {@code A} abandoned, {@code M}
 * machine-detected and {@code p} the assumed AMD false-positive rate, the estimate is
 * {@code F = M * p} and the rate is {@code (A + F) / (L + F)}; a window without live answers or
 * estimated ones has a rate of 0. With {@code p = 0}, as for the FCC and plain rolling rules, this
 * is {@code A / L}. The formula is fixed, and rules differ only in their parameters, because the
 * engine must also solve it backwards ({@link AbandonLedger#headroom}): an arbitrary function of
 * the counts could not be.
 *
 * <h2>Resolution</h2>
 * A ledger counts events in buckets of {@link #resolution()}, so that its memory stays fixed however
 * long it runs; its window starts up to one resolution late (see {@link AbandonLedger}). By
 * default a rule has about 3 600 buckets: the largest whole number of seconds that divides the
 * window and is at most a 3 600th of it. That is 1 s for 1 hour, 24 s for 24 hours and 12 minutes
 * for 30 days.
 *
 * @param name what the rule is called in reports, e.g. {@code FCC}
 * @param window the length of the rolling window, whole seconds from 1 s to 366 days
 * @param resolution the length of a ledger bucket, whole seconds that divide the window into at
 *     most {@value #MAX_BUCKETS} buckets
 * @param target the highest rate allowed, a fraction above 0 and below 1 ({@code 0.03} is 3%)
 * @param connectLimit how long a live answer may wait for an agent before it is abandoned, above 0
 *     and at most 60 s
 * @param amdFalsePositiveRate the assumed share of machine-detected calls that were live people,
 *     0 to 1 (0 when the rule does not estimate them)
 */
public record AbandonRule(String name, Duration window, Duration resolution, double target,
                          Duration connectLimit, double amdFalsePositiveRate) {
    /** The target every regulator sets: 3% of live answers. */
    public static final double DEFAULT_TARGET = 0.03;

    /** The FCC's connect limit, also the default of every rule: two seconds. */
    public static final Duration DEFAULT_CONNECT_LIMIT = Duration.ofSeconds(2);

    /** The most buckets a ledger may keep, which bounds its memory (12 bytes a bucket). */
    public static final int MAX_BUCKETS = 100_000;

    /** The number of buckets the default resolution aims at. */
    static final int AIMED_BUCKETS = 3_600;

    private static final Duration MAX_WINDOW = Duration.ofDays(366);
    private static final Duration MAX_CONNECT_LIMIT = Duration.ofSeconds(60);

    /**
     * Validates the rule.
     *
     * @param name what the rule is called in reports, not blank
     * @param window the length of the rolling window, whole seconds from 1 s to 366 days
     * @param resolution the length of a ledger bucket, whole seconds dividing the window into at
     *     most {@value #MAX_BUCKETS} buckets
     * @param target the highest rate allowed, above 0 and below 1
     * @param connectLimit above 0 and at most 60 s
     * @param amdFalsePositiveRate 0 to 1
     */
    public AbandonRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(connectLimit, "connectLimit");
        if (name.isBlank()) {
            throw new InvalidValueException("name", "not blank", "'" + name + "'");
        }
        checkWindow(window);
        if (resolution.isNegative() || resolution.isZero() || resolution.getNano() != 0
                || window.getSeconds() % resolution.getSeconds() != 0) {
            throw new InvalidValueException("resolution",
                    "a whole number of seconds that divides the window of " + format(window), format(resolution));
        }
        if (window.getSeconds() / resolution.getSeconds() > MAX_BUCKETS) {
            throw new InvalidValueException("resolution",
                    "at most " + MAX_BUCKETS + " buckets in the window of " + format(window)
                            + ", so at least " + ceilDiv(window.getSeconds(), MAX_BUCKETS) + " s",
                    format(resolution));
        }
        checkTarget(target);
        checkConnectLimit(connectLimit);
        if (!(amdFalsePositiveRate >= 0 && amdFalsePositiveRate <= 1)) {
            throw new InvalidValueException("amdFalsePositiveRate", "a fraction from 0 to 1", amdFalsePositiveRate);
        }
    }

    /**
     * The US rule (TCPA, 47 CFR 64.1200(a)(7)): at most 3% of live answers abandoned per campaign
     * over 30 days, with a connect limit of 2 s.
     *
     * @return the rule, named {@code FCC}
     */
    public static AbandonRule fcc() {
        return standard("FCC", Duration.ofDays(30), 0);
    }

    /**
     * The UK rule (Ofcom's persistent misuse statement): at most 3% of live calls abandoned per
     * campaign over 24 hours, counting an estimate of the live people that answering-machine
     * detection dropped as machines.
     *
     * @param amdFalsePositiveRate the assumed share of machine-detected calls that were live
     *     people, 0 to 1 (Ofcom asks for a reasoned estimate; 0 when AMD is not used)
     * @return the rule, named {@code Ofcom}
     */
    public static AbandonRule ofcom(double amdFalsePositiveRate) {
        return standard("Ofcom", Duration.ofHours(24), amdFalsePositiveRate);
    }

    /**
     * A plain rolling window with the FCC's formula (abandoned over live answers) and the default
     * resolution.
     *
     * @param window the window's length, whole seconds from 1 s to 366 days
     * @return the rule, named {@code rolling} and the window, e.g. {@code rolling 1h}
     * @throws InvalidValueException when the window has no whole-second divisor that makes at most
     *     {@value #MAX_BUCKETS} buckets; give a resolution with {@link #rolling(Duration, Duration)}
     */
    public static AbandonRule rolling(Duration window) {
        checkWindow(Objects.requireNonNull(window, "window"));
        return rolling(window, defaultResolution(window));
    }

    /**
     * A plain rolling window with the FCC's formula and a chosen resolution.
     *
     * @param window the window's length, whole seconds from 1 s to 366 days
     * @param resolution the length of a ledger bucket, whole seconds dividing the window into at
     *     most {@value #MAX_BUCKETS} buckets
     * @return the rule, named {@code rolling} and the window
     */
    public static AbandonRule rolling(Duration window, Duration resolution) {
        checkWindow(Objects.requireNonNull(window, "window"));
        return new AbandonRule("rolling " + format(window), window, resolution, DEFAULT_TARGET,
                DEFAULT_CONNECT_LIMIT, 0);
    }

    private static AbandonRule standard(String name, Duration window, double amdFalsePositiveRate) {
        return new AbandonRule(name, window, defaultResolution(window), DEFAULT_TARGET, DEFAULT_CONNECT_LIMIT,
                amdFalsePositiveRate);
    }

    /**
     * This rule with another target, e.g. a campaign that keeps a margin under the legal 3%.
     *
     * @param target the highest rate allowed, above 0 and below 1
     * @return the changed rule
     */
    public AbandonRule withTarget(double target) {
        checkTarget(target);
        return new AbandonRule(name, window, resolution, target, connectLimit, amdFalsePositiveRate);
    }

    /**
     * This rule with another connect limit.
     *
     * @param connectLimit how long a live answer may wait for an agent, above 0 and at most 60 s
     * @return the changed rule
     */
    public AbandonRule withConnectLimit(Duration connectLimit) {
        checkConnectLimit(Objects.requireNonNull(connectLimit, "connectLimit"));
        return new AbandonRule(name, window, resolution, target, connectLimit, amdFalsePositiveRate);
    }

    /**
     * This rule with another bucket length for its ledgers: finer buckets make the window's start
     * more exact and cost more memory.
     *
     * @param resolution whole seconds dividing the window into at most {@value #MAX_BUCKETS}
     *     buckets
     * @return the changed rule
     */
    public AbandonRule withResolution(Duration resolution) {
        return new AbandonRule(name, window, Objects.requireNonNull(resolution, "resolution"), target,
                connectLimit, amdFalsePositiveRate);
    }

    /**
     * The estimated number of live people among the machine-detected calls.
     *
     * @param counts a span's counts
     * @return {@code machineDetected * amdFalsePositiveRate}, not rounded
     */
    public double estimatedFalsePositives(AbandonCounts counts) {
        return Objects.requireNonNull(counts, "counts").machineDetected() * amdFalsePositiveRate;
    }

    /**
     * The abandon rate of a span's counts by this rule's formula, {@code (A + F) / (L + F)} (see
     * the type's description).
     *
     * @param counts a span's counts
     * @return the rate, 0 to 1; 0 when there are no live answers and no estimated ones
     */
    public double rate(AbandonCounts counts) {
        Objects.requireNonNull(counts, "counts");
        return rate(counts.liveAnswers(), counts.abandoned(), counts.machineDetected());
    }

    /** The formula on raw counts, so that the ledger's search does not allocate. */
    double rate(long liveAnswers, long abandoned, long machineDetected) {
        double falsePositives = machineDetected * amdFalsePositiveRate;
        double denominator = liveAnswers + falsePositives;
        return denominator == 0 ? 0.0 : (abandoned + falsePositives) / denominator;
    }

    /** @return the number of buckets a ledger keeps, {@code window / resolution} */
    public int buckets() {
        return (int) (window.getSeconds() / resolution.getSeconds());
    }

    /**
     * Describes the rule, e.g.
     * {@code FCC: at most 3% of live answers abandoned over 30d (connect limit 2s, buckets of 12m)}.
     */
    @Override
    public String toString() {
        String estimate = amdFalsePositiveRate == 0 ? ""
                : ", plus " + percent(amdFalsePositiveRate) + " of machine-detected calls as AMD false positives";
        return name + ": at most " + percent(target) + " of live answers abandoned over " + format(window)
                + estimate + " (connect limit " + format(connectLimit) + ", buckets of " + format(resolution) + ")";
    }

    private static void checkWindow(Duration window) {
        if (window.isNegative() || window.isZero() || window.getNano() != 0 || window.compareTo(MAX_WINDOW) > 0) {
            throw new InvalidValueException("window", "a whole number of seconds from 1s to 366d", format(window));
        }
    }

    private static void checkTarget(double target) {
        if (!(target > 0 && target < 1)) {
            throw new InvalidValueException("target", "a fraction above 0 and below 1, e.g. 0.03 for 3%", target);
        }
    }

    private static void checkConnectLimit(Duration connectLimit) {
        if (connectLimit.isNegative() || connectLimit.isZero() || connectLimit.compareTo(MAX_CONNECT_LIMIT) > 0) {
            throw new InvalidValueException("connectLimit", "above 0 and at most 60s", format(connectLimit));
        }
    }

    /**
     * The largest whole number of seconds that divides the window and is at most a 3 600th of it
     * (1 s for windows up to an hour).
     */
    static Duration defaultResolution(Duration window) {
        long seconds = window.getSeconds();
        for (long d = Math.max(1, seconds / AIMED_BUCKETS); d > 1; d--) {
            if (seconds % d == 0) {
                return Duration.ofSeconds(d);
            }
        }
        return Duration.ofSeconds(1);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private static String percent(double fraction) {
        return BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** A duration as {@code 30d}, {@code 24h}, {@code 1h30m}, {@code 2s} or {@code 1.5s}. */
    static String format(Duration d) {
        if (d.isNegative() || d.isZero()) {
            return d.toString();
        }
        long s = d.getSeconds();
        if (d.getNano() != 0 || s < 60) {
            if (s >= 60) {
                return d.toString();
            }
            BigDecimal seconds = BigDecimal.valueOf(s).add(BigDecimal.valueOf(d.getNano(), 9));
            return seconds.stripTrailingZeros().toPlainString() + "s";
        }
        if (s % 86_400 == 0 && s != 86_400) {
            return s / 86_400 + "d";
        }
        StringBuilder out = new StringBuilder();
        if (s >= 3600) {
            out.append(s / 3600).append('h');
        }
        if (s % 3600 >= 60) {
            out.append(s % 3600 / 60).append('m');
        }
        if (s % 60 != 0) {
            out.append(s % 60).append('s');
        }
        return out.toString();
    }
}
