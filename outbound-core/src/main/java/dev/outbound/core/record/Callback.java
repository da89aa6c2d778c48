package dev.outbound.core.record;

import dev.outbound.core.InvalidValueException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A callback: the time a customer is to be called back, who may take it, and until when it may
 * be delivered (seed 000's callback, seed 003's scheduled task). A record with a callback has its
 * scheduled-for time at the callback's time.
 *
 * @param at when to call
 * @param preference who may take it
 * @param agent the agent it is for; present exactly when the preference names one
 * @param expiresAt from this instant on the callback can no longer be delivered (seed 003's end
 *     date); empty for no end. Not before {@code at}.
 */
public record Callback(Instant at, CallbackPreference preference, Optional<AgentEmail> agent,
        Optional<Instant> expiresAt) {
    /**
     * Checks the components.
     *
     * @param at when to call
     * @param preference who may take it
     * @param agent the agent it is for; present exactly when the preference names one
     * @param expiresAt the instant from which it can no longer be delivered, not before {@code at}
     */
    public Callback {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(preference, "preference");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (preference.namesAgent() != agent.isPresent()) {
            throw new InvalidValueException("callback agent",
                    preference.namesAgent() ? "required for " + preference : "none for " + preference,
                    agent.map(AgentEmail::toString).orElse("none"));
        }
        if (expiresAt.isPresent() && expiresAt.get().isBefore(at)) {
            throw new InvalidValueException("callback expiresAt", "not before the callback time " + at, expiresAt.get());
        }
    }

    /**
     * @param at when to call
     * @return a callback any agent may take, with no end
     */
    public static Callback anyone(Instant at) {
        return new Callback(at, CallbackPreference.ANYONE, Optional.empty(), Optional.empty());
    }

    /**
     * @param at when to call
     * @param preference who may take it; not {@link CallbackPreference#ANYONE}
     * @param agent the agent it is for
     * @return a callback for that agent, with no end
     */
    public static Callback forAgent(Instant at, CallbackPreference preference, AgentEmail agent) {
        return new Callback(at, preference, Optional.of(agent), Optional.empty());
    }

    /**
     * @param end the instant from which it can no longer be delivered
     * @return this callback with that end
     */
    public Callback expiringAt(Instant end) {
        return new Callback(at, preference, agent, Optional.of(end));
    }
}
