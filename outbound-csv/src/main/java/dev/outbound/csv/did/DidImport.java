package dev.outbound.csv.did;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.callerid.Did;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.phone.PhoneNumberParse;
import dev.outbound.csv.RowProblem;
import dev.outbound.csv.read.CsvSource;
import dev.outbound.csv.read.ReadOptions;
import dev.outbound.csv.read.SourceRow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a file of caller-id numbers (seed 002's DID table) into {@link Did}s, through the lead
 * import's {@link CsvSource} (encoding and separator detected, rows numbered with their lines).
 *
 * <pre>{@code
 * number,label,retired
 * +1 916 555 0101,Sacramento,
 * (212) 555-0104,New York,no
 * }</pre>
 *
 * <p><b>Columns</b>, matched from the header ignoring case, spaces and hyphens: the number
 * ({@code number}, {@code did}, {@code phone}, {@code phone_number}, {@code caller_id}; required),
 * the label ({@code label}, {@code name}, {@code description}; optional) and whether the DID is
 * retired ({@code retired}; optional: {@code true/false}, {@code yes/no}, {@code 1/0}, blank for
 * no). National numbers are read in the default region.
 *
 * <p><b>Rows.</b> Bad input is reported, never thrown: a row is refused, with a {@link RowProblem}
 * of severity error, when its CSV syntax is broken ({@code ROW_MALFORMED}), its number is blank
 * ({@code NUMBER_MISSING}), not a valid number or written with an extension
 * ({@code NUMBER_INVALID}), already on an earlier row ({@code DUPLICATE_IN_FILE}), its label is
 * over {@value Did#MAX_LABEL} characters ({@code LABEL_INVALID}) or its retired cell cannot be
 * read ({@code RETIRED_INVALID}). Every other row is one DID. Stateless and thread-safe.
 */
public final class DidImport {
    private static final Set<String> NUMBER = Set.of("number", "did", "phone", "phone_number", "caller_id",
            "callerid", "did_number");
    private static final Set<String> LABEL = Set.of("label", "name", "description");
    private static final Set<String> RETIRED = Set.of("retired");

    private DidImport() {
    }

    /**
     * Reads a DID file.
     *
     * @param file the file
     * @param options the separator and encoding, each given or detected
     * @param defaultRegion the ISO 3166 region national numbers are read in ({@code "US"})
     * @return the DIDs and the refused rows
     * @throws IOException when the file cannot be read
     * @throws InvalidValueException when the header has no number column, or is not valid CSV
     */
    public static DidImportResult read(Path file, ReadOptions options, String defaultRegion) throws IOException {
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        try (CsvSource source = CsvSource.open(file, options)) {
            return read(source, defaultRegion);
        }
    }

    /**
     * Reads DIDs from a stream, which is closed at the end.
     *
     * @param in the bytes of the file
     * @param options the separator and encoding, each given or detected
     * @param defaultRegion the ISO 3166 region national numbers are read in ({@code "US"})
     * @return the DIDs and the refused rows
     * @throws IOException when the stream cannot be read
     * @throws InvalidValueException when the header has no number column, or is not valid CSV
     */
    public static DidImportResult read(InputStream in, ReadOptions options, String defaultRegion) throws IOException {
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        try (CsvSource source = CsvSource.open(in, options)) {
            return read(source, defaultRegion);
        }
    }

    private static DidImportResult read(CsvSource source, String defaultRegion) {
        if (source.headerProblem().isPresent()) {
            throw new InvalidValueException("DID file header", "a valid CSV row", source.headerProblem().get());
        }
        List<String> header = source.header();
        int number = column(header, NUMBER);
        int label = column(header, LABEL);
        int retired = column(header, RETIRED);
        if (number < 0) {
            throw new InvalidValueException("DID file header", "a number column (number, did, phone, phone_number or "
                    + "caller_id)", header);
        }
        List<Did> dids = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        Map<PhoneNumber, Long> rowOf = new HashMap<>();
        long rows = 0;
        for (Optional<SourceRow> next = source.next(); next.isPresent(); next = source.next()) {
            SourceRow row = next.get();
            rows++;
            if (row.malformed().isPresent()) {
                problems.add(problem(row, header, -1, "ROW_MALFORMED", "the row's CSV syntax is broken ("
                        + row.malformed().get() + "), so it was not read"));
                continue;
            }
            String raw = row.cell(number).orElse("").strip();
            if (raw.isEmpty()) {
                problems.add(problem(row, header, number, "NUMBER_MISSING", "no number: a DID row needs one"));
                continue;
            }
            PhoneNumberParse parsed = PhoneNumber.tryParse(raw, defaultRegion);
            if (parsed instanceof PhoneNumberParse.Invalid invalid) {
                problems.add(problem(row, header, number, "NUMBER_INVALID", "'" + raw + "' is not a valid number: "
                        + invalid.message()));
                continue;
            }
            PhoneNumber n = ((PhoneNumberParse.Valid) parsed).number();
            if (!n.extension().isEmpty()) {
                problems.add(problem(row, header, number, "NUMBER_INVALID", "'" + raw
                        + "' has an extension; a caller id cannot"));
                continue;
            }
            Optional<String> text = label < 0 ? Optional.empty() : row.cell(label).map(String::strip)
                    .filter(s -> !s.isEmpty());
            if (text.isPresent() && text.get().length() > Did.MAX_LABEL) {
                problems.add(problem(row, header, label, "LABEL_INVALID", "the label has " + text.get().length()
                        + " characters; at most " + Did.MAX_LABEL));
                continue;
            }
            Optional<Boolean> isRetired = retired < 0 ? Optional.of(false)
                    : yesNo(row.cell(retired).orElse("").strip());
            if (isRetired.isEmpty()) {
                problems.add(problem(row, header, retired, "RETIRED_INVALID", "'" + row.cell(retired).orElse("")
                        + "' is not true/false, yes/no, 1/0 or blank"));
                continue;
            }
            Long first = rowOf.putIfAbsent(n, row.row());
            if (first != null) {
                problems.add(problem(row, header, number, "DUPLICATE_IN_FILE", n.e164() + " is on row " + first
                        + " already"));
                continue;
            }
            dids.add(new Did(n, text, isRetired.get()));
        }
        return new DidImportResult(rows, dids, problems, source.stoppedEarly());
    }

    private static int column(List<String> header, Set<String> names) {
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            if (names.contains(h)) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<Boolean> yesNo(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "":
            case "false":
            case "no":
            case "n":
            case "0":
                return Optional.of(false);
            case "true":
            case "yes":
            case "y":
            case "1":
                return Optional.of(true);
            default:
                return Optional.empty();
        }
    }

    private static RowProblem problem(SourceRow row, List<String> header, int column, String code, String message) {
        return new RowProblem(row.row(), row.line(), column < 0 ? Optional.empty() : Optional.of(header.get(column)),
                RowProblem.Severity.ERROR, code, message);
    }
}
