package dev.outbound.csv.imports;

import java.util.Optional;

/**
 * Just enough JSON for {@code summary.json}: objects, arrays, strings, numbers, booleans and null,
 * one member per line. Strings are escaped as RFC 8259 requires (quote, backslash and every
 * control character), and U+2028/U+2029 too, so that the text is also safe inside JavaScript.
 * Not thread-safe; the caller keeps the nesting right.
 */
final class JsonWriter {
    private final StringBuilder out = new StringBuilder(512);
    /** Whether the current container has had a member, per nesting level (up to 32 levels). */
    private final boolean[] hasMember = new boolean[32];
    private int depth;
    /** Set after {@link #name}: the value follows on the same line without a comma. */
    private boolean afterName;

    JsonWriter beginObject() {
        open('{');
        return this;
    }

    JsonWriter endObject() {
        close('}');
        return this;
    }

    JsonWriter beginArray() {
        open('[');
        return this;
    }

    JsonWriter endArray() {
        close(']');
        return this;
    }

    JsonWriter name(String name) {
        separate();
        string(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    JsonWriter value(String s) {
        separate();
        string(s);
        return this;
    }

    JsonWriter value(Optional<String> s) {
        return s.isPresent() ? value(s.get()) : nullValue();
    }

    JsonWriter value(long n) {
        separate();
        out.append(n);
        return this;
    }

    JsonWriter value(boolean b) {
        separate();
        out.append(b);
        return this;
    }

    JsonWriter nullValue() {
        separate();
        out.append("null");
        return this;
    }

    private void open(char c) {
        separate();
        out.append(c);
        depth++;
        hasMember[depth] = false;
    }

    private void close(char c) {
        boolean any = hasMember[depth];
        depth--;
        if (any) {
            newline();
        }
        out.append(c);
    }

    /** Before a member or value: a comma and a new line, unless it is the value of a name. */
    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth > 0) {
            if (hasMember[depth]) {
                out.append(',');
            }
            hasMember[depth] = true;
            newline();
        }
    }

    private void newline() {
        out.append('\n');
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                case '\b':
                    out.append("\\b");
                    break;
                case '\f':
                    out.append("\\f");
                    break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || loneSurrogate(s, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
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

    @Override
    public String toString() {
        return out.toString();
    }
}
