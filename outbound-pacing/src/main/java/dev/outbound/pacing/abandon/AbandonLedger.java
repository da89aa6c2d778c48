package dev.outbound.pacing.abandon;

import dev.outbound.core.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * The rolling counts of one campaign's answered calls under an {@link AbandonRule}: its abandon
 * rate over the rule's window and how many more abandons the window can take. The engine keeps one
 * ledger per campaign and slows its pacing as the headroom runs out.
 *
 * <h2>Recording</h2>
 * Every answered call is recorded once, by its outcome: {@link #connected} (a live answer put
 * through to an agent within the connect limit), {@link #abandoned} (a live answer that was not)
 * or {@link #machineDetected}. An abandoned call counts as a live answer by itself; there is no
 * separate "live answer" event, so a call cannot be counted as answered twice or abandoned without
 * being answered. Record a call at the instant it was answered (recommended), or at the instant its
 * outcome was known: the two are at most the connect limit apart, and a late event still lands in
 * its own bucket (below).
 *
 * <h2>Buckets and the window</h2>
 * Time is cut into buckets of the rule's {@link AbandonRule#resolution() resolution} {@code R},
 * aligned on the epoch, and the ledger keeps the {@code N = window / R} buckets that end with the
 * present one in a ring: its memory is {@code 3 * N} counters whatever the length of the run. The
 * <em>present</em> is the bucket of the latest instant the ledger has been given, by an event or a
 * query; it never moves back.
 *
 * <p>The window at {@code at} is the {@code N} whole buckets ending with the bucket that holds
 * {@code at}: with {@code end} the end of that bucket, events at instants {@code t} with
 * {@code end - window <= t < end} count. Against the exact window {@code (at - window, at]} this
 * adds only events later than {@code at} in its bucket (none when {@code at} is not before the
 * latest event), and leaves out the events of the first {@code end - at} of the exact window, at most one
 * resolution: 1 s of 1 hour for {@code rolling(1h)}, 24 s of 24 hours for Ofcom, 12 minutes of 30
 * days for the FCC. An event exactly {@code window} before {@code at} never counts.
 *
 * <h2>Order</h2>
 * Events may come out of order while they stay inside the window that ends with the present: they
 * are added to their own bucket and count in every later window that holds it. An event whose
 * bucket has already left that window is counted nowhere; {@link #dropped()} says how many were.
 * A query asks about the window ending with the present or later, and moves the present to
 * {@code at}: asking about an earlier window throws, since its oldest buckets are gone.
 *
 * <p>Not thread-safe: the engine runs each campaign on one thread.
 */
public final class AbandonLedger {
    private final AbandonRule rule;
    private final long resolutionSeconds;
    private final int size;
    private final int[] live;
    private final int[] abandoned;
    private final int[] machine;
    private long liveTotal;
    private long abandonedTotal;
    private long machineTotal;
    /** The bucket index of the present; meaningful only once {@link #started}. */
    private long present;
    private boolean started;
    private long dropped;

    private AbandonLedger(AbandonRule rule) {
        this.rule = rule;
        this.resolutionSeconds = rule.resolution().getSeconds();
        this.size = rule.buckets();
        this.live = new int[size];
        this.abandoned = new int[size];
        this.machine = new int[size];
    }

    /**
     * An empty ledger.
     *
     * @param rule the definition it counts by
     * @return the ledger, with no events and no present yet
     */
    public static AbandonLedger of(AbandonRule rule) {
        return new AbandonLedger(Objects.requireNonNull(rule, "rule"));
    }

    /** @return the rule the ledger counts by */
    public AbandonRule rule() {
        return rule;
    }

    /**
     * Records a live answer that was connected to an agent within the connect limit.
     *
     * @param at when the call was answered
     */
    public void connected(Instant at) {
        int slot = slotFor(Objects.requireNonNull(at, "at"));
        if (slot >= 0) {
            live[slot] = Math.incrementExact(live[slot]);
            liveTotal++;
        }
    }

    /**
     * Records a live answer that was not connected to an agent within the connect limit. It counts
     * as a live answer and as an abandon; do not record the same call as {@link #connected} too.
     *
     * @param at when the call was answered
     */
    public void abandoned(Instant at) {
        int slot = slotFor(Objects.requireNonNull(at, "at"));
        if (slot >= 0) {
            live[slot] = Math.incrementExact(live[slot]);
            abandoned[slot] = Math.incrementExact(abandoned[slot]);
            liveTotal++;
            abandonedTotal++;
        }
    }

    /**
     * Records a call that answering-machine detection classified as a machine and dropped.
     *
     * @param at when the call was answered
     */
    public void machineDetected(Instant at) {
        int slot = slotFor(Objects.requireNonNull(at, "at"));
        if (slot >= 0) {
            machine[slot] = Math.incrementExact(machine[slot]);
            machineTotal++;
        }
    }

    /**
     * The counts of the window at {@code at} (see the type's description for its bounds). Moves the
     * present to {@code at}.
     *
     * @param at the instant the window ends at, not in a bucket before the present
     * @return the window's counts
     * @throws InvalidValueException when {@code at} lies in a bucket before the present
     */
    public AbandonCounts counts(Instant at) {
        moveTo(at);
        return new AbandonCounts(liveTotal, abandonedTotal, machineTotal);
    }

    /**
     * The abandon rate of the window at {@code at}, by the rule's formula. Moves the present to
     * {@code at}.
     *
     * @param at the instant the window ends at, not in a bucket before the present
     * @return the rate, 0 to 1; 0 for a window without live answers
     * @throws InvalidValueException when {@code at} lies in a bucket before the present
     */
    public double rate(Instant at) {
        moveTo(at);
        return rule.rate(liveTotal, abandonedTotal, machineTotal);
    }

    /**
     * How many of the next {@code expectedLiveAnswers} live answers may be abandoned with the
     * window at {@code at} staying at or under the target: the largest whole {@code h}, from 0 to
     * {@code expectedLiveAnswers}, for which the rule's rate of the window's counts with
     * {@code expectedLiveAnswers} more live answers, {@code h} of them abandoned, is at most the
     * target. It is 0 when even none abandoned would leave the rate above the target. The events
     * that will leave the window meanwhile are not counted on; the engine asks again as time
     * passes. Moves the present to {@code at}.
     *
     * @param at the instant the window ends at, not in a bucket before the present
     * @param expectedLiveAnswers the live answers the engine expects next, 0 to
     *     {@value Integer#MAX_VALUE}
     * @return the abandons the window can take, 0 to {@code expectedLiveAnswers}
     * @throws InvalidValueException when {@code at} lies in a bucket before the present or the
     *     expected answers are out of range
     */
    public long headroom(Instant at, long expectedLiveAnswers) {
        // Solve (A + h + F) / (L + E + F) <= target for h (the budget, rounded down), then step to
        // the exact answer of the rule's own floating-point formula, which may differ from the
        // solution by one at a bound.
        double solved = Math.floor(budget(at, expectedLiveAnswers));
        long answers = liveTotal + expectedLiveAnswers;
        double target = rule.target();
        if (rule.rate(answers, abandonedTotal, machineTotal) > target) {
            return 0;
        }
        long h = (long) Math.max(0, Math.min(expectedLiveAnswers, solved));
        while (h < expectedLiveAnswers && rule.rate(answers, abandonedTotal + h + 1, machineTotal) <= target) {
            h++;
        }
        while (h > 0 && rule.rate(answers, abandonedTotal + h, machineTotal) > target) {
            h--;
        }
        return h;
    }

    /**
     * How many of the next {@code expectedLiveAnswers} live answers may be abandoned with the
     * window at {@code at} staying at or under the target, as a real number: {@link #headroom}
     * before it is rounded down, and negative when the window is already further over the target
     * than those answers can make up. With {@code A} abandoned of {@code L} live answers, {@code M}
     * answering machines detected, {@code f} the rule's false-positive rate and {@code T} its
     * target, it is {@code T (L + E + f M) - A - f M}. A pacer spreads it over the answers it
     * expects: a dial may carry {@code budget / E} and the window's expected rate stays within the
     * target. Moves the present to {@code at}.
     *
     * @param at the instant the window ends at, not in a bucket before the present
     * @param expectedLiveAnswers the live answers the engine expects next, 0 to
     *     {@value Integer#MAX_VALUE}
     * @return the abandons the window can take, fractional, possibly negative
     * @throws InvalidValueException when {@code at} lies in a bucket before the present or the
     *     expected answers are out of range
     */
    public double budget(Instant at, long expectedLiveAnswers) {
        if (expectedLiveAnswers < 0 || expectedLiveAnswers > Integer.MAX_VALUE) {
            throw new InvalidValueException("expectedLiveAnswers", "valid values 0 - " + Integer.MAX_VALUE,
                    expectedLiveAnswers);
        }
        moveTo(at);
        double falsePositives = machineTotal * rule.amdFalsePositiveRate();
        return rule.target() * (liveTotal + expectedLiveAnswers + falsePositives) - abandonedTotal - falsePositives;
    }

    /** @return how many events came after their bucket had left the window and were counted nowhere */
    public long dropped() {
        return dropped;
    }

    /** The number of buckets in the ring: fixed by the rule, whatever the number of events. */
    int bucketCount() {
        return live.length;
    }

    private long bucketOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), resolutionSeconds);
    }

    /** The ring slot an event at {@code at} goes to, moving the present forward; -1 when it is too old. */
    private int slotFor(Instant at) {
        long bucket = bucketOf(at);
        if (!started || bucket > present) {
            advance(bucket);
        } else if (bucket <= present - size) {
            dropped++;
            return -1;
        }
        return (int) Math.floorMod(bucket, (long) size);
    }

    private void moveTo(Instant at) {
        Objects.requireNonNull(at, "at");
        long bucket = bucketOf(at);
        if (started && bucket < present) {
            Instant start = Instant.ofEpochSecond(Math.multiplyExact(present, resolutionSeconds));
            throw new InvalidValueException("at",
                    "not before the ledger's present bucket, which starts at " + start
                            + " (" + AbandonRule.format(Duration.ofSeconds(resolutionSeconds)) + " buckets)",
                    at);
        }
        advance(bucket);
    }

    /** Makes {@code bucket} the present, emptying the buckets that leave the window. */
    private void advance(long bucket) {
        if (started && bucket <= present) {
            return;
        }
        if (!started || bucket - present >= size) {
            Arrays.fill(live, 0);
            Arrays.fill(abandoned, 0);
            Arrays.fill(machine, 0);
            liveTotal = 0;
            abandonedTotal = 0;
            machineTotal = 0;
        } else {
            for (long b = present + 1; b <= bucket; b++) {
                int slot = (int) Math.floorMod(b, (long) size);
                liveTotal -= live[slot];
                abandonedTotal -= abandoned[slot];
                machineTotal -= machine[slot];
                live[slot] = 0;
                abandoned[slot] = 0;
                machine[slot] = 0;
            }
        }
        present = bucket;
        started = true;
    }
}
