package dev.outbound.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneNumber;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegionMatchTest {

    private static final String CONDITION_RULE = "field=value (e.g. state=FL) or +prefix (e.g. +1305)";
    private static final PhoneNumber MIAMI = PhoneNumber.ofE164("+13055550147");
    private static final PhoneNumber AUSTIN = PhoneNumber.ofE164("+15125550147");

    @Test
    void parse_fieldEquals_normalisesCaseAndSpaces() {
        RegionMatch m = RegionMatch.parse("  State = fl ");
        assertThat(m).isEqualTo(new RegionMatch.FieldEquals("state", "FL"));
        assertThat(m).hasToString("state=FL");
    }

    @Test
    void parse_numberPrefix_keepsTheDigits() {
        RegionMatch m = RegionMatch.parse(" +1305 ");
        assertThat(m).isEqualTo(new RegionMatch.NumberPrefix("1305"));
        assertThat(m).hasToString("+1305");
    }

    @Test
    void fieldEquals_matchesValueIgnoringCaseAndSpaces() {
        RegionMatch m = RegionMatch.parse("state=FL");
        assertThat(m.matches(Map.of("state", "FL"), AUSTIN)).isTrue();
        assertThat(m.matches(Map.of("state", " fl "), AUSTIN)).isTrue();
        assertThat(m.matches(Map.of("state", "TX"), MIAMI)).isFalse();
        assertThat(m.matches(Map.of(), MIAMI)).isFalse();
        assertThat(m.matches(Map.of("county", "FL"), MIAMI)).isFalse();
    }

    @Test
    void numberPrefix_matchesTheStartOfTheE164Digits() {
        assertThat(RegionMatch.parse("+1305").matches(Map.of(), MIAMI)).isTrue();
        assertThat(RegionMatch.parse("+1").matches(Map.of(), MIAMI)).isTrue();
        assertThat(RegionMatch.parse("+13055550147").matches(Map.of(), MIAMI)).isTrue();
        assertThat(RegionMatch.parse("+1512").matches(Map.of("state", "FL"), MIAMI)).isFalse();
        assertThat(RegionMatch.parse("+130555501470").matches(Map.of(), MIAMI)).isFalse();
        assertThat(RegionMatch.parse("+305").matches(Map.of(), MIAMI)).isFalse();
    }

    @Test
    void parse_neitherForm_isRefusedNamingFieldRuleAndValue() {
        for (String bad : new String[] {"FL", "=FL", "state=", "state=  ", ""}) {
            assertThatThrownBy(() -> RegionMatch.parse(bad))
                    .as(bad)
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("Invalid value for region rule condition (" + CONDITION_RULE + "): '" + bad + "'");
        }
    }

    @Test
    void parse_badPrefix_isRefused() {
        String rule = "+ then 1 to 15 digits, not starting with 0";
        for (String bad : new String[] {"+", "+044", "+1 305", "+13a", "+1234567890123456"}) {
            assertThatThrownBy(() -> RegionMatch.parse(bad))
                    .as(bad)
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageStartingWith("Invalid value for region rule number prefix (" + rule + "): ");
        }
        assertThatThrownBy(() -> RegionMatch.parse("+0044")).hasMessageEndingWith(": '+0044'");
        assertThat(RegionMatch.parse("+123456789012345")).isEqualTo(new RegionMatch.NumberPrefix("123456789012345"));
    }

    @Test
    void fieldEquals_blankPart_isRefused() {
        assertThatThrownBy(() -> new RegionMatch.FieldEquals(" ", "FL"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for region rule condition (a field name and a value):  =FL");
        assertThatThrownBy(() -> new RegionMatch.FieldEquals("state", ""))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for region rule condition (a field name and a value): state=");
    }
}
