package dev.outbound.csv.read;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the encoding and the separator of a file from its first bytes.
 *
 * <p>Encoding: a byte order mark decides (UTF-8, UTF-16BE, UTF-16LE); without one, the sample is
 * decoded as strict UTF-8 and, when valid, the file is UTF-8, else ISO-8859-1 (which maps every
 * byte to a character, so nothing is lost; Windows-1252 files read this way get C1 controls for
 * their curly quotes and euro signs). A sample that stops inside a multi-byte character is still
 * valid: only a sample that is the whole file must end on a character boundary.
 *
 * <p>Separator: the header is the first record that is not blank (whitespace only), read with
 * quotes honoured. The candidate of {@link ReadOptions#SEPARATORS} that appears most often
 * outside quotes in it wins; a tie goes to the one listed first. A space counts only when no
 * other candidate appears, since column names are often several words ({@code First Name});
 * spaces before the first and after the last word are not counted. A header with no candidate is
 * one column, read with {@code ','}.
 */
final class Detection {
    /** How many bytes are looked at. */
    static final int SAMPLE = 64 * 1024;

    /**
     * The encoding chosen.
     *
     * @param charset the encoding to decode with
     * @param how how it was chosen
     * @param skip how many bytes of byte order mark to skip before decoding
     * @param bom whether there was a byte order mark
     */
    record CharsetChoice(Charset charset, String how, int skip, boolean bom) {
    }

    /**
     * The separator chosen.
     *
     * @param separator the separator
     * @param how how it was chosen
     */
    record SeparatorChoice(char separator, String how) {
    }

    private Detection() {
    }

    /**
     * @param sample the first bytes of the file
     * @param length how many of them there are
     * @param whole whether they are the whole file
     * @param given the encoding the caller gave, if any
     * @return the encoding
     */
    static CharsetChoice charset(byte[] sample, int length, boolean whole, Optional<Charset> given) {
        Bom bom = Bom.of(sample, length);
        if (given.isPresent()) {
            Charset cs = given.get();
            String name = cs.name();
            if (bom == Bom.UTF_8 && name.equals("UTF-8")
                    || bom == Bom.UTF_16BE && name.equals("UTF-16BE")
                    || bom == Bom.UTF_16LE && name.equals("UTF-16LE")) {
                return new CharsetChoice(cs, "given", bom.length, true);
            }
            if ((bom == Bom.UTF_16BE || bom == Bom.UTF_16LE) && name.equals("UTF-16")) {
                // Java's UTF-16 decoder reads the mark itself and takes its byte order from it.
                return new CharsetChoice(cs, "given", 0, true);
            }
            return new CharsetChoice(cs, "given", 0, false);
        }
        if (bom != Bom.NONE) {
            return new CharsetChoice(bom.charset, "byte order mark", bom.length, true);
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(sample, 0, length);
        CharBuffer out = CharBuffer.allocate(length + 1);
        CoderResult result = strict.decode(in, out, whole);
        if (!result.isError() && whole) {
            result = strict.flush(out);
        }
        if (result.isError()) {
            return new CharsetChoice(StandardCharsets.ISO_8859_1, "not UTF-8: ISO-8859-1 (byte "
                    + String.format("0x%02X", sample[in.position()] & 0xFF) + " at offset " + in.position()
                    + " is not valid UTF-8)", 0, false);
        }
        return new CharsetChoice(StandardCharsets.UTF_8, "valid UTF-8", 0, false);
    }

    /**
     * @param text the decoded start of the file, after any byte order mark
     * @return the separator
     */
    static SeparatorChoice separator(String text) {
        String candidates = ReadOptions.SEPARATORS;
        int space = candidates.indexOf(' ');
        int n = text.length();
        int i = 0;
        long line = 1;
        while (i < n) {
            long headerLine = line;
            int[] counts = new int[candidates.length()];
            boolean quoted = false;
            // A quote opens a quoted section at a cell's start (the record's start, or after any
            // candidate separator) or right after a closing quote; elsewhere it is data, as in
            // FastCSV (a height written 5'10" is one cell).
            boolean quoteOpens = true;
            boolean content = false;
            int pendingSpaces = 0;
            boolean ended = false;
            while (i < n && !ended) {
                char c = text.charAt(i++);
                if (quoted) {
                    if (c == '"') {
                        quoted = false;
                        quoteOpens = true;
                    } else if (c == '\r' || c == '\n') {
                        if (c == '\r' && i < n && text.charAt(i) == '\n') {
                            i++;
                        }
                        line++;
                    }
                    continue;
                }
                if (c == '\r' || c == '\n') {
                    if (c == '\r' && i < n && text.charAt(i) == '\n') {
                        i++;
                    }
                    line++;
                    ended = true;
                    continue;
                }
                int k = candidates.indexOf(c);
                if (k == space) {
                    pendingSpaces++;
                    quoteOpens = true;
                    continue;
                }
                if (k >= 0) {
                    counts[k]++;
                    quoteOpens = true;
                } else if (c == '"' && quoteOpens) {
                    quoted = true;
                } else {
                    quoteOpens = false;
                }
                if (!RowScanner.isWhitespace(c)) {
                    if (content) {
                        counts[space] += pendingSpaces;
                    }
                    content = true;
                }
                pendingSpaces = 0;
            }
            if (content) {
                return choose(counts, headerLine);
            }
        }
        return new SeparatorChoice(',', "no header in the file: ','");
    }

    private static SeparatorChoice choose(int[] counts, long line) {
        String candidates = ReadOptions.SEPARATORS;
        int space = candidates.indexOf(' ');
        int best = -1;
        for (int k = 0; k < counts.length; k++) {
            if (k != space && counts[k] > 0 && (best < 0 || counts[k] > counts[best])) {
                best = k;
            }
        }
        if (best < 0 && counts[space] > 0) {
            best = space;
        }
        if (best < 0) {
            return new SeparatorChoice(',', "no separator in the header on line " + line + ": one column");
        }
        List<String> seen = new ArrayList<>();
        seen.add(name(candidates.charAt(best)) + " " + times(counts[best]));
        for (int k = 0; k < counts.length; k++) {
            if (k != best && counts[k] > 0) {
                seen.add(name(candidates.charAt(k)) + " " + times(counts[k]));
            }
        }
        String how = "detected from the header on line " + line + ": " + String.join(", ", seen);
        if (best != space && counts[space] > 0) {
            how += " (spaces count only when no other separator appears)";
        }
        return new SeparatorChoice(candidates.charAt(best), how);
    }

    /**
     * @param c a separator
     * @return it in words: {@code ','}, {@code tab}, {@code space}
     */
    static String name(char c) {
        if (c == '\t') {
            return "tab";
        }
        if (c == ' ') {
            return "space";
        }
        return "'" + c + "'";
    }

    private static String times(int n) {
        return n == 1 ? "once" : n + " times";
    }

    /** The byte order marks recognised. */
    enum Bom {
        NONE(null, 0),
        UTF_8(StandardCharsets.UTF_8, 3),
        UTF_16BE(StandardCharsets.UTF_16BE, 2),
        UTF_16LE(StandardCharsets.UTF_16LE, 2);

        final Charset charset;
        final int length;

        Bom(Charset charset, int length) {
            this.charset = charset;
            this.length = length;
        }

        static Bom of(byte[] b, int n) {
            if (n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
                return UTF_8;
            }
            if (n >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
                return UTF_16BE;
            }
            if (n >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
                return UTF_16LE;
            }
            return NONE;
        }
    }
}
