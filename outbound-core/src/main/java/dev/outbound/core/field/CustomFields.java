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
    private static final CustomFields EMPTY = new CustomFields(new String[0], new FieldValue[0]);

    // Two parallel arrays in the order the names came: a record has a handful of fields, and a
    // million records in memory should not each carry a hash map.
    private final String[] names;
    private final FieldValue[] values;

    private CustomFields(String[] names, FieldValue[] values) {
        this.names = names;
        this.values = values;
    }

    private static CustomFields checked(Map<String, ? extends FieldValue> given) {
        String[] names = new String[given.size()];
        FieldValue[] values = new FieldValue[given.size()];
        // Names are unique regardless of case: compared in pairs, or through a sorted set (kept for
        // this check only) when there are many.
        TreeMap<String, String> spellings = names.length > 8 ? new TreeMap<>(String.CASE_INSENSITIVE_ORDER) : null;
        int index = 0;
        for (Map.Entry<String, ? extends FieldValue> entry : given.entrySet()) {
            String name = Objects.requireNonNull(entry.getKey(), "field name");
            FieldValue value = Objects.requireNonNull(entry.getValue(), "value of field '" + name + "'");
            if (name.isBlank() || !name.strip().equals(name)) {
                throw new InvalidValueException("custom field name", "not blank, no surrounding spaces", "'" + name + "'");
            }
            String other = null;
            if (spellings != null) {
                other = spellings.putIfAbsent(name, name);
            } else {
                for (int i = 0; i < index && other == null; i++) {
                    if (names[i].equalsIgnoreCase(name)) {
                        other = names[i];
                    }
                }
            }
            if (other != null) {
                throw new InvalidValueException("custom field name",
                        "unique regardless of case, but '" + other + "' is also given", "'" + name + "'");
            }
            names[index] = name;
            values[index] = value;
            index++;
        }
        return new CustomFields(names, values);
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
        return values.isEmpty() ? EMPTY : checked(values);
    }

    /**
     * @param name the field's name, in any case
     * @return the field's value, if the record has one
     */
    public Optional<FieldValue> get(String name) {
        Objects.requireNonNull(name, "name");
        int i = indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(values[i]);
    }

    /**
     * @param name the field's name, in any case
     * @return the canonical text of the field's value ({@link FieldValue#asText()}), if the record has one
     */
    public Optional<String> text(String name) {
        Objects.requireNonNull(name, "name");
        int i = indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(values[i].asText());
    }

    /**
     * @param name the field's name, in any case
     * @return whether the record has a value for the field
     */
    public boolean has(String name) {
        Objects.requireNonNull(name, "name");
        return indexOf(name) >= 0;
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
        LinkedHashMap<String, FieldValue> copy = new LinkedHashMap<>();
        int at = indexOf(name);
        for (int i = 0; i < names.length; i++) {
            if (i == at) {
                copy.put(name, value);
            } else {
                copy.put(names[i], values[i]);
            }
        }
        if (at < 0) {
            copy.put(name, value);
        }
        return checked(copy);
    }

    /**
     * @param name the field's name, in any case
     * @return these values without the field's value; these values when it has none
     */
    public CustomFields without(String name) {
        Objects.requireNonNull(name, "name");
        int at = indexOf(name);
        if (at < 0) {
            return this;
        }
        if (names.length == 1) {
            return EMPTY;
        }
        String[] keptNames = new String[names.length - 1];
        FieldValue[] keptValues = new FieldValue[names.length - 1];
        for (int i = 0, j = 0; i < names.length; i++) {
            if (i != at) {
                keptNames[j] = names[i];
                keptValues[j] = values[i];
                j++;
            }
        }
        return new CustomFields(keptNames, keptValues);
    }

    /**
     * @return the values by name, in order: a new unmodifiable map each call, whose look-ups are
     *     exact, not case-insensitive
     */
    public Map<String, FieldValue> asMap() {
        LinkedHashMap<String, FieldValue> map = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            map.put(names[i], values[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    /** @return the canonical texts of the values by name, in order; unmodifiable; for rules that match on field values */
    public Map<String, String> asTextMap() {
        LinkedHashMap<String, String> texts = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            texts.put(names[i], values[i].asText());
        }
        return Collections.unmodifiableMap(texts);
    }

    /** @return how many fields have a value */
    public int size() {
        return names.length;
    }

    /** @return whether no field has a value */
    public boolean isEmpty() {
        return names.length == 0;
    }

    /** @return the index of the name, matched exactly first and then regardless of case, or -1 */
    private int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Equal when both hold the same names, as spelled, with equal values, in any order (as maps are). */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof CustomFields) || ((CustomFields) other).names.length != names.length) {
            return false;
        }
        CustomFields that = (CustomFields) other;
        for (int i = 0; i < names.length; i++) {
            int j = i < that.names.length && that.names[i].equals(names[i]) ? i : that.exactIndexOf(names[i]);
            if (j < 0 || !values[i].equals(that.values[j])) {
                return false;
            }
        }
        return true;
    }

    private int exactIndexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The hash of the same values in a {@link Map}. */
    @Override
    public int hashCode() {
        int hash = 0;
        for (int i = 0; i < names.length; i++) {
            hash += names[i].hashCode() ^ values[i].hashCode();
        }
        return hash;
    }

    /** @return the names and canonical texts, in order ({@code {age=42, plan=gold}}) */
    @Override
    public String toString() {
        return asTextMap().toString();
    }
}
