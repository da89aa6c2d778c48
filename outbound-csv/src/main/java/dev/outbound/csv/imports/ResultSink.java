package dev.outbound.csv.imports;

import dev.outbound.core.record.Record;
import dev.outbound.csv.RowProblem;
import dev.outbound.csv.read.SourceRow;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    /**
     * @param sink a sink
     * @return the sink, its write failures thrown as {@link WriteFailure}, so that the job tells
     *     them from a failure elsewhere (a store or a directory that throws
     *     {@link UncheckedIOException} too)
     */
    static ResultSink marked(ResultSink sink) {
        return new ResultSink() {
            @Override
            public void accepted(SourceRow row, Record record) {
                try {
                    sink.accepted(row, record);
                } catch (UncheckedIOException e) {
                    throw new WriteFailure(e.getCause());
                }
            }

            @Override
            public void invalid(SourceRow row, List<RowProblem> problems) {
                try {
                    sink.invalid(row, problems);
                } catch (UncheckedIOException e) {
                    throw new WriteFailure(e.getCause());
                }
            }

            @Override
            public void duplicate(SourceRow row, long firstRow) {
                try {
                    sink.duplicate(row, firstRow);
                } catch (UncheckedIOException e) {
                    throw new WriteFailure(e.getCause());
                }
            }

            @Override
            public void close() throws IOException {
                sink.close();
            }
        };
    }

    /** A result file could not be written. */
    final class WriteFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WriteFailure(IOException cause) {
            super(cause.getMessage(), cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }
}
