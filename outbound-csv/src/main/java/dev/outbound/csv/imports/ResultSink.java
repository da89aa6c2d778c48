package dev.outbound.csv.imports;

import dev.outbound.core.record.Record;
import dev.outbound.csv.RowProblem;
import dev.outbound.csv.read.SourceRow;
import java.io.IOException;
import java.util.List;

/**
 * Where the pipeline writes each row's fate as it streams: {@link ResultFiles}, or nowhere. Called
 * in row order, once per row; write failures are thrown as {@link java.io.UncheckedIOException}.
 */
interface ResultSink {
    /** Writes nothing. */
    ResultSink NONE = new ResultSink() {
        @Override
        public void accepted(SourceRow row, Record record) {
        }

        @Override
        public void invalid(SourceRow row, List<RowProblem> problems) {
        }

        @Override
        public void duplicate(SourceRow row, long firstRow) {
        }

        @Override
        public void close() {
        }
    };

    /**
     * A row made a record that was written or kept (imported, updated or unchanged).
     *
     * @param row the row
     * @param record its record
     */
    void accepted(SourceRow row, Record record);

    /**
     * A row made no record.
     *
     * @param row the row
     * @param problems its reasons
     */
    void invalid(SourceRow row, List<RowProblem> problems);

    /**
     * A row repeated an earlier row's customer reference id.
     *
     * @param row the row
     * @param firstRow the row that took the id
     */
    void duplicate(SourceRow row, long firstRow);

    /**
     * Flushes and closes.
     *
     * @throws IOException when that fails
     */
    void close() throws IOException;
}
