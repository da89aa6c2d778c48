package dev.outbound.pacing.abandon;

import dev.outbound.core.InvalidValueException;

/**
 * The answered calls of one span of time (a rule's window, a clock hour, a whole run), as an
 * {@link AbandonRule} needs them to work out an abandon rate. Every abandoned call is also a live
 * answer, so {@code abandoned <= liveAnswers} always.
 *
 * @param liveAnswers calls answered by a live person, abandoned ones included
 * @param abandoned live answers that were not connected to an agent within the rule's connect
 *     limit
 * @param machineDetected calls that answering-machine detection classified as a machine and
 *     dropped; some of them are live people (false positives), which a rule may estimate
 */
public record AbandonCounts(long liveAnswers, long abandoned, long machineDetected) {
    /** No calls at all. */
    public static final AbandonCounts NONE = new AbandonCounts(0, 0, 0);

    /**
     * Validates the counts.
     *
     * @param liveAnswers calls answered by a live person, 0 or more
     * @param abandoned abandoned live answers, 0 to {@code liveAnswers}
     * @param machineDetected calls classified as machines, 0 or more
     */
    public AbandonCounts {
        if (liveAnswers < 0) {
            throw new InvalidValueException("liveAnswers", "0 or more", liveAnswers);
        }
        if (abandoned < 0 || abandoned > liveAnswers) {
            throw new InvalidValueException("abandoned",
                    "0 to the live answers (" + liveAnswers + "), since every abandoned call is a live answer",
                    abandoned);
        }
        if (machineDetected < 0) {
            throw new InvalidValueException("machineDetected", "0 or more", machineDetected);
        }
    }

    /**
     * Makes counts.
     *
     * @param liveAnswers calls answered by a live person, 0 or more
     * @param abandoned abandoned live answers, 0 to {@code liveAnswers}
     * @param machineDetected calls classified as machines, 0 or more
     * @return the counts
     */
    public static AbandonCounts of(long liveAnswers, long abandoned, long machineDetected) {
        return new AbandonCounts(liveAnswers, abandoned, machineDetected);
    }

    /** @return the live answers that were connected to an agent in time */
    public long connected() {
        return liveAnswers - abandoned;
    }
}
