package dev.outbound.csv.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordDraft;
import dev.outbound.csv.read.CsvSource;
import dev.outbound.csv.read.ReadOptions;
import dev.outbound.csv.read.SourceRow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Export then read: whatever the custom values, separator and encoding, the reader gets back one
 * row a record with each value in its column, neutralised exactly when it starts with a formula
 * character. Inputs are built from a seed QuickTheories draws.
 */
class LeadExportPropertiesTest {
    private static final String CHARS = "ab1 ,;:\t\"\r\n=+-@'\u00e9\u00fc\u20ac";
    private static final String LATIN1_CHARS = "ab1 ,;:\t\"\r\n=+-@'\u00e9\u00fc";
    private static final String SEPARATORS = ReadOptions.SEPARATORS;

    @Test
    void exportThenRead_valuesInTheirColumns_neutralisedExactlyWhenTheyStartWithAFormulaCharacter() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            Random rnd = new Random(seed);
            int fields = 1 + rnd.nextInt(3);
            List<String> names = new ArrayList<>();
            for (int f = 0; f < fields; f++) {
                names.add("f" + f);
            }
            int charsetPick = rnd.nextInt(3);
            Charset charset = charsetPick == 0 ? StandardCharsets.UTF_8
                    : charsetPick == 1 ? StandardCharsets.UTF_16 : StandardCharsets.ISO_8859_1;
            String alphabet = charset.equals(StandardCharsets.ISO_8859_1) ? LATIN1_CHARS : CHARS;
            char separator = SEPARATORS.charAt(rnd.nextInt(SEPARATORS.length()));
            boolean neutralise = rnd.nextInt(4) != 0;

            List<Record> records = new ArrayList<>();
            List<List<String>> values = new ArrayList<>();
            int count = rnd.nextInt(6);
            for (int i = 0; i < count; i++) {
                RecordDraft draft = LeadExportTest.factory().newRecord("R" + i)
                        .phone(PhoneField.MOBILE, "+1530555" + String.format("%04d", rnd.nextInt(10_000)));
                List<String> row = new ArrayList<>();
                for (String name : names) {
                    String value = randomValue(rnd, alphabet);
                    if (!value.isBlank()) {
                        draft.field(name, value);
                    }
                    // A blank custom value is no value: the record has none and the cell is empty.
                    row.add(value.isBlank() ? "" : value);
                }
                records.add(draft.build());
                values.add(row);
            }

            LeadExport export = LeadExport.newBuilder().phoneFields(List.of(PhoneField.MOBILE, PhoneField.HOME))
                    .columns(List.of("customer_reference_id", "mobile")).customFields(names).separator(separator)
                    .charset(charset).neutraliseFormulas(neutralise).build();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long written;
            try {
                written = export.export(records.stream(), out);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            assertThat(written).isEqualTo(count);

            String what = "separator '" + separator + "', " + charset + ", neutralise " + neutralise + ", values "
                    + values;
            try (CsvSource source = CsvSource.open(new ByteArrayInputStream(out.toByteArray()), ReadOptions.detect())) {
                assertThat(source.detected().separator()).as(what).isEqualTo(separator);
                assertThat(source.header()).as(what).isEqualTo(export.columns());
                for (int i = 0; i < count; i++) {
                    Optional<SourceRow> row = source.next();
                    assertThat(row).as(what).isPresent();
                    List<String> cells = row.get().cells();
                    assertThat(cells.get(0)).isEqualTo("R" + i);
                    assertThat(cells.get(1)).isEqualTo(records.get(i).phone(PhoneField.MOBILE).orElseThrow()
                            .number().e164());
                    List<String> expected = new ArrayList<>();
                    for (String v : values.get(i)) {
                        // A leading quote is guarded too, so that the import can take the guard off exactly.
                        boolean formula = !v.isEmpty() && "=+-@\t\r'".indexOf(v.charAt(0)) >= 0;
                        expected.add(neutralise && formula ? "'" + v : v);
                    }
                    assertThat(cells.subList(2, cells.size())).as(what).isEqualTo(expected);
                    assertThat(row.get().malformed()).as(what).isEmpty();
                }
                assertThat(source.next()).as(what).isEmpty();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    private static String randomValue(Random rnd, String alphabet) {
        int len = rnd.nextInt(7);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < len; i++) {
            b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
