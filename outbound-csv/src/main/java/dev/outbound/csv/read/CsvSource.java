package dev.outbound.csv.read;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a CSV file row by row: detects its encoding and separator (unless given), takes the first
 * non-blank row as the header, and hands out the data rows with their row number and the
 * physical line each starts on. Built on FastCSV; memory stays bounded however long the file is.
 *
 * <h2>What is read</h2>
 * <ul>
 * <li>Separators {@code , ; : TAB SPACE}, detected from the header (see {@link Detected#separatorHow()}):
 *     the candidate appearing most often outside quotes, ties to the one first in
 *     {@link ReadOptions#SEPARATORS}; spaces count only when no other candidate appears, because
 *     column names are often several words. A header with none is one column.</li>
 * <li>Encodings: a byte order mark gives UTF-8, UTF-16BE or UTF-16LE; otherwise the first
 *     {@value Detection#SAMPLE} bytes are checked as strict UTF-8: valid means UTF-8, anything else
 *     ISO-8859-1. A given encoding always wins; a byte order mark matching it is skipped.</li>
 * <li>Line breaks LF, CRLF and (old Mac) CR, mixed freely; RFC 4180 quoting: a quoted cell may hold
 *     separators, line breaks and doubled quotes ({@code ""}).</li>
 * <li>Blank rows (nothing but whitespace, or nothing) are skipped and not numbered. A row of empty
 *     cells such as {@code ,,,} is not blank: it is returned, so that no data row is lost.</li>
 * </ul>
 *
 * <h2>Lenient, never throwing for bad input</h2>
 * FastCSV's strict parser is used with comments off, empty lines passed through (they are skipped
 * here, where they can be counted), rows of any length ({@code IGNORE} for missing and extra
 * fields), an unclosed quote at the end of the file allowed, and text after a closing quote
 * allowed. What FastCSV accepts silently, a scanner reading the same characters reports in the
 * row's {@link SourceRow#malformed()}:
 * <ul>
 * <li>text after a closing quote ({@code "ab"c}): the cell reads {@code abc};</li>
 * <li>a quote never closed: the cell runs to the end of the file;</li>
 * <li>bytes not valid in the encoding: each bad sequence reads as U+FFFD (which happens when a
 *     file that looked like UTF-8 in its first {@value Detection#SAMPLE} bytes is not UTF-8 later
 *     on; give the encoding then);</li>
 * <li>a row of more than {@value #MAX_CELLS} cells or {@value #MAX_CHARS} characters: the cells
 *     past the limit are dropped.</li>
 * </ul>
 * A quote inside an unquoted cell ({@code 5'10"}) is data, not a problem. One thing FastCSV cannot
 * read at all: a single cell longer than {@value #MAX_CHARS} characters (in practice a quote left
 * open early in a large file). That row comes back malformed with the cells read before it, saying
 * the file was not read past it, {@link #next()} then returns empty and {@link #stoppedEarly()}
 * says why, so that an import does not take the file as read. The same happens if
 * FastCSV's relaxed parser is forced on with the system property {@code de.siegmar.fastcsv.relaxed}
 * and a closing quote is followed by text.
 *
 * <h2>Numbers</h2>
 * {@link SourceRow#row()} counts data rows from 1 (the header and blank rows are not counted);
 * {@link SourceRow#line()} is the physical line the row starts on, counted from the first line of
 * the file: CRLF, LF and a lone CR each end a line, also inside quoted cells, so a row after a
 * cell holding two line breaks is two lines further on. (FastCSV's own starting line numbers
 * agree; the scanner's are used because it also numbers the rows FastCSV cannot finish.)
 *
 * <p>Not thread-safe: one reader at a time.
 */
public final class CsvSource implements AutoCloseable {
    /** The most cells kept in one row. */
    static final int MAX_CELLS = 16_384;
    /** The most characters in one cell (FastCSV's buffer) and in one row. */
    static final int MAX_CHARS = 4 * 1024 * 1024;

    private final Detected detected;
    private final OptionalLong size;
    private final DecodingReader reader;
    private final RowScanner scanner;
    private final RowHandler handler;
    private final CsvReader<RowHandler.Cells> csv;
    private final CloseableIterator<RowHandler.Cells> records;
    private final List<String> header;
    private final Optional<String> headerProblem;
    private Optional<String> stoppedEarly = Optional.empty();
    private long headerLine;
    private long rows;
    private long blankRows;
    private boolean finished;
    private boolean closed;

    private CsvSource(InputStream in, ReadOptions options, OptionalLong size, int maxChars) throws IOException {
        this.size = size;
        byte[] sample = in.readNBytes(Detection.SAMPLE);
        boolean whole = sample.length < Detection.SAMPLE;
        Detection.CharsetChoice cs = Detection.charset(sample, sample.length, whole, options.charset());
        Detection.SeparatorChoice sep;
        if (options.separator().isPresent()) {
            sep = new Detection.SeparatorChoice(options.separator().get(), "given");
        } else {
            String text = cs.charset().newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(sample, cs.skip(), sample.length - cs.skip())).toString();
            sep = Detection.separator(text);
        }
        this.detected = new Detected(cs.charset(), cs.how(), cs.bom(), sep.separator(), sep.how());
        InputStream rest = new SequenceInputStream(
                new ByteArrayInputStream(sample, cs.skip(), sample.length - cs.skip()), in);
        this.scanner = new RowScanner(sep.separator(), cs.charset().name());
        this.reader = new DecodingReader(rest, cs.charset(), scanner, cs.skip());
        this.handler = new RowHandler(MAX_CELLS, maxChars);
        this.csv = lenientBuilder(sep.separator(), maxChars).build(handler, reader);
        this.records = csv.iterator();
        List<String> first = List.of();
        Optional<String> problem = Optional.empty();
        try {
            Optional<SourceRow> row = fetch();
            if (row.isPresent()) {
                first = row.get().cells().stream().map(String::strip).toList();
                headerLine = row.get().line();
                problem = row.get().malformed();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        this.header = first;
        this.headerProblem = problem.map(p -> "the header row (line " + headerLine + ") is not valid CSV: " + p);
    }

    @SuppressWarnings("removal")
    private static CsvReader.CsvReaderBuilder lenientBuilder(char separator, int maxChars) {
        // allowExtraCharsAfterClosingQuote is deprecated for removal in FastCSV 4.4; without it the
        // strict parser throws mid-record and cannot go on, which would lose the rest of the file.
        return CsvReader.builder()
                .fieldSeparator(separator)
                .quoteCharacter('"')
                .commentStrategy(CommentStrategy.NONE)
                .skipEmptyLines(false)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .allowUnclosedQuote(true)
                .allowExtraCharsAfterClosingQuote(true)
                .detectBomHeader(false)
                .maxBufferSize(maxChars);
    }

    /**
     * Opens a file; its size is known, for progress.
     *
     * @param file the file
     * @param options the separator and encoding, each given or detected
     * @return the source, positioned after the header
     * @throws IOException when the file cannot be opened or read
     */
    public static CsvSource open(Path file, ReadOptions options) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        long size = Files.size(file);
        return open(Files.newInputStream(file), options, OptionalLong.of(size), MAX_CHARS);
    }

    /**
     * Opens a stream of unknown size. The source owns the stream and closes it.
     *
     * @param in the bytes of the file
     * @param options the separator and encoding, each given or detected
     * @return the source, positioned after the header
     * @throws IOException when the stream cannot be read
     */
    public static CsvSource open(InputStream in, ReadOptions options) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(options, "options");
        return open(in, options, OptionalLong.empty(), MAX_CHARS);
    }

    /** Opens with a smaller cell limit, so that tests can reach it. */
    static CsvSource open(InputStream in, ReadOptions options, OptionalLong size, int maxChars) throws IOException {
        try {
            return new CsvSource(in, options, size, maxChars);
        } catch (IOException | RuntimeException | Error e) {
            try {
                in.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** @return the encoding and separator the file is read with, and how each was chosen */
    public Detected detected() {
        return detected;
    }

    /**
     * @return the header: the cells of the first non-blank row, each stripped of surrounding
     *     whitespace (a byte order mark is never part of it); empty when the file has no such row.
     *     When the row is not valid CSV, {@link #headerProblem()} says so.
     */
    public List<String> header() {
        return header;
    }

    /**
     * @return why the file was not read to its end (a row FastCSV could not get past, see the
     *     class description), once that happened; empty while the file reads normally
     */
    public Optional<String> stoppedEarly() {
        return stoppedEarly;
    }

    /**
     * A header row that is not valid CSV (an unterminated quote, which swallows the rest of the
     * file into the header, or text after a closing quote) cannot be trusted to name the columns.
     *
     * @return what is wrong with the header row's syntax, with its line, or empty when nothing is
     */
    public Optional<String> headerProblem() {
        return headerProblem;
    }

    /**
     * Reads the next data row. Blank rows are skipped; a row with a syntax or encoding problem is
     * returned with {@link SourceRow#malformed()} set, never thrown.
     *
     * @return the row, or empty at the end of the file
     * @throws UncheckedIOException when the file cannot be read
     * @throws IllegalStateException when the source is closed
     */
    public Optional<SourceRow> next() {
        if (closed) {
            throw new IllegalStateException("the CSV source is closed: open it again to read rows");
        }
        Optional<SourceRow> row = fetch();
        if (row.isPresent()) {
            rows++;
            SourceRow r = row.get();
            return Optional.of(new SourceRow(rows, r.line(), r.cells(), r.malformed()));
        }
        return row;
    }

    /** The next non-blank record, numbered 0. */
    private Optional<SourceRow> fetch() {
        while (!finished) {
            RowHandler.Cells cells;
            try {
                if (!records.hasNext()) {
                    finished = true;
                    return Optional.empty();
                }
                cells = records.next();
            } catch (CsvParseException e) {
                finished = true;
                RowScanner.Scanned s = scanner.poll();
                long line = s != null ? s.line() : handler.line();
                String message = Optional.ofNullable(e.getCause()).map(Throwable::getMessage)
                        .orElse(e.getMessage());
                stoppedEarly = Optional.of("the file was not read past line " + line + ": a row there could not be read ("
                        + message + ")");
                return Optional.of(new SourceRow(0, line, nonEmpty(handler.partial()),
                        Optional.of("the row could not be read (" + message + "), so the file was not read past"
                                + " line " + line + "; the cells are those read before the problem")));
            }
            RowScanner.Scanned s = scanner.poll();
            if (s == null) {
                // Cannot happen (the scanner sees every character first); FastCSV's line is kept.
                s = new RowScanner.Scanned(cells.line(),
                        cells.values().stream().allMatch(String::isBlank) && cells.problem().isEmpty(),
                        Optional.empty());
            }
            if (s.blank() && cells.problem().isEmpty()) {
                blankRows++;
                continue;
            }
            Optional<String> problem = s.problem();
            if (cells.problem().isPresent()) {
                problem = Optional.of(problem.map(p -> p + "; ").orElse("") + cells.problem().get());
            }
            return Optional.of(new SourceRow(0, s.line(), nonEmpty(cells.values()), problem));
        }
        return Optional.empty();
    }

    private static List<String> nonEmpty(List<String> cells) {
        return cells.isEmpty() ? List.of("") : cells;
    }

    /**
     * @return the bytes of the file consumed so far, for progress. Approximate while reading: the
     *     decoder reads ahead up to {@value DecodingReader#BUFFER} bytes and FastCSV buffers some
     *     characters more (a long cell more still); the detection sample is counted as it is
     *     decoded, not when it is first looked at. At the end of the file it is the file's size.
     */
    public long bytesRead() {
        return reader.bytesRead();
    }

    /** @return the file's size in bytes, when the source was opened from a file */
    public OptionalLong size() {
        return size;
    }

    /** @return the physical line of the header row, or 0 when the file has none */
    long headerLine() {
        return headerLine;
    }

    /** @return how many blank rows were skipped so far (a blank row before the header included) */
    long blankRows() {
        return blankRows;
    }

    /**
     * Closes the file (or the stream it was opened from). Closing twice does nothing.
     *
     * @throws UncheckedIOException when closing fails
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            csv.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the CSV source failed: " + e.getMessage(), e);
        }
    }
}
