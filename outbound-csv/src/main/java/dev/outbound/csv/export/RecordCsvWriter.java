package dev.outbound.csv.export;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategy;
import dev.outbound.core.record.Record;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * Writes records one at a time as rows of a {@link LeadExport}'s columns. Made by
 * {@link LeadExport#writer}, which writes the header row (when on) straight away. Output is
 * buffered: it reaches the stream when the buffer fills and on {@link #close()}. For one thread.
 */
public final class RecordCsvWriter implements AutoCloseable {
    private final LeadExport export;
    private final BlankRowQuoting quoting = new BlankRowQuoting();
    private final CsvWriter csv;
    private long written;
    private boolean closed;

    RecordCsvWriter(LeadExport export, OutputStream out) {
        this.export = export;
        this.csv = CsvWriter.builder()
                .fieldSeparator(export.separator())
                .quoteCharacter('"')
                .quoteStrategy(quoting)
                .lineDelimiter(LineDelimiter.CRLF)
                .build(out, export.charset());
        if (export.header()) {
            writeRow(export.columns());
        }
    }

    /**
     * Writes one record as a row.
     *
     * @param record the record
     * @throws UncheckedIOException when writing fails
     * @throws IllegalStateException when the writer is closed
     */
    public void write(Record record) {
        Objects.requireNonNull(record, "record");
        if (closed) {
            throw new IllegalStateException("the record writer is closed: record " + record.ref() + " not written");
        }
        writeRow(export.cells(record));
        written++;
    }

    private void writeRow(List<String> cells) {
        // A row that would be nothing but whitespace (one empty column, say) reads back as a blank
        // line, which readers skip: its first cell is quoted so that the row is kept.
        boolean blank = cells.size() == 1 || whitespace(export.separator());
        for (int i = 0; blank && i < cells.size(); i++) {
            blank = cells.get(i).chars().allMatch(RecordCsvWriter::whitespace);
        }
        quoting.quoteFirst = blank;
        csv.writeRecord(cells);
    }

    private static boolean whitespace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** FastCSV's required quoting, plus the first cell of a row that would otherwise be blank. */
    private static final class BlankRowQuoting implements QuoteStrategy {
        boolean quoteFirst;

        @Override
        public boolean quoteEmpty(int lineNo, int fieldIdx) {
            return quoteFirst && fieldIdx == 0;
        }

        @Override
        public boolean quoteValue(int lineNo, int fieldIdx, String value) {
            return quoteFirst && fieldIdx == 0;
        }
    }

    /** @return how many records were written (the header not counted) */
    public long written() {
        return written;
    }

    /**
     * Flushes what is buffered and closes the stream. Closing twice does nothing.
     *
     * @throws IOException when flushing or closing fails
     */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            csv.close();
        }
    }
}
