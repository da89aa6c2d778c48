package dev.outbound.core.field;

import dev.outbound.core.InvalidValueException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The custom fields a campaign defines: an ordered, immutable set of {@link FieldDefinition}s whose
 * names are unique regardless of case. It turns a record's input texts into {@link CustomFields},
 * either throwing on the first problem ({@link #parse}) or reporting every problem ({@link #check}).
 *
 * <p>Input names are matched to definitions regardless of case and surrounding spaces; values are
 * stored under the definition's spelling. A blank (or null) input value means "no value".
 */
public final class FieldSchema {
    private static final FieldSchema EMPTY = new FieldSchema(List.of());

    private final List<FieldDefinition> definitions;
    private final Map<String, FieldDefinition> byName;

    private FieldSchema(List<FieldDefinition> definitions) {
        this.definitions = List.copyOf(definitions);
        this.byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (FieldDefinition definition : this.definitions) {
            FieldDefinition other = byName.putIfAbsent(definition.name(), definition);
            if (other != null) {
                throw new InvalidValueException("field name",
                        "unique in the schema regardless of case, but '" + other.name() + "' is also defined",
                        "'" + definition.name() + "'");
            }
        }
    }

    /**
     * @param definitions the definitions, in order; names unique regardless of case
     * @return the schema
     */
    public static FieldSchema of(FieldDefinition... definitions) {
        return of(Arrays.asList(Objects.requireNonNull(definitions, "definitions")));
    }

    /**
     * @param definitions the definitions, in order; names unique regardless of case
     * @return the schema
     */
    public static FieldSchema of(List<FieldDefinition> definitions) {
        Objects.requireNonNull(definitions, "definitions");
        for (FieldDefinition definition : definitions) {
            Objects.requireNonNull(definition, "definitions element");
        }
        return definitions.isEmpty() ? EMPTY : new FieldSchema(definitions);
    }

    /** @return the schema of a campaign without custom fields */
    public static FieldSchema empty() {
        return EMPTY;
    }

    /** @return the definitions, in order; unmodifiable */
    public List<FieldDefinition> definitions() {
        return definitions;
    }

    /**
     * @param name the field's name, in any case
     * @return the field's definition, if the schema has the field
     */
    public Optional<FieldDefinition> definition(String name) {
        Objects.requireNonNull(name, "name");
        return Optional.ofNullable(byName.get(name.strip()));
    }

    /**
     * Parses a record's input texts.
     *
     * @param raw the texts by field name, as an import or a form gives them
     * @param unknownFields what to do with names the schema does not define
     * @return the typed values
     * @throws FieldValueException for the first problem, in the order {@link #check(Map, UnknownFields)} reports them
     */
    public CustomFields parse(Map<String, String> raw, UnknownFields unknownFields) {
        return check(raw, unknownFields).orThrow();
    }

    /**
     * Checks a record's input texts and reports every problem, for bulk import where bad input is
     * reported, never thrown. The schema's fields are checked in schema order (a required field
     * without a value is a problem); then the input's other names in input order: a second
     * spelling of a name already given is a {@link FieldProblem.Kind#DUPLICATE_FIELD}, and an
     * unknown name with a value is kept as text, dropped, or refused as the policy says.
     *
     * @param raw the texts by field name; null or blank values mean "no value"
     * @param unknownFields what to do with names the schema does not define
     * @return the values that passed and every problem
     */
    public FieldCheck check(Map<String, String> raw, UnknownFields unknownFields) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(unknownFields, "unknownFields");
        Map<String, String> given = byName.isEmpty() ? Map.of() : new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<Map.Entry<String, String>> others = new ArrayList<>();
        for (Map.Entry<String, String> entry : raw.entrySet()) {
            String name = entry.getKey() == null ? "" : entry.getKey().strip();
            if (byName.containsKey(name) && !given.containsKey(name)) {
                given.put(name, entry.getValue() == null ? "" : entry.getValue());
            } else {
                others.add(Map.entry(name, entry.getValue() == null ? "" : entry.getValue()));
            }
        }

        LinkedHashMap<String, FieldValue> values = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldDefinition definition : definitions) {
            Reading reading = definition.read(given.get(definition.name()));
            collect(definition.name(), reading, values, problems);
        }

        Spellings keptUnknown = new Spellings();
        for (Map.Entry<String, String> other : others) {
            String name = other.getKey();
            String value = other.getValue();
            FieldDefinition known = byName.get(name);
            String keptAs = known == null ? keptUnknown.find(name) : null;
            if (known != null || keptAs != null) {
                String first = known != null ? known.name() : keptAs;
                problems.add(new FieldProblem(name, "given once, but also given as '" + first + "'", value,
                        FieldProblem.Kind.DUPLICATE_FIELD));
            } else if (!value.isBlank() && unknownFields != UnknownFields.DROP) {
                if (unknownFields == UnknownFields.REJECT) {
                    problems.add(new FieldProblem(name, "a field the schema defines", value, FieldProblem.Kind.UNKNOWN_FIELD));
                } else if (name.isEmpty()) {
                    problems.add(new FieldProblem(name, "a field name that is not blank", value,
                            FieldProblem.Kind.UNKNOWN_FIELD));
                } else {
                    keptUnknown.add(name);
                    values.put(name, new FieldValue.Text(value));
                }
            }
        }
        return new FieldCheck(CustomFields.of(values), problems);
    }

    /**
     * Checks values built in code against the schema: each known field's value by its definition
     * ({@link FieldDefinition#validate(FieldValue)}), required fields present, and unknown fields
     * as the policy says (kept as they are, dropped, or refused).
     *
     * @param values the values
     * @param unknownFields what to do with fields the schema does not define
     * @return the values that passed (choices in the definitions' spelling, names in the
     *     definitions' spelling) and every problem
     */
    public FieldCheck check(CustomFields values, UnknownFields unknownFields) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(unknownFields, "unknownFields");
        LinkedHashMap<String, FieldValue> passed = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldDefinition definition : definitions) {
            Optional<FieldValue> value = values.get(definition.name());
            Reading reading;
            if (value.isPresent()) {
                reading = definition.check(value.get());
            } else {
                reading = definition.read("");
            }
            collect(definition.name(), reading, passed, problems);
        }
        for (Map.Entry<String, FieldValue> entry : values.asMap().entrySet()) {
            if (byName.containsKey(entry.getKey())) {
                continue;
            }
            switch (unknownFields) {
                case KEEP_AS_TEXT -> passed.put(entry.getKey(), entry.getValue());
                case DROP -> { }
                case REJECT -> problems.add(new FieldProblem(entry.getKey(), "a field the schema defines",
                        entry.getValue().asText(), FieldProblem.Kind.UNKNOWN_FIELD));
            }
        }
        return new FieldCheck(CustomFields.of(passed), problems);
    }

    /**
     * Validates values built in code.
     *
     * @param values the values
     * @param unknownFields what to do with fields the schema does not define
     * @return the values as the schema keeps them (see {@link #check(CustomFields, UnknownFields)})
     * @throws FieldValueException for the first problem
     */
    public CustomFields validate(CustomFields values, UnknownFields unknownFields) {
        return check(values, unknownFields).orThrow();
    }

    /**
     * Finds the values of unique fields that several records share.
     *
     * @param records the records' values, in order
     * @return each shared value with the positions (from 0) of the records that hold it
     * @see UniqueFieldIndex
     */
    public List<UniqueFieldIndex.DuplicateValue<Integer>> findUniqueViolations(Iterable<CustomFields> records) {
        return UniqueFieldIndex.ofPositions(this, records).duplicates();
    }

    private static void collect(String name, Reading reading, Map<String, FieldValue> values, List<FieldProblem> problems) {
        if (reading instanceof Reading.Read read) {
            values.put(name, read.value());
        } else if (reading instanceof Reading.Refused refused) {
            problems.add(refused.problem());
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldSchema that && definitions.equals(that.definitions);
    }

    @Override
    public int hashCode() {
        return definitions.hashCode();
    }

    @Override
    public String toString() {
        return "FieldSchema" + definitions;
    }

    /**
     * Names seen so far, found again regardless of case: compared one by one while there are few
     * (a row has a handful of unknown columns), in a case-insensitive tree once there are many.
     */
    private static final class Spellings {
        private static final int SCAN_LIMIT = 8;
        private final String[] few = new String[SCAN_LIMIT];
        private int count;
        private TreeMap<String, String> many;

        /** @return the name as first seen, or {@code null} */
        String find(String name) {
            if (many != null) {
                return many.get(name);
            }
            for (int i = 0; i < count; i++) {
                if (few[i].equalsIgnoreCase(name)) {
                    return few[i];
                }
            }
            return null;
        }

        void add(String name) {
            if (many == null && count < SCAN_LIMIT) {
                few[count++] = name;
                return;
            }
            if (many == null) {
                many = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                for (int i = 0; i < count; i++) {
                    many.put(few[i], few[i]);
                }
            }
            many.putIfAbsent(name, name);
        }
    }
}
