package dev.outbound.csv.internal;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.outbound.csv.RowProblem;
import dev.outbound.csv.read.SourceRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The two result files that hold rows of the input as they were, with why they were not taken:
 * {@value #ERRORS} and {@value #DUPLICATES}, shared by every import of the module so that their
 * format is one. UTF-8, comma-separated, CRLF-terminated (RFC 4180), whatever the input was.
 *
 * <ul>
 * <li>{@value #ERRORS}: the original header and cells, then {@code row}, {@code line},
 *     {@code column}, {@code code}, {@code message}. A row with several problems stays one line;
 *     its problems' columns, codes and messages are each joined with {@value #JOIN}, in the same
 *     order, so the n-th parts belong together (a problem without a column leaves its part empty).
 * <li>{@value #DUPLICATES}: the original header and cells, then {@code row}, {@code line},
 *     {@code first_row} (the row that came first).
 * </ul>
 * A row shorter than the header is padded with empty cells so that the reason columns line up;
 * cells beyond the header's width follow the reason columns, so nothing is lost. Write failures
 * are thrown as {@link java.io.UncheckedIOException}. Not thread-safe.
 */
public final class RefusedRows implements AutoCloseable {
    /** The file of refused rows. */
    public static final String ERRORS = "errors.csv";
    /** The file of rows that repeat an earlier row. */
    public static final String DUPLICATES = "duplicates.csv";
    /** What joins the parts of a row's several problems. */
    public static final String JOIN = " | ";

    private final int width;
    private final CsvWriter errors;
    private final CsvWriter duplicates;

    private RefusedRows(int width, CsvWriter errors, CsvWriter duplicates) {
        this.width = width;
        this.errors = errors;
        this.duplicates = duplicates;
    }

    /**
     * Creates (or truncates) both files and writes their headers.
     *
     * @param dir the result directory, which exists
     * @param header the input's header
     * @return the open files
     * @throws IOException when a file cannot be created; none is left open then
     */
    public static RefusedRows open(Path dir, List<String> header) throws IOException {
        CsvWriter errors = CsvWriter.builder().build(dir.resolve(ERRORS), StandardCharsets.UTF_8);
        CsvWriter duplicates = null;
        try {
            duplicates = CsvWriter.builder().build(dir.resolve(DUPLICATES), StandardCharsets.UTF_8);
            List<String> eh = new ArrayList<>(header);
            eh.addAll(List.of("row", "line", "column", "code", "message"));
            errors.writeRecord(eh);
            List<String> dh = new ArrayList<>(header);
            dh.addAll(List.of("row", "line", "first_row"));
            duplicates.writeRecord(dh);
            return new RefusedRows(header.size(), errors, duplicates);
        } catch (IOException | RuntimeException e) {
            for (CsvWriter w : new CsvWriter[] {errors, duplicates}) {
                if (w != null) {
                    try {
                        w.close();
                    } catch (IOException suppressed) {
                        e.addSuppressed(suppressed);
                    }
                }
            }
            if (e instanceof java.io.UncheckedIOException u) {
                throw u.getCause();
            }
            throw e;
        }
    }

    /**
     * Writes a refused row to {@value #ERRORS}.
     *
     * @param row the row
     * @param problems its reasons, in order
     */
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

    /**
     * Writes a row to {@value #DUPLICATES}.
     *
     * @param row the row
     * @param firstRow the earlier row it repeats
     */
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

    /**
     * Flushes and closes both files, the second even when the first fails.
     *
     * @throws IOException when that fails (the first failure, the second suppressed)
     */
    @Override
    public void close() throws IOException {
        IOException failure = null;
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
