package dev.outbound.csv.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.callerid.Did;
import dev.outbound.core.callerid.DidPool;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.csv.RowProblem;
import dev.outbound.csv.read.ReadOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Small DID files whose DIDs and problems are worked out by hand. */
class DidImportTest {
    private static DidImportResult read(String text) throws IOException {
        return DidImport.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), ReadOptions.detect(),
                "US");
    }

    private static PhoneNumber n(String e164) {
        return PhoneNumber.ofE164(e164);
    }

    @Test
    void numbersLabelsAndRetired_readInFileOrder() throws IOException {
        DidImportResult r = read("Number;Label;Retired\n+1 916 555 0101;Sacramento;\n(212) 555-0104;;yes\n"
                + "530.555.0102;  Chico ;no\n");
        assertThat(r.rows()).isEqualTo(3);
        assertThat(r.problems()).isEmpty();
        assertThat(r.dids()).containsExactly(
                new Did(n("+19165550101"), Optional.of("Sacramento"), false),
                new Did(n("+12125550104"), Optional.empty(), true),
                new Did(n("+15305550102"), Optional.of("Chico"), false));
        DidPool pool = r.toPool(n("+12025550100"));
        assertThat(pool.active()).extracting(Did::number).containsExactly(n("+19165550101"), n("+15305550102"));
    }

    @Test
    void onlyANumberColumn_activeDidsWithoutLabels() throws IOException {
        DidImportResult r = read("did\n9165550101\n");
        assertThat(r.dids()).containsExactly(Did.of(n("+19165550101")));
    }

    @Test
    void badRows_refusedWithRowLineColumnAndCode_othersKept() throws IOException {
        DidImportResult r = read("number,label,retired\n"
                + "9165550101,ok,\n"       // row 1, line 2
                + ",no number,\n"          // row 2, line 3
                + "12345,too short,\n"     // row 3, line 4
                + "(916) 555-0101,again,\n" // row 4, line 5: duplicate of row 1
                + "2125550104 x12,ext,\n"  // row 5, line 6
                + "2125550105,x,maybe\n"   // row 6, line 7
                + "2125550106," + "L".repeat(101) + ",\n"); // row 7, line 8
        assertThat(r.rows()).isEqualTo(7);
        assertThat(r.dids()).containsExactly(Did.of(n("+19165550101"), "ok"));
        assertThat(r.problems()).extracting(RowProblem::row, RowProblem::line, RowProblem::column, RowProblem::code)
                .containsExactly(
                        tuple(2L, 3L, Optional.of("number"), "NUMBER_MISSING"),
                        tuple(3L, 4L, Optional.of("number"), "NUMBER_INVALID"),
                        tuple(4L, 5L, Optional.of("number"), "DUPLICATE_IN_FILE"),
                        tuple(5L, 6L, Optional.of("number"), "NUMBER_INVALID"),
                        tuple(6L, 7L, Optional.of("retired"), "RETIRED_INVALID"),
                        tuple(7L, 8L, Optional.of("label"), "LABEL_INVALID"));
        assertThat(r.problems().get(2).message()).contains("row 1");
        assertThat(r.rows()).isEqualTo(r.dids().size() + r.problems().size());
    }

    @Test
    void noNumberColumn_refusedNamingTheHeader() {
        assertThatThrownBy(() -> read("label,retired\nx,no\n")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("number column").hasMessageContaining("label");
    }

    @Test
    void malformedRow_refused() throws IOException {
        DidImportResult r = read("number,label\n9165550101,\"ok\"x\n2125550104,fine\n");
        assertThat(r.problems()).extracting(RowProblem::code).containsExactly("ROW_MALFORMED");
        assertThat(r.dids()).extracting(Did::number).containsExactly(n("+12125550104"));
        assertThat(r.stoppedEarly()).isEmpty();
        assertThat(r.rows()).isEqualTo(2);
    }
}
