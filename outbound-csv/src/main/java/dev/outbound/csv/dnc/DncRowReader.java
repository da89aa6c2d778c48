package dev.outbound.csv.dnc;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.dnc.DncEntry;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.phone.PhoneNumberParse;
import dev.outbound.core.record.CustomerRef;
import dev.outbound.csv.RowProblem;
import dev.outbound.csv.internal.FormulaGuard;
import dev.outbound.csv.read.SourceRow;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads one row of a Do-Not-Call file into its entries, or into the reasons it gives none. Knows
 * nothing of other rows or of the list: duplicates and "already listed" are the run's business.
 * Never throws for what a row holds. Immutable.
 */
final class DncRowReader {
    /** What a row gave. */
    sealed interface Read permits Invalid, Expired, Keys {
    }

    /**
     * The row gives no entry: its problems, at least one an error.
     *
     * @param problems every problem of the row
     */
    record Invalid(List<RowProblem> problems) implements Read {
    }

    /**
     * The row is readable but its expiry has passed: the error {@code EXPIRED} and any warnings.
     *
     * @param problems the problems
     */
    record Expired(List<RowProblem> problems) implements Read {
    }

    /**
     * The row's entries, in column order, with its warnings.
     *
     * @param entries one entry a readable key cell
     * @param columns the column each entry came from, at the same index
     * @param warnings the row's warnings (keys that could not be read, extra cells)
     */
    record Keys(List<DncEntry> entries, List<Integer> columns, List<RowProblem> warnings) implements Read {
    }

    /** The accepted ISO-8601 forms, in words, for messages. */
    static final String EXPIRY_FORMS = "an ISO-8601 date (2026-12-31: the start of that day), a date and time "
            + "with an offset (2026-12-31T18:00:00Z, 2026-12-31T18:00:00-05:00) or a local date and time "
            + "(2026-12-31T18:00)";

    private final DncColumns columns;
    private final List<String> header;
    private final int[] numberColumns;
    private final int prefixColumn;
    private final int customerColumn;
    private final int sourceColumn;
    private final int reasonColumn;
    private final int expiresColumn;
    private final int regionColumn;
    private final String defaultRegion;
    private final Optional<String> defaultSource;
    private final ZoneId zone;
    private final Instant now;

    DncRowReader(DncColumns columns, String defaultRegion, Optional<String> defaultSource, ZoneId zone,
            Instant now) {
        this.columns = columns;
        this.header = columns.header();
        this.numberColumns = columns.all(DncColumn.NUMBER);
        this.prefixColumn = columns.single(DncColumn.PREFIX);
        this.customerColumn = columns.single(DncColumn.CUSTOMER_REF);
        this.sourceColumn = columns.single(DncColumn.SOURCE);
        this.reasonColumn = columns.single(DncColumn.REASON);
        this.expiresColumn = columns.single(DncColumn.EXPIRES_AT);
        this.regionColumn = columns.single(DncColumn.REGION);
        this.defaultRegion = defaultRegion;
        this.defaultSource = defaultSource;
        this.zone = zone;
        this.now = now;
    }

    /** A problem found in a key cell; whether it refuses the row depends on the row's other keys. */
    private record KeyProblem(int column, String code, String message) {
    }

    Read read(SourceRow row) {
        List<RowProblem> errors = new ArrayList<>();
        List<RowProblem> warnings = new ArrayList<>();
        if (row.malformed().isPresent()) {
            errors.add(problem(row, -1, RowProblem.Severity.ERROR, "ROW_MALFORMED", "the row's CSV syntax is broken ("
                    + row.malformed().get() + "), so none of it was listed"));
            return new Invalid(errors);
        }
        String region = defaultRegion;
        String regionText = cell(row, regionColumn);
        if (!regionText.isEmpty()) {
            String upper = regionText.toUpperCase(Locale.ROOT);
            if (upper.length() == 2 && PhoneNumber.isSupportedRegion(upper)) {
                region = upper;
            } else {
                errors.add(problem(row, regionColumn, RowProblem.Severity.ERROR, "REGION_INVALID", "'" + regionText
                        + "' is not an ISO 3166 region with a numbering plan (two letters, e.g. US, GB, DE)"));
            }
        }
        Optional<Instant> expiry = Optional.empty();
        String expiryText = cell(row, expiresColumn);
        if (!expiryText.isEmpty()) {
            expiry = parseExpiry(expiryText);
            if (expiry.isEmpty()) {
                errors.add(problem(row, expiresColumn, RowProblem.Severity.ERROR, "EXPIRES_AT_INVALID", "'"
                        + expiryText + "' is not an expiry: expected " + EXPIRY_FORMS));
            }
        }
        String sourceText = cell(row, sourceColumn);
        Optional<String> source = sourceText.isEmpty() ? defaultSource : Optional.of(sourceText);
        String reasonText = cell(row, reasonColumn);
        Optional<String> reason = reasonText.isEmpty() ? Optional.empty() : Optional.of(reasonText);

        List<DncEntry.Key> keys = new ArrayList<>();
        List<Integer> keyColumns = new ArrayList<>();
        List<KeyProblem> keyProblems = new ArrayList<>();
        List<String> emptyKeyColumns = new ArrayList<>();
        for (int c : numberColumns) {
            String text = cell(row, c);
            if (text.isEmpty()) {
                emptyKeyColumns.add("'" + header.get(c) + "'");
                continue;
            }
            PhoneNumberParse parsed = PhoneNumber.tryParse(text, region);
            if (parsed instanceof PhoneNumberParse.Valid valid) {
                keys.add(new DncEntry.NumberKey(valid.number()));
                keyColumns.add(c);
            } else {
                keyProblems.add(new KeyProblem(c, "NUMBER_INVALID", ((PhoneNumberParse.Invalid) parsed).message()));
            }
        }
        if (prefixColumn >= 0) {
            String text = cell(row, prefixColumn);
            if (text.isEmpty()) {
                emptyKeyColumns.add("'" + header.get(prefixColumn) + "'");
            } else {
                try {
                    keys.add(new DncEntry.PrefixKey(withoutPunctuation(text)));
                    keyColumns.add(prefixColumn);
                } catch (InvalidValueException e) {
                    keyProblems.add(new KeyProblem(prefixColumn, "PREFIX_INVALID", "'" + text
                            + "' is not a prefix: expected the leading digits of international numbers, 1 to "
                            + DncEntry.PrefixKey.MAX_DIGITS + " digits after an optional '+', not starting with 0 ("
                            + e.rule() + ")"));
                }
            }
        }
        if (customerColumn >= 0) {
            String text = cell(row, customerColumn);
            if (text.isEmpty()) {
                emptyKeyColumns.add("'" + header.get(customerColumn) + "'");
            } else {
                try {
                    keys.add(new DncEntry.CustomerKey(CustomerRef.of(text).value()));
                    keyColumns.add(customerColumn);
                } catch (InvalidValueException e) {
                    keyProblems.add(new KeyProblem(customerColumn, "CUSTOMER_REF_INVALID", "'" + text
                            + "' is not a customer reference id: expected " + e.rule()));
                }
            }
        }
        if (keys.isEmpty() && keyProblems.isEmpty()) {
            errors.add(problem(row, -1, RowProblem.Severity.ERROR, "NO_KEY",
                    "the row names no number, prefix or customer reference: " + String.join(", ", emptyKeyColumns)
                            + (emptyKeyColumns.size() == 1 ? " is" : " are") + " empty"));
        }
        boolean refused = !errors.isEmpty() || keys.isEmpty();
        for (KeyProblem k : keyProblems) {
            // A key that cannot be read refuses the row only when the row has no key that can.
            (refused ? errors : warnings).add(problem(row, k.column(),
                    refused ? RowProblem.Severity.ERROR : RowProblem.Severity.WARNING, k.code(), k.message()
                            + (refused ? "" : "; the row's other entries were listed")));
        }
        extraCells(row, refused ? errors : warnings);
        if (refused) {
            return new Invalid(errors);
        }
        if (expiry.isPresent() && !now.isBefore(expiry.get())) {
            List<RowProblem> problems = new ArrayList<>();
            problems.add(problem(row, expiresColumn, RowProblem.Severity.ERROR, "EXPIRED", "the entry expires at "
                    + expiry.get() + " ('" + expiryText + "'), which is not after the import's time " + now
                    + ", so it would never apply and was not listed"));
            problems.addAll(warnings);
            return new Expired(problems);
        }
        List<DncEntry> entries = new ArrayList<>(keys.size());
        for (DncEntry.Key key : keys) {
            entries.add(new DncEntry(key, source, reason, expiry));
        }
        return new Keys(entries, keyColumns, warnings);
    }

    private void extraCells(SourceRow row, List<RowProblem> into) {
        List<String> cells = row.cells();
        if (cells.size() <= header.size()) {
            return;
        }
        List<String> filled = new ArrayList<>();
        for (int i = header.size(); i < cells.size(); i++) {
            if (!cells.get(i).isBlank()) {
                filled.add("'" + cells.get(i) + "'");
            }
        }
        if (!filled.isEmpty()) {
            into.add(problem(row, -1, RowProblem.Severity.WARNING, "EXTRA_CELLS", "the row has " + cells.size()
                    + " cells but the header has " + header.size() + " columns; the cells beyond it were ignored: "
                    + String.join(", ", filled)));
        }
    }

    /**
     * An expiry in one of the ISO-8601 forms, to the whole second (as lists keep it); a date or a
     * local time is read in the import's zone.
     */
    Optional<Instant> parseExpiry(String text) {
        try {
            if (text.length() == 10) {
                return Optional.of(LocalDate.parse(text).atStartOfDay(zone).toInstant());
            }
            TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from,
                    LocalDateTime::from);
            Instant at = t instanceof ZonedDateTime z ? z.toInstant() : ((LocalDateTime) t).atZone(zone).toInstant();
            return Optional.of(at.truncatedTo(ChronoUnit.SECONDS));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Spaces, hyphens, dots and parentheses are how people group digits; a prefix is read without them. */
    private static String withoutPunctuation(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private String cell(SourceRow row, int column) {
        if (column < 0) {
            return "";
        }
        List<String> cells = row.cells();
        return column < cells.size() ? FormulaGuard.unguard(cells.get(column).strip()) : "";
    }

    private RowProblem problem(SourceRow row, int column, RowProblem.Severity severity, String code,
            String message) {
        return new RowProblem(row.row(), row.line(), column < 0 ? Optional.empty() : Optional.of(header.get(column)),
                severity, code, message);
    }

    /** @return the columns rows are read by */
    DncColumns columns() {
        return columns;
    }
}
