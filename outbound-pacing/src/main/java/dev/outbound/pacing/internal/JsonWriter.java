package dev.outbound.pacing.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes plain Java values as JSON (RFC 8259): a {@code Map} with {@code String} keys is an
 * object whose members keep the map's order, a {@code List} an array, a {@code String} a string,
 * a {@code Number} (finite) a number, a {@code Boolean} a boolean and {@link #NULL} JSON's
 * {@code null}. Objects are written one member a line, indented by two spaces; arrays of plain
 * values on one line. The same value always gives the same text.
 */
public final class JsonWriter {
    /** JSON's {@code null}; the writer takes no Java nulls. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private JsonWriter() {
    }

    /**
     * Writes a value.
     *
     * @param value a value of one of the types in the class description
     * @return the JSON text, without a final line break
     * @throws IllegalArgumentException when the value, or a value inside it, has another type or
     *     is a number that is not finite
     */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(Objects.requireNonNull(value, "value"), out, 0);
        return out.toString();
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
            return list.stream().allMatch(JsonWriter::isWritable);
        }
        if (value instanceof Double || value instanceof Float) {
            return Double.isFinite(((Number) value).doubleValue());
        }
        return value == NULL || value instanceof String || value instanceof Boolean || value instanceof BigDecimal
                || value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte;
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
            throw new IllegalArgumentException("a JSON value (Map, List, String, Number, Boolean or NULL), found "
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
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
