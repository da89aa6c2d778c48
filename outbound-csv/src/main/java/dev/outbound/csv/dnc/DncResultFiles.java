package dev.outbound.csv.dnc;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.outbound.core.dnc.DncEntry;
import dev.outbound.csv.RowProblem;
import dev.outbound.csv.internal.FormulaGuard;
import dev.outbound.csv.internal.RefusedRows;
import dev.outbound.csv.read.SourceRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The result files of a Do-Not-Call import, written as it streams: {@value #SUCCESS} with one
 * line per entry the accepted rows gave, and {@link RefusedRows}' {@code errors.csv} (invalid and
 * expired rows) and {@code duplicates.csv}. UTF-8, comma-separated, CRLF-terminated.
 *
 * <p>{@value #SUCCESS}'s columns are {@code number} (E.164), {@code prefix} ({@code +} and its
 * digits), {@code customer_reference_id} (one of the three filled), {@code source},
 * {@code reason}, {@code expires_at} (an ISO-8601 instant, empty when permanent),
 * {@code outcome} ({@code added}, {@code updated} or {@code unchanged}), {@code row} and
 * {@code line}: the file imports again as it is. Cells a spreadsheet would run as a formula get a
 * {@code '} in front, which the import takes off again; numbers and prefixes, a {@code +} and
 * digits only, are no formula.
 */
final class DncResultFiles implements AutoCloseable {
    static final String SUCCESS = "success.csv";
    static final String SUMMARY = "summary.json";
    static final String ORIGINAL_PREFIX = "original-";

    /** What a placed entry did to the list. */
    enum Outcome {
        /** The list did not hold its key. */
        ADDED,
        /** The list held its key with another source, reason or expiry. */
        UPDATED,
        /** The list held exactly this entry. */
        UNCHANGED;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final CsvWriter success;
    private final RefusedRows refused;

    private DncResultFiles(CsvWriter success, RefusedRows refused) {
        this.success = success;
        this.refused = refused;
    }

    /**
     * Creates (or truncates) the three files and writes their headers.
     *
     * @param dir the result directory, which exists
     * @param header the input's header
     * @return the open files
     * @throws IOException when a file cannot be created; none is left open then
     */
    static DncResultFiles open(Path dir, List<String> header) throws IOException {
        CsvWriter success = CsvWriter.builder().build(dir.resolve(SUCCESS), StandardCharsets.UTF_8);
        try {
            success.writeRecord("number", "prefix", "customer_reference_id", "source", "reason", "expires_at",
                    "outcome", "row", "line");
            return new DncResultFiles(success, RefusedRows.open(dir, header));
        } catch (IOException | RuntimeException e) {
            try {
                success.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            throw e;
        }
    }

    /**
     * Writes one line per entry of an accepted row.
     *
     * @param row the row
     * @param entries its entries (not the keys it repeated)
     * @param outcomes what each did, at the same index
     */
    void accepted(SourceRow row, List<DncEntry> entries, List<Outcome> outcomes) {
        for (int i = 0; i < entries.size(); i++) {
            DncEntry e = entries.get(i);
            DncEntry.Key key = e.key();
            String number = key instanceof DncEntry.NumberKey n ? n.number().e164() : "";
            String prefix = key instanceof DncEntry.PrefixKey p ? p.e164Prefix() : "";
            String customer = key instanceof DncEntry.CustomerKey c ? FormulaGuard.guard(c.customerRef()) : "";
            success.writeRecord(number, prefix, customer, e.source().map(FormulaGuard::guard).orElse(""),
                    e.reason().map(FormulaGuard::guard).orElse(""), e.expiresAt().map(Object::toString).orElse(""),
                    outcomes.get(i).label(), String.valueOf(row.row()), String.valueOf(row.line()));
        }
    }

    /**
     * Writes an invalid or expired row to {@code errors.csv}.
     *
     * @param row the row
     * @param problems its problems
     */
    void refused(SourceRow row, List<RowProblem> problems) {
        refused.invalid(row, problems);
    }

    /**
     * Writes a duplicate row to {@code duplicates.csv}.
     *
     * @param row the row
     * @param firstRow the row that first gave its key
     */
    void duplicate(SourceRow row, long firstRow) {
        refused.duplicate(row, firstRow);
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        try {
            success.close();
        } catch (IOException e) {
            failure = e;
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
