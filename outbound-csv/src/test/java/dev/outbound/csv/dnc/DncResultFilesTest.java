package dev.outbound.csv.dnc;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.outbound.core.dnc.DncEntry;
import dev.outbound.core.dnc.DncList;
import dev.outbound.core.internal.Json;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.csv.imports.ImportStatus;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The result files of a small Do-Not-Call file, worked out by hand. */
class DncResultFilesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

    private static final String FILE = "phone,customer_key,reason,expires_at\n"
            + "(212) 555-0147,C-1,=cmd,\n" // 1 added: a number and a customer; the reason looks like a formula
            + "abc,,,\n" // 2 invalid
            + "212-555-0147,,,\n" // 3 duplicate of row 1
            + "2125550148,,,2027-01-01,extra\n" // 4 added, with an EXTRA_CELLS warning
            + "2125550149,,,2020-01-01\n"; // 5 expired

    @TempDir
    Path tmp;

    private static List<List<String>> readCsv(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
                .ofCsvRecord(file, StandardCharsets.UTF_8)) {
            for (CsvRecord r : reader) {
                rows.add(r.getFields());
            }
        }
        return rows;
    }

    private DncImportResult importFile(Path dir) throws IOException {
        Path file = tmp.resolve("dnc.csv");
        Files.writeString(file, FILE, StandardCharsets.UTF_8);
        DncList list = DncList.newBuilder("national").build();
        return DncImport.newBuilder(list).clock(CLOCK).defaultRegion("US").resultDirectory(dir).build().newJob(file)
                .run();
    }

    @Test
    void successFile_oneLinePerEntry_normalised_formulasGuarded() throws IOException {
        Path out = tmp.resolve("report");
        importFile(out);

        assertThat(Files.readString(out.resolve("success.csv"))).isEqualTo(
                "number,prefix,customer_reference_id,source,reason,expires_at,outcome,row,line\r\n"
                + "+12125550147,,,,'=cmd,,added,1,2\r\n"
                + ",,C-1,,'=cmd,,added,1,2\r\n"
                + "+12125550148,,,,,2027-01-01T00:00:00Z,added,4,5\r\n");
    }

    @Test
    void errorsAndDuplicates_holdTheOriginalCellsAndTheReasons() throws IOException {
        Path out = tmp.resolve("report");
        importFile(out);

        List<List<String>> errors = readCsv(out.resolve("errors.csv"));
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0)).containsExactly("phone", "customer_key", "reason", "expires_at", "row", "line",
                "column", "code", "message");
        assertThat(errors.get(1).subList(0, 8)).containsExactly("abc", "", "", "", "2", "3", "phone",
                "NUMBER_INVALID");
        assertThat(errors.get(1).get(8)).startsWith("'abc' (region US) is not a valid phone number");
        assertThat(errors.get(2).subList(0, 8)).containsExactly("2125550149", "", "", "2020-01-01", "5", "6",
                "expires_at", "EXPIRED");
        assertThat(Files.readString(out.resolve("duplicates.csv"))).isEqualTo(
                "phone,customer_key,reason,expires_at,row,line,first_row\r\n"
                + "212-555-0147,,,,3,4,1\r\n");
        assertThat(Files.mismatch(tmp.resolve("dnc.csv"), out.resolve("original-dnc.csv"))).isEqualTo(-1L);
    }

    @Test
    void summary_isTheResultAsJson_withTheCountsAndColumns() throws IOException {
        Path out = tmp.resolve("report");
        DncImportResult r = importFile(out);

        String text = Files.readString(out.resolve("summary.json"));
        assertThat(text).isEqualTo(r.toJson());
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) Json.parse(text);
        assertThat(summary.get("status")).isEqualTo("finished");
        assertThat(summary.get("list")).isEqualTo("national");
        assertThat(summary.get("mode")).isEqualTo("block");
        assertThat(summary.get("replace")).isEqualTo(false);
        assertThat(summary.get("separator")).isEqualTo(",");
        assertThat(summary.get("columns")).isEqualTo(List.of("column 1 'phone' -> number (matched)",
                "column 2 'customer_key' -> customer_ref (matched)", "column 3 'reason' -> reason (matched)",
                "column 4 'expires_at' -> expires_at (matched)"));
        for (Map.Entry<String, Integer> e : Map.of("total_rows", 5, "added", 2, "updated", 0, "unchanged", 0,
                "duplicates_in_file", 1, "expired", 1, "invalid", 1, "warnings", 1, "entries", 3, "list_size", 3)
                .entrySet()) {
            assertThat(summary.get(e.getKey())).as(e.getKey()).isEqualTo(BigDecimal.valueOf(e.getValue()));
        }
        assertThat(summary.get("problem_count")).isEqualTo(BigDecimal.valueOf(4));
        assertThat(summary.get("failure")).isSameAs(Json.NULL);
    }

    @Test
    void successFile_importsAgain_intoTheSameEntries() throws IOException {
        Path out = tmp.resolve("report");
        importFile(out);
        DncList again = DncList.newBuilder("again").build();

        DncImportResult r = DncImport.newBuilder(again).clock(CLOCK).build().newJob(out.resolve("success.csv")).run();

        assertThat(r.status()).isEqualTo(ImportStatus.FINISHED);
        assertThat(r.counts()).isEqualTo(new DncImportCounts(3, 3, 0, 0, 0, 0, 0, 0, 3, 0));
        assertThat(again.entry(new DncEntry.NumberKey(PhoneNumber.ofE164("+12125550147"))))
                .contains(DncEntry.number(PhoneNumber.ofE164("+12125550147")).withReason("=cmd"));
        assertThat(again.entry(new DncEntry.CustomerKey("C-1"))).contains(DncEntry.customer("C-1").withReason("=cmd"));
        assertThat(again.entry(new DncEntry.NumberKey(PhoneNumber.ofE164("+12125550148"))))
                .contains(DncEntry.number(PhoneNumber.ofE164("+12125550148"))
                        .withExpiry(Instant.parse("2027-01-01T00:00:00Z")));
    }

    @Test
    void everyRow_isInExactlyOneFile() throws IOException {
        Path out = tmp.resolve("report");
        DncImportResult r = importFile(out);

        List<String> rows = new ArrayList<>();
        for (List<String> line : readCsv(out.resolve("success.csv")).subList(1, 4)) {
            if (!rows.contains(line.get(7))) {
                rows.add(line.get(7));
            }
        }
        for (List<String> line : readCsv(out.resolve("errors.csv")).subList(1, 3)) {
            rows.add(line.get(4));
        }
        for (List<String> line : readCsv(out.resolve("duplicates.csv")).subList(1, 2)) {
            rows.add(line.get(4));
        }
        assertThat(rows).containsExactlyInAnyOrder("1", "2", "3", "4", "5");
        assertThat(r.counts().total()).isEqualTo(5);
    }
}
