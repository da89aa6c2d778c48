package dev.outbound.core.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A small, strict JSON reader and writer (RFC 8259) for Outbound's own files (mapping templates,
 * import summaries, run reports), so that no module needs a JSON library. Exported only to the
 * modules that write those files; not API. Values are plain Java objects: an object is
 * a {@code Map<String, Object>} keeping the order of its members, an array a {@code List<Object>},
 * a string a {@link String}, a number a {@link BigDecimal} (read exactly), {@code true} and
 * {@code false} {@link Boolean}s, and {@code null} the {@link #NULL} marker. Read values are
 * unmodifiable.
 *
 * <p>Strict means: no comments, no trailing commas, no single quotes, no leading zeros, no
 * control characters inside strings, no repeated keys in an object, and nothing but white space
 * after the value. A refusal is a {@link JsonException} naming the offset and what was expected.
 */
public final class Json {
    /** JSON's {@code null}; the API has no Java nulls. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** Deeper nesting is refused, so that hostile input cannot exhaust the stack. */
    static final int MAX_DEPTH = 64;

    private Json() {
    }

    /**
     * Reads one JSON value.
     *
     * @param text the JSON text
     * @return the value (see the class description for the Java types)
     * @throws JsonException when the text is not exactly one JSON value
     */
    public static Object parse(String text) {
        Objects.requireNonNull(text, "text");
        Reader reader = new Reader(text);
        reader.skipSpace();
        Object value = reader.value(0);
        reader.skipSpace();
        if (reader.pos < text.length()) {
            throw reader.error("the end of the input after the value");
        }
        return value;
    }

    /**
     * Writes a value as JSON, objects one member a line and indented by two spaces, arrays of
     * strings, numbers, booleans and nulls on one line.
     *
     * @param value a {@code Map} with {@code String} keys, a {@code List}, a {@code String}, a
     *     {@code Number} (finite), a {@code Boolean} or {@link #NULL}
     * @return the JSON text, without a final line break
     * @throws IllegalArgumentException when the value, or a value inside it, has another type
     */
    public static String write(Object value) {
        Objects.requireNonNull(value, "value");
        StringBuilder out = new StringBuilder();
        write(value, out, 0);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out, int indent) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("JSON object keys must be strings, found " + e.getKey());
                }
                indent(out, indent + 1);
                string(key, out);
                out.append(": ");
                write(Objects.requireNonNull(e.getValue(), "value of " + key), out, indent + 1);
                out.append(++i < map.size() ? ",\n" : "\n");
            }
            indent(out, indent);
            out.append('}');
        } else if (value instanceof List<?> list) {
            boolean flat = list.stream().noneMatch(v -> v instanceof Map || v instanceof List);
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (!flat) {
                    out.append('\n');
                    indent(out, indent + 1);
                }
                write(Objects.requireNonNull(list.get(i), "array element"), out, indent + 1);
                if (i + 1 < list.size()) {
                    out.append(flat ? ", " : ",");
                }
            }
            if (!flat && !list.isEmpty()) {
                out.append('\n');
                indent(out, indent);
            }
            out.append(']');
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value == NULL) {
            out.append("null");
        } else if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            out.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("JSON numbers must be finite, found " + d);
            }
            out.append(value);
        } else {
            throw new IllegalArgumentException("a JSON value (Map, List, String, Number, Boolean or Json.NULL), found "
                    + value.getClass().getName());
        }
    }

    private static void indent(StringBuilder out, int level) {
        for (int i = 0; i < level; i++) {
            out.append("  ");
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    // Control characters as RFC 8259 requires; U+2028 and U+2029 too, so that the text
                    // is also safe inside JavaScript; and a lone surrogate, which UTF-8 cannot encode.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || loneSurrogate(s, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A surrogate that is not half of a pair cannot be encoded as UTF-8; escaped, it survives. */
    private static boolean loneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }

    /**
     * Checks that a value can be written, without writing it.
     *
     * @param value any object
     * @return whether {@link #write(Object)} accepts it
     */
    public static boolean isWritable(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().allMatch(e -> e.getKey() instanceof String && isWritable(e.getValue()));
        }
        if (value instanceof List<?> list) {
            return list.stream().allMatch(Json::isWritable);
        }
        if (value instanceof Double || value instanceof Float) {
            return Double.isFinite(((Number) value).doubleValue());
        }
        return value == NULL || value instanceof String || value instanceof Boolean || value instanceof BigDecimal
                || value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte;
    }

    /** JSON text that could not be read: where, and what was expected there. */
    public static final class JsonException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        /** Where in the text the problem is, counted in chars from 0. */
        private final int offset;

        JsonException(int offset, String expected, String found) {
            super("JSON at offset " + offset + ": expected " + expected + ", found " + found);
            this.offset = offset;
        }

        /** @return the offset in the text, in chars from 0, where reading stopped */
        public int offset() {
            return offset;
        }
    }

    /** Recursive descent over the text; one instance reads one text. */
    private static final class Reader {
        private final String text;
        private int pos;

        Reader(String text) {
            this.text = text;
        }

        JsonException error(String expected) {
            return new JsonException(pos, expected, found());
        }

        private String found() {
            if (pos >= text.length()) {
                return "the end of the input";
            }
            char c = text.charAt(pos);
            return c < 0x20 ? String.format("control character U+%04X", (int) c) : "'" + c + "'";
        }

        void skipSpace() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                pos++;
            }
        }

        Object value(int depth) {
            if (pos >= text.length()) {
                throw error("a value");
            }
            char c = text.charAt(pos);
            switch (c) {
                case '{':
                    return object(depth + 1);
                case '[':
                    return array(depth + 1);
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", NULL);
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return number();
                    }
                    throw error("a value (object, array, string, number, true, false or null)");
            }
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, pos)) {
                throw error("'" + word + "'");
            }
            pos += word.length();
            return value;
        }

        private Map<String, Object> object(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("at most " + MAX_DEPTH + " levels of nesting");
            }
            pos++; // '{'
            Map<String, Object> members = new LinkedHashMap<>();
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == '}') {
                pos++;
                return Collections.unmodifiableMap(members);
            }
            while (true) {
                skipSpace();
                if (pos >= text.length() || text.charAt(pos) != '"') {
                    throw error("a string key");
                }
                int keyAt = pos;
                String key = string();
                if (members.containsKey(key)) {
                    pos = keyAt;
                    throw error("a key not already in the object, not a second \"" + key + "\"");
                }
                skipSpace();
                expect(':', "':' after the key");
                skipSpace();
                members.put(key, value(depth));
                skipSpace();
                if (pos < text.length() && text.charAt(pos) == ',') {
                    pos++;
                } else if (pos < text.length() && text.charAt(pos) == '}') {
                    pos++;
                    return Collections.unmodifiableMap(members);
                } else {
                    throw error("',' or '}'");
                }
            }
        }

        private List<Object> array(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("at most " + MAX_DEPTH + " levels of nesting");
            }
            pos++; // '['
            List<Object> elements = new ArrayList<>();
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == ']') {
                pos++;
                return Collections.unmodifiableList(elements);
            }
            while (true) {
                skipSpace();
                elements.add(value(depth));
                skipSpace();
                if (pos < text.length() && text.charAt(pos) == ',') {
                    pos++;
                } else if (pos < text.length() && text.charAt(pos) == ']') {
                    pos++;
                    return Collections.unmodifiableList(elements);
                } else {
                    throw error("',' or ']'");
                }
            }
        }

        private void expect(char c, String expected) {
            if (pos >= text.length() || text.charAt(pos) != c) {
                throw error(expected);
            }
            pos++;
        }

        private String string() {
            pos++; // opening quote
            StringBuilder out = null;
            int start = pos;
            while (true) {
                if (pos >= text.length()) {
                    throw error("'\"' to close the string");
                }
                char c = text.charAt(pos);
                if (c == '"') {
                    String s = out == null ? text.substring(start, pos) : out.append(text, start, pos).toString();
                    pos++;
                    return s;
                }
                if (c < 0x20) {
                    throw error("a character of the string (control characters must be escaped)");
                }
                if (c != '\\') {
                    pos++;
                    continue;
                }
                if (out == null) {
                    out = new StringBuilder();
                }
                out.append(text, start, pos);
                pos++;
                if (pos >= text.length()) {
                    throw error("an escape character after '\\'");
                }
                char e = text.charAt(pos);
                switch (e) {
                    case '"' -> out.append('"');
                    case '\\' -> out.append('\\');
                    case '/' -> out.append('/');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        int code = 0;
                        for (int i = 1; i <= 4; i++) {
                            int digit = pos + i < text.length() ? Character.digit(text.charAt(pos + i), 16) : -1;
                            if (digit < 0) {
                                pos += i;
                                throw error("four hexadecimal digits after '\\u'");
                            }
                            code = code * 16 + digit;
                        }
                        out.append((char) code);
                        pos += 4;
                    }
                    default -> throw error("one of \" \\ / b f n r t u after '\\'");
                }
                pos++;
                start = pos;
            }
        }

        private BigDecimal number() {
            int start = pos;
            if (text.charAt(pos) == '-') {
                pos++;
            }
            if (pos < text.length() && text.charAt(pos) == '0') {
                pos++;
                if (pos < text.length() && isDigit(text.charAt(pos))) {
                    throw error("'.', 'e' or the end of the number after a leading 0");
                }
            } else {
                digits("a digit");
            }
            if (pos < text.length() && text.charAt(pos) == '.') {
                pos++;
                digits("a digit after '.'");
            }
            if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
                pos++;
                if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                    pos++;
                }
                digits("a digit in the exponent");
            }
            try {
                return new BigDecimal(text.substring(start, pos));
            } catch (NumberFormatException | ArithmeticException tooLarge) {
                // Only an exponent beyond int range gets here: the syntax has been checked.
                pos = start;
                throw error("a number with an exponent within +-2147483647");
            }
        }

        private void digits(String expected) {
            if (pos >= text.length() || !isDigit(text.charAt(pos))) {
                throw error(expected);
            }
            while (pos < text.length() && isDigit(text.charAt(pos))) {
                pos++;
            }
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }
}
