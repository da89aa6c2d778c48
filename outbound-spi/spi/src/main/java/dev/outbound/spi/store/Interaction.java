package dev.outbound.spi.store;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CallResult;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a record's call history (seed 004's "lead call history"): the number called, the
 * caller id presented, the agent who handled it, the outcome, the wrap code and notes, and when.
 *
 * @param id the interaction's id, unique within the record's history (typically the call's id);
 *     1 to {@value #MAX_ID_LENGTH} characters
 * @param at when the interaction ended
 * @param called the customer number called
 * @param callerId the caller id presented (seed 004's published CLI), if any
 * @param agent the agent who handled it, if one did
 * @param outcome what the call ended in
 * @param wrapCode the wrap code the agent chose, if any
 * @param notes the agent's notes, up to {@value #MAX_NOTES_LENGTH} characters, if any
 */
public record Interaction(String id, Instant at, PhoneNumber called, Optional<PhoneNumber> callerId,
        Optional<AgentEmail> agent, CallResult outcome, Optional<String> wrapCode, Optional<String> notes) {
    /** The longest id. */
    public static final int MAX_ID_LENGTH = 128;
    /** The longest notes. */
    public static final int MAX_NOTES_LENGTH = 4_000;

    /**
     * Checks the components.
     *
     * @param id the id
     * @param at when it ended
     * @param called the number called
     * @param callerId the caller id
     * @param agent the agent
     * @param outcome the outcome
     * @param wrapCode the wrap code
     * @param notes the notes
     */
    public Interaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(called, "called");
        Objects.requireNonNull(callerId, "callerId");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(wrapCode, "wrapCode");
        Objects.requireNonNull(notes, "notes");
        if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw new InvalidValueException("interaction id", "1 - " + MAX_ID_LENGTH + " characters, not blank", id);
        }
        if (wrapCode.isPresent() && wrapCode.get().isBlank()) {
            throw new InvalidValueException("interaction wrap code", "not blank", wrapCode.get());
        }
        if (notes.isPresent() && notes.get().length() > MAX_NOTES_LENGTH) {
            throw new InvalidValueException("interaction notes", "at most " + MAX_NOTES_LENGTH + " characters",
                    notes.get().length() + " characters");
        }
    }

    /**
     * An interaction with no caller id, agent, wrap code or notes: a call no agent handled.
     *
     * @param id the id
     * @param at when it ended
     * @param called the number called
     * @param outcome the outcome
     * @return the interaction
     */
    public static Interaction of(String id, Instant at, PhoneNumber called, CallResult outcome) {
        return new Interaction(id, at, called, Optional.empty(), Optional.empty(), outcome, Optional.empty(),
                Optional.empty());
    }
}
