package dev.outbound.core.record;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.phone.PhoneState;
import dev.outbound.core.zone.ZoneResolution;
import java.util.Objects;

/**
 * One of a record's numbers: its field (type), the normalised number, its state, how many times
 * it has been called without success, and the time zones its customer is taken to be in when
 * called on it, with how they were found.
 *
 * @param field the phone field that types the number; unique within a record
 * @param number the number, in E.164
 * @param state whether the number may be dialled
 * @param attempts calls placed to this number that counted as attempts; never negative
 * @param zones the candidate zones for calls to this number, with their provenance
 */
public record RecordPhone(PhoneField field, PhoneNumber number, PhoneState state, int attempts, ZoneResolution zones) {
    /**
     * Validates the components.
     *
     * @param field the phone field that types the number; unique within a record
     * @param number the number, in E.164
     * @param state whether the number may be dialled
     * @param attempts calls placed to this number that counted as attempts; never negative
     * @param zones the candidate zones for calls to this number, with their provenance
     */
    public RecordPhone {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(zones, "zones");
        if (attempts < 0) {
            throw new InvalidValueException("attempts of " + field, "0 or more", attempts);
        }
    }

    /**
     * A new, active number that has never been called.
     *
     * @param field the phone field
     * @param number the number
     * @param zones its candidate zones
     * @return the entry
     */
    public static RecordPhone of(PhoneField field, PhoneNumber number, ZoneResolution zones) {
        return new RecordPhone(field, number, PhoneState.ACTIVE, 0, zones);
    }

    /**
     * Replaces the number. As in seed 003, editing a number makes it active again and clears its
     * attempt count; the zones are those of the new number.
     *
     * @param newNumber the new number
     * @param newZones the zones resolved for it
     * @return the edited entry
     */
    public RecordPhone withNumber(PhoneNumber newNumber, ZoneResolution newZones) {
        return new RecordPhone(field, newNumber, PhoneState.ACTIVE, 0, newZones);
    }

    /**
     * @param newState the state
     * @return this entry in that state
     */
    public RecordPhone withState(PhoneState newState) {
        return new RecordPhone(field, number, newState, attempts, zones);
    }

    /**
     * @param newAttempts the attempt count
     * @return this entry with that count
     */
    public RecordPhone withAttempts(int newAttempts) {
        return new RecordPhone(field, number, state, newAttempts, zones);
    }
}
