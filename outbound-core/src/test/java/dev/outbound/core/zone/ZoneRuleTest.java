package dev.outbound.core.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZoneRuleTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @Test
    void parse_specExample_givesFieldValueAndZone() {
        ZoneRule rule = ZoneRule.parse("state = FL -> America/New_York");
        assertThat(rule.field()).isEqualTo("state");
        assertThat(rule.value()).isEqualTo("FL");
        assertThat(rule.zones()).containsExactly(NEW_YORK);
        assertThat(rule.toString()).isEqualTo("state = FL -> America/New_York");
    }

    @Test
    void parse_severalZones_keepsTheirOrder() {
        assertThat(ZoneRule.parse("state=FL->America/New_York & America/Chicago").zones())
                .containsExactly(NEW_YORK, CHICAGO);
        assertThat(ZoneRule.parse("state = FL -> America/Chicago, America/New_York").zones())
                .containsExactly(CHICAGO, NEW_YORK);
    }

    @Test
    void parse_aliasAndCaseVariant_giveTheCanonicalZoneOnce() {
        assertThat(ZoneRule.parse("state = NY -> us/eastern & America/New_York").zones()).containsExactly(NEW_YORK);
    }

    @Test
    void parse_notARule_namesTheSyntax() {
        assertThatThrownBy(() -> ZoneRule.parse("state FL America/New_York"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("Invalid value for zone rule (field = value -> Zone")
                .hasMessageEndingWith("): state FL America/New_York");
        assertThatThrownBy(() -> ZoneRule.parse("state = -> America/New_York")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ZoneRule.parse("state = FL ->")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void parse_offsetZone_isRefused() {
        assertThatThrownBy(() -> ZoneRule.parse("state = FL -> GMT-5"))
                .hasMessageContaining("not a UTC offset").hasMessageEndingWith(": GMT-5");
    }

    @Test
    void parseAll_skipsCommentsAndBlanks_andKeepsOrder() {
        List<ZoneRule> rules = ZoneRule.parseAll("""
                # campaign 12 zone rules

                state = FL -> America/New_York
                  # panhandle counties
                county = Escambia -> America/Chicago
                """);
        assertThat(rules).extracting(ZoneRule::field).containsExactly("state", "county");
    }

    @Test
    void parseAll_badZone_namesTheLineNumberAndValue() {
        assertThatThrownBy(() -> ZoneRule.parseAll("# rules\nstate = FL -> America/New_York\n\nstate = TX -> America/Chicgo\n"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for zone rules line 4 (an IANA time-zone name such as America/New_York;"
                        + " did you mean America/Chicago?): America/Chicgo");
    }

    @Test
    void parseAll_sameFieldAndValueTwice_isRefusedNamingBothLines() {
        assertThatThrownBy(() -> ZoneRule.parseAll("state = FL -> America/New_York\nstate = fl -> America/Chicago"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("zone rules line 2")
                .hasMessageContaining("line 1 already has state = FL");
    }

    @Test
    void matches_ignoresCaseAndSurroundingSpaces() {
        ZoneRule rule = ZoneRule.of("state", "FL", NEW_YORK);
        assertThat(rule.matches(" fl ")).isTrue();
        assertThat(rule.matches("Fl")).isTrue();
        assertThat(rule.matches("FLA")).isFalse();
    }

    @Test
    void of_offsetOrNoZone_isRefused() {
        assertThatThrownBy(() -> ZoneRule.of("state", "FL", java.time.ZoneOffset.ofHours(-5)))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ZoneRule.of("state", "FL")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ZoneRule.of(" ", "FL", NEW_YORK)).isInstanceOf(InvalidValueException.class);
    }
}
