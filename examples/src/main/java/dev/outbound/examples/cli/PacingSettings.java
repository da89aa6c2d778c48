package dev.outbound.examples.cli;

import dev.outbound.core.InvalidValueException;
import dev.outbound.pacing.engine.DialMode;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A campaign's pacing settings as the campaign file gives them: how calls are placed for agents
 * and the abandon rule that bounds them. Plain data with no behaviour; the dialer engine maps it
 * onto its own types. Every value is checked here, so that a settings object is always in range.
 *
 * @param mode how calls are placed for agents (default {@link DialMode#PREDICTIVE})
 * @param ratio for {@link DialMode#POWER}, lines dialled per available agent, 1 to 100 (default 2.0)
 * @param formLoad how long an agent's screen takes to show the record before a call, 0 to 10
 *     minutes (default 0)
 * @param pauseAfterAnswered an agent's pause after an answered call, 0 to 1 hour (default 0)
 * @param pauseAfterUnanswered an agent's pause after an unanswered call, 0 to 1 hour (default 0)
 * @param ringTimeout how long an unanswered call rings, 5 to 120 seconds (default 25 s)
 * @param maxLines the most calls in progress at once for the campaign, 1 to 100 000 (default 500)
 * @param maxCallsPerAgent the most calls in progress at once per available agent (seed 001's
 *     "Calls per agent"), 1 to 1000; default: no limit
 * @param abandonRule the rule abandoned calls are measured by (default {@link AbandonRule#FCC})
 * @param abandonTarget the highest share of abandoned calls, 0 to 1 (default 0.03)
 * @param abandonWindow the period the share is measured over: 30 days for FCC, 24 hours for
 *     Ofcom, and by default 1 hour for a rolling window (1 minute to 30 days)
 * @param connectLimit how long after the customer answers an agent must be connected before the
 *     call counts as abandoned, 0 to 60 seconds (default 2 s)
 * @param amdFalsePositiveRate for {@link AbandonRule#OFCOM}, the estimated share of answering
 *     machine detections that were people, counted as abandoned; 0 to 1 (default 0)
 */
public record PacingSettings(DialMode mode, double ratio, Duration formLoad, Duration pauseAfterAnswered,
        Duration pauseAfterUnanswered, Duration ringTimeout, int maxLines, OptionalInt maxCallsPerAgent,
        AbandonRule abandonRule, double abandonTarget, Duration abandonWindow, Duration connectLimit,
        double amdFalsePositiveRate) {

    /** The rule abandoned calls are measured by. */
    public enum AbandonRule {
        /** US FCC: at most the target share of answered calls per campaign over 30 days. */
        FCC,
        /** UK Ofcom: at most the target share per campaign over 24 hours, AMD false positives counted. */
        OFCOM,
        /** The target share over a rolling window of the campaign's choosing. */
        ROLLING;

        /** @return the name the campaign file uses */
        public String fileName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @return the period the rule measures over unless the campaign sets one (rolling only) */
        public Duration defaultWindow() {
            switch (this) {
                case FCC:
                    return Duration.ofDays(30);
                case OFCOM:
                    return Duration.ofHours(24);
                default:
                    return Duration.ofHours(1);
            }
        }
    }

    /**
     * Checks every value.
     *
     * @param mode the mode
     * @param ratio lines per agent for power dialling
     * @param formLoad the form load time
     * @param pauseAfterAnswered the pause after an answered call
     * @param pauseAfterUnanswered the pause after an unanswered call
     * @param ringTimeout the ring timeout
     * @param maxLines the most lines
     * @param maxCallsPerAgent the most calls per agent, if limited
     * @param abandonRule the abandon rule
     * @param abandonTarget the target share
     * @param abandonWindow the measuring period; FCC and Ofcom fix their own
     * @param connectLimit the connect limit
     * @param amdFalsePositiveRate the AMD false positive share
     * @throws InvalidValueException naming the setting that is out of range
     */
    public PacingSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(maxCallsPerAgent, "maxCallsPerAgent");
        Objects.requireNonNull(abandonRule, "abandonRule");
        if (!(ratio >= 1.0 && ratio <= 100.0)) {
            throw new InvalidValueException("ratio", "1 to 100 lines per agent", ratio);
        }
        within("formLoad", formLoad, Duration.ZERO, Duration.ofMinutes(10));
        within("pauseAfterAnswered", pauseAfterAnswered, Duration.ZERO, Duration.ofHours(1));
        within("pauseAfterUnanswered", pauseAfterUnanswered, Duration.ZERO, Duration.ofHours(1));
        within("ringTimeout", ringTimeout, Duration.ofSeconds(5), Duration.ofSeconds(120));
        if (maxLines < 1 || maxLines > 100_000) {
            throw new InvalidValueException("maxLines", "1 to 100000", maxLines);
        }
        if (maxCallsPerAgent.isPresent() && (maxCallsPerAgent.getAsInt() < 1 || maxCallsPerAgent.getAsInt() > 1000)) {
            throw new InvalidValueException("maxCallsPerAgent", "1 to 1000", maxCallsPerAgent.getAsInt());
        }
        share("abandonTarget", abandonTarget);
        within("abandonWindow", abandonWindow, Duration.ofMinutes(1), Duration.ofDays(30));
        if (abandonRule != AbandonRule.ROLLING && !abandonWindow.equals(abandonRule.defaultWindow())) {
            throw new InvalidValueException("abandonWindow", "the " + abandonRule.fileName() + " rule measures over "
                    + CampaignFile.format(abandonRule.defaultWindow()) + "; only the rolling rule takes another window",
                    CampaignFile.format(abandonWindow));
        }
        within("connectLimit", connectLimit, Duration.ZERO, Duration.ofSeconds(60));
        share("amdFalsePositiveRate", amdFalsePositiveRate);
    }

    /** @return the settings with every default: predictive, FCC 3 % over 30 days */
    public static PacingSettings defaults() {
        return new PacingSettings(DialMode.PREDICTIVE, 2.0, Duration.ZERO, Duration.ZERO, Duration.ZERO,
                Duration.ofSeconds(25), 500, OptionalInt.empty(), AbandonRule.FCC, 0.03, Duration.ofDays(30),
                Duration.ofSeconds(2), 0.0);
    }

    /**
     * @param value the mode to dial in
     * @return these settings with that mode
     */
    public PacingSettings withMode(DialMode value) {
        return new PacingSettings(value, ratio, formLoad, pauseAfterAnswered, pauseAfterUnanswered, ringTimeout,
                maxLines, maxCallsPerAgent, abandonRule, abandonTarget, abandonWindow, connectLimit,
                amdFalsePositiveRate);
    }

    private static void within(String field, Duration value, Duration min, Duration max) {
        Objects.requireNonNull(value, field);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new InvalidValueException(field, CampaignFile.format(min) + " to " + CampaignFile.format(max),
                    CampaignFile.format(value));
        }
    }

    private static void share(String field, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new InvalidValueException(field, "a share from 0 to 1", value);
        }
    }
}
