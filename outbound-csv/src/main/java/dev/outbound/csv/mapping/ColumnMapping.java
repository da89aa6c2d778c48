package dev.outbound.csv.mapping;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.internal.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which column of a file feeds which {@link Target}s: matched from the headers ({@link #auto}),
 * given by hand ({@link #newBuilder}) or loaded from a JSON template ({@link #fromJson}). Every
 * column is accounted for: it feeds one or more targets (seed 004: one column to several
 * fields), or none (dropped). A target takes at most one column; custom fields count as one
 * target regardless of case. Immutable and thread-safe.
 *
 * <p>Each decision is written down in {@link #notes()}, one line a column, so that a person can
 * check the mapping before importing.
 */
public final class ColumnMapping {
    /** The template format's name and version, written into and checked on every template. */
    static final String FORMAT = "outbound-csv-mapping";
    static final int VERSION = 1;

    private final List<String> header;
    private final List<List<Target>> targets;
    private final List<String> notes;
    private final boolean unmappedAsCustomFields;

    private ColumnMapping(List<String> header, List<List<Target>> targets, List<String> notes,
            boolean unmappedAsCustomFields) {
        this.header = List.copyOf(header);
        List<List<Target>> copy = new ArrayList<>();
        for (List<Target> t : targets) {
            copy.add(List.copyOf(t));
        }
        this.targets = List.copyOf(copy);
        this.notes = List.copyOf(notes);
        this.unmappedAsCustomFields = unmappedAsCustomFields;
    }

    /**
     * Matches the header's columns to targets. Each header is compared in a normal form: lower
     * case, without spaces, underscores and hyphens ({@code Customer Reference ID} is
     * {@code customer_reference_id}). Standard names are matched first, then synonyms:
     * <ul>
     * <li>standard: every column {@code LeadExport} writes ({@code customer_reference_id}, each
     *     phone field by its name such as {@code mobile} or {@code home}, {@code time_zone},
     *     {@code scheduled_for}, {@code agent}, {@code list}, {@code priority}) and the targets'
     *     own names ({@code local_time_zone}, {@code region}); {@code time_zone_source}, which
     *     export writes for people, is dropped;</li>
     * <li>the customer reference id: {@code customer_key}, {@code customer_ref},
     *     {@code customer_reference}, {@code customer_id}, {@code reference_id};</li>
     * <li>phones: {@code phone}, {@code phone_number}, {@code telephone}, {@code tel} and, when
     *     the campaign has no field of that name, {@code primary}, go to the campaign's first
     *     phone field (the first of {@link MappingOptions#phoneFields()}, {@code primary} with
     *     the default fields); {@code cell}, {@code cell_phone}, {@code mobile_phone},
     *     {@code mobile_number} (and {@code mobile}, when the campaign has no field of that name)
     *     go to {@code mobile}, or to the first phone field when the campaign has no mobile
     *     field; {@code <field>_phone} and {@code <field>_number} go to that field
     *     ({@code home_phone});</li>
     * <li>time zone: {@code tz}, {@code zone}, {@code timezone}, {@code iana_time_zone};
     *     scheduled for: {@code scheduled}, {@code scheduled_at}, {@code scheduled_call_for},
     *     {@code call_at}; agent: {@code agent_email}, {@code assigned_agent}; region hint:
     *     {@code country}, {@code country_iso}, {@code region_hint}; list: {@code list_name},
     *     {@code list_id}, {@code lead_list}; priority: {@code prio}.</li>
     * </ul>
     * When two columns match one target, the first (standard names before synonyms, then left to
     * right) takes it and the other is treated as unmatched; the notes say so. An unmatched
     * column becomes a custom field named after its header (trimmed) when the options say so, and
     * is dropped otherwise; so is a column with a blank header, or whose header names a custom
     * field already taken (regardless of case). A column whose header repeats an earlier one's
     * (surrounding spaces ignored) is always dropped: only the first of them is mapped. A custom field whose name is also a standard name
     * or synonym ({@code country}) is matched as such; map it by hand to keep it as a field too.
     *
     * @param header the file's header, one name a column
     * @param options the campaign's phone fields and the policy for unmatched columns
     * @return the mapping, with one note a column
     */
    public static ColumnMapping auto(List<String> header, MappingOptions options) {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(options, "options");
        int n = header.size();
        Target[] matched = new Target[n];
        String[] how = new String[n];
        Map<Target, Integer> taken = new LinkedHashMap<>();
        String[] normal = new String[n];
        for (int i = 0; i < n; i++) {
            normal[i] = Headers.normalise(Objects.requireNonNull(header.get(i), "header cell"));
        }
        for (int i = 0; i < n; i++) {
            Optional<Target> t = repeatOf(header, i) >= 0 ? Optional.empty()
                    : Headers.standard(normal[i], options.phoneFields());
            if (t.isPresent()) {
                claim(i, t.get(), "standard name", header, matched, how, taken);
            }
        }
        for (int i = 0; i < n; i++) {
            if (matched[i] != null || how[i] != null || repeatOf(header, i) >= 0) {
                continue;
            }
            Optional<Target> t = Headers.synonym(normal[i], options.phoneFields());
            if (t.isPresent()) {
                claim(i, t.get(), "synonym", header, matched, how, taken);
            }
        }
        List<List<Target>> targets = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, Integer> customs = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (matched[i] != null) {
                targets.add(List.of(matched[i]));
                notes.add(label(i, header) + " -> " + matched[i].describe() + " (" + how[i] + ")");
            } else if (Headers.EXPORT_ONLY.contains(normal[i]) && repeatOf(header, i) < 0) {
                targets.add(List.of());
                notes.add(label(i, header) + " dropped (written by export for people, not imported)");
            } else {
                String prefix = how[i] == null ? "" : how[i] + "; ";
                unmapped(i, header, options.unmappedAsCustomFields(), prefix, customs, targets, notes);
            }
        }
        return new ColumnMapping(header, targets, notes, options.unmappedAsCustomFields());
    }

    private static void claim(int i, Target t, String rule, List<String> header, Target[] matched, String[] how,
            Map<Target, Integer> taken) {
        Integer first = taken.putIfAbsent(t, i);
        if (first == null) {
            matched[i] = t;
            how[i] = rule;
        } else {
            how[i] = "matches " + t.describe() + " by " + rule + ", but " + label(first, header) + " already has it";
        }
    }

    /**
     * The first earlier column with the same header (surrounding spaces ignored), or -1. Only the
     * first of such columns is ever mapped: a template names columns by header, so a repeat could
     * not be written down, and a file with one header twice is ambiguous anyway.
     */
    private static int repeatOf(List<String> header, int i) {
        String h = header.get(i).strip();
        for (int k = 0; k < i; k++) {
            if (header.get(k).strip().equals(h)) {
                return k;
            }
        }
        return -1;
    }

    /** Handles a column no target took: a custom field or dropped, as the policy says. */
    private static void unmapped(int i, List<String> header, boolean asCustomFields, String prefix,
            Map<String, Integer> customs, List<List<Target>> targets, List<String> notes) {
        String name = header.get(i).strip();
        int repeat = repeatOf(header, i);
        if (repeat >= 0) {
            targets.add(List.of());
            notes.add(label(i, header) + " dropped (repeats the header of " + label(repeat, header)
                    + "; only the first is mapped)");
        } else if (!asCustomFields) {
            targets.add(List.of());
            notes.add(label(i, header) + " dropped (" + prefix + "unmapped columns are dropped)");
        } else if (name.isEmpty()) {
            targets.add(List.of());
            notes.add(label(i, header) + " dropped (" + prefix + "a blank header names no custom field)");
        } else {
            Integer first = customs.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
            if (first != null) {
                targets.add(List.of());
                notes.add(label(i, header) + " dropped (" + prefix + "custom field '" + name + "' is already "
                        + label(first, header) + ")");
            } else {
                Target.Custom custom = new Target.Custom(name);
                targets.add(List.of(custom));
                notes.add(label(i, header) + " -> " + custom.describe() + " (" + prefix + "unmapped, kept as a custom field)");
            }
        }
    }

    static String label(int column, List<String> header) {
        return "column " + (column + 1) + " '" + header.get(column) + "'";
    }

    /**
     * Starts a mapping given by hand.
     *
     * @param header the file's header, one name a column
     * @return a builder; columns neither mapped nor dropped become custom fields unless the builder
     *     is told otherwise
     */
    public static Builder newBuilder(List<String> header) {
        return new Builder(header);
    }

    /** @return the file's header this mapping is for; unmodifiable */
    public List<String> header() {
        return header;
    }

    /**
     * @param column a column index, from 0
     * @return the targets the column feeds, in order; empty when the column is dropped
     * @throws IndexOutOfBoundsException when the header has no such column
     */
    public List<Target> targets(int column) {
        return targets.get(column);
    }

    /**
     * @param target a target (a custom field is found regardless of the case of its name)
     * @return the header of the column that feeds it, if one does
     */
    public Optional<String> columnFor(Target target) {
        OptionalInt i = indexOf(target);
        return i.isPresent() ? Optional.of(header.get(i.getAsInt())) : Optional.empty();
    }

    /** The column feeding a target, if any. */
    OptionalInt indexOf(Target target) {
        Objects.requireNonNull(target, "target");
        for (int i = 0; i < targets.size(); i++) {
            for (Target t : targets.get(i)) {
                if (sameTarget(t, target)) {
                    return OptionalInt.of(i);
                }
            }
        }
        return OptionalInt.empty();
    }

    static boolean sameTarget(Target a, Target b) {
        if (a instanceof Target.Custom ca && b instanceof Target.Custom cb) {
            return ca.name().equalsIgnoreCase(cb.name());
        }
        return a.equals(b);
    }

    /**
     * @return how each column was mapped, one line a column in column order
     *     ({@code column 3 'Cell' -> phone:mobile (synonym)}), for people to check
     */
    public List<String> notes() {
        return notes;
    }

    /** @return whether columns a template does not name become custom fields (else they are dropped) */
    public boolean unmappedAsCustomFields() {
        return unmappedAsCustomFields;
    }

    /**
     * Writes the mapping as a template to save and use again (seed 004):
     * <pre>{@code
     * {
     *   "format": "outbound-csv-mapping",
     *   "version": 1,
     *   "unmapped": "custom_fields",
     *   "columns": {
     *     "Customer Key": ["customer_reference_id"],
     *     "Phone": ["phone:mobile", "field:phone_as_given"],
     *     "time_zone_source": []
     *   }
     * }
     * }</pre>
     * Each column's header names its targets ({@link Target#describe()}; an empty list drops it);
     * {@code unmapped} is {@code custom_fields} or {@code drop}, for columns of a later file that
     * the template does not name. A header that occurs twice is written once, for its first column
     * (the later ones are dropped whatever the template says).
     *
     * @return the template as JSON
     */
    public String toJson() {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            List<Object> described = new ArrayList<>();
            for (Target t : targets.get(i)) {
                described.add(t.describe());
            }
            columns.putIfAbsent(header.get(i), described);
        }
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("format", FORMAT);
        template.put("version", VERSION);
        template.put("unmapped", unmappedAsCustomFields ? "custom_fields" : "drop");
        template.put("columns", columns);
        return Json.write(template);
    }

    /**
     * Applies a template written by {@link #toJson()} to a file's header. Columns are matched by
     * their exact header, else with surrounding spaces ignored; a header that occurs twice in the
     * file gets the template's targets at its first column, and its later columns are dropped. Columns of the file that the template does not
     * name are custom fields or dropped, as the template's {@code unmapped} says.
     *
     * @param json the template
     * @param header the file's header
     * @return the mapping
     * @throws InvalidValueException for {@code mapping template} when the JSON is malformed, not a
     *     template of this version, names a target that does not exist, gives one target to two
     *     columns, or names columns the file lacks (all of them listed)
     */
    public static ColumnMapping fromJson(String json, List<String> header) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(header, "header");
        Object parsed;
        try {
            parsed = Json.parse(json);
        } catch (Json.JsonException e) {
            throw new InvalidValueException("mapping template", "well-formed JSON", e.getMessage());
        }
        Map<?, ?> template = asObject(parsed, "the template");
        List<String> expectedKeys = List.of("format", "version", "unmapped", "columns");
        if (!template.keySet().equals(new java.util.HashSet<>(expectedKeys))) {
            throw new InvalidValueException("mapping template", "exactly the members " + expectedKeys,
                    template.keySet());
        }
        if (!FORMAT.equals(template.get("format"))) {
            throw new InvalidValueException("mapping template", "format \"" + FORMAT + "\"", template.get("format"));
        }
        Object version = template.get("version");
        if (!(version instanceof BigDecimal v) || v.compareTo(BigDecimal.valueOf(VERSION)) != 0) {
            throw new InvalidValueException("mapping template", "version " + VERSION, version);
        }
        Object unmapped = template.get("unmapped");
        if (!"custom_fields".equals(unmapped) && !"drop".equals(unmapped)) {
            throw new InvalidValueException("mapping template", "unmapped \"custom_fields\" or \"drop\"", unmapped);
        }
        Map<?, ?> columns = asObject(template.get("columns"), "columns");
        Builder builder = newBuilder(header).unmappedAsCustomFields("custom_fields".equals(unmapped));
        builder.source = "template";
        List<String> missing = new ArrayList<>();
        for (Map.Entry<?, ?> e : columns.entrySet()) {
            String column = (String) e.getKey();
            if (!(e.getValue() instanceof List<?> list)) {
                throw new InvalidValueException("mapping template", "a list of targets for column '" + column + "'",
                        e.getValue());
            }
            List<Target> ts = new ArrayList<>();
            for (Object d : list) {
                if (!(d instanceof String s)) {
                    throw new InvalidValueException("mapping template", "target names (strings) for column '"
                            + column + "'", d);
                }
                ts.add(Target.parse(s));
            }
            if (builder.find(column).isEmpty()) {
                missing.add(column);
            } else if (ts.isEmpty()) {
                builder.drop(column);
            } else {
                builder.map(column, ts.toArray(new Target[0]));
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidValueException("mapping template", "every column it names in the file, whose header is "
                    + header, "missing " + missing);
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("mapping template", "a valid mapping", e.getMessage());
        }
    }

    private static Map<?, ?> asObject(Object value, String what) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidValueException("mapping template", "a JSON object for " + what, value);
        }
        return map;
    }

    @Override
    public String toString() {
        return "ColumnMapping" + notes;
    }

    /**
     * Collects a mapping given by hand. A column is named by its header, matched exactly, else
     * with surrounding spaces ignored; of several columns with one header only the first can be
     * named, and the others are dropped. Mapping or dropping a column twice, or giving one target
     * to two columns, fails at {@link #build()}, naming both. Not thread-safe.
     */
    public static final class Builder {
        private final List<String> header;
        private final Map<Integer, List<Target>> given = new LinkedHashMap<>();
        private final List<String> twice = new ArrayList<>();
        private boolean unmappedAsCustomFields = true;
        private String source = "given";

        private Builder(List<String> header) {
            Objects.requireNonNull(header, "header");
            for (String h : header) {
                Objects.requireNonNull(h, "header cell");
            }
            this.header = List.copyOf(header);
        }

        /** The column of that exact header, else the first whose header is that after trimming both. */
        OptionalInt find(String column) {
            int exact = header.indexOf(column);
            if (exact >= 0) {
                return OptionalInt.of(exact);
            }
            String wanted = column.strip();
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).strip().equals(wanted)) {
                    return OptionalInt.of(i);
                }
            }
            return OptionalInt.empty();
        }

        private int column(String column) {
            Objects.requireNonNull(column, "column");
            OptionalInt i = find(column);
            if (i.isEmpty()) {
                throw new IllegalArgumentException("column: expected one of the header " + header + ", found '"
                        + column + "'");
            }
            return i.getAsInt();
        }

        /**
         * Maps a column to one or more targets.
         *
         * @param column the column's header
         * @param targets the targets it feeds; at least one
         * @return this builder
         * @throws IllegalArgumentException when the header has no such column or no target is given
         */
        public Builder map(String column, Target... targets) {
            int i = column(column);
            Objects.requireNonNull(targets, "targets");
            if (targets.length == 0) {
                throw new IllegalArgumentException("targets of column '" + column
                        + "': expected at least one (use drop to map a column to nothing)");
            }
            List<Target> list = Arrays.asList(targets);
            for (Target t : list) {
                Objects.requireNonNull(t, "targets element");
            }
            put(i, List.copyOf(list));
            return this;
        }

        /**
         * Drops a column: its values go nowhere.
         *
         * @param column the column's header
         * @return this builder
         * @throws IllegalArgumentException when the header has no such column
         */
        public Builder drop(String column) {
            put(column(column), List.of());
            return this;
        }

        private void put(int i, List<Target> targets) {
            if (given.putIfAbsent(i, targets) != null) {
                twice.add(label(i, header));
            }
        }

        /**
         * @param asCustomFields whether columns neither mapped nor dropped become custom fields named
         *     after their headers (default), or are dropped
         * @return this builder
         */
        public Builder unmappedAsCustomFields(boolean asCustomFields) {
            this.unmappedAsCustomFields = asCustomFields;
            return this;
        }

        /**
         * @return the mapping, with one note a column
         * @throws IllegalArgumentException when a column was mapped twice or a target has two columns
         */
        public ColumnMapping build() {
            if (!twice.isEmpty()) {
                throw new IllegalArgumentException("columns: expected each mapped or dropped once, found twice: "
                        + twice);
            }
            List<List<Target>> targets = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            List<Target> seen = new ArrayList<>();
            List<Integer> seenAt = new ArrayList<>();
            Map<String, Integer> customs = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                List<Target> ts = given.get(i);
                if (ts == null) {
                    continue;
                }
                for (Target t : ts) {
                    for (int k = 0; k < seen.size(); k++) {
                        if (sameTarget(seen.get(k), t)) {
                            throw new IllegalArgumentException("target " + t.describe()
                                    + ": expected one column, found " + label(seenAt.get(k), header) + " and "
                                    + label(i, header));
                        }
                    }
                    seen.add(t);
                    seenAt.add(i);
                    if (t instanceof Target.Custom c) {
                        customs.put(c.name().toLowerCase(Locale.ROOT), i);
                    }
                }
            }
            for (int i = 0; i < header.size(); i++) {
                List<Target> ts = given.get(i);
                if (ts == null) {
                    unmapped(i, header, unmappedAsCustomFields, "not in the " + source + " mapping; ", customs,
                            targets, notes);
                } else if (ts.isEmpty()) {
                    targets.add(ts);
                    notes.add(label(i, header) + " dropped (" + source + ")");
                } else {
                    targets.add(ts);
                    List<String> described = new ArrayList<>();
                    ts.forEach(t -> described.add(t.describe()));
                    notes.add(label(i, header) + " -> " + String.join(", ", described) + " (" + source + ")");
                }
            }
            return new ColumnMapping(header, targets, notes, unmappedAsCustomFields);
        }
    }
}
