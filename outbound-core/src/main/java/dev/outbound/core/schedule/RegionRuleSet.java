package dev.outbound.core.schedule;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.internal.DataLines;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The region rules of a campaign, looked up quickly: by field value through a hash index and by
 * number prefix through a probe per prefix length in use, so finding the rules for a call costs
 * the same with five rules or five hundred.
 *
 * <p>The text form has one rule a line, columns separated by {@code |}:
 * <pre>
 * # name | applies to            | hours                                | max calls per 24 h | note
 * US-FL  | state=FL              | daily 08:00-20:00                    | 3                  | Fla. Stat. 501.059
 * US-TX  | state=TX, +1512       | Mon-Sat 09:00-21:00; Sun 12:00-21:00 | -                  | Tex. Bus. &amp; Com. Code 301.051
 * </pre>
 * "applies to" lists conditions ({@code field=value} or {@code +prefix}), any of which makes the
 * rule apply; hours use {@link WeeklySchedule#parse}'s form ({@code -} for no limit); the cap is a
 * number or {@code -}.
 */
public final class RegionRuleSet {
    private static final RegionRuleSet EMPTY = new RegionRuleSet(List.of());

    private final List<RegionRule> rules;
    /** (prefix digits * 16 + length) -> rules. */
    private final Map<Long, List<RegionRule>> byPrefix = new HashMap<>();
    /**
     * The field index, field name -> upper-case value -> rules, kept as parallel arrays so that a
     * check walks it without allocating an iterator.
     */
    private final String[] fieldNames;
    private final Map<String, List<RegionRule>>[] fieldIndexes;
    /** Bit n set when some prefix has n digits. */
    private final int prefixLengths;

    private RegionRuleSet(List<RegionRule> rules) {
        this.rules = List.copyOf(rules);
        Map<String, Map<String, List<RegionRule>>> byField = new HashMap<>();
        int lengths = 0;
        for (RegionRule rule : this.rules) {
            for (RegionMatch m : rule.appliesTo()) {
                if (m instanceof RegionMatch.FieldEquals f) {
                    add(byField.computeIfAbsent(f.field(), k -> new HashMap<>())
                            .computeIfAbsent(f.value(), k -> new ArrayList<>()), rule);
                } else if (m instanceof RegionMatch.NumberPrefix p) {
                    add(byPrefix.computeIfAbsent(prefixKey(Long.parseLong(p.digits()), p.digits().length()),
                            k -> new ArrayList<>()), rule);
                    lengths |= 1 << p.digits().length();
                }
            }
        }
        this.prefixLengths = lengths;
        // matching hands out these lists as they are when a single one applies: freeze them.
        byField.values().forEach(values -> values.replaceAll((value, list) -> List.copyOf(list)));
        byPrefix.replaceAll((key, list) -> List.copyOf(list));
        this.fieldNames = byField.keySet().toArray(new String[0]);
        @SuppressWarnings("unchecked")
        Map<String, List<RegionRule>>[] indexes = new Map[fieldNames.length];
        for (int i = 0; i < fieldNames.length; i++) {
            indexes[i] = byField.get(fieldNames[i]);
        }
        this.fieldIndexes = indexes;
    }

    private static void add(List<RegionRule> list, RegionRule rule) {
        if (!list.contains(rule)) {
            list.add(rule);
        }
    }

    private static long prefixKey(long digits, int length) {
        return digits * 16 + length;
    }

    /** @return a set with no rules */
    public static RegionRuleSet empty() {
        return EMPTY;
    }

    /**
     * @param rules the rules; names must be unique
     * @return the set
     */
    public static RegionRuleSet of(List<RegionRule> rules) {
        Objects.requireNonNull(rules, "rules");
        Map<String, RegionRule> seen = new HashMap<>();
        for (RegionRule r : rules) {
            RegionRule before = seen.putIfAbsent(r.name().toLowerCase(Locale.ROOT), r);
            if (before != null) {
                throw new InvalidValueException("region rule name", "unique in a rule set", "'" + r.name() + "' twice");
            }
        }
        return new RegionRuleSet(rules);
    }

    /**
     * Reads rules in the text form described on this class.
     *
     * @param reader the text; read to the end, not closed
     * @return the set
     * @throws InvalidValueException naming the line and column that could not be read, or the two
     *     lines that give the same name (names are compared ignoring case)
     */
    public static RegionRuleSet parse(Reader reader) {
        Objects.requireNonNull(reader, "reader");
        List<RegionRule> rules = new ArrayList<>();
        // Lower-case name -> line, so that a repeated name is refused with both lines.
        Map<String, Integer> nameLines = new HashMap<>();
        DataLines.read(reader, "region rules", (lineNo, t, line) -> {
            RegionRule rule = parseLine(t, lineNo);
            Integer before = nameLines.putIfAbsent(rule.name().toLowerCase(Locale.ROOT), lineNo);
            if (before != null) {
                throw new InvalidValueException("region rule on line " + lineNo + ", column 'name'",
                        "unique in a rule set", "'" + rule.name() + "', already on line " + before);
            }
            rules.add(rule);
        });
        return of(rules);
    }

    private static RegionRule parseLine(String line, int lineNo) {
        String[] cols = line.split("\\|", -1);
        if (cols.length < 4 || cols.length > 5) {
            throw new InvalidValueException("region rule on line " + lineNo,
                    "name | applies to | hours | max calls per 24 h | note", "'" + line + "'");
        }
        String column = "name";
        try {
            String name = cols[0].strip();
            // Checked here, not left to RegionRule, so that the message names this column.
            if (name.isEmpty()) {
                throw new InvalidValueException("region rule name", "not blank", "''");
            }
            column = "applies to";
            List<RegionMatch> matches = new ArrayList<>();
            for (String c : cols[1].split(",")) {
                if (!c.isBlank()) {
                    matches.add(RegionMatch.parse(c));
                }
            }
            if (matches.isEmpty()) {
                throw new InvalidValueException("region rule conditions", "at least one condition", "none");
            }
            column = "hours";
            String h = cols[2].strip();
            WeeklySchedule hours = h.equals("-") || h.isEmpty() ? WeeklySchedule.always() : WeeklySchedule.parse(h);
            column = "max calls per 24 h";
            String cap = cols[3].strip();
            int max = cap.equals("-") || cap.isEmpty() ? 0 : Integer.parseInt(cap);
            String note = cols.length == 5 ? cols[4].strip() : "";
            return new RegionRule(name, matches, hours, max, note);
        } catch (InvalidValueException | NumberFormatException e) {
            throw new InvalidValueException("region rule on line " + lineNo + ", column '" + column + "'",
                    e instanceof InvalidValueException ive ? ive.rule() : "a whole number or -",
                    e instanceof InvalidValueException ive2 ? ive2.value() : "'" + cols[3].strip() + "'");
        }
    }

    /**
     * Example rules for US states with stricter hours or call caps than the federal rule. They are
     * example data to start from, gathered from public summaries of state law; check them with
     * counsel before relying on them, and edit them as data.
     *
     * @return the example rules, which apply by the record field {@code state} (two-letter code)
     */
    public static RegionRuleSet usStateExamples() {
        return DataLines.resource(RegionRuleSet.class, "us-state-rules.txt", RegionRuleSet::parse);
    }

    /** @return the rules, in the order given */
    public List<RegionRule> rules() {
        return rules;
    }

    /** @return whether the set has no rule */
    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * Finds the rules that apply to a record called on a number.
     *
     * @param fields the record's fields as text, keyed by lower-case field name
     * @param number the number to be called
     * @return the rules that apply, each once, in no particular order; unmodifiable
     */
    public List<RegionRule> matching(Map<String, String> fields, PhoneNumber number) {
        if (rules.isEmpty()) {
            return List.of();
        }
        List<RegionRule> out = null;
        for (int i = 0; i < fieldNames.length; i++) {
            String v = fields.get(fieldNames[i]);
            if (v != null) {
                // Values usually arrive already in the index's form ("FL"); only fold when they are not.
                List<RegionRule> hit = fieldIndexes[i].get(v);
                if (hit == null && !isIndexForm(v)) {
                    hit = fieldIndexes[i].get(v.strip().toUpperCase(Locale.ROOT));
                }
                if (hit != null) {
                    out = merge(out, hit);
                }
            }
        }
        if (prefixLengths != 0) {
            long digits = number.digits();
            int len = number.e164().length() - 1;
            long d = digits;
            for (int n = len; n >= 1; n--) {
                if ((prefixLengths & (1 << n)) != 0) {
                    List<RegionRule> hit = byPrefix.get(prefixKey(d, n));
                    if (hit != null) {
                        out = merge(out, hit);
                    }
                }
                d /= 10;
            }
        }
        return out == null ? List.of() : out;
    }

    /** Whether folding would leave the value as it is: no surrounding space, no lower-case letter. */
    private static boolean isIndexForm(String v) {
        int n = v.length();
        if (n == 0 || Character.isWhitespace(v.charAt(0)) || Character.isWhitespace(v.charAt(n - 1))) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (c >= 0x80 || (c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    private static List<RegionRule> merge(List<RegionRule> out, List<RegionRule> hit) {
        if (out == null) {
            return hit;
        }
        List<RegionRule> m = new ArrayList<>(out);
        for (RegionRule r : hit) {
            add(m, r);
        }
        return Collections.unmodifiableList(m);
    }
}
