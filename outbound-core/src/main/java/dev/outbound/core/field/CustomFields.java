package dev.outbound.core.field;

import dev.outbound.core.InvalidValueException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The custom field values of one record: an immutable, ordered map from field name to typed value.
 * Names are matched regardless of case, as in a {@link FieldSchema}: {@code get("AGE")} finds the
 * value stored as {@code age}, and no two names differ only in case. A field without a value is
 * absent, never mapped to a null or empty value.
 *
 * <p>It is a value: {@link #with} and {@link #without} return new values, and two instances are
 * equal when they hold the same names (as spelled) and values.
 */
public final class CustomFields {
    private static final CustomFields EMPTY = new CustomFields(new LinkedHashMap<>());

    private final Map<String, FieldValue> values;
    // Finds a name as stored from any spelling of it; values stays in the order the names came.
    private final Map<String, String> spellings;

    private CustomFields(LinkedHashMap<String, FieldValue> values) {
        this.spellings = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, FieldValue> entry : values.entrySet()) {
            String name = Objects.requireNonNull(entry.getKey(), "field name");
            Objects.requireNonNull(entry.getValue(), "value of field '" + name + "'");
            if (name.isBlank() || !name.strip().equals(name)) {
                throw new InvalidValueException("custom field name", "not blank, no surrounding spaces", "'" + name + "'");
            }
            String other = spellings.putIfAbsent(name, name);
            if (other != null) {
                throw new InvalidValueException("custom field name",
                        "unique regardless of case, but '" + other + "' is also given", "'" + name + "'");
            }
        }
        this.values = Collections.unmodifiableMap(values);
    }

    /** @return the values of a record without custom field values */
    public static CustomFields empty() {
        return EMPTY;
    }

    /**
     * @param values the values by field name, in the order to keep; names not blank, unique
     *     regardless of case
     * @return the values
     */
    public static CustomFields of(Map<String, ? extends FieldValue> values) {
        Objects.requireNonNull(values, "values");
        return values.isEmpty() ? EMPTY : new CustomFields(new LinkedHashMap<>(values));
    }

    /**
     * @param name the field's name, in any case
     * @return the field's value, if the record has one
     */
    public Optional<FieldValue> get(String name) {
        Objects.requireNonNull(name, "name");
        String stored = spellings.get(name);
        return stored == null ? Optional.empty() : Optional.of(values.get(stored));
    }

    /**
     * @param name the field's name, in any case
     * @return the canonical text of the field's value ({@link FieldValue#asText()}), if the record has one
     */
    public Optional<String> text(String name) {
        return get(name).map(FieldValue::asText);
    }

    /**
     * @param name the field's name, in any case
     * @return whether the record has a value for the field
     */
    public boolean has(String name) {
        Objects.requireNonNull(name, "name");
        return spellings.containsKey(name);
    }

    /**
     * Returns these values with one set. A field already present (in any case) keeps its place and
     * takes the new spelling; a new field goes last.
     *
     * @param name the field's name
     * @param value its value
     * @return the new values
     */
    public CustomFields with(String name, FieldValue value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        String stored = spellings.get(name);
        LinkedHashMap<String, FieldValue> copy = new LinkedHashMap<>();
        boolean placed = false;
        for (Map.Entry<String, FieldValue> entry : values.entrySet()) {
            if (entry.getKey().equals(stored)) {
                copy.put(name, value);
                placed = true;
            } else {
                copy.put(entry.getKey(), entry.getValue());
            }
        }
        if (!placed) {
            copy.put(name, value);
        }
        return new CustomFields(copy);
    }

    /**
     * @param name the field's name, in any case
     * @return these values without the field's value; these values when it has none
     */
    public CustomFields without(String name) {
        Objects.requireNonNull(name, "name");
        String stored = spellings.get(name);
        if (stored == null) {
            return this;
        }
        LinkedHashMap<String, FieldValue> copy = new LinkedHashMap<>(values);
        copy.remove(stored);
        return copy.isEmpty() ? EMPTY : new CustomFields(copy);
    }

    /** @return the values by name, in order; unmodifiable; its look-ups are exact, not case-insensitive */
    public Map<String, FieldValue> asMap() {
        return values;
    }

    /** @return the canonical texts of the values by name, in order; unmodifiable; for rules that match on field values */
    public Map<String, String> asTextMap() {
        LinkedHashMap<String, String> texts = new LinkedHashMap<>();
        values.forEach((name, value) -> texts.put(name, value.asText()));
        return Collections.unmodifiableMap(texts);
    }

    /** @return how many fields have a value */
    public int size() {
        return values.size();
    }

    /** @return whether no field has a value */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CustomFields that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** @return the names and canonical texts, in order ({@code {age=42, plan=gold}}) */
    @Override
    public String toString() {
        return asTextMap().toString();
    }
}
