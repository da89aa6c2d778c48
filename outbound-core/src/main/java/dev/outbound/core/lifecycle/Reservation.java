package dev.outbound.core.lifecycle;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.Callback;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.CallbackPreference;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Who alone may take a record's call at an instant, and until when: a callback naming an agent
 * (seed 003's preferences), or the user the record is assigned to (seed 001: records with a user
 * go to that user). A {@code PREFER_AGENT} callback holds its agent until the campaign's contact
 * timeout after the callback time (seed 001), then anyone may take it; the other reservations
 * last until the record's data changes.
 *
 * @param agent the agent the record is reserved for
 * @param callback the preference of the callback that reserves the record, or empty when the
 *     record's assigned user holds it; when present it names an agent
 * @param until when the reservation ends by itself; present exactly for a
 *     {@code PREFER_AGENT} callback
 */
public record Reservation(AgentEmail agent, Optional<CallbackPreference> callback, Optional<Instant> until) {
    /**
     * Checks the components.
     *
     * @param agent the agent the record is reserved for
     * @param callback the callback's preference, or empty for the assigned user
     * @param until when the reservation ends, present exactly for {@code PREFER_AGENT}
     */
    public Reservation {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(callback, "callback");
        Objects.requireNonNull(until, "until");
        if (callback.isPresent() && !callback.get().namesAgent()) {
            throw new InvalidValueException("reservation callback", "a preference that names an agent",
                    callback.get());
        }
        boolean preferred = callback.isPresent() && callback.get() == CallbackPreference.PREFER_AGENT;
        if (preferred != until.isPresent()) {
            throw new InvalidValueException("reservation until",
                    preferred ? "the end of the contact timeout" : "none for " + callback.map(Enum::name)
                            .orElse("an assigned user"),
                    until.map(Instant::toString).orElse("none"));
        }
    }

    /**
     * The reservation in force on a record at an instant, for a host that routes the record's
     * answered call: the agent who alone may take it, or empty when any agent may.
     *
     * @param record the record
     * @param at the instant
     * @param contactTimeout the campaign's contact timeout
     * @return the reservation, or empty when any agent may take the record
     */
    public static Optional<Reservation> find(Record record, Instant at, Duration contactTimeout) {
        return Optional.ofNullable(of(Objects.requireNonNull(record, "record"), Objects.requireNonNull(at, "at"),
                Objects.requireNonNull(contactTimeout, "contactTimeout")));
    }

    /**
     * The reservation in force on a record at an instant: a callback naming an agent while it
     * holds (an exclusive one for good, a {@code PREFER_AGENT} one until the contact timeout after
     * its time), else the record's assigned user; null when any agent may take the record.
     *
     * @param record the record
     * @param at the instant
     * @param contactTimeout how long after its time a {@code PREFER_AGENT} callback holds its agent
     * @return the reservation, or null
     */
    static Reservation of(Record record, Instant at, Duration contactTimeout) {
        Optional<Callback> callback = record.callback();
        if (holds(callback, at, contactTimeout)) {
            Callback c = callback.get();
            return new Reservation(c.agent().orElseThrow(), Optional.of(c.preference()),
                    Optional.ofNullable(end(record, contactTimeout)));
        }
        return record.agent().map(Reservation::assignedUser).orElse(null);
    }

    /**
     * The agent of {@link #of}'s reservation, without making one: what the dial queue and the
     * dialable rule's fast path ask for every record.
     *
     * @param record the record
     * @param at the instant
     * @param contactTimeout how long after its time a {@code PREFER_AGENT} callback holds its agent
     * @return the agent the record is reserved for, or null when any agent may take it
     */
    static AgentEmail holder(Record record, Instant at, Duration contactTimeout) {
        Optional<Callback> callback = record.callback();
        return holds(callback, at, contactTimeout) ? callback.get().agent().orElseThrow() : record.agent().orElse(null);
    }

    /**
     * When a callback's reservation ends by itself: its time plus the contact timeout for a
     * {@code PREFER_AGENT} callback.
     *
     * @param record the record
     * @param contactTimeout the campaign's contact timeout
     * @return the end, or null when no callback reserves the record or its reservation never ends
     */
    static Instant end(Record record, Duration contactTimeout) {
        Optional<Callback> callback = record.callback();
        if (callback.isEmpty() || callback.get().preference() != CallbackPreference.PREFER_AGENT) {
            return null;
        }
        return callback.get().at().plus(contactTimeout);
    }

    private static boolean holds(Optional<Callback> callback, Instant at, Duration contactTimeout) {
        if (callback.isEmpty()) {
            return false;
        }
        Callback c = callback.get();
        return c.preference().namesAgent() && (c.preference().isExclusive() || at.isBefore(c.at().plus(contactTimeout)));
    }

    /**
     * @param agent the record's assigned user
     * @return the reservation for that user, without end
     */
    public static Reservation assignedUser(AgentEmail agent) {
        return new Reservation(agent, Optional.empty(), Optional.empty());
    }

    /** @return whether the record's assigned user holds the reservation, rather than a callback */
    public boolean isAssignedUser() {
        return callback.isEmpty();
    }

    /**
     * @param other an agent
     * @return whether that agent may take the call
     */
    public boolean admits(AgentEmail other) {
        return agent.equals(other);
    }

    /** @return who holds the reservation, why and until when, in words */
    public String describe() {
        String why = callback.map(p -> "by a " + p.name().toLowerCase(Locale.ROOT).replace('_', '-') + " callback")
                .orElse("as the record's assigned user");
        return "reserved for " + agent + " " + why + until.map(u -> " until " + u).orElse("");
    }
}
