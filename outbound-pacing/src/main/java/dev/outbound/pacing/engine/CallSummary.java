package dev.outbound.pacing.engine;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CallResult;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.spi.store.RecordKey;
import dev.outbound.spi.telephony.CallId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How one placed call ended, as the engine reports it to {@link EngineListener#onOutcome}: every
 * placed call has exactly one.
 *
 * @param call the call
 * @param record the record called
 * @param field the phone field of the number called
 * @param number the number called
 * @param result the call's result; empty when the engine withdrew the call before it had one
 *     (it was cancelled when the engine closed): then the record was released unchanged
 * @param placedAt when the call was placed
 * @param answeredAt when it was answered, if it was
 * @param endedAt when its outcome was decided: the end of the call, or for a call connected to an
 *     agent, when the agent saved the record
 * @param agent the agent the call was connected to or placed for, if any
 */
public record CallSummary(CallId call, RecordKey record, PhoneField field, PhoneNumber number,
        Optional<CallResult> result, Instant placedAt, Optional<Instant> answeredAt, Instant endedAt,
        Optional<AgentEmail> agent) {
    /**
     * Checks the components.
     *
     * @param call the call
     * @param record the record
     * @param field the phone field
     * @param number the number
     * @param result the result
     * @param placedAt when placed
     * @param answeredAt when answered
     * @param endedAt when ended; not before {@code placedAt}
     * @param agent the agent
     */
    public CallSummary {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(answeredAt, "answeredAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(agent, "agent");
        if (endedAt.isBefore(placedAt)) {
            throw new InvalidValueException("call endedAt", "not before it was placed at " + placedAt, endedAt);
        }
    }

    /** @return whether the engine withdrew the call before it had a result */
    public boolean withdrawn() {
        return result.isEmpty();
    }
}
