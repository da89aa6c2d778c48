package dev.outbound.core.lifecycle;

import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.Callback;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * The order in which a campaign's due records are loaded for dialing (seed 001), constants in
 * load order: a record of an earlier class is always loaded before a record of a later one.
 *
 * <p>Seed 001 gives the order twice, once for progressive campaigns and once for predictive ones.
 * Both come to the same table, so one table serves both:
 *
 * <table>
 * <caption>Load classes, first loaded first</caption>
 * <tr><th>class</th><th>records</th><th>seed 001, progressive</th><th>seed 001, predictive</th></tr>
 * <tr><td>{@link #ASSIGNED}</td><td>records with a user at that instant: {@link Record#agent()} is
 *     present, or a callback names an agent and still reserves the record for that agent (below);
 *     any dialable status</td><td>1. with a user, Ready or Rescheduled for now or earlier</td>
 *     <td>3. "records with a user will be loaded first"</td></tr>
 * <tr><td>{@link #RESCHEDULED_BY_DIALER}</td><td>no user; {@link RecordStatus#RESCHEDULED_BY_DIALER},
 *     or {@link RecordStatus#READY}</td><td>2. without a user, Rescheduled by dialer</td>
 *     <td>5.1 Rescheduled by the system</td></tr>
 * <tr><td>{@link #RESCHEDULED_BY_AGENT}</td><td>no user; {@link RecordStatus#RESCHEDULED_BY_AGENT}
 *     or {@link RecordStatus#CALL_IMMEDIATELY}</td><td>3. without a user, Rescheduled by an
 *     agent</td><td>5.2 Rescheduled by an agent</td></tr>
 * <tr><td>{@link #NOT_ASSIGNED}</td><td>no user; {@link RecordStatus#PENDING}</td>
 *     <td>4. without a user, Not assigned</td><td>5.3 Not assigned</td></tr>
 * </table>
 *
 * <p>Records in the other statuses (processing, postponed, inactive, done) have no class: they
 * are not loaded.
 *
 * <p><b>Contact timeout.</b> A callback that names an agent ({@link Callback#agent()}) reserves
 * its record for that agent: with the preference {@link
 * dev.outbound.core.record.CallbackPreference#PREFER_AGENT PREFER_AGENT} until the callback's time
 * plus the campaign's contact timeout (the record then "is treated as having no user" and any agent
 * may take it), with {@link dev.outbound.core.record.CallbackPreference#ONLY_AGENT ONLY_AGENT} or
 * {@link dev.outbound.core.record.CallbackPreference#OTHER_AGENT OTHER_AGENT} for good. While
 * reserved, the record counts as having that user ({@link #ASSIGNED}); the reservation wins over
 * the record's own user, who gets the record back when a {@code PREFER_AGENT} reservation ends.
 * A reservation is held until, not at, the callback time plus the timeout: with a callback for
 * 15:00 and a 15-minute timeout, the record is its agent's at 15:14:59 and anyone's at 15:15.
 *
 * <p><b>Decisions where seed 001 is silent.</b> A not-assigned record that has a user (seed 000
 * imports such records) is loaded with the user's records: the user is the stronger signal. A
 * ready record without a user (a state the seed only gives to records loaded to a user) ranks with
 * the dialer's reschedules, as a record the system loaded before. Call immediately "works like a
 * record rescheduled for right now", so it ranks with the agents' reschedules, or with the user's
 * records when it has one.
 *
 * <p><b>Inside a class</b> ({@link #order}): higher {@linkplain Record#priority() priority}
 * first, then earlier {@linkplain Record#dueAt() due time}, then the customer reference id in
 * {@link dev.outbound.core.record.CustomerRef#compareTo natural order}, which is unique within a
 * campaign, so the order is total and the same in every run.
 */
public enum LoadClass {
    /** Records with a user, or reserved for an agent by a callback: loaded first, to that agent only. */
    ASSIGNED,
    /** Records without a user that the dialer rescheduled (or that are ready without a user). */
    RESCHEDULED_BY_DIALER,
    /** Records without a user that an agent rescheduled, or that are to be called immediately. */
    RESCHEDULED_BY_AGENT,
    /** Records without a user that were never called: loaded last. */
    NOT_ASSIGNED;

    /**
     * The class of a record at an instant.
     *
     * @param record the record
     * @param at the instant; it matters only for a callback reserved until its contact timeout
     * @param contactTimeout how long after its time a {@code PREFER_AGENT} callback stays with its agent
     * @return the class, or empty when the record's status is not dialable
     */
    public static Optional<LoadClass> of(Record record, Instant at, Duration contactTimeout) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(contactTimeout, "contactTimeout");
        return Optional.ofNullable(classify(record, Reservation.holder(record, at, contactTimeout)));
    }

    /**
     * The agent a record belongs to at an instant: the agent a callback still reserves it for,
     * else the record's user. Only that agent is offered the record; a record without one is
     * offered to any agent.
     *
     * @param record the record
     * @param at the instant
     * @param contactTimeout how long after its time a {@code PREFER_AGENT} callback stays with its agent
     * @return the agent, or empty when any agent may take the record
     */
    public static Optional<AgentEmail> agentFor(Record record, Instant at, Duration contactTimeout) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(contactTimeout, "contactTimeout");
        return Optional.ofNullable(Reservation.holder(record, at, contactTimeout));
    }

    /**
     * The load order at an instant: by class, then higher priority, then earlier due time, then
     * customer reference id. Defined for records in dialable statuses only.
     *
     * @param at the instant, for callbacks reserved until their contact timeout
     * @param contactTimeout how long after its time a {@code PREFER_AGENT} callback stays with its agent
     * @return the comparator; it throws {@link IllegalArgumentException} for a record that is not
     *     in a dialable status
     */
    public static Comparator<Record> order(Instant at, Duration contactTimeout) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(contactTimeout, "contactTimeout");
        Comparator<Record> byClass = Comparator.comparing(r -> {
            LoadClass c = classify(r, Reservation.holder(r, at, contactTimeout));
            if (c == null) {
                throw new IllegalArgumentException("record " + r.ref() + " has no load class: its status "
                        + r.status() + " is not dialable");
            }
            return c;
        });
        return byClass.thenComparing(WITHIN_CLASS);
    }

    /** The order inside a class: higher priority, then earlier due time, then reference id. */
    static final Comparator<Record> WITHIN_CLASS = Comparator.comparingInt((Record r) -> -r.priority())
            .thenComparing(Record::dueAt)
            .thenComparing(Record::ref);

    /**
     * The class of a record whose {@linkplain Reservation#holder holder} is known, or null for a
     * status that is not dialable.
     */
    static LoadClass classify(Record record, AgentEmail holder) {
        RecordStatus status = record.status();
        if (!status.isDialable()) {
            return null;
        }
        if (holder != null) {
            return ASSIGNED;
        }
        switch (status) {
            case READY:
            case RESCHEDULED_BY_DIALER:
                return RESCHEDULED_BY_DIALER;
            case RESCHEDULED_BY_AGENT:
            case CALL_IMMEDIATELY:
                return RESCHEDULED_BY_AGENT;
            default:
                return NOT_ASSIGNED;
        }
    }
}
