package dev.outbound.csv.imports;

import dev.outbound.core.record.Record;
import dev.outbound.csv.RowProblem;
import dev.outbound.csv.export.LeadExport;
import dev.outbound.csv.export.RecordCsvWriter;
import dev.outbound.csv.internal.RefusedRows;
import dev.outbound.csv.read.SourceRow;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The result files of seed 002 ("success, error, duplicated and original data"), written as the
 * import streams so that memory does not grow with the file. All are UTF-8, comma-separated,
 * CRLF-terminated (RFC 4180), whatever the input's encoding and separator, so that any file can be
 * fixed and imported again.
 *
 * <ul>
 * <li>{@value #SUCCESS}: every accepted row's record (imported, updated or unchanged: the record as
 *     the file gave it), in {@link LeadExport}'s columns {@code customer_reference_id}, one per
 *     phone field (its E.164 number), {@code time_zone}, {@code time_zone_source},
 *     {@code scheduled_for}, {@code agent}, then the custom fields.
 * <li>{@value #ERRORS}: every invalid row, and {@value #DUPLICATES}: every duplicate row (the
 *     {@code first_row} being the row whose record was used), in {@link RefusedRows}' format:
 *     the original header and cells, then the reasons.
 * </ul>
 *
 * So every data row of the file is in exactly one of the three files.
 */
final class ResultFiles implements ResultSink {
    static final String SUCCESS = "success.csv";
    static final String ERRORS = RefusedRows.ERRORS;
    static final String DUPLICATES = RefusedRows.DUPLICATES;
    static final String SUMMARY = "summary.json";
    static final String ORIGINAL_PREFIX = "original-";

    private final RecordCsvWriter success;
    private final RefusedRows refused;

    private ResultFiles(RecordCsvWriter success, RefusedRows refused) {
        this.success = success;
        this.refused = refused;
    }

    /**
     * Creates (or truncates) the three CSV files and writes their headers.
     *
     * @param dir the result directory, which exists
     * @param header the input's header
     * @param export how records are written to {@value #SUCCESS}
     * @return the open files
     * @throws IOException when a file cannot be created
     */
    static ResultFiles open(Path dir, List<String> header, LeadExport export) throws IOException {
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(SUCCESS)), 1 << 16);
            opened.add(out);
            RecordCsvWriter success = export.writer(out);
            opened.set(0, success);
            RefusedRows refused = RefusedRows.open(dir, header);
            return new ResultFiles(success, refused);
        } catch (IOException | RuntimeException e) {
            for (AutoCloseable c : opened) {
                try {
                    c.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            if (e instanceof UncheckedIOException) {
                throw ((UncheckedIOException) e).getCause();
            }
            throw e;
        }
    }

    @Override
    public void accepted(SourceRow row, Record record) {
        success.write(record);
    }

    @Override
    public void invalid(SourceRow row, List<RowProblem> problems) {
        refused.invalid(row, problems);
    }

    @Override
    public void duplicate(SourceRow row, long firstRow) {
        refused.duplicate(row, firstRow);
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        // Through AutoCloseable, so that this holds whether or not RecordCsvWriter.close() declares
        // a checked exception.
        AutoCloseable successFile = success;
        try {
            successFile.close();
        } catch (UncheckedIOException e) {
            failure = e.getCause();
        } catch (IOException e) {
            failure = e;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("closing " + SUCCESS + " failed", e);
        }
        try {
            refused.close();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
