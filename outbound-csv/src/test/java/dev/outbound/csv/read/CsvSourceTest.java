package dev.outbound.csv.read;

import static dev.outbound.csv.read.Sources.cells;
import static dev.outbound.csv.read.Sources.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Row and line numbers, blank rows, malformed rows, progress and closing. */
class CsvSourceTest {

    // ------------------------------------------------------------------ numbers

    @Test
    void numbers_blankLinesAndQuotedLineBreaks_rowsCountedLinesPhysical() {
        String text = "ref,note\n"      // line 1: header
                + "\n"                  // line 2: blank
                + "1,plain\n"           // line 3: row 1
                + "   \n"               // line 4: blank (whitespace only)
                + "2,\"two\nlines\"\n"  // lines 5-6: row 2
                + "3,\"a\r\nb\r\nc\"\r\n" // lines 7-9: row 3, CRLF inside and after
                + ",,\n"                // line 10: row 4, empty cells but not blank
                + "4,end";              // line 11: row 5, no line break at the end
        try (CsvSource source = Sources.open(text)) {
            List<SourceRow> rows = rows(source);
            assertThat(rows).extracting(SourceRow::row, SourceRow::line, SourceRow::cells).containsExactly(
                    tuple(1L, 3L, List.of("1", "plain")),
                    tuple(2L, 5L, List.of("2", "two\nlines")),
                    tuple(3L, 7L, List.of("3", "a\r\nb\r\nc")),
                    tuple(4L, 10L, List.of("", "", "")),
                    tuple(5L, 11L, List.of("4", "end")));
            assertThat(rows).allSatisfy(r -> assertThat(r.malformed()).isEmpty());
            assertThat(source.blankRows()).isEqualTo(2);
            assertThat(source.headerLine()).isEqualTo(1);
        }
    }

    @Test
    void numbers_loneCrEndsALine_alsoInsideQuotes() {
        // Line 1 header; row 1 "x\ry" spans lines 2-3; row 2 on line 4; LF then CR in quotes is two breaks.
        String text = "h,i\r1,\"x\ry\"\r2,\"p\n\rq\"\r3,z";
        try (CsvSource source = Sources.open(text)) {
            assertThat(rows(source)).extracting(SourceRow::row, SourceRow::line, SourceRow::cells).containsExactly(
                    tuple(1L, 2L, List.of("1", "x\ry")),
                    tuple(2L, 4L, List.of("2", "p\n\rq")),
                    tuple(3L, 7L, List.of("3", "z")));
        }
    }

    @Test
    void header_afterBlankLines_firstNonBlankRowTrimmed() {
        try (CsvSource source = Sources.open("\n \t\n\r\n  Ref ; Phone \n1;2\n")) {
            assertThat(source.header()).containsExactly("Ref", "Phone");
            assertThat(source.headerLine()).isEqualTo(4);
            assertThat(rows(source)).extracting(SourceRow::row, SourceRow::line).containsExactly(tuple(1L, 5L));
            assertThat(source.blankRows()).isEqualTo(3);
        }
    }

    @Test
    void header_emptyFile_noHeaderNoRows() {
        for (String text : List.of("", "\n\n", "  \r\n")) {
            try (CsvSource source = Sources.open(text)) {
                assertThat(source.header()).isEmpty();
                assertThat(source.next()).isEmpty();
                assertThat(source.detected().separatorHow()).isEqualTo("no header in the file: ','");
            }
        }
    }

    @Test
    void header_only_noRows() {
        try (CsvSource source = Sources.open("a,b\r\n")) {
            assertThat(source.header()).containsExactly("a", "b");
            assertThat(source.next()).isEmpty();
            assertThat(source.next()).isEmpty();
        }
    }

    // ------------------------------------------------------------------ malformed rows

    @Test
    void malformed_textAfterClosingQuote_rowKeptWithCellsAndProblem() {
        try (CsvSource source = Sources.open("h1,h2\n\"ab\"c,d\ne,f\n")) {
            List<SourceRow> rows = rows(source);
            assertThat(cells(rows)).containsExactly(List.of("abc", "d"), List.of("e", "f"));
            assertThat(rows.get(0).malformed()).hasValueSatisfying(m -> assertThat(m)
                    .startsWith("column 1: text after the closing quote (starting with 'c' on line 2)"));
            assertThat(rows.get(1).malformed()).isEmpty();
            assertThat(rows.get(1).line()).isEqualTo(3);
        }
    }

    @Test
    void malformed_quoteNeverClosed_cellRunsToEndOfFile() {
        try (CsvSource source = Sources.open("h,i\nx,y\n\"open,\nmore\n")) {
            List<SourceRow> rows = rows(source);
            assertThat(rows).extracting(SourceRow::row, SourceRow::line, SourceRow::cells).containsExactly(
                    tuple(1L, 2L, List.of("x", "y")),
                    tuple(2L, 3L, List.of("open,\nmore\n")));
            assertThat(rows.get(1).malformed()).contains(
                    "column 1: the quote opened on line 3 is never closed, so the cell runs to the end of the file");
        }
    }

    @Test
    void malformed_quoteInsideUnquotedCell_isData() {
        try (CsvSource source = Sources.open("name,height\nann,5'10\"\nbo,\"6'1\"\"\"\n")) {
            List<SourceRow> rows = rows(source);
            assertThat(cells(rows)).containsExactly(List.of("ann", "5'10\""), List.of("bo", "6'1\""));
            assertThat(rows).allSatisfy(r -> assertThat(r.malformed()).isEmpty());
        }
    }

    @Test
    void malformed_cellLongerThanBuffer_rowReportedAndReadingStops() throws IOException {
        String text = "h,i\n1,ok\n2,\"" + "x".repeat(100_000) + "\"\n3,lost\n";
        try (CsvSource source = CsvSource.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                ReadOptions.detect(), OptionalLong.empty(), 16_384)) {
            assertThat(source.next()).map(SourceRow::cells).contains(List.of("1", "ok"));
            assertThat(source.stoppedEarly()).isEmpty();
            SourceRow failed = source.next().orElseThrow();
            assertThat(source.stoppedEarly()).hasValueSatisfying(m -> assertThat(m)
                    .startsWith("the file was not read past line 3: a row there could not be read ("));
            assertThat(failed.row()).isEqualTo(2);
            assertThat(failed.line()).isEqualTo(3);
            assertThat(failed.cells()).containsExactly("2");
            assertThat(failed.malformed()).hasValueSatisfying(m -> assertThat(m)
                    .startsWith("the row could not be read (").contains("not read past line 3"));
            assertThat(source.next()).isEmpty();
        }
    }

    @Test
    void malformed_tooManyCells_extraDroppedAndSaid() {
        String text = "h\n" + ",".repeat(20_000) + "\nnext\n";
        try (CsvSource source = Sources.open(text)) {
            SourceRow wide = source.next().orElseThrow();
            assertThat(wide.cells()).hasSize(CsvSource.MAX_CELLS);
            // 20 000 separators make 20 001 cells; 16 384 are kept.
            assertThat(wide.malformed()).contains("3617 cells past the limit of 16384 cells or 4194304 characters a row"
                    + " were dropped");
            assertThat(source.next()).map(SourceRow::line).contains(3L);
        }
    }

    @Test
    void malformed_badBytesLaterInFile_rowSaysWhereAndReadsReplacement() {
        // The first 64 KiB are ASCII, so the file is taken as UTF-8; a Latin-1 é comes later.
        StringBuilder text = new StringBuilder("name\n");
        while (text.length() < 70_000) {
            text.append("abcdefghij\n");
        }
        byte[] head = text.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "Ren\u00e9\nok\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        try (CsvSource source = Sources.open(all, ReadOptions.detect())) {
            assertThat(source.detected().charsetHow()).isEqualTo("valid UTF-8");
            List<SourceRow> rows = rows(source);
            SourceRow bad = rows.get(rows.size() - 2);
            assertThat(bad.cells()).containsExactly("Ren\uFFFD");
            assertThat(bad.malformed()).contains("a byte sequence not valid in UTF-8 (0xE9 at byte offset "
                    + (head.length + 3) + ") was read as U+FFFD");
            assertThat(rows.get(rows.size() - 1).malformed()).isEmpty();
            assertThat(rows.subList(0, rows.size() - 2)).allSatisfy(r -> assertThat(r.malformed()).isEmpty());
            assertThat(source.bytesRead()).isEqualTo(all.length);
        }
    }

    // ------------------------------------------------------------------ progress, size, closing

    @Test
    void progress_fromFile_sizeKnownAndBytesReadReachesIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("leads.csv");
        StringBuilder text = new StringBuilder("ref,phone\n");
        for (int i = 0; i < 20_000; i++) {
            text.append(i).append(",+1530555").append(String.format("%04d", i % 10_000)).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        try (CsvSource source = CsvSource.open(file, ReadOptions.detect())) {
            assertThat(source.size()).hasValue(Files.size(file));
            long last = source.bytesRead();
            long rows = 0;
            for (Optional<SourceRow> r = source.next(); r.isPresent(); r = source.next()) {
                long now = source.bytesRead();
                assertThat(now).isGreaterThanOrEqualTo(last).isLessThanOrEqualTo(Files.size(file));
                last = now;
                rows++;
                if (rows == 100) {
                    // Early on, far from the end: read-ahead is bounded.
                    assertThat(now).isLessThan(Detection.SAMPLE);
                }
            }
            assertThat(rows).isEqualTo(20_000);
            assertThat(source.bytesRead()).isEqualTo(Files.size(file));
        }
    }

    @Test
    void progress_fromStream_sizeUnknown() {
        try (CsvSource source = Sources.open("a\n1\n")) {
            assertThat(source.size()).isEmpty();
        }
    }

    @Test
    void close_closesTheStreamAndRefusesReading() {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream("a\n1\n".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        CsvSource source;
        try {
            source = CsvSource.open(in, ReadOptions.detect());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        source.close();
        source.close();
        assertThat(closed[0]).isTrue();
        assertThatThrownBy(source::next).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void ioError_whileReadingRows_isUncheckedIOException() throws IOException {
        byte[] start = ("h\n" + "row\n".repeat(30_000)).getBytes(StandardCharsets.UTF_8);
        InputStream failing = new InputStream() {
            private int i;

            @Override
            public int read() throws IOException {
                if (i == start.length) {
                    throw new IOException("disk gone");
                }
                return start[i++] & 0xFF;
            }
        };
        try (CsvSource source = CsvSource.open(failing, ReadOptions.detect())) {
            assertThatThrownBy(() -> rows(source)).isInstanceOf(UncheckedIOException.class)
                    .hasRootCauseMessage("disk gone");
        }
    }

    @Test
    void ioError_whileOpening_isIOExceptionAndStreamClosed() {
        boolean[] closed = {false};
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("unreadable");
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        assertThatThrownBy(() -> CsvSource.open(failing, ReadOptions.detect())).isInstanceOf(IOException.class)
                .hasMessage("unreadable");
        assertThat(closed[0]).isTrue();
    }

    @Test
    void headerProblem_unterminatedQuoteInTheHeader_reportedWithItsLine_validHeaderHasNone() {
        try (CsvSource source = Sources.open("\nref,\"phone\n1,2\n3,4\n")) {
            assertThat(source.headerProblem()).hasValueSatisfying(p -> assertThat(p)
                    .startsWith("the header row (line 2) is not valid CSV: "));
        }
        try (CsvSource source = Sources.open("ref,\"phone\"\n1,2\n")) {
            assertThat(source.headerProblem()).isEmpty();
        }
    }
}
