package dev.outbound.csv.read;

import java.nio.charset.Charset;
import java.util.Objects;

/**
 * The separator and encoding a file was read with, and how each was chosen.
 *
 * @param charset the encoding
 * @param charsetHow how it was chosen ("given", "byte order mark", "valid UTF-8", "not UTF-8: ISO-8859-1")
 * @param bom whether the file began with a byte order mark (not part of the first cell)
 * @param separator the separator
 * @param separatorHow how it was chosen ("given", or what detection saw)
 */
public record Detected(Charset charset, String charsetHow, boolean bom, char separator, String separatorHow) {
    /**
     * Checks the components.
     *
     * @param charset the encoding
     * @param charsetHow how it was chosen
     * @param bom whether there was a byte order mark
     * @param separator the separator
     * @param separatorHow how it was chosen
     */
    public Detected {
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(charsetHow, "charsetHow");
        Objects.requireNonNull(separatorHow, "separatorHow");
    }
}
