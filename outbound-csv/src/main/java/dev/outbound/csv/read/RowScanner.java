package dev.outbound.csv.read;

import java.util.ArrayDeque;
import java.util.Optional;

/**
 * Follows the decoded text exactly as FastCSV's strict parser splits it into records, and notes
 * for each record what FastCSV does not tell: the physical line it starts on, whether it is blank
 * (nothing but whitespace), and what is wrong with its syntax or its bytes.
 *
 * <p>FastCSV hands out the cells but not the raw text, and with the lenient settings
 * {@link CsvSource} uses it accepts text after a closing quote and a quote left open at the end
 * of the file without a word. This scanner sees the same characters first (the decoding reader
 * feeds it before FastCSV gets them) and keeps one {@link Scanned} per record, in order, for
 * {@link CsvSource} to pair with FastCSV's records. Both split records at the same places: a
 * separator, CR or LF outside quotes; a LF straight after a record-ending CR belongs to that CR; a
 * quote opens a quoted section at the start of a cell or after a closing quote, and is plain data
 * inside an unquoted cell. The queue holds only the records FastCSV has not yet taken, so it is
 * bounded by FastCSV's read-ahead buffer.
 *
 * <p>Line numbers: CR LF, a lone LF and a lone CR each end one physical line, inside quotes too.
 */
final class RowScanner {
    /**
     * What the scanner saw of one record.
     *
     * @param line the physical line the record starts on, from 1
     * @param blank whether the record holds nothing but whitespace (or nothing at all)
     * @param problem what is wrong with its syntax or bytes, if anything
     */
    record Scanned(long line, boolean blank, Optional<String> problem) {
    }

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int CLOSED = 3;

    private final char separator;
    private final String charsetName;
    private final ArrayDeque<Scanned> scanned = new ArrayDeque<>();

    private long line = 1;
    private boolean swallowLf;
    private boolean ended;

    // The record being scanned.
    private boolean started;
    private long startLine;
    private boolean blank = true;
    private int column;
    private int state = FIELD_START;
    private boolean crInQuotes;
    private long quoteLine;
    private String syntaxProblem;
    private int badSequences;
    private String firstBad;

    RowScanner(char separator, String charsetName) {
        this.separator = separator;
        this.charsetName = charsetName;
    }

    /**
     * Takes the next character of the text.
     *
     * @param c the character
     */
    void accept(char c) {
        if (swallowLf) {
            swallowLf = false;
            if (c == '\n') {
                return;
            }
        }
        if (!started) {
            started = true;
            startLine = line;
        }
        if (state == QUOTED) {
            if (c == '"') {
                state = CLOSED;
                crInQuotes = false;
            } else if (c == '\r') {
                line++;
                crInQuotes = true;
            } else if (c == '\n') {
                if (!crInQuotes) {
                    line++;
                }
                crInQuotes = false;
            } else {
                crInQuotes = false;
            }
            return;
        }
        // FastCSV tests the separator first, then the line breaks, then the quote.
        if (c == separator) {
            column++;
            state = FIELD_START;
            blank &= isWhitespace(c);
        } else if (c == '\r') {
            endRecord();
            line++;
            swallowLf = true;
        } else if (c == '\n') {
            endRecord();
            line++;
        } else if (c == '"') {
            blank = false;
            if (state != UNQUOTED) {
                // At a cell's start a quote opens it; after a closing quote it reopens the
                // quoted section (so "" inside quotes is one quote).
                state = QUOTED;
                quoteLine = line;
            }
        } else {
            blank &= isWhitespace(c);
            if (state == CLOSED) {
                if (syntaxProblem == null) {
                    syntaxProblem = "column " + (column + 1) + ": text after the closing quote (starting with '"
                            + printable(c) + "' on line " + line + "); a quoted cell must end at a separator or a line"
                            + " break, so the cell was read with that text appended";
                }
            } else {
                state = UNQUOTED;
            }
        }
    }

    /**
     * Notes bytes that are not valid in the file's encoding; the decoder puts one U+FFFD in their
     * place, which comes next.
     *
     * @param offset the byte offset in the file of the first such byte
     * @param bytes the bytes, as hex
     */
    void badBytes(long offset, String bytes) {
        if (badSequences++ == 0) {
            firstBad = bytes + " at byte offset " + offset;
        }
    }

    /** Ends the text: the record in progress, if any, is complete (a quote still open is noted). */
    void end() {
        if (ended) {
            return;
        }
        ended = true;
        if (started) {
            if (state == QUOTED && syntaxProblem == null) {
                syntaxProblem = "column " + (column + 1) + ": the quote opened on line " + quoteLine
                        + " is never closed, so the cell runs to the end of the file";
            }
            endRecord();
        }
    }

    /** @return the oldest record not yet taken, or null when the scanner has not completed one */
    Scanned poll() {
        return scanned.poll();
    }

    private void endRecord() {
        String problem = syntaxProblem;
        if (badSequences > 0) {
            String bad = badSequences == 1
                    ? "a byte sequence not valid in " + charsetName + " (" + firstBad + ") was read as U+FFFD"
                    : badSequences + " byte sequences not valid in " + charsetName + " (the first: " + firstBad
                            + ") were read as U+FFFD";
            problem = problem == null ? bad : problem + "; " + bad;
        }
        scanned.add(new Scanned(startLine, blank && problem == null, Optional.ofNullable(problem)));
        started = false;
        blank = true;
        column = 0;
        state = FIELD_START;
        crInQuotes = false;
        syntaxProblem = null;
        badSequences = 0;
        firstBad = null;
    }

    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static String printable(char c) {
        return c < ' ' || Character.isISOControl(c) ? String.format("\\u%04X", (int) c) : String.valueOf(c);
    }
}
