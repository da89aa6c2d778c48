package dev.outbound.core.lifecycle;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.field.CustomFields;
import dev.outbound.core.field.FieldValue;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.Callback;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What an agent saved after a call (seed 001's record form): when, who, the wrap code chosen
 * (seed 004), the next call, if any, the form's field values the agent filled and, when the
 * campaign allows it, the agent the record is passed to (seed 001's Change user). A next call
 * makes a callback; none finishes the record unless the campaign's {@link WrapCode} says
 * otherwise ({@link Lifecycle#dispose}).
 *
 * @param at when the agent saved it
 * @param agent the agent who saved it
 * @param wrapCode the wrap code (disposition status) chosen, 1 to 64 characters, not blank
 * @param nextCall the callback the agent set, empty for no next call
 * @param fields the form's values the agent filled, set on the record's custom fields before the
 *     campaign's rules are checked; empty when the form changed nothing
 * @param newUser the agent the record is passed to (Change user), empty to keep its user
 */
public record Disposition(Instant at, AgentEmail agent, Optional<String> wrapCode, Optional<Callback> nextCall,
        CustomFields fields, Optional<AgentEmail> newUser) {

    /**
     * Checks the components.
     *
     * @param at when the agent saved it
     * @param agent the agent who saved it
     * @param wrapCode the wrap code chosen, if any: 1 to 64 characters, not blank
     * @param nextCall the callback the agent set, if any
     * @param fields the form's values the agent filled
     * @param newUser the agent the record is passed to, if any
     */
    public Disposition {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(wrapCode, "wrapCode");
        Objects.requireNonNull(nextCall, "nextCall");
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(newUser, "newUser");
        if (wrapCode.isPresent() && (wrapCode.get().isBlank() || wrapCode.get().length() > 64)) {
            throw new InvalidValueException("wrapCode", "1 to 64 characters, not blank", "'" + wrapCode.get() + "'");
        }
    }

    /**
     * A disposition with no form values and no change of user.
     *
     * @param at when the agent saved it
     * @param agent the agent who saved it
     * @param wrapCode the wrap code chosen, if any: 1 to 64 characters, not blank
     * @param nextCall the callback the agent set, if any
     */
    public Disposition(Instant at, AgentEmail agent, Optional<String> wrapCode, Optional<Callback> nextCall) {
        this(at, agent, wrapCode, nextCall, CustomFields.empty(), Optional.empty());
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
        return new Disposition(at, agent, Optional.of(Objects.requireNonNull(code, "code")), nextCall, fields, newUser);
    }

    /**
     * @param callback the next call the agent set
     * @return this disposition with that next call
     */
    public Disposition withNextCall(Callback callback) {
        return new Disposition(at, agent, wrapCode, Optional.of(Objects.requireNonNull(callback, "callback")), fields,
                newUser);
    }

    /**
     * @param name a field of the record's form
     * @param value the value the agent filled in
     * @return this disposition with that value too (replacing any the form had for the field)
     */
    public Disposition withField(String name, FieldValue value) {
        return new Disposition(at, agent, wrapCode, nextCall, fields.with(name, value), newUser);
    }

    /**
     * @param values the form's values the agent filled
     * @return this disposition with those values instead of its own
     */
    public Disposition withFields(CustomFields values) {
        return new Disposition(at, agent, wrapCode, nextCall, Objects.requireNonNull(values, "values"), newUser);
    }

    /**
     * @param user the agent the record is passed to (seed 001's Change user)
     * @return this disposition passing the record to that agent
     */
    public Disposition withNewUser(AgentEmail user) {
        return new Disposition(at, agent, wrapCode, nextCall, fields, Optional.of(Objects.requireNonNull(user, "user")));
    }

    /**
     * @param record a record
     * @return its custom fields with this disposition's form values set
     */
    CustomFields fieldsOf(dev.outbound.core.record.Record record) {
        CustomFields out = record.fields();
        for (java.util.Map.Entry<String, FieldValue> e : fields.asMap().entrySet()) {
            out = out.with(e.getKey(), e.getValue());
        }
        return out;
    }
}
