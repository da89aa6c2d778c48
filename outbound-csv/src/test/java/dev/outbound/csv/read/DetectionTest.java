package dev.outbound.csv.read;

import static dev.outbound.csv.read.Sources.cells;
import static dev.outbound.csv.read.Sources.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Encoding and separator detection, and what is given instead. */
class DetectionTest {
    private static final String TEXT = "name,city\nRen\u00e9,Z\u00fcrich\n";
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] UTF16BE_BOM = {(byte) 0xFE, (byte) 0xFF};
    private static final byte[] UTF16LE_BOM = {(byte) 0xFF, (byte) 0xFE};

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static void assertSameCells(CsvSource source) {
        assertThat(source.header()).containsExactly("name", "city");
        List<SourceRow> rows = rows(source);
        assertThat(cells(rows)).containsExactly(List.of("Ren\u00e9", "Z\u00fcrich"));
        assertThat(rows.get(0).malformed()).isEmpty();
        assertThat(source.detected().separator()).isEqualTo(',');
    }

    // ------------------------------------------------------------------ encodings detected

    @Test
    void charset_utf8WithoutBom_validUtf8() {
        try (CsvSource source = Sources.open(TEXT.getBytes(StandardCharsets.UTF_8), ReadOptions.detect())) {
            assertSameCells(source);
            assertThat(source.detected()).extracting(Detected::charset, Detected::charsetHow, Detected::bom)
                    .containsExactly(StandardCharsets.UTF_8, "valid UTF-8", false);
        }
    }

    @Test
    void charset_utf8WithBom_byteOrderMarkAndNotInFirstCell() {
        byte[] bytes = concat(UTF8_BOM, TEXT.getBytes(StandardCharsets.UTF_8));
        try (CsvSource source = Sources.open(bytes, ReadOptions.detect())) {
            assertSameCells(source);
            assertThat(source.detected()).extracting(Detected::charset, Detected::charsetHow, Detected::bom)
                    .containsExactly(StandardCharsets.UTF_8, "byte order mark", true);
            assertThat(source.bytesRead()).isEqualTo(bytes.length);
        }
    }

    @Test
    void charset_latin1_notUtf8NamesTheFirstBadByte() {
        // "name,city\n" is 10 bytes, "Ren" 3 more: the é (0xE9) is at offset 13.
        try (CsvSource source = Sources.open(TEXT.getBytes(StandardCharsets.ISO_8859_1), ReadOptions.detect())) {
            assertSameCells(source);
            assertThat(source.detected()).extracting(Detected::charset, Detected::charsetHow, Detected::bom)
                    .containsExactly(StandardCharsets.ISO_8859_1,
                            "not UTF-8: ISO-8859-1 (byte 0xE9 at offset 13 is not valid UTF-8)", false);
        }
    }

    @Test
    void charset_utf16LittleAndBigEndianWithBom() {
        byte[] le = concat(UTF16LE_BOM, TEXT.getBytes(StandardCharsets.UTF_16LE));
        try (CsvSource source = Sources.open(le, ReadOptions.detect())) {
            assertSameCells(source);
            assertThat(source.detected()).extracting(Detected::charset, Detected::charsetHow, Detected::bom)
                    .containsExactly(StandardCharsets.UTF_16LE, "byte order mark", true);
            assertThat(source.bytesRead()).isEqualTo(le.length);
        }
        byte[] be = concat(UTF16BE_BOM, TEXT.getBytes(StandardCharsets.UTF_16BE));
        try (CsvSource source = Sources.open(be, ReadOptions.detect())) {
            assertSameCells(source);
            assertThat(source.detected()).extracting(Detected::charset, Detected::charsetHow, Detected::bom)
                    .containsExactly(StandardCharsets.UTF_16BE, "byte order mark", true);
        }
    }

    @Test
    void charset_sampleCutInsideACharacter_stillUtf8() {
        // "h\n" then ASCII up to offset 65535, where the two bytes of é straddle the 64 KiB sample.
        String text = "h\n" + "x".repeat(Detection.SAMPLE - 3) + "\u00e9\nlast\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes[Detection.SAMPLE - 1]).isEqualTo((byte) 0xC3);
        try (CsvSource source = Sources.open(bytes, ReadOptions.detect())) {
            assertThat(source.detected().charsetHow()).isEqualTo("valid UTF-8");
            List<SourceRow> rows = rows(source);
            assertThat(rows.get(0).cells().get(0)).endsWith("x\u00e9").hasSize(Detection.SAMPLE - 2);
            assertThat(rows).allSatisfy(r -> assertThat(r.malformed()).isEmpty());
        }
    }

    @Test
    void charset_wholeFileEndingInsideACharacter_notUtf8() {
        byte[] bytes = {'h', '\n', 'a', (byte) 0xC3};
        try (CsvSource source = Sources.open(bytes, ReadOptions.detect())) {
            assertThat(source.detected().charset()).isEqualTo(StandardCharsets.ISO_8859_1);
            assertThat(source.detected().charsetHow()).contains("byte 0xC3 at offset 3");
            assertThat(cells(rows(source))).containsExactly(List.of("a\u00c3"));
        }
    }

    // ------------------------------------------------------------------ encodings given

    @Test
    void charsetGiven_latin1OnUtf8Bytes_readAsGiven() {
        ReadOptions latin1 = ReadOptions.detect().withCharset(StandardCharsets.ISO_8859_1);
        try (CsvSource source = Sources.open(TEXT.getBytes(StandardCharsets.UTF_8), latin1)) {
            assertThat(source.detected().charsetHow()).isEqualTo("given");
            assertThat(cells(rows(source))).containsExactly(List.of("Ren\u00c3\u00a9", "Z\u00c3\u00bcrich"));
        }
    }

    @Test
    void charsetGiven_utf8OnLatin1Bytes_rowMalformedWithReplacements() {
        ReadOptions utf8 = ReadOptions.detect().withCharset(StandardCharsets.UTF_8);
        try (CsvSource source = Sources.open(TEXT.getBytes(StandardCharsets.ISO_8859_1), utf8)) {
            List<SourceRow> rows = rows(source);
            assertThat(cells(rows)).containsExactly(List.of("Ren\uFFFD", "Z\uFFFDrich"));
            assertThat(rows.get(0).malformed()).contains(
                    "2 byte sequences not valid in UTF-8 (the first: 0xE9 at byte offset 13) were read as U+FFFD");
        }
    }

    @Test
    void charsetGiven_matchingBomSkipped() {
        byte[] utf8 = concat(UTF8_BOM, TEXT.getBytes(StandardCharsets.UTF_8));
        try (CsvSource source = Sources.open(utf8, ReadOptions.detect().withCharset(StandardCharsets.UTF_8))) {
            assertSameCells(source);
            assertThat(source.detected().bom()).isTrue();
            assertThat(source.detected().charsetHow()).isEqualTo("given");
        }
        byte[] le = concat(UTF16LE_BOM, TEXT.getBytes(StandardCharsets.UTF_16LE));
        for (Charset cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16)) {
            try (CsvSource source = Sources.open(le, ReadOptions.detect().withCharset(cs))) {
                assertSameCells(source);
                assertThat(source.detected().bom()).isTrue();
            }
        }
    }

    @Test
    void charsetGiven_utf16WithoutBom() {
        byte[] be = TEXT.getBytes(StandardCharsets.UTF_16BE);
        try (CsvSource source = Sources.open(be, ReadOptions.detect().withCharset(StandardCharsets.UTF_16BE))) {
            assertSameCells(source);
            assertThat(source.detected().bom()).isFalse();
        }
    }

    // ------------------------------------------------------------------ separators detected

    static Stream<Arguments> candidates() {
        return Stream.of(Arguments.of(",", "','"), Arguments.of(";", "';'"), Arguments.of("\t", "tab"),
                Arguments.of(":", "':'"), Arguments.of(" ", "space"));
    }

    @ParameterizedTest
    @MethodSource("candidates")
    void separator_eachCandidate_detectedFromHeader(String sep, String name) {
        String text = String.join(sep, "ref", "phone", "name") + "\n" + String.join(sep, "1", "+15305550147", "Ann")
                + "\n";
        try (CsvSource source = Sources.open(text)) {
            assertThat(source.detected().separator()).isEqualTo(sep.charAt(0));
            assertThat(source.detected().separatorHow())
                    .isEqualTo("detected from the header on line 1: " + name + " 2 times");
            assertThat(source.header()).containsExactly("ref", "phone", "name");
            assertThat(cells(rows(source))).containsExactly(List.of("1", "+15305550147", "Ann"));
        }
    }

    @Test
    void separator_mostFrequentWins_tiesToTheFirstListed() {
        assertThat(Detection.separator("a;b;c,d\n").separator()).isEqualTo(';');
        assertThat(Detection.separator("a,b;c\n").separator()).isEqualTo(',');
        assertThat(Detection.separator("a:b;c\n").separator()).isEqualTo(';');
        assertThat(Detection.separator("a:b\tc\n").separator()).isEqualTo('\t');
        assertThat(Detection.separator("a;b,c\n").how())
                .isEqualTo("detected from the header on line 1: ',' once, ';' once");
    }

    @Test
    void separator_spacesInColumnNames_otherCandidateWins() {
        Detection.SeparatorChoice choice = Detection.separator("Customer Reference Id,Mobile Phone Number\n");
        assertThat(choice.separator()).isEqualTo(',');
        assertThat(choice.how()).isEqualTo("detected from the header on line 1: ',' once, space 4 times"
                + " (spaces count only when no other separator appears)");
        // Spaces around the header are not separators.
        assertThat(Detection.separator("  phone  \n").how())
                .isEqualTo("no separator in the header on line 1: one column");
    }

    @Test
    void separator_insideQuotesNotCounted() {
        assertThat(Detection.separator("\"a,b\";\"c,d\";e\n").separator()).isEqualTo(';');
        // A quoted header cell with a line break: the header is the whole record.
        assertThat(Detection.separator("\"x\ny,z\"\t\"w\"\n").separator()).isEqualTo('\t');
        // A quote inside a cell is data, as in FastCSV: the comma after it still counts.
        assertThat(Detection.separator("height 5'10\",weight;x\n").separator()).isEqualTo(',');
    }

    @Test
    void separator_blankLinesBeforeHeader_skipped() {
        assertThat(Detection.separator("\n   \r\n\t\na;b\n").how())
                .isEqualTo("detected from the header on line 4: ';' once");
    }

    @Test
    void separator_oneColumnFile_cellsNotSplitOnSpaces() {
        try (CsvSource source = Sources.open("phone\n(530) 555-0147\n+1 530 555 0148\n")) {
            assertThat(source.detected().separator()).isEqualTo(',');
            assertThat(source.detected().separatorHow()).isEqualTo("no separator in the header on line 1: one column");
            assertThat(cells(rows(source))).containsExactly(List.of("(530) 555-0147"), List.of("+1 530 555 0148"));
        }
    }

    // ------------------------------------------------------------------ separators given

    @Test
    void separatorGiven_overridesWhatTheHeaderSuggests() {
        String text = "a;b,c\n1;2,3\n";
        try (CsvSource source = Sources.open(text.getBytes(StandardCharsets.UTF_8),
                ReadOptions.detect().withSeparator(','))) {
            assertThat(source.detected().separatorHow()).isEqualTo("given");
            assertThat(source.header()).containsExactly("a;b", "c");
            assertThat(cells(rows(source))).containsExactly(List.of("1;2", "3"));
        }
        try (CsvSource source = Sources.open("a|b c\n1|2 3\n".getBytes(StandardCharsets.UTF_8),
                ReadOptions.detect().withSeparator('|'))) {
            assertThat(source.detected().separator()).isEqualTo('|');
            assertThat(cells(rows(source))).containsExactly(List.of("1", "2 3"));
        }
    }
}
