package dev.outbound.core.phone;

/**
 * Whether a record's number may be dialled (seed 003's phone number states). Only
 * {@link #ACTIVE} numbers are dialled; editing a number makes it active again.
 */
public enum PhoneState {
    /** The number may be dialled. */
    ACTIVE,
    /** Set aside for now, for example after repeated failures; bulk re-activation brings it back. */
    INACTIVE,
    /** Excluded from dialing by a user or a treatment; bulk re-activation leaves it excluded. */
    EXCLUDED,
    /** Blocked, for example because it is on a Do-Not-Call list; bulk re-activation leaves it blocked. */
    BLOCKED;

    /** @return whether numbers in this state are dialled */
    public boolean isDialable() {
        return this == ACTIVE;
    }
}
