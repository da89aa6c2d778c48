package dev.outbound.core.field;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The values of a schema's unique fields across a set of records, and who holds each. One record
 * cannot know whether its value is unique; this index, built over all records, reports the values
 * that several records share and tells whether a new record's values are already taken.
 *
 * <p>Values are compared as values: decimals regardless of trailing zeros, choices in their
 * definition's spelling, text exactly (case and spaces count). A record without a value for a field
 * holds nothing for it. The index is an immutable snapshot.
 *
 * @param <K> how records are identified: their ids, or their positions
 */
public final class UniqueFieldIndex<K> {

    /**
     * A value of a unique field that is held more than once: by several records
     * ({@link #duplicates()}), or by a record already and by a new one ({@link #conflicts}).
     *
     * @param field the field's name, as the schema spells it
     * @param value the shared value
     * @param holders the records of the index that hold it, in the order they were given; not empty
     * @param <K> how records are identified
     */
    public record DuplicateValue<K>(String field, FieldValue value, List<K> holders) {
        /**
         * Checks and copies the components.
         *
         * @param field the field's name, as the schema spells it
         * @param value the shared value
         * @param holders the records of the index that hold it, in the order they were given; not empty
         */
        public DuplicateValue {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
            holders = List.copyOf(Objects.requireNonNull(holders, "holders"));
            if (holders.isEmpty()) {
                throw new dev.outbound.core.InvalidValueException("holders", "at least one record", holders);
            }
        }

        /** @return one sentence naming the field, the value and the records that share it */
        public String message() {
            return "Custom field '" + field + "' is unique, but value '" + value.asText() + "' is held by "
                    + (holders.size() == 1 ? "record " + holders.get(0) : "records " + holders);
        }
    }

    private final FieldSchema schema;
    // Unique field name (schema spelling) -> value -> holders, each in first-seen order.
    private final Map<String, Map<FieldValue, List<K>>> holders;

    private UniqueFieldIndex(FieldSchema schema, Map<String, Map<FieldValue, List<K>>> holders) {
        this.schema = schema;
        this.holders = holders;
    }

    /**
     * Builds the index over records identified by key.
     *
     * @param schema the schema whose unique fields to index
     * @param records the records' values by id, in the order to report holders in
     * @param <K> the type of the ids
     * @return the index
     */
    public static <K> UniqueFieldIndex<K> of(FieldSchema schema, Map<K, CustomFields> records) {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(records, "records");
        Map<String, Map<FieldValue, List<K>>> holders = emptyIndex(schema);
        records.forEach((id, fields) -> add(holders, Objects.requireNonNull(id, "record id"),
                Objects.requireNonNull(fields, "values of record " + id)));
        return new UniqueFieldIndex<>(schema, holders);
    }

    /**
     * Builds the index over records identified by their position.
     *
     * @param schema the schema whose unique fields to index
     * @param records the records' values, in order
     * @return the index, identifying records by position from 0
     */
    public static UniqueFieldIndex<Integer> ofPositions(FieldSchema schema, Iterable<CustomFields> records) {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(records, "records");
        Map<String, Map<FieldValue, List<Integer>>> holders = emptyIndex(schema);
        int position = 0;
        for (CustomFields fields : records) {
            add(holders, position, Objects.requireNonNull(fields, "values of record " + position));
            position++;
        }
        return new UniqueFieldIndex<>(schema, holders);
    }

    private static <K> Map<String, Map<FieldValue, List<K>>> emptyIndex(FieldSchema schema) {
        Map<String, Map<FieldValue, List<K>>> holders = new LinkedHashMap<>();
        for (FieldDefinition definition : schema.definitions()) {
            if (definition.unique()) {
                holders.put(definition.name(), new LinkedHashMap<>());
            }
        }
        return holders;
    }

    private static <K> void add(Map<String, Map<FieldValue, List<K>>> holders, K id, CustomFields fields) {
        holders.forEach((field, byValue) -> fields.get(field)
                .ifPresent(value -> byValue.computeIfAbsent(value, v -> new ArrayList<>()).add(id)));
    }

    /** @return every value of a unique field held by more than one record: fields in schema order, values in first-seen order */
    public List<DuplicateValue<K>> duplicates() {
        List<DuplicateValue<K>> duplicates = new ArrayList<>();
        holders.forEach((field, byValue) -> byValue.forEach((value, ids) -> {
            if (ids.size() > 1) {
                duplicates.add(new DuplicateValue<>(field, value, ids));
            }
        }));
        return List.copyOf(duplicates);
    }

    /**
     * @param field a unique field's name, in any case
     * @param value a value
     * @return the records that hold the value, in order; empty when none does or the field is not a unique field
     */
    public List<K> holders(String field, FieldValue value) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        Optional<FieldDefinition> definition = schema.definition(field);
        if (definition.isEmpty() || !holders.containsKey(definition.get().name())) {
            return List.of();
        }
        return List.copyOf(holders.get(definition.get().name()).getOrDefault(value, List.of()));
    }

    /**
     * Tells which of a new record's values of unique fields are already held.
     *
     * @param candidate the new record's values
     * @return for each such value, the value with the records that hold it already (one holder is enough)
     */
    public List<DuplicateValue<K>> conflicts(CustomFields candidate) {
        Objects.requireNonNull(candidate, "candidate");
        List<DuplicateValue<K>> conflicts = new ArrayList<>();
        holders.forEach((field, byValue) -> candidate.get(field).ifPresent(value -> {
            List<K> ids = byValue.get(value);
            if (ids != null) {
                conflicts.add(new DuplicateValue<>(field, value, ids));
            }
        }));
        return List.copyOf(conflicts);
    }
}
