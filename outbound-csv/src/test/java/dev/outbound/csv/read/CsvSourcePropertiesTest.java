package dev.outbound.csv.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of reading. The generated inputs come from a seed that QuickTheories draws (a failure
 * reports the seed), built with {@link Random} because a table with its way of writing is easier to
 * build in one piece than to compose from generators.
 */
class CsvSourcePropertiesTest {
    private static final String SEPARATORS = ReadOptions.SEPARATORS;
    /** Cell characters: the awkward ones often, so that most tables have several. */
    private static final String CELL_CHARS = "ab1 ,;:\t\"\r\n\u00e9\u00fc\u00df\u20ac\u65e5'=";
    private static final String LATIN1_CELL_CHARS = "ab1 ,;:\t\"\r\n\u00e9\u00fc\u00df'=";

    /** How a table was written. */
    private record Written(byte[] bytes, ReadOptions options, List<String> header, List<List<String>> rows,
            List<Long> lines, String description) {
    }

    // ------------------------------------------------------------------ round trip

    @Test
    void roundTrip_anyTableAnySeparatorEncodingLineEndAndQuoting_readsBackTheSameCells() {
        qt().withExamples(400).forAll(longs().all()).checkAssert(seed -> {
            Written w = write(new Random(seed));
            try (CsvSource source = Sources.open(w.bytes(), w.options())) {
                assertThat(source.header()).as(w.description()).isEqualTo(w.header());
                List<SourceRow> rows = Sources.rows(source);
                assertThat(Sources.cells(rows)).as(w.description()).isEqualTo(w.rows());
                assertThat(rows).extracting(SourceRow::line).as(w.description()).isEqualTo(w.lines());
                for (int i = 0; i < rows.size(); i++) {
                    assertThat(rows.get(i).row()).isEqualTo(i + 1);
                    assertThat(rows.get(i).malformed()).as(w.description()).isEmpty();
                }
                assertThat(source.bytesRead()).isEqualTo(w.bytes().length);
            }
        });
    }

    private static Written write(Random rnd) {
        int columns = 1 + rnd.nextInt(5);
        boolean detectSeparator = rnd.nextBoolean();
        char sep = SEPARATORS.charAt(rnd.nextInt(SEPARATORS.length()));
        if (detectSeparator && columns == 1) {
            // A one-column header names no separator: detection reads it with ','.
            sep = ',';
        }
        int encoding = rnd.nextInt(5); // UTF-8, UTF-8 + BOM, UTF-16LE + BOM, UTF-16BE + BOM, ISO-8859-1
        boolean latin1 = encoding == 4;
        boolean giveCharset = rnd.nextInt(4) == 0;
        String eol = rnd.nextBoolean() ? "\n" : "\r\n";
        boolean finalEol = rnd.nextBoolean();

        List<String> header = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            header.add("col" + c + (rnd.nextBoolean() ? "_" + (char) ('a' + rnd.nextInt(26)) : ""));
        }
        List<List<String>> rows = new ArrayList<>();
        int rowCount = rnd.nextInt(12);
        String alphabet = latin1 ? LATIN1_CELL_CHARS : CELL_CHARS;
        for (int r = 0; r < rowCount; r++) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                int len = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(8);
                StringBuilder cell = new StringBuilder();
                for (int i = 0; i < len; i++) {
                    cell.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
                }
                if (!latin1 && rnd.nextInt(10) == 0) {
                    cell.append("\uD83D\uDE04"); // a character outside the BMP
                }
                row.add(cell.toString());
            }
            rows.add(row);
        }

        StringBuilder text = new StringBuilder();
        List<Long> lines = new ArrayList<>();
        text.append(String.join(String.valueOf(sep), header)).append(eol);
        long line = 2;
        for (int r = 0; r < rows.size(); r++) {
            lines.add(line);
            List<String> row = rows.get(r);
            boolean blank = columns == 1 || RowScanner.isWhitespace(sep);
            for (String cell : row) {
                blank &= cell.chars().allMatch(ch -> RowScanner.isWhitespace((char) ch));
            }
            StringBuilder rowText = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                if (c > 0) {
                    rowText.append(sep);
                }
                String cell = row.get(c);
                boolean must = cell.indexOf(sep) >= 0 || cell.indexOf('\r') >= 0 || cell.indexOf('\n') >= 0
                        || cell.startsWith("\"") || (c == 0 && blank);
                boolean mayStayBare = !must && cell.indexOf('"') > 0 && rnd.nextBoolean();
                boolean quote = must || (cell.indexOf('"') >= 0 && !mayStayBare) || rnd.nextInt(5) == 0;
                rowText.append(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
            }
            if (r < rows.size() - 1 || finalEol) {
                rowText.append(eol);
            }
            line += lineBreaks(rowText);
            text.append(rowText);
        }

        Charset charset;
        byte[] bom;
        switch (encoding) {
            case 1:
                charset = StandardCharsets.UTF_8;
                bom = new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
                break;
            case 2:
                charset = StandardCharsets.UTF_16LE;
                bom = new byte[] {(byte) 0xFF, (byte) 0xFE};
                break;
            case 3:
                charset = StandardCharsets.UTF_16BE;
                bom = new byte[] {(byte) 0xFE, (byte) 0xFF};
                break;
            case 4:
                charset = StandardCharsets.ISO_8859_1;
                bom = new byte[0];
                break;
            default:
                charset = StandardCharsets.UTF_8;
                bom = new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bom);
        out.writeBytes(text.toString().getBytes(charset));
        ReadOptions options = ReadOptions.detect();
        if (!detectSeparator) {
            options = options.withSeparator(sep);
        }
        if (giveCharset) {
            options = options.withCharset(charset);
        }
        String description = "separator " + Detection.name(sep) + (detectSeparator ? " detected" : " given") + ", "
                + charset + (bom.length > 0 ? " with BOM" : "") + (giveCharset ? " given" : " detected") + ", "
                + (eol.length() == 2 ? "CRLF" : "LF") + ", text: " + text.toString().replace("\r", "\\r")
                .replace("\n", "\\n").replace("\t", "\\t");
        return new Written(out.toByteArray(), options, header, rows, lines, description);
    }

    /** CR LF, a lone CR and a lone LF are each one line break. */
    private static long lineBreaks(CharSequence s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                n++;
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
            }
        }
        return n;
    }

    // ------------------------------------------------------------------ arbitrary bytes

    /** Bytes that make CSV trouble, most of the time; any byte otherwise. */
    private static final byte[] NASTY = {',', ';', ':', '\t', ' ', '"', '"', '\r', '\n', '\n', 'a', 'b', '1',
        (byte) 0xC3, (byte) 0xA9, (byte) 0xE2, (byte) 0x82, (byte) 0xAC, (byte) 0xFF, (byte) 0xFE, (byte) 0xEF,
        (byte) 0xBB, (byte) 0xBF, 0};

    @Test
    void anyBytes_neverThrow_andEveryRecordFastCsvSeesIsReturnedOrCountedBlank() {
        qt().withExamples(600).forAll(longs().all()).checkAssert(seed -> {
            Random rnd = new Random(seed);
            byte[] bytes = new byte[rnd.nextInt(400)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = rnd.nextInt(4) == 0 ? (byte) rnd.nextInt(256) : NASTY[rnd.nextInt(NASTY.length)];
            }
            if (rnd.nextInt(5) == 0 && bytes.length >= 2) {
                bytes[0] = (byte) 0xFF;
                bytes[1] = (byte) 0xFE;
            }
            ReadOptions options = rnd.nextInt(4) == 0
                    ? ReadOptions.detect().withSeparator(SEPARATORS.charAt(rnd.nextInt(SEPARATORS.length())))
                    : ReadOptions.detect();
            assertAccountedFor(bytes, options);
        });
    }

    /**
     * Reads the bytes and checks them against FastCSV reading the same text on its own: the header
     * plus the rows returned plus the blank rows skipped are its records, with the same cells and
     * starting lines, and the rows are numbered 1, 2, 3, ...
     */
    private static void assertAccountedFor(byte[] bytes, ReadOptions options) {
        String hex = hex(bytes);
        try (CsvSource source = Sources.open(bytes, options)) {
            Detected d = source.detected();
            List<SourceRow> rows = Sources.rows(source);
            int skip = d.bom() && !d.charset().name().equals("UTF-16")
                    ? (d.charset().equals(StandardCharsets.UTF_8) ? 3 : 2) : 0;
            String text = decode(bytes, skip, d.charset());
            // A blank record is one physical line of whitespace: with no quote on it, it cannot
            // run on to another line.
            String[] physical = text.split("\r\n|\r|\n", -1);
            List<CsvRecord> nonBlank = new ArrayList<>();
            long blank = 0;
            for (CsvRecord r : fastCsv(text, d.separator())) {
                String first = physical[(int) r.getStartingLineNumber() - 1];
                if (first.chars().allMatch(ch -> RowScanner.isWhitespace((char) ch))) {
                    blank++;
                } else {
                    nonBlank.add(r);
                }
            }
            assertThat(source.blankRows()).as(hex).isEqualTo(blank);
            assertThat(nonBlank.size()).as(hex).isEqualTo(rows.size() + (source.header().isEmpty() ? 0 : 1));
            for (int i = 0; i < rows.size(); i++) {
                CsvRecord expected = nonBlank.get(i + 1);
                SourceRow row = rows.get(i);
                assertThat(row.row()).isEqualTo(i + 1);
                assertThat(row.cells()).as(hex).isEqualTo(expected.getFields().isEmpty() ? List.of("")
                        : expected.getFields());
                assertThat(row.line()).as(hex).isEqualTo(expected.getStartingLineNumber());
            }
            assertThat(source.bytesRead()).as(hex).isEqualTo(bytes.length);
        }
    }

    private static String decode(byte[] bytes, int skip, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("REPLACE never reports", e);
        }
    }

    private static List<CsvRecord> fastCsv(String text, char separator) {
        @SuppressWarnings("removal")
        CsvReader.CsvReaderBuilder builder = CsvReader.builder().fieldSeparator(separator).skipEmptyLines(false)
                .allowUnclosedQuote(true).allowExtraCharsAfterClosingQuote(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE).missingFieldStrategy(FieldMismatchStrategy.IGNORE);
        List<CsvRecord> records = new ArrayList<>();
        builder.ofCsvRecord(text).forEach(records::add);
        return records;
    }

    private static String hex(byte[] bytes) {
        StringBuilder b = new StringBuilder("bytes:");
        for (byte x : bytes) {
            b.append(String.format(" %02X", x & 0xFF));
        }
        return b.toString();
    }

    @Test
    void anyBytes_examples_worthKeeping() {
        // A lone quote, a BOM then nothing, NUL bytes, a CR at the very end.
        for (String s : List.of("\"", "\u00ef\u00bb\u00bf", "a\u0000b\n\u0000", "h\r", "h\n\"", "h\n,\n\"\"\n")) {
            assertAccountedFor(s.getBytes(StandardCharsets.ISO_8859_1), ReadOptions.detect());
        }
        try (CsvSource source = Sources.open("h\n\"\"\n".getBytes(StandardCharsets.UTF_8), ReadOptions.detect())) {
            assertThat(source.next()).map(SourceRow::cells).isEqualTo(Optional.of(List.of("")));
        }
    }
}
