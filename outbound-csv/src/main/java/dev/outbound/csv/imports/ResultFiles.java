package dev.outbound.csv.imports;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.outbound.core.record.Record;
import dev.outbound.csv.RowProblem;
import dev.outbound.csv.export.LeadExport;
import dev.outbound.csv.export.RecordCsvWriter;
import dev.outbound.csv.read.SourceRow;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * <li>{@value #ERRORS}: every invalid row: the original header and cells, then {@code row},
 *     {@code line}, {@code column}, {@code code}, {@code message}. A row with several problems
 *     stays one line; its problems' columns, codes and messages are each joined with
 *     {@value #JOIN}, in the same order, so the n-th parts belong together (a problem without a
 *     column leaves its part empty).
 * <li>{@value #DUPLICATES}: every duplicate row: the original header and cells, then {@code row},
 *     {@code line}, {@code first_row} (the row whose record was used).
 * </ul>
 *
 * In the last two, a row shorter than the header is padded with empty cells so the reason
 * columns line up; cells beyond the header's width follow the reason columns, so nothing is lost.
 * So every data row of the file is in exactly one of the three files.
 */
final class ResultFiles implements ResultSink {
    static final String SUCCESS = "success.csv";
    static final String ERRORS = "errors.csv";
    static final String DUPLICATES = "duplicates.csv";
    static final String SUMMARY = "summary.json";
    static final String ORIGINAL_PREFIX = "original-";
    static final String JOIN = " | ";

    private final int width;
    private final RecordCsvWriter success;
    private final CsvWriter errors;
    private final CsvWriter duplicates;

    private ResultFiles(int width, RecordCsvWriter success, CsvWriter errors, CsvWriter duplicates) {
        this.width = width;
        this.success = success;
        this.errors = errors;
        this.duplicates = duplicates;
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
            CsvWriter errors = CsvWriter.builder().build(dir.resolve(ERRORS), StandardCharsets.UTF_8);
            opened.add(errors);
            CsvWriter duplicates = CsvWriter.builder().build(dir.resolve(DUPLICATES), StandardCharsets.UTF_8);
            opened.add(duplicates);
            List<String> eh = new ArrayList<>(header);
            eh.addAll(List.of("row", "line", "column", "code", "message"));
            errors.writeRecord(eh);
            List<String> dh = new ArrayList<>(header);
            dh.addAll(List.of("row", "line", "first_row"));
            duplicates.writeRecord(dh);
            return new ResultFiles(header.size(), success, errors, duplicates);
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
        List<String> columns = new ArrayList<>(problems.size());
        List<String> codes = new ArrayList<>(problems.size());
        List<String> messages = new ArrayList<>(problems.size());
        for (RowProblem p : problems) {
            columns.add(p.column().orElse(""));
            codes.add(p.code());
            messages.add(p.message());
        }
        errors.writeRecord(line(row, List.of(String.valueOf(row.row()), String.valueOf(row.line()),
                String.join(JOIN, columns), String.join(JOIN, codes), String.join(JOIN, messages))));
    }

    @Override
    public void duplicate(SourceRow row, long firstRow) {
        duplicates.writeRecord(line(row, List.of(String.valueOf(row.row()), String.valueOf(row.line()),
                String.valueOf(firstRow))));
    }

    /** The row's cells padded to the header's width, the reasons, then any cells beyond the header. */
    private List<String> line(SourceRow row, List<String> reasons) {
        List<String> cells = row.cells();
        List<String> out = new ArrayList<>(Math.max(width, cells.size()) + reasons.size());
        for (int i = 0; i < width; i++) {
            out.add(i < cells.size() ? cells.get(i) : "");
        }
        out.addAll(reasons);
        for (int i = width; i < cells.size(); i++) {
            out.add(cells.get(i));
        }
        return out;
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
        for (CsvWriter w : List.of(errors, duplicates)) {
            try {
                w.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
