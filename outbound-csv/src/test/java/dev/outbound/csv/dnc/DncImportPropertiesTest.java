package dev.outbound.csv.dnc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.outbound.core.dnc.DncEntry;
import dev.outbound.core.dnc.DncList;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.csv.imports.ImportStatus;
import dev.outbound.csv.read.ReadOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random Do-Not-Call files (valid numbers in several spellings, prefixes, customers, invalid
 * numbers, empty rows, repeats, expiries, reasons; random separators, quoting and line breaks)
 * into a list that already holds random entries, against a model of the rules written as plainly
 * as possible: every row is counted exactly once and in the model's count, every row is in exactly
 * one result file, and the list afterwards holds exactly the model's entries.
 */
class DncImportPropertiesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");

    /** The keys rows and the list draw from: six numbers, three prefixes, two customers. */
    private static final List<DncEntry.Key> KEYS = keys();
    private static final int NUMBERS = 6;
    private static final int PREFIXES = 3;
    private static final int KINDS = KEYS.size() + 2; // and: an invalid number, an empty row
    private static final int ROW_VALUES = KINDS * 4 * 2 * 3 * 2;

    private static final String[] PREFIX_TEXT = {"+1415", "44", "1 530"};
    private static final String[] INVALID_TEXT = {"abc", "12", "+999 12", "555"};
    private static final String[] SEPARATORS = {",", ";", "\t", ":"};

    @TempDir
    Path tmp;

    private static List<DncEntry.Key> keys() {
        List<DncEntry.Key> keys = new ArrayList<>();
        for (int i = 0; i < NUMBERS; i++) {
            keys.add(new DncEntry.NumberKey(PhoneNumber.ofE164("+1212555014" + i)));
        }
        keys.add(new DncEntry.PrefixKey("1415"));
        keys.add(new DncEntry.PrefixKey("44"));
        keys.add(new DncEntry.PrefixKey("1530"));
        keys.add(new DncEntry.CustomerKey("C-1"));
        keys.add(new DncEntry.CustomerKey("C-2"));
        return List.copyOf(keys);
    }

    /** One row, decoded from a random value. */
    private record Row(int kind, int spelling, boolean reason, int expiry, boolean quoted) {
        static Row of(int v) {
            int kind = v % KINDS;
            v /= KINDS;
            int spelling = v % 4;
            v /= 4;
            boolean reason = v % 2 == 1;
            v /= 2;
            int expiry = v % 3;
            v /= 3;
            return new Row(kind, spelling, reason, expiry, v % 2 == 1);
        }

        boolean invalidNumber() {
            return kind == KEYS.size();
        }

        boolean empty() {
            return kind == KEYS.size() + 1;
        }

        /** The cells: phone, prefix, customer_key, reason, expires_at. */
        List<String> cells() {
            String[] cells = {"", "", "", reason ? "a" : "", expiry == 0 ? "" : expiry == 1 ? "2020-01-01" : "2030-01-01"};
            if (kind < NUMBERS) {
                String last = "014" + kind;
                cells[0] = switch (spelling) {
                    case 0 -> "+1212555" + last;
                    case 1 -> "(212) 555-" + last;
                    case 2 -> "212-555-" + last;
                    default -> "212.555." + last;
                };
            } else if (kind < NUMBERS + PREFIXES) {
                cells[1] = PREFIX_TEXT[kind - NUMBERS];
            } else if (kind < KEYS.size()) {
                cells[2] = ((DncEntry.CustomerKey) KEYS.get(kind)).customerRef();
            } else if (invalidNumber()) {
                cells[0] = INVALID_TEXT[spelling];
            } else {
                // A row of nothing but separators and white space (tabs) is a blank row, which is
                // skipped; a reason makes it a row that names no key.
                cells[3] = "a";
            }
            return List.of(cells);
        }

        /** The entry a valid, unexpired row gives. */
        DncEntry entry() {
            return new DncEntry(KEYS.get(kind), Optional.empty(), reason ? Optional.of("a") : Optional.empty(),
                    expiry == 2 ? Optional.of(LATER) : Optional.empty());
        }
    }

    /** What the rules say the import does, one row at a time. */
    private static final class Model {
        final Map<DncEntry.Key, DncEntry> list = new LinkedHashMap<>();
        final Map<DncEntry.Key, DncEntry> file = new LinkedHashMap<>();
        long added;
        long updated;
        long unchanged;
        long duplicates;
        long expired;
        long invalid;

        Model(Map<DncEntry.Key, DncEntry> before) {
            list.putAll(before);
        }

        void run(List<Row> rows, boolean replace) {
            Map<DncEntry.Key, DncEntry> before = new HashMap<>(list);
            for (Row row : rows) {
                if (row.invalidNumber() || row.empty()) {
                    invalid++;
                } else if (row.expiry == 1) {
                    expired++;
                } else if (file.containsKey(row.entry().key())) {
                    duplicates++;
                } else {
                    DncEntry e = row.entry();
                    file.put(e.key(), e);
                    DncEntry held = before.get(e.key());
                    if (held == null) {
                        added++;
                    } else if (held.equals(e)) {
                        unchanged++;
                    } else {
                        updated++;
                    }
                }
            }
            if (!replace) {
                list.putAll(file);
            } else if (invalid == 0) {
                list.clear();
                list.putAll(file);
            }
        }

        long removed(Map<DncEntry.Key, DncEntry> before, boolean replace) {
            if (!replace || invalid > 0) {
                return 0;
            }
            return before.keySet().stream().filter(k -> !file.containsKey(k)).count();
        }
    }

    private static String csvLine(List<String> cells, String separator, boolean quoted) {
        List<String> out = new ArrayList<>();
        for (String c : cells) {
            out.add(quoted || c.contains(separator) ? "\"" + c + "\"" : c);
        }
        return String.join(separator, out);
    }

    private static List<List<String>> readCsv(Path file) {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
                .ofCsvRecord(file, StandardCharsets.UTF_8)) {
            for (CsvRecord r : reader) {
                rows.add(r.getFields());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    @Test
    void randomFiles_everyRowCountedOnce_inOneResultFile_andTheListHoldsExactlyTheValidDistinctEntries() {
        qt().withExamples(200).forAll(
                lists().of(integers().between(0, ROW_VALUES - 1)).ofSizeBetween(0, 30),
                integers().between(0, (1 << KEYS.size()) - 1),
                integers().between(0, (1 << KEYS.size()) - 1),
                integers().between(0, 31))
                .checkAssert((values, held, heldWithReason, options) -> {
                    String separator = SEPARATORS[options & 3];
                    boolean givenSeparator = (options & 4) != 0;
                    boolean crlf = (options & 8) != 0;
                    boolean replace = (options & 16) != 0;
                    List<Row> rows = values.stream().map(Row::of).toList();

                    Map<DncEntry.Key, DncEntry> before = new LinkedHashMap<>();
                    DncList.Builder b = DncList.newBuilder("l");
                    for (int k = 0; k < KEYS.size(); k++) {
                        if ((held & (1 << k)) != 0) {
                            DncEntry e = (heldWithReason & (1 << k)) != 0 ? DncEntry.of(KEYS.get(k)).withReason("a")
                                    : DncEntry.of(KEYS.get(k));
                            b.add(e);
                            before.put(e.key(), e);
                        }
                    }
                    DncList list = b.build();
                    Model model = new Model(before);
                    model.run(rows, replace);

                    StringBuilder text = new StringBuilder(csvLine(List.of("phone", "prefix", "customer_key",
                            "reason", "expires_at"), separator, false));
                    for (Row row : rows) {
                        text.append(crlf ? "\r\n" : "\n").append(csvLine(row.cells(), separator, row.quoted()));
                    }
                    Path file = tmp.resolve("dnc.csv");
                    Path report = tmp.resolve("report");
                    try {
                        Files.writeString(file, text, StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    DncImport.Builder imports = DncImport.newBuilder(list).clock(CLOCK).defaultRegion("US")
                            .replace(replace).resultDirectory(report);
                    if (givenSeparator) {
                        imports.readOptions(ReadOptions.detect().withSeparator(separator.charAt(0)));
                    }

                    DncImportResult r = imports.build().newJob(file).run();

                    boolean refusedReplace = replace && model.invalid > 0;
                    assertThat(r.status()).isEqualTo(refusedReplace ? ImportStatus.FAILED : ImportStatus.FINISHED);
                    assertThat(r.replaced()).isEqualTo(replace && !refusedReplace);
                    assertThat(r.counts()).isEqualTo(new DncImportCounts(rows.size(), model.added, model.updated,
                            model.unchanged, model.duplicates, model.expired, model.invalid, 0, model.file.size(),
                            model.removed(before, replace)));
                    assertThat(list.size()).isEqualTo(model.list.size());
                    for (DncEntry expected : model.list.values()) {
                        assertThat(list.entry(expected.key())).contains(expected);
                    }

                    List<String> seen = new ArrayList<>();
                    for (List<String> line : readCsv(report.resolve("success.csv")).stream().skip(1).toList()) {
                        if (!seen.contains(line.get(7))) {
                            seen.add(line.get(7));
                        }
                    }
                    for (String name : List.of("errors.csv", "duplicates.csv")) {
                        for (List<String> line : readCsv(report.resolve(name)).stream().skip(1).toList()) {
                            seen.add(line.get(5));
                        }
                    }
                    List<String> all = new ArrayList<>();
                    for (int i = 1; i <= rows.size(); i++) {
                        all.add(String.valueOf(i));
                    }
                    assertThat(seen).containsExactlyInAnyOrderElementsOf(all);
                });
    }
}
