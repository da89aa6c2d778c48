package dev.outbound.core.zone;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.internal.DataLines;
import java.io.Reader;
import java.io.StringReader;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A campaign's zone-deduction rule: when a record's field has a value, the customer is in these
 * zones ({@code state = FL -> America/New_York & America/Chicago}). The value is compared
 * trimmed and without regard to case; the field name is compared exactly, as the record's field
 * mapping spells it. Zones are kept canonical ({@code US/Eastern} becomes {@code America/New_York}).
 *
 * @param field the record field the rule looks at, trimmed, not blank
 * @param value the value that triggers the rule, trimmed, not blank
 * @param zones the zones the customer is then in: not empty, no repeats, canonical
 */
public record ZoneRule(String field, String value, List<ZoneId> zones) {

    /** How a rule is written, for messages. */
    static final String SYNTAX = "field = value -> Zone[ & Zone...], e.g. state = FL -> America/New_York";

    /**
     * Validates and normalises the parts: trims the texts, makes the zones canonical and distinct.
     *
     * @param field the record field the rule looks at, not blank
     * @param value the value that triggers the rule, not blank
     * @param zones the zones the customer is then in: not empty
     */
    public ZoneRule {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(zones, "zones");
        // Field names match whatever case a source file used: the SDK compares them in lower case.
        field = field.trim().toLowerCase(java.util.Locale.ROOT);
        value = value.trim();
        if (field.isEmpty() || field.indexOf('=') >= 0) {
            throw new InvalidValueException("field", "a field name, not blank, without '='", field);
        }
        if (value.isEmpty() || value.contains("->")) {
            throw new InvalidValueException("value", "a field value, not blank, without '->'", value);
        }
        if (zones.isEmpty()) {
            throw new InvalidValueException("zones", "at least one zone", zones);
        }
        zones = TimeZones.canonicalZones("zones", zones);
    }

    /**
     * Makes a rule from its parts.
     *
     * @param field the record field to look at
     * @param value the value that triggers the rule
     * @param zones the zones the customer is then in
     * @return the rule
     */
    public static ZoneRule of(String field, String value, ZoneId... zones) {
        return new ZoneRule(field, value, List.of(zones));
    }

    /**
     * Reads one rule written as {@code field = value -> Zone} or with several zones joined by
     * {@code &} or {@code ,} ({@code state = FL -> America/New_York & America/Chicago}).
     *
     * @param text the rule
     * @return the rule
     * @throws InvalidValueException for field {@code zone rule} when the text is not a rule or
     *     names an unknown zone
     */
    public static ZoneRule parse(String text) {
        Objects.requireNonNull(text, "text");
        return parse("zone rule", text);
    }

    /**
     * Reads many rules, one a line. Blank lines and lines starting with {@code #} are ignored;
     * two rules for the same field and value are refused, since only one could ever apply.
     *
     * @param reader the lines; read to the end, not closed
     * @return the rules in the order written, which is the order they are tried in
     * @throws InvalidValueException naming {@code zone rules line N} for the first bad line
     */
    public static List<ZoneRule> parseAll(Reader reader) {
        Objects.requireNonNull(reader, "reader");
        List<ZoneRule> rules = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, ZoneRule> firstRules = new HashMap<>();
        DataLines.read(reader, "zone rules", (number, trimmed, line) -> {
            String where = "zone rules line " + number;
            ZoneRule rule = parse(where, trimmed);
            Integer first = seen.putIfAbsent(rule.key(), number);
            if (first != null) {
                throw new InvalidValueException(where, "one rule per field and value; line " + first
                        + " already has " + firstRules.get(rule.key()), trimmed);
            }
            firstRules.put(rule.key(), rule);
            rules.add(rule);
        });
        return List.copyOf(rules);
    }

    /**
     * Reads many rules from a text, as {@link #parseAll(Reader)} does.
     *
     * @param text the rules, one a line
     * @return the rules in the order written
     */
    public static List<ZoneRule> parseAll(String text) {
        Objects.requireNonNull(text, "text");
        return parseAll(new StringReader(text));
    }

    private static ZoneRule parse(String where, String text) {
        int eq = text.indexOf('=');
        int arrow = text.indexOf("->");
        if (eq <= 0 || arrow < eq) {
            throw new InvalidValueException(where, SYNTAX, text);
        }
        String field = text.substring(0, eq).trim();
        String value = text.substring(eq + 1, arrow).trim();
        String zonesText = text.substring(arrow + 2).trim();
        if (field.isEmpty() || value.isEmpty() || zonesText.isEmpty()) {
            throw new InvalidValueException(where, SYNTAX, text);
        }
        List<ZoneId> zones = new ArrayList<>();
        for (String part : zonesText.split("[&,]", -1)) {
            zones.add(TimeZones.parse(where, part.trim()).zone());
        }
        return new ZoneRule(field, value, zones);
    }

    /** @return the field and the value in lower case: rules with equal keys match the same records */
    String key() {
        return field + "\u0000" + value.toLowerCase(Locale.ROOT);
    }

    /**
     * @param fieldValue a record's value for {@link #field()}
     * @return whether this rule applies to it (trimmed, case ignored)
     */
    public boolean matches(String fieldValue) {
        Objects.requireNonNull(fieldValue, "fieldValue");
        return fieldValue.trim().equalsIgnoreCase(value);
    }

    /** @return the rule as it is written: {@code state = FL -> America/New_York} */
    @Override
    public String toString() {
        return field + " = " + value + " -> "
                + zones.stream().map(ZoneId::getId).collect(Collectors.joining(" & "));
    }
}
