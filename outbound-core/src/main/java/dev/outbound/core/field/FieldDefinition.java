package dev.outbound.core.field;

import dev.outbound.core.InvalidValueException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A custom field as a campaign defines it: its name, how it is shown, its type and the rules its
 * values keep. Definitions are made with a builder ({@code FieldDefinition.text("notes").size(20).required().build()})
 * and collected in a {@link FieldSchema}.
 *
 * <p>The Bean Validation annotations on the components describe the same rules the constructor
 * enforces, for tools that read them; the constructor is what guarantees them, so a definition
 * never exists invalid. The rules that join several components (allowed values only for
 * {@link FieldType#CHOICE}, allowed values within the size, multi-line only for
 * {@link FieldType#TEXT}) are the constructor's alone.
 *
 * @param name the column name: a letter, then letters, digits or {@code _}; at most 64 characters;
 *     unique in a schema regardless of case
 * @param displayName the name shown to people; not blank, at most 128 characters
 * @param type the data type of the values
 * @param size the most characters a value may have as text, 1 to 65535
 * @param required whether every record must have a value
 * @param unique whether no two records may share a value (checked across records by
 *     {@link UniqueFieldIndex})
 * @param allowedValues for {@link FieldType#CHOICE}: the values allowed, in order, distinct
 *     regardless of case, not blank and without surrounding spaces; empty for every other type
 * @param multiLine whether the text is shown on several lines (display only; {@link FieldType#TEXT} only)
 */
// The constraint annotations are optional metadata (validation is a static requirement of the module).
@SuppressWarnings("exports")
public record FieldDefinition(
        @NotNull @Size(min = 1, max = FieldDefinition.MAX_NAME_LENGTH) @Pattern(regexp = FieldDefinition.NAME_PATTERN)
        String name,
        @NotBlank @Size(max = FieldDefinition.MAX_DISPLAY_NAME_LENGTH) String displayName,
        @NotNull FieldType type,
        @Positive @Max(FieldDefinition.MAX_SIZE) int size,
        boolean required,
        boolean unique,
        @NotNull List<@NotBlank String> allowedValues,
        boolean multiLine) {

    /** The pattern of a field name: a letter, then letters, digits or {@code _}. */
    public static final String NAME_PATTERN = "[A-Za-z][A-Za-z0-9_]*";
    /** The most characters a field name may have. */
    public static final int MAX_NAME_LENGTH = 64;
    /** The most characters a display name may have. */
    public static final int MAX_DISPLAY_NAME_LENGTH = 128;
    /** The largest size a field may have. */
    public static final int MAX_SIZE = 65_535;

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile(NAME_PATTERN);
    private static final java.util.regex.Pattern INTEGER = java.util.regex.Pattern.compile("[+-]?[0-9]+");
    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)");
    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final java.util.regex.Pattern DATE_TIME =
            java.util.regex.Pattern.compile("([0-9]{4}-[0-9]{2}-[0-9]{2})[T ]([0-9]{2}:[0-9]{2}(?::[0-9]{2})?)");
    private static final Set<String> TRUE_TEXTS = Set.of("true", "yes", "1");
    private static final Set<String> FALSE_TEXTS = Set.of("false", "no", "0");

    /**
     * Validates the components; see the record's description for the rules.
     *
     * @param name the column name: a letter, then letters, digits or {@code _}; at most 64 characters;
     *     unique in a schema regardless of case
     * @param displayName the name shown to people; not blank, at most 128 characters
     * @param type the data type of the values
     * @param size the most characters a value may have as text, 1 to 65535
     * @param required whether every record must have a value
     * @param unique whether no two records may share a value (checked across records by
     *     {@link UniqueFieldIndex})
     * @param allowedValues for {@link FieldType#CHOICE}: the values allowed, in order, distinct
     *     regardless of case, not blank and without surrounding spaces; empty for every other type
     * @param multiLine whether the text is shown on several lines (display only; {@link FieldType#TEXT} only)
     */
    public FieldDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(allowedValues, "allowedValues");
        if (name.length() > MAX_NAME_LENGTH || !NAME.matcher(name).matches()) {
            throw new InvalidValueException("field name",
                    "a letter, then letters, digits or _; at most " + MAX_NAME_LENGTH + " characters", "'" + name + "'");
        }
        if (displayName.isBlank() || displayName.length() > MAX_DISPLAY_NAME_LENGTH) {
            throw new InvalidValueException("displayName of field '" + name + "'",
                    "not blank, at most " + MAX_DISPLAY_NAME_LENGTH + " characters", "'" + displayName + "'");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidValueException("size of field '" + name + "'", "1 to " + MAX_SIZE, size);
        }
        if (multiLine && type != FieldType.TEXT) {
            throw new InvalidValueException("multiLine of field '" + name + "'",
                    "only for type TEXT, but the type is " + type, true);
        }
        allowedValues = List.copyOf(allowedValues);
        if (type != FieldType.CHOICE) {
            if (!allowedValues.isEmpty()) {
                throw new InvalidValueException("allowedValues of field '" + name + "'",
                        "only for type CHOICE, but the type is " + type, allowedValues);
            }
        } else {
            checkAllowedValues(name, size, allowedValues);
        }
    }

    private static void checkAllowedValues(String name, int size, List<String> allowed) {
        String field = "allowedValues of field '" + name + "'";
        if (allowed.isEmpty()) {
            throw new InvalidValueException(field, "at least one value for type CHOICE", allowed);
        }
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String value : allowed) {
            if (value.isBlank() || !value.strip().equals(value)) {
                throw new InvalidValueException(field, "not blank, no surrounding spaces", "'" + value + "'");
            }
            if (length(value) > size) {
                throw new InvalidValueException(field, "at most the field's size, " + size + " characters", "'" + value + "'");
            }
            if (!seen.add(value)) {
                throw new InvalidValueException(field, "distinct regardless of case", "'" + value + "'");
            }
        }
    }

    // ---------------------------------------------------------------- making definitions

    /**
     * Starts a definition.
     *
     * @param name the field's name
     * @param type the field's type
     * @return a builder with the type's default size, not required, not unique
     */
    public static Builder newBuilder(String name, FieldType type) {
        return new Builder(Objects.requireNonNull(name, "name"), Objects.requireNonNull(type, "type"));
    }

    /**
     * @param name the field's name
     * @return a builder for a {@link FieldType#TEXT} field
     */
    public static Builder text(String name) {
        return newBuilder(name, FieldType.TEXT);
    }

    /**
     * @param name the field's name
     * @return a builder for an {@link FieldType#INTEGER} field
     */
    public static Builder integer(String name) {
        return newBuilder(name, FieldType.INTEGER);
    }

    /**
     * @param name the field's name
     * @return a builder for a {@link FieldType#DECIMAL} field
     */
    public static Builder decimal(String name) {
        return newBuilder(name, FieldType.DECIMAL);
    }

    /**
     * @param name the field's name
     * @return a builder for a {@link FieldType#DATE} field
     */
    public static Builder date(String name) {
        return newBuilder(name, FieldType.DATE);
    }

    /**
     * @param name the field's name
     * @return a builder for a {@link FieldType#DATE_TIME} field
     */
    public static Builder dateTime(String name) {
        return newBuilder(name, FieldType.DATE_TIME);
    }

    /**
     * @param name the field's name
     * @return a builder for a {@link FieldType#BOOLEAN} field
     */
    public static Builder bool(String name) {
        return newBuilder(name, FieldType.BOOLEAN);
    }

    /**
     * @param name the field's name
     * @param allowedValues the values allowed, in order
     * @return a builder for a {@link FieldType#CHOICE} field
     */
    public static Builder choice(String name, String... allowedValues) {
        return newBuilder(name, FieldType.CHOICE).allowedValues(Arrays.asList(allowedValues));
    }

    /**
     * Splits the "Valid Values" of a campaign's field settings ({@code "gold;silver;bronze"}) into
     * the allowed values: entries are separated by {@code ;}, spaces around an entry are dropped,
     * and empty entries (a trailing {@code ;}) are skipped.
     *
     * @param text the values separated by semicolons
     * @return the values, in order; whether they are valid allowed values is the definition's check
     */
    public static List<String> parseAllowedValues(String text) {
        Objects.requireNonNull(text, "text");
        List<String> values = new ArrayList<>();
        for (String entry : text.split(";", -1)) {
            String value = entry.strip();
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
        return List.copyOf(values);
    }

    // ---------------------------------------------------------------- values

    /**
     * Parses input text to this field's value.
     *
     * @param raw the text as given; blank means "no value"
     * @return the value, or empty when the text is blank and the field is not required
     * @throws FieldValueException when the text breaks the definition, naming field, rule and value
     */
    public Optional<FieldValue> parse(String raw) {
        Objects.requireNonNull(raw, "raw");
        Reading reading = read(raw);
        if (reading instanceof Reading.Refused refused) {
            throw new FieldValueException(refused.problem());
        }
        if (reading instanceof Reading.Read read) {
            return Optional.of(read.value());
        }
        return Optional.empty();
    }

    /**
     * Checks a value built in code against this definition: its type, its size as text, and for a
     * choice whether it is allowed.
     *
     * @param value the value
     * @return the value as this field keeps it: a choice spelled as the definition spells it,
     *     otherwise the value itself
     * @throws FieldValueException when the value breaks the definition
     */
    public FieldValue validate(FieldValue value) {
        Objects.requireNonNull(value, "value");
        Reading reading = check(value);
        if (reading instanceof Reading.Refused refused) {
            throw new FieldValueException(refused.problem());
        }
        return ((Reading.Read) reading).value();
    }

    /** Reads input text; a null text is treated as missing, like a blank one. */
    Reading read(String raw) {
        if (raw == null || raw.isBlank()) {
            return required
                    ? refuse("required", raw == null ? "" : raw, FieldProblem.Kind.MISSING_REQUIRED)
                    : new Reading.Absent();
        }
        // Text keeps its spacing; for every other type the surrounding spaces are not part of the value.
        String text = type == FieldType.TEXT ? raw : raw.strip();
        if (length(text) > size) {
            return refuse(sizeRule(), raw, FieldProblem.Kind.TOO_LONG);
        }
        Optional<FieldValue> value = switch (type) {
            case TEXT -> Optional.of(new FieldValue.Text(text));
            case INTEGER -> readInteger(text);
            case DECIMAL -> readDecimal(text);
            case DATE -> readDate(text);
            case DATE_TIME -> readDateTime(text);
            case BOOLEAN -> readBoolean(text);
            case CHOICE -> allowedSpelling(text).map(FieldValue.Choice::new);
        };
        if (value.isEmpty()) {
            FieldProblem.Kind kind = type == FieldType.CHOICE
                    ? FieldProblem.Kind.NOT_ALLOWED_CHOICE : FieldProblem.Kind.WRONG_TYPE;
            return refuse(typeRule(), raw, kind);
        }
        return new Reading.Read(value.get());
    }

    /** Checks a typed value. */
    Reading check(FieldValue value) {
        if (value.type() != type) {
            return refuse("a " + type + " value, not " + value.type(), value.asText(), FieldProblem.Kind.WRONG_TYPE);
        }
        String text = value.asText();
        if (length(text) > size) {
            return refuse(sizeRule(), text, FieldProblem.Kind.TOO_LONG);
        }
        if (type == FieldType.CHOICE) {
            Optional<String> spelling = allowedSpelling(text);
            if (spelling.isEmpty()) {
                return refuse(typeRule(), text, FieldProblem.Kind.NOT_ALLOWED_CHOICE);
            }
            return new Reading.Read(new FieldValue.Choice(spelling.get()));
        }
        return new Reading.Read(value);
    }

    private Reading refuse(String rule, String value, FieldProblem.Kind kind) {
        return new Reading.Refused(new FieldProblem(name, rule, value, kind));
    }

    private String sizeRule() {
        return "at most " + size + " characters";
    }

    /** @return the rule of the type, in words, as messages name it */
    String typeRule() {
        return switch (type) {
            case TEXT -> sizeRule();
            case INTEGER -> "integer between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE;
            case DECIMAL -> "decimal number with '.' as separator, such as -12.5";
            case DATE -> "date as yyyy-MM-dd";
            case DATE_TIME -> "date-time as yyyy-MM-dd'T'HH:mm[:ss] or yyyy-MM-dd HH:mm[:ss]";
            case BOOLEAN -> "one of: true, false, yes, no, 1, 0";
            case CHOICE -> "one of: " + String.join(", ", allowedValues);
        };
    }

    private Optional<String> allowedSpelling(String text) {
        for (String allowed : allowedValues) {
            if (allowed.equalsIgnoreCase(text)) {
                return Optional.of(allowed);
            }
        }
        return Optional.empty();
    }

    private static Optional<FieldValue> readInteger(String text) {
        if (!INTEGER.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FieldValue.IntegerValue(Long.parseLong(text)));
        } catch (NumberFormatException outOfRange) {
            return Optional.empty();
        }
    }

    private static Optional<FieldValue> readDecimal(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(new FieldValue.DecimalValue(new BigDecimal(text)));
    }

    private static Optional<FieldValue> readDate(String text) {
        if (!DATE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FieldValue.DateValue(LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE)));
        } catch (DateTimeParseException noSuchDate) {
            return Optional.empty();
        }
    }

    private static Optional<FieldValue> readDateTime(String text) {
        java.util.regex.Matcher m = DATE_TIME.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(m.group(1), DateTimeFormatter.ISO_LOCAL_DATE);
            LocalTime time = LocalTime.parse(m.group(2), DateTimeFormatter.ISO_LOCAL_TIME);
            return Optional.of(new FieldValue.DateTimeValue(LocalDateTime.of(date, time)));
        } catch (DateTimeParseException noSuchDateTime) {
            return Optional.empty();
        }
    }

    private static Optional<FieldValue> readBoolean(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (TRUE_TEXTS.contains(lower)) {
            return Optional.of(new FieldValue.BooleanValue(true));
        }
        if (FALSE_TEXTS.contains(lower)) {
            return Optional.of(new FieldValue.BooleanValue(false));
        }
        return Optional.empty();
    }

    /** Counts characters as people do: a character outside the Basic Multilingual Plane counts once. */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    // ---------------------------------------------------------------- builder

    /**
     * Collects the settings of a definition. Options that conflict (allowed values on a field that
     * is not a choice) are refused by {@link #build()}, with a message naming both.
     */
    public static final class Builder {
        private final String name;
        private final FieldType type;
        private String displayName;
        private int size;
        private boolean required;
        private boolean unique;
        private List<String> allowedValues = List.of();
        private boolean multiLine;

        private Builder(String name, FieldType type) {
            this.name = name;
            this.type = type;
            this.displayName = name;
            this.size = type.defaultSize();
        }

        /**
         * @param displayName the name shown to people; defaults to the field's name
         * @return this builder
         */
        public Builder displayName(String displayName) {
            this.displayName = Objects.requireNonNull(displayName, "displayName");
            return this;
        }

        /**
         * @param size the most characters a value may have as text; defaults to the type's default size
         * @return this builder
         */
        public Builder size(int size) {
            this.size = size;
            return this;
        }

        /** @return this builder, making the field required */
        public Builder required() {
            return required(true);
        }

        /**
         * @param required whether every record must have a value
         * @return this builder
         */
        public Builder required(boolean required) {
            this.required = required;
            return this;
        }

        /** @return this builder, making the field unique */
        public Builder unique() {
            return unique(true);
        }

        /**
         * @param unique whether no two records may share a value
         * @return this builder
         */
        public Builder unique(boolean unique) {
            this.unique = unique;
            return this;
        }

        /** @return this builder, making the field shown on several lines */
        public Builder multiLine() {
            return multiLine(true);
        }

        /**
         * @param multiLine whether the text is shown on several lines
         * @return this builder
         */
        public Builder multiLine(boolean multiLine) {
            this.multiLine = multiLine;
            return this;
        }

        /**
         * @param allowedValues the values a choice field allows, in order
         * @return this builder
         */
        public Builder allowedValues(List<String> allowedValues) {
            Objects.requireNonNull(allowedValues, "allowedValues");
            for (String value : allowedValues) {
                Objects.requireNonNull(value, "allowedValues element");
            }
            this.allowedValues = List.copyOf(allowedValues);
            return this;
        }

        /**
         * @param semicolonSeparated the values a choice field allows, as a campaign's settings
         *     write them ({@code "gold;silver;bronze"})
         * @return this builder
         * @see FieldDefinition#parseAllowedValues(String)
         */
        public Builder allowedValues(String semicolonSeparated) {
            return allowedValues(parseAllowedValues(semicolonSeparated));
        }

        /**
         * @return the definition
         * @throws InvalidValueException when a setting breaks a rule or two settings conflict
         */
        public FieldDefinition build() {
            return new FieldDefinition(name, displayName, type, size, required, unique, allowedValues, multiLine);
        }
    }
}
