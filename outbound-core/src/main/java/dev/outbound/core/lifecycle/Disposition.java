package dev.outbound.core.lifecycle;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.Callback;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What an agent saved after a call (seed 001's record form): when, who, the wrap code chosen
 * (seed 004) and the next call, if any. A next call makes a callback; none finishes the record
 * ({@link Lifecycle#dispose}).
 *
 * @param at when the agent saved it
 * @param agent the agent who saved it
 * @param wrapCode the wrap code (disposition status) chosen, 1 to 64 characters, not blank
 * @param nextCall the callback the agent set, empty for no next call
 */
public record Disposition(Instant at, AgentEmail agent, Optional<String> wrapCode, Optional<Callback> nextCall) {

    /**
     * Checks the components.
     *
     * @param at when the agent saved it
     * @param agent the agent who saved it
     * @param wrapCode the wrap code chosen, if any: 1 to 64 characters, not blank
     * @param nextCall the callback the agent set, if any
     */
    public Disposition {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(wrapCode, "wrapCode");
        Objects.requireNonNull(nextCall, "nextCall");
        if (wrapCode.isPresent() && (wrapCode.get().isBlank() || wrapCode.get().length() > 64)) {
            throw new InvalidValueException("wrapCode", "1 to 64 characters, not blank", "'" + wrapCode.get() + "'");
        }
    }

    /**
     * @param at when the agent saved it
     * @param agent the agent who saved it
     * @return a disposition with no wrap code and no next call: it finishes the record
     */
    public static Disposition of(Instant at, AgentEmail agent) {
        return new Disposition(at, agent, Optional.empty(), Optional.empty());
    }

    /**
     * @param code the wrap code, 1 to 64 characters, not blank
     * @return this disposition with that wrap code
     */
    public Disposition withWrapCode(String code) {
        return new Disposition(at, agent, Optional.of(Objects.requireNonNull(code, "code")), nextCall);
    }

    /**
     * @param callback the next call the agent set
     * @return this disposition with that next call
     */
    public Disposition withNextCall(Callback callback) {
        return new Disposition(at, agent, wrapCode, Optional.of(Objects.requireNonNull(callback, "callback")));
    }
}
