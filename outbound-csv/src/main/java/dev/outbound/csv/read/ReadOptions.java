package dev.outbound.csv.read;

import dev.outbound.core.InvalidValueException;
import java.nio.charset.Charset;
import java.util.Objects;
import java.util.Optional;

/**
 * How to read a CSV file: the separator and the encoding, each detected unless given.
 *
 * @param separator the field separator, or empty to detect one of {@code , ; : TAB SPACE} (seed 003)
 * @param charset the encoding, or empty to detect it (a BOM gives UTF-8 or UTF-16; otherwise valid
 *     UTF-8 is UTF-8 and anything else ISO-8859-1)
 */
public record ReadOptions(Optional<Character> separator, Optional<Charset> charset) {
    /** The separators detection chooses among, most likely first. */
    public static final String SEPARATORS = ",;\t: ";

    /**
     * Checks the components.
     *
     * @param separator the separator
     * @param charset the encoding
     */
    public ReadOptions {
        Objects.requireNonNull(separator, "separator");
        Objects.requireNonNull(charset, "charset");
        if (separator.isPresent()) {
            char c = separator.get();
            if (c == '"' || c == '\r' || c == '\n') {
                throw new InvalidValueException("separator", "not a quote or a line break", "'" + c + "'");
            }
        }
    }

    /** @return both detected */
    public static ReadOptions detect() {
        return new ReadOptions(Optional.empty(), Optional.empty());
    }

    /**
     * @param c the separator
     * @return these options with that separator
     */
    public ReadOptions withSeparator(char c) {
        return new ReadOptions(Optional.of(c), charset);
    }

    /**
     * @param cs the encoding
     * @return these options with that encoding
     */
    public ReadOptions withCharset(Charset cs) {
        return new ReadOptions(separator, Optional.of(cs));
    }
}
