package dev.outbound.examples.cli;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.pacing.abandon.AbandonRule;
import dev.outbound.pacing.engine.DialMode;
import dev.outbound.pacing.engine.EngineSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one place where a campaign file's {@link PacingSettings} become the dialer engine's
 * {@link EngineSettings} and {@link AbandonRule}, so that every command that dials (or simulates
 * dialing) reads the campaign the same way.
 *
 * <p>The campaign file's ranges are the product's; the engine's are sometimes narrower (a power
 * ratio of at most 20 lines per agent, at most 100 calls per agent, an abandon target above 0 and
 * a connect limit above 0). A value the file allows and the engine does not is refused with the
 * setting's path in the campaign file and the engine's range.
 */
final class EngineSettingsMapping {
    /** What the engine keeps a record leased for beyond its form load and ring time. */
    static final Duration LEASE_MARGIN = Duration.ofMinutes(1);

    private EngineSettingsMapping() {
    }

    /**
     * The engine's settings for a campaign's pacing: the mode, the power ratio (power mode only;
     * other modes ignore the ratio), form load, pauses, ring timeout, lines, calls per agent and
     * the abandon rule of {@link #abandonRule(PacingSettings)}. A record is leased for at least
     * the engine's default ({@link EngineSettings#DEFAULT_LEASE}) and always a minute longer than its form
     * load and ring time, which the engine requires.
     *
     * @param pacing the campaign's pacing settings
     * @return the engine's settings
     * @throws IllegalArgumentException naming the campaign setting when the engine refuses its value
     */
    static EngineSettings engineSettings(PacingSettings pacing) {
        return engineSettings(pacing, Optional.empty());
    }

    /**
     * The engine's settings for a campaign's pacing, as {@link #engineSettings(PacingSettings)},
     * with the caller id the calls present.
     *
     * @param pacing the campaign's pacing settings
     * @param callerId the caller id, or empty for the trunk's default
     * @return the engine's settings
     * @throws IllegalArgumentException naming the campaign setting when the engine refuses its value
     */
    static EngineSettings engineSettings(PacingSettings pacing, Optional<PhoneNumber> callerId) {
        Objects.requireNonNull(pacing, "pacing");
        EngineSettings.Builder b = EngineSettings.newBuilder();
        callerId.ifPresent(b::callerId);
        b.mode(pacing.mode());
        if (pacing.mode() == DialMode.POWER) {
            engine("ratio", () -> b.powerRatio(pacing.ratio()));
        }
        b.formLoad(pacing.formLoad());
        b.pauseAfterAnswered(pacing.pauseAfterAnswered());
        b.pauseAfterUnanswered(pacing.pauseAfterUnanswered());
        engine("ringTimeout", () -> b.ringTimeout(pacing.ringTimeout()));
        engine("maxLines", () -> b.maxLines(pacing.maxLines()));
        if (pacing.maxCallsPerAgent().isPresent()) {
            engine("maxCallsPerAgent", () -> b.callsPerAgent(pacing.maxCallsPerAgent().getAsInt()));
        }
        Duration needed = pacing.formLoad().plus(pacing.ringTimeout()).plus(LEASE_MARGIN);
        if (needed.compareTo(EngineSettings.DEFAULT_LEASE) > 0) {
            b.leaseFor(needed);
        }
        b.abandonRule(abandonRule(pacing));
        return b.build();
    }

    /**
     * The abandon rule: {@code fcc} is {@link AbandonRule#fcc()}, {@code ofcom} is
     * {@link AbandonRule#ofcom(double)} with the campaign's AMD false-positive rate, {@code rolling}
     * is {@link AbandonRule#rolling(Duration)} over the campaign's window; each with the
     * campaign's target and connect limit. The AMD rate only counts for Ofcom.
     *
     * @param pacing the campaign's pacing settings
     * @return the rule
     * @throws IllegalArgumentException naming the campaign setting when the rule refuses its value
     */
    static AbandonRule abandonRule(PacingSettings pacing) {
        AbandonRule base;
        switch (pacing.abandonRule()) {
            case FCC:
                base = AbandonRule.fcc();
                break;
            case OFCOM:
                base = AbandonRule.ofcom(pacing.amdFalsePositiveRate());
                break;
            default:
                base = engine("abandonWindow", () -> AbandonRule.rolling(pacing.abandonWindow()));
                break;
        }
        AbandonRule targeted = engine("abandonTarget", () -> base.withTarget(pacing.abandonTarget()));
        return engine("connectLimit", () -> targeted.withConnectLimit(pacing.connectLimit()));
    }

    /** Runs an engine check, turning its refusal into one that names the campaign setting. */
    private static <T> T engine(String setting, Supplier<T> make) {
        try {
            return make.get();
        } catch (InvalidValueException e) {
            throw new IllegalArgumentException("pacing." + setting + ": " + e.value()
                    + " is not allowed by the dialer engine (expected " + e.rule() + ")", e);
        }
    }
}
