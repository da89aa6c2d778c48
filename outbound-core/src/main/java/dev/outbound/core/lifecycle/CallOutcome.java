package dev.outbound.core.lifecycle;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CallResult;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How one placed call ended: which of the record's numbers was called, the result, when it was
 * placed and when it ended, and the agent it was placed for when one was (preview and progressive
 * dialing). The lifecycle turns it into a {@link Transition} ({@link Lifecycle#apply}).
 *
 * @param field the phone field of the number called
 * @param result how the call ended
 * @param placedAt when the call was placed
 * @param endedAt when it ended; not before {@code placedAt}
 * @param agent the agent the call was placed for, empty when any agent would have taken it
 *     (predictive dialing)
 */
public record CallOutcome(PhoneField field, CallResult result, Instant placedAt, Instant endedAt,
        Optional<AgentEmail> agent) {

    /**
     * Checks the components.
     *
     * @param field the phone field of the number called
     * @param result how the call ended
     * @param placedAt when the call was placed
     * @param endedAt when it ended; not before {@code placedAt}
     * @param agent the agent the call was placed for, if any
     */
    public CallOutcome {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(agent, "agent");
        if (endedAt.isBefore(placedAt)) {
            throw new InvalidValueException("endedAt", "not before the call was placed at " + placedAt, endedAt);
        }
    }

    /**
     * A call placed for no particular agent (predictive dialing).
     *
     * @param field the phone field of the number called
     * @param result how the call ended
     * @param placedAt when the call was placed
     * @param endedAt when it ended; not before {@code placedAt}
     * @return the outcome
     */
    public static CallOutcome of(PhoneField field, CallResult result, Instant placedAt, Instant endedAt) {
        return new CallOutcome(field, result, placedAt, endedAt, Optional.empty());
    }

    /**
     * A call placed for an agent (preview and progressive dialing).
     *
     * @param field the phone field of the number called
     * @param result how the call ended
     * @param placedAt when the call was placed
     * @param endedAt when it ended; not before {@code placedAt}
     * @param agent the agent the call was placed for
     * @return the outcome
     */
    public static CallOutcome forAgent(PhoneField field, CallResult result, Instant placedAt, Instant endedAt,
            AgentEmail agent) {
        return new CallOutcome(field, result, placedAt, endedAt, Optional.of(Objects.requireNonNull(agent, "agent")));
    }
}
