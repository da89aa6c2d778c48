package dev.outbound.core.lifecycle;

import dev.outbound.core.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One of a campaign's dispositions (seed 004's wrap codes, seed 001's statuses): its name, whether
 * it completes the record, what it asks of the next call, and the form fields that become
 * required when an agent chooses it (seed 001: a status with Validation turned on makes the form's
 * mandatory fields mandatory).
 *
 * <p>A completing code finishes the record ({@code DONE}, objective reached) and so takes no next
 * call: {@code completes} requires {@link NextCall#FORBIDDEN}. A code that does not complete it
 * either requires a next call (seed 001's "Call again"), forbids one, or leaves it to the agent;
 * without a next call such a record goes back to the dialer, due again after the campaign's
 * attempt delay.
 *
 * @param name the name agents choose, 1 to 64 characters, not blank, no surrounding spaces;
 *     matched regardless of case
 * @param completes whether choosing it finishes the record (seed 004's complete status)
 * @param nextCall what it asks of the next call
 * @param requiredFields the custom fields that must have a value when it is chosen, in order,
 *     unique regardless of case; often empty
 */
public record WrapCode(String name, boolean completes, NextCall nextCall, List<String> requiredFields) {

    /** What a wrap code asks of the next call (seed 001's Next call). */
    public enum NextCall {
        /** The agent may set a next call or not. */
        OPTIONAL,
        /** The agent must set a next call (seed 001's "Call again"). */
        REQUIRED,
        /** The agent may not set one: the code completes the record, or hands it back to the dialer. */
        FORBIDDEN
    }

    /**
     * Checks the components.
     *
     * @param name the name, 1 to 64 characters, not blank, no surrounding spaces
     * @param completes whether it finishes the record
     * @param nextCall what it asks of the next call; {@code FORBIDDEN} when it completes
     * @param requiredFields the fields required when it is chosen, unique regardless of case
     */
    public WrapCode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nextCall, "nextCall");
        if (name.isBlank() || name.length() > 64 || !name.strip().equals(name)) {
            throw new InvalidValueException("wrap code name", "1 to 64 characters, not blank, no surrounding spaces",
                    "'" + name + "'");
        }
        if (completes && nextCall != NextCall.FORBIDDEN) {
            throw new InvalidValueException("next call of wrap code " + name,
                    "FORBIDDEN, since the code completes the record", nextCall);
        }
        requiredFields = List.copyOf(requiredFields);
        TreeSet<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String f : requiredFields) {
            if (f.isBlank() || !f.strip().equals(f)) {
                throw new InvalidValueException("required field of wrap code " + name,
                        "a field name, not blank, no surrounding spaces", "'" + f + "'");
            }
            if (!seen.add(f)) {
                throw new InvalidValueException("required field of wrap code " + name,
                        "unique regardless of case", "'" + f + "'");
            }
        }
    }

    /**
     * @param name the name
     * @return a code that completes the record (seed 004's COMPLETED), with no required fields
     */
    public static WrapCode completing(String name) {
        return new WrapCode(name, true, NextCall.FORBIDDEN, List.of());
    }

    /**
     * @param name the name
     * @return a code that does not complete the record and requires a next call (seed 001's "Call
     *     again"), with no required fields
     */
    public static WrapCode callAgain(String name) {
        return new WrapCode(name, false, NextCall.REQUIRED, List.of());
    }

    /**
     * @param name the name
     * @return a code that does not complete the record and leaves the next call to the agent,
     *     with no required fields
     */
    public static WrapCode of(String name) {
        return new WrapCode(name, false, NextCall.OPTIONAL, List.of());
    }

    /**
     * @param fields the custom fields that must have a value when this code is chosen
     * @return this code with those required fields added to its own
     */
    public WrapCode requiring(String... fields) {
        List<String> all = new ArrayList<>(requiredFields);
        all.addAll(List.of(fields));
        return new WrapCode(name, completes, nextCall, all);
    }

    /**
     * @param other a name
     * @return whether it names this code, regardless of case
     */
    public boolean isNamed(String other) {
        return name.toLowerCase(Locale.ROOT).equals(Objects.requireNonNull(other, "other").toLowerCase(Locale.ROOT));
    }
}
