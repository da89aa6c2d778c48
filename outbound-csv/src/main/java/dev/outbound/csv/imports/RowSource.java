package dev.outbound.csv.imports;

import dev.outbound.csv.read.CsvSource;
import dev.outbound.csv.read.Detected;
import dev.outbound.csv.read.SourceRow;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where an import's rows come from: a {@link CsvSource} in production, a list of hand-made rows in
 * tests. {@link #next()} reports a failure to read as {@link java.io.UncheckedIOException}.
 */
interface RowSource extends AutoCloseable {
    /** @return the header's cells */
    List<String> header();

    /** @return what is wrong with the header row's CSV syntax, if anything */
    default Optional<String> headerProblem() {
        return Optional.empty();
    }

    /** @return why the rows ended before the end of the file, if they did */
    default Optional<String> stoppedEarly() {
        return Optional.empty();
    }

    /** @return how the file was read, when it is a file */
    Optional<Detected> detected();

    /** @return the next data row, or empty at the end */
    Optional<SourceRow> next();

    /** @return bytes consumed so far */
    long bytesRead();

    /** @return the total size in bytes, when known */
    OptionalLong size();

    @Override
    void close();

    /** Opens a source; an {@link IOException} fails the job. */
    @FunctionalInterface
    interface Opener {
        /**
         * @return the opened source
         * @throws IOException when it cannot be opened
         */
        RowSource open() throws IOException;
    }

    /**
     * @param csv an open CSV source
     * @return it as a row source
     */
    static RowSource of(CsvSource csv) {
        return new RowSource() {
            @Override
            public List<String> header() {
                return csv.header();
            }

            @Override
            public Optional<String> headerProblem() {
                return csv.headerProblem();
            }

            @Override
            public Optional<String> stoppedEarly() {
                return csv.stoppedEarly();
            }

            @Override
            public Optional<Detected> detected() {
                return Optional.of(csv.detected());
            }

            @Override
            public Optional<SourceRow> next() {
                return csv.next();
            }

            @Override
            public long bytesRead() {
                return csv.bytesRead();
            }

            @Override
            public OptionalLong size() {
                return csv.size();
            }

            @Override
            public void close() {
                csv.close();
            }
        };
    }

    /**
     * @param source a source
     * @param rows the most rows to give
     * @return the source, ending after that many rows (a preview's)
     */
    static RowSource limit(RowSource source, long rows) {
        return new RowSource() {
            private long given;

            @Override
            public List<String> header() {
                return source.header();
            }

            @Override
            public Optional<String> headerProblem() {
                return source.headerProblem();
            }

            @Override
            public Optional<String> stoppedEarly() {
                return source.stoppedEarly();
            }

            @Override
            public Optional<Detected> detected() {
                return source.detected();
            }

            @Override
            public Optional<SourceRow> next() {
                if (given >= rows) {
                    return Optional.empty();
                }
                Optional<SourceRow> row = source.next();
                if (row.isPresent()) {
                    given++;
                }
                return row;
            }

            @Override
            public long bytesRead() {
                return source.bytesRead();
            }

            @Override
            public OptionalLong size() {
                return source.size();
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }

    /**
     * Seed 002's "remove top records": drops the first data rows of a source, counting them.
     * The rows after them keep their numbers in the file, so that problems and result files
     * still point at the file's rows.
     */
    final class Skipping implements RowSource {
        private final RowSource source;
        private final long rows;
        private long skipped;

        /**
         * @param source a source
         * @param rows how many of its first data rows to drop
         */
        Skipping(RowSource source, long rows) {
            this.source = source;
            this.rows = rows;
        }

        /** @return how many rows were dropped so far: {@code rows}, unless the file had fewer */
        long skipped() {
            return skipped;
        }

        @Override
        public List<String> header() {
            return source.header();
        }

        @Override
        public Optional<String> headerProblem() {
            return source.headerProblem();
        }

        @Override
        public Optional<String> stoppedEarly() {
            return source.stoppedEarly();
        }

        @Override
        public Optional<Detected> detected() {
            return source.detected();
        }

        @Override
        public Optional<SourceRow> next() {
            while (skipped < rows) {
                if (source.next().isEmpty()) {
                    return Optional.empty();
                }
                skipped++;
            }
            return source.next();
        }

        @Override
        public long bytesRead() {
            return source.bytesRead();
        }

        @Override
        public OptionalLong size() {
            return source.size();
        }

        @Override
        public void close() {
            source.close();
        }
    }
}
