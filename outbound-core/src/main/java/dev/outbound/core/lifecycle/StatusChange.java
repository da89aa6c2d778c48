package dev.outbound.core.lifecycle;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneState;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordStatus;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Seed 003's Status Change: what a supervisor applies to every record a search found, to bring
 * dormant records back. Any part may be left out; {@link #applyTo} applies it to one record, as
 * {@link Lifecycle#changeStatus(Record, StatusChange, java.time.Instant)} does, so that a record
 * store can apply it to every record a filter matches without a campaign's rules.
 *
 * @param status the new record status, if it changes; a manual change, so the record's attempt
 *     counter is reset (seed 001); never {@code PROCESSING}
 * @param priority the new priority, if it changes, {@value Record#MIN_PRIORITY} to
 *     {@value Record#MAX_PRIORITY}
 * @param clearRetryCounts whether every number's retry count goes back to 0 (seed 003 "Clear
 *     Retry Count")
 * @param activateNumbersIn the phone states whose numbers become active (seed 003 "Activate phone
 *     numbers ... in the designated states"); empty to leave numbers as they are; never
 *     {@code ACTIVE} itself
 */
public record StatusChange(Optional<RecordStatus> status, OptionalInt priority, boolean clearRetryCounts,
        Set<PhoneState> activateNumbersIn) {
    /**
     * Checks the components.
     *
     * @param status the new record status, if it changes
     * @param priority the new priority, if it changes
     * @param clearRetryCounts whether every number's retry count goes back to 0
     * @param activateNumbersIn the phone states whose numbers become active
     */
    public StatusChange {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(priority, "priority");
        activateNumbersIn = Set.copyOf(activateNumbersIn);
        if (status.isPresent() && status.get() == RecordStatus.PROCESSING) {
            throw new InvalidValueException("status change", "any status but PROCESSING, which only the dialer sets",
                    status.get());
        }
        if (priority.isPresent() && (priority.getAsInt() < Record.MIN_PRIORITY || priority.getAsInt() > Record.MAX_PRIORITY)) {
            throw new InvalidValueException("priority", Record.MIN_PRIORITY + " to " + Record.MAX_PRIORITY,
                    priority.getAsInt());
        }
        if (activateNumbersIn.contains(PhoneState.ACTIVE)) {
            throw new InvalidValueException("activateNumbersIn", "states other than ACTIVE", activateNumbersIn);
        }
    }

    /** @return a change that changes nothing, to build on with the {@code with} methods */
    public static StatusChange none() {
        return new StatusChange(Optional.empty(), OptionalInt.empty(), false, Set.of());
    }

    /**
     * @param newStatus the new record status
     * @return this change, also setting the status
     */
    public StatusChange withStatus(RecordStatus newStatus) {
        return new StatusChange(Optional.of(newStatus), priority, clearRetryCounts, activateNumbersIn);
    }

    /**
     * @param newPriority the new priority
     * @return this change, also setting the priority
     */
    public StatusChange withPriority(int newPriority) {
        return new StatusChange(status, OptionalInt.of(newPriority), clearRetryCounts, activateNumbersIn);
    }

    /** @return this change, also clearing every number's retry count */
    public StatusChange clearingRetryCounts() {
        return new StatusChange(status, priority, true, activateNumbersIn);
    }

    /**
     * @param first a state whose numbers become active
     * @param more more such states
     * @return this change, also activating numbers in those states
     */
    public StatusChange activatingNumbersIn(PhoneState first, PhoneState... more) {
        return new StatusChange(status, priority, clearRetryCounts, EnumSet.of(first, more));
    }

    /**
     * Applies the change to one record: a new status (a manual change, so the attempt counter is
     * reset), a new priority, retry counts cleared, numbers in the designated states made active.
     * A record in a call keeps its status: asking to change it is refused.
     *
     * @param record the record
     * @param at when it changed
     * @return the record after it; the same record when nothing changed
     * @throws IllegalStateException if the change sets a status on a record that is {@code PROCESSING}
     */
    public Record applyTo(Record record, java.time.Instant at) {
        return OutcomeRules.changeStatus(Objects.requireNonNull(record, "record"), this, Objects.requireNonNull(at, "at"));
    }
}
