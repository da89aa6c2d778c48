package dev.outbound.csv.dnc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which header names give which role, decided by hand from the rules in {@link DncColumns}. */
class DncColumnsTest {

    private static List<DncColumn> roles(String... header) {
        return DncColumns.resolve(List.of(header), Map.of()).roles();
    }

    @Test
    void synonyms_numberColumns_inAnySpellingOfCaseSpacesAndUnderscores() {
        assertThat(roles("Phone Number", "TELEPHONE", "mobile_phone", "phone2", "Number 3", "alt-phone", "URI",
                "msisdn", "Home Phone Number 2"))
                .containsOnly(DncColumn.NUMBER);
    }

    @Test
    void synonyms_otherRoles() {
        assertThat(roles("customer_reference_id", "Prefix", "Reason", "Source", "Expires At", "country"))
                .containsExactly(DncColumn.CUSTOMER_REF, DncColumn.PREFIX, DncColumn.REASON, DncColumn.SOURCE,
                        DncColumn.EXPIRES_AT, DncColumn.REGION);
        assertThat(roles("customer_key", "expiry_date", "region")).containsExactly(DncColumn.CUSTOMER_REF,
                DncColumn.EXPIRES_AT, DncColumn.REGION);
    }

    @Test
    void namesEndingInNumber_areNotPhoneNumbers_unlessTheyArePhoneNumbers() {
        assertThat(roles("phone", "account_number", "customer_number", "order_number"))
                .containsExactly(DncColumn.NUMBER, DncColumn.IGNORED, DncColumn.CUSTOMER_REF, DncColumn.IGNORED);
    }

    @Test
    void secondColumnForASingleRole_isIgnored_andItsNoteSaysWhy() {
        DncColumns c = DncColumns.resolve(List.of("phone", "reason", "dnc_reason"), Map.of());

        assertThat(c.roles()).containsExactly(DncColumn.NUMBER, DncColumn.REASON, DncColumn.IGNORED);
        assertThat(c.notes().get(2)).isEqualTo(
                "column 3 'dnc_reason' ignored (matches reason, but column 2 'reason' already has it)");
    }

    @Test
    void repeatedHeader_isANumberEachTime_butAnyOtherRepeatIsIgnored() {
        DncColumns c = DncColumns.resolve(List.of("phone", "phone", "reason", "reason"), Map.of());

        assertThat(c.roles()).containsExactly(DncColumn.NUMBER, DncColumn.NUMBER, DncColumn.REASON,
                DncColumn.IGNORED);
        assertThat(c.notes().get(3)).isEqualTo("column 4 'reason' ignored (repeats the header of column 3)");
    }

    @Test
    void givenRole_takesTheRoleBeforeAMatchingColumn() {
        DncColumns c = DncColumns.resolve(List.of("reason", "Grund", "Tel"),
                Map.of("Grund", DncColumn.REASON, "Tel", DncColumn.NUMBER));

        assertThat(c.roles()).containsExactly(DncColumn.IGNORED, DncColumn.REASON, DncColumn.NUMBER);
        assertThat(c.notes().get(0)).contains("column 2 'Grund' already has it");
    }

    @Test
    void noKeyColumn_isRefused_namingTheHeader() {
        assertThatThrownBy(() -> DncColumns.resolve(List.of("name", "reason"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no column of the header [name, reason]");
    }

    @Test
    void blankHeaderCell_isIgnored() {
        assertThat(roles("", "phone")).containsExactly(DncColumn.IGNORED, DncColumn.NUMBER);
    }
}
