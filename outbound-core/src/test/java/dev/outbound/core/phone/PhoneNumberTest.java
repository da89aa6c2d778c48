package dev.outbound.core.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.testdata.TestCsv;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhoneNumberTest {

    @Test
    void parse_humanFormatsFromTheSpec_normaliseToE164() {
        assertThat(PhoneNumber.parse("(530) 555-0147", "US").e164()).isEqualTo("+15305550147");
        assertThat(PhoneNumber.parse("+44 (0)151 496 0071", "US").e164()).isEqualTo("+441514960071");
        assertThat(PhoneNumber.parse("0412 345 678", "AU").e164()).isEqualTo("+61412345678");
        PhoneNumber withExtension = PhoneNumber.parse("530.555.0147 x12", "US");
        assertThat(withExtension.e164()).isEqualTo("+15305550147");
        assertThat(withExtension.extensionIfAny()).contains("12");
        assertThat(withExtension).hasToString("+15305550147;ext=12");
    }

    @Test
    void parse_regionOfNumber_isTheNumbersNotTheDefault() {
        PhoneNumber liverpool = PhoneNumber.parse("+44 (0)151 496 0071", "US");
        assertThat(liverpool.regionCode()).isEqualTo("GB");
        assertThat(liverpool.countryCode()).isEqualTo(44);
        assertThat(liverpool.digits()).isEqualTo(441514960071L);
    }

    @Test
    void parse_tooShort_isRefusedWithThatReason() {
        assertThatThrownBy(() -> PhoneNumber.parse("12345", "US"))
                .isInstanceOfSatisfying(InvalidPhoneNumberException.class,
                        e -> assertThat(e.problem()).isEqualTo(PhoneNumberProblem.TOO_SHORT))
                .hasMessageContaining("Invalid value for phone number (too short")
                .hasMessageEndingWith(": 12345");
    }

    @Test
    void parse_unassignedAreaCode_isNotValidForRegion() {
        PhoneNumberParse result = PhoneNumber.tryParse("(555) 123-4567", "US");
        assertThat(result).isInstanceOfSatisfying(PhoneNumberParse.Invalid.class,
                i -> assertThat(i.problem()).isEqualTo(PhoneNumberProblem.NOT_VALID_FOR_REGION));
    }

    @Test
    void parse_text_isNotANumberAtAll() {
        assertThat(PhoneNumber.tryParse("call me maybe", "US")).isInstanceOfSatisfying(PhoneNumberParse.Invalid.class,
                i -> assertThat(i.problem()).isEqualTo(PhoneNumberProblem.NOT_A_NUMBER));
        assertThat(PhoneNumber.tryParse("   ", "US")).isInstanceOfSatisfying(PhoneNumberParse.Invalid.class,
                i -> assertThat(i.problem()).isEqualTo(PhoneNumberProblem.EMPTY));
    }

    @Test
    void parse_unknownDefaultRegion_isRefusedNamingTheRegion() {
        assertThat(PhoneNumber.tryParse("5305550147", "XX")).isInstanceOfSatisfying(PhoneNumberParse.Invalid.class, i -> {
            assertThat(i.problem()).isEqualTo(PhoneNumberProblem.UNKNOWN_REGION);
            assertThat(i.message()).contains("'XX'");
        });
    }

    @Test
    void parse_nationalNumberWithoutRegion_hasNoCountryCode() {
        assertThat(PhoneNumber.tryParse("5305550147", PhoneNumber.NO_REGION))
                .isInstanceOfSatisfying(PhoneNumberParse.Invalid.class,
                        i -> assertThat(i.problem()).isEqualTo(PhoneNumberProblem.INVALID_COUNTRY_CODE));
    }

    @Test
    void ofE164_acceptsOnlyExactE164() {
        assertThat(PhoneNumber.ofE164("+15305550147").regionCode()).isEqualTo("US");
        assertThatThrownBy(() -> PhoneNumber.ofE164("+1 530 555 0147")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("not in E.164 form");
        assertThatThrownBy(() -> PhoneNumber.ofE164("15305550147")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void vectors_everyExampleNumber_parsesFromNationalAndInternationalForms() {
        List<Map<String, String>> rows = TestCsv.read("/phones/vectors.csv");
        assertThat(rows).hasSize(22);
        for (Map<String, String> row : rows) {
            String expected = row.get("expected_e164");
            assertThat(PhoneNumber.parse(row.get("national_formatted"), row.get("region")).e164())
                    .as("national %s", row).isEqualTo(expected);
            assertThat(PhoneNumber.parse(row.get("international_formatted"), PhoneNumber.NO_REGION).e164())
                    .as("international %s", row).isEqualTo(expected);
        }
    }

    @Test
    void variants_acceptedExactlyWhenLibphonenumberCallsThemValid() {
        List<Map<String, String>> rows = TestCsv.read("/phones/variants.csv");
        assertThat(rows).hasSize(242);
        for (Map<String, String> row : rows) {
            PhoneNumberParse result = PhoneNumber.tryParse(row.get("raw_input"), row.get("default_region"));
            boolean valid = row.get("parse_ok").equals("true") && row.get("is_valid").equals("true");
            if (valid) {
                assertThat(result).as("%s", row).isInstanceOf(PhoneNumberParse.Valid.class);
                assertThat(((PhoneNumberParse.Valid) result).number().e164()).as("%s", row)
                        .isEqualTo(row.get("expected_e164"));
            } else {
                assertThat(result).as("%s", row).isInstanceOf(PhoneNumberParse.Invalid.class);
            }
        }
    }

    @Test
    void junkInputs_refusedUnlessValidInThatRegion() {
        List<Map<String, String>> rows = TestCsv.read("/phones/junk_inputs_by_region.csv");
        assertThat(rows).hasSize(264);
        for (Map<String, String> row : rows) {
            PhoneNumberParse result = PhoneNumber.tryParse(row.get("raw_input"), row.get("default_region"));
            if (row.get("is_valid").equals("true")) {
                assertThat(result).as("%s", row).isInstanceOf(PhoneNumberParse.Valid.class);
                assertThat(((PhoneNumberParse.Valid) result).number().e164()).isEqualTo(row.get("e164_if_parsed"));
            } else {
                assertThat(result).as("%s", row).isInstanceOf(PhoneNumberParse.Invalid.class);
            }
        }
    }

    @Test
    void normalisation_isIdempotent() {
        List<Map<String, String>> rows = TestCsv.read("/phones/vectors.csv");
        qt().forAll(integers().between(0, rows.size() - 1), integers().between(0, 9_999), integers().between(0, 2))
                .check((row, tail, form) -> {
                    Map<String, String> r = rows.get(row);
                    // Vary the last four digits of a known-valid example; keep those that are still valid.
                    String e164 = r.get("expected_e164");
                    String candidate = e164.substring(0, e164.length() - 4) + String.format("%04d", tail);
                    PhoneNumberParse first = PhoneNumber.tryParse(candidate, r.get("region"));
                    if (!(first instanceof PhoneNumberParse.Valid valid)) {
                        return true;
                    }
                    PhoneNumber once = valid.number();
                    String rewritten = switch (form) {
                        case 0 -> once.e164();
                        case 1 -> once.toInternationalFormat();
                        default -> once.toString();
                    };
                    PhoneNumber twice = PhoneNumber.parse(rewritten, r.get("region"));
                    return twice.e164().equals(once.e164()) && PhoneNumber.ofE164(once.e164()).e164().equals(once.e164());
                });
    }

    @Test
    void phoneField_namesAreCaseInsensitiveAndChecked() {
        assertThat(PhoneField.of(" Mobile ")).isEqualTo(PhoneField.MOBILE);
        assertThatThrownBy(() -> PhoneField.of("2nd phone")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("phone field").hasMessageContaining("'2nd phone'");
    }
}
