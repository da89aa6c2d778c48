package dev.outbound.core.schedule;

import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneNumber;
import java.io.StringReader;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RegionRuleSetTest {

    private static final PhoneNumber MIAMI = PhoneNumber.ofE164("+13055550147");
    private static final PhoneNumber AUSTIN = PhoneNumber.ofE164("+15125550147");
    private static final PhoneNumber SF = PhoneNumber.ofE164("+14155550147");

    private static final String SAMPLE = """
            # name | applies to            | hours                                | max calls per 24 h | note
            US-FL  | state=FL              | daily 08:00-20:00                    | 3                  | Fla. Stat. 501.059
            US-TX  | state=TX, +1512       | Mon-Sat 09:00-21:00; Sun 12:00-21:00 | -                  | Tex. Bus. & Com. Code

            MIAMI  | +1305                 | -                                    | 2
            """;

    private static RegionRuleSet parse(String text) {
        return RegionRuleSet.parse(new StringReader(text));
    }

    private static RegionRule rule(String name, String... conditions) {
        return new RegionRule(name, java.util.Arrays.stream(conditions).map(RegionMatch::parse).toList(),
                WeeklySchedule.usFederal(), 0, "");
    }

    private static List<String> names(List<RegionRule> rules) {
        return rules.stream().map(RegionRule::name).toList();
    }

    @Test
    void parse_sample_readsEveryColumn() {
        RegionRuleSet set = parse(SAMPLE);
        assertThat(names(set.rules())).containsExactly("US-FL", "US-TX", "MIAMI");
        RegionRule fl = set.rules().get(0);
        assertThat(fl.appliesTo()).containsExactly(new RegionMatch.FieldEquals("state", "FL"));
        assertThat(fl.hours()).isEqualTo(WeeklySchedule.parse("daily 08:00-20:00"));
        assertThat(fl.maxCallsPer24Hours()).isEqualTo(3);
        assertThat(fl.callCap()).isEqualTo(OptionalInt.of(3));
        assertThat(fl.note()).isEqualTo("Fla. Stat. 501.059");
        RegionRule tx = set.rules().get(1);
        assertThat(tx.appliesTo()).containsExactly(
                new RegionMatch.FieldEquals("state", "TX"), new RegionMatch.NumberPrefix("1512"));
        assertThat(tx.callCap()).isEmpty();
        assertThat(tx.maxCallsPer24Hours()).isZero();
        RegionRule miami = set.rules().get(2);
        assertThat(miami.hours()).isEqualTo(WeeklySchedule.always());
        assertThat(miami.note()).isEmpty();
        assertThat(miami.callCap()).isEqualTo(OptionalInt.of(2));
    }

    @Test
    void parse_emptyText_givesAnEmptySet() {
        assertThat(parse("").isEmpty()).isTrue();
        assertThat(parse("# only a comment\n\n").rules()).isEmpty();
        assertThat(RegionRuleSet.empty().isEmpty()).isTrue();
        assertThat(RegionRuleSet.empty().matching(Map.of("state", "FL"), MIAMI)).isEmpty();
    }

    @Test
    void parse_wrongNumberOfColumns_isRefusedNamingTheLine() {
        assertThatThrownBy(() -> parse("# rules\nUS-FL | state=FL | daily 08:00-20:00\n"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for region rule on line 2 (name | applies to | hours | max calls per 24 h | note): "
                        + "'US-FL | state=FL | daily 08:00-20:00'");
        assertThatThrownBy(() -> parse("A | state=FL | - | - | note | extra"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("Invalid value for region rule on line 1 (");
    }

    @Test
    void parse_badCondition_namesLineAndColumn() {
        assertThatThrownBy(() -> parse("\n\nUS-FL | state | daily 08:00-20:00 | 3 | x"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for region rule on line 3, column 'applies to' "
                        + "(field=value (e.g. state=FL) or +prefix (e.g. +1305)): ' state '")
                .satisfies(e -> {
                    InvalidValueException ive = (InvalidValueException) e;
                    assertThat(ive.field()).isEqualTo("region rule on line 3, column 'applies to'");
                    assertThat(ive.value()).isEqualTo("' state '");
                });
    }

    @Test
    void parse_badHours_namesLineAndColumn() {
        assertThatThrownBy(() -> parse("US-FL | state=FL | daily 20:00-08:00 | 3 | x"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for region rule on line 1, column 'hours' "
                        + "(end after start; split a window that crosses midnight into two days): "
                        + "'20:00-08:00' in 'daily 20:00-08:00'");
        assertThatThrownBy(() -> parse("US-FL | state=FL | Mon-Fry 08:00-20:00 | 3 | x"))
                .hasMessageStartingWith("Invalid value for region rule on line 1, column 'hours' (a day such as");
    }

    @Test
    void parse_badCap_namesLineAndColumn() {
        assertThatThrownBy(() -> parse("US-FL | state=FL | daily 08:00-20:00 | three | x"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for region rule on line 1, column 'max calls per 24 h' "
                        + "(a whole number or -): 'three'");
        assertThatThrownBy(() -> parse("US-FL | state=FL | daily 08:00-20:00 | 1001 | x"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for region rule on line 1, column 'max calls per 24 h' "
                        + "(0 (no cap) to 1000): 1001");
        assertThatThrownBy(() -> parse("US-FL | state=FL | daily 08:00-20:00 | -1 | x"))
                .hasMessageContaining("column 'max calls per 24 h'");
    }

    @Test
    void parse_blankName_namesTheNameColumn() {
        assertThatThrownBy(() -> parse("# header\n   | state=FL | daily 08:00-20:00 | 3 | x"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for region rule on line 2, column 'name' (not blank): ''");
    }

    @Test
    void parse_noCondition_namesTheAppliesToColumn() {
        assertThatThrownBy(() -> parse("US-FL |  , | daily 08:00-20:00 | 3 | x"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for region rule on line 1, column 'applies to' (at least one condition): none");
    }

    @Test
    void parse_duplicateName_isRefusedNamingBothLines() {
        assertThatThrownBy(() -> parse("A | state=FL | - | - \nB | state=TX | - | -\n\na | +1305 | - | -\n"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for region rule on line 4, column 'name' (unique in a rule set): "
                        + "'a', already on line 1");
    }

    @Test
    void of_duplicateName_isRefused() {
        assertThatThrownBy(() -> RegionRuleSet.of(List.of(rule("US-FL", "state=FL"), rule("us-fl", "+1305"))))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for region rule name (unique in a rule set): 'us-fl' twice");
    }

    @Test
    void rule_badComponents_areRefused() {
        assertThatThrownBy(() -> new RegionRule(" ", List.of(RegionMatch.parse("state=FL")),
                WeeklySchedule.always(), 0, ""))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for region rule name (not blank): ' '");
        assertThatThrownBy(() -> new RegionRule("X", List.of(), WeeklySchedule.always(), 0, ""))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for region rule X conditions (at least one): none");
        assertThatThrownBy(() -> new RegionRule("X", List.of(RegionMatch.parse("+1")), WeeklySchedule.always(), -1, ""))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for region rule X max calls per 24 h (0 (no cap) to 1000): -1");
    }

    @Test
    void matching_byField_ignoresTheCaseOfTheValue() {
        RegionRuleSet set = parse(SAMPLE);
        assertThat(names(set.matching(Map.of("state", "FL"), SF))).containsExactly("US-FL");
        assertThat(names(set.matching(Map.of("state", " fl "), SF))).containsExactly("US-FL");
        assertThat(names(set.matching(Map.of("state", "Tx"), SF))).containsExactly("US-TX");
        assertThat(set.matching(Map.of("state", "CA"), SF)).isEmpty();
        assertThat(set.matching(Map.of(), SF)).isEmpty();
    }

    @Test
    void matching_ruleWrittenWithUpperCaseField_findsLowerCaseKey() {
        RegionRuleSet set = parse("US-FL | State=fl | - | 3");
        assertThat(names(set.matching(Map.of("state", "FL"), SF))).containsExactly("US-FL");
        assertThat(set.matching(Map.of("county", "FL"), SF)).isEmpty();
    }

    @Test
    void matching_byPrefix_findsEveryPrefixOfTheNumber() {
        RegionRuleSet set = RegionRuleSet.of(List.of(
                rule("NANP", "+1"), rule("DADE", "+1305"), rule("DADE-555", "+1305555"), rule("TX", "+1512"),
                rule("UK", "+44")));
        assertThat(names(set.matching(Map.of(), MIAMI))).containsExactlyInAnyOrder("NANP", "DADE", "DADE-555");
        assertThat(names(set.matching(Map.of(), AUSTIN))).containsExactlyInAnyOrder("NANP", "TX");
        assertThat(names(set.matching(Map.of(), SF))).containsExactly("NANP");
        assertThat(names(set.matching(Map.of(), PhoneNumber.ofE164("+441514960071")))).containsExactly("UK");
    }

    @Test
    void matching_wholeNumberAsPrefix_matches() {
        RegionRuleSet set = RegionRuleSet.of(List.of(rule("ONE", "+13055550147")));
        assertThat(names(set.matching(Map.of(), MIAMI))).containsExactly("ONE");
        assertThat(set.matching(Map.of(), PhoneNumber.ofE164("+13055550148"))).isEmpty();
    }

    @Test
    void matching_ruleMatchedByFieldAndPrefix_isListedOnce() {
        RegionRuleSet set = parse(SAMPLE);
        assertThat(names(set.matching(Map.of("state", "TX"), AUSTIN))).containsExactly("US-TX");
        assertThat(names(set.matching(Map.of(), AUSTIN))).containsExactly("US-TX");
        assertThat(names(set.matching(Map.of("state", "FL"), MIAMI))).containsExactlyInAnyOrder("US-FL", "MIAMI");
        assertThat(names(set.matching(Map.of("state", "TX"), MIAMI))).containsExactlyInAnyOrder("US-TX", "MIAMI");
    }

    @Test
    void matching_sameRuleByTwoFields_isListedOnce() {
        RegionRuleSet set = RegionRuleSet.of(List.of(rule("X", "state=FL", "county=DADE", "+1305", "+13055")));
        assertThat(names(set.matching(Map.of("state", "FL", "county", "dade"), MIAMI))).containsExactly("X");
    }

    @Test
    void matching_andAppliesTo_agreeOnLettersWhoseCaseFoldingDiffers() {
        // "ß" upper-cases to "SS"; "İ" lower-cases to "i" but upper-cases to itself.
        for (String ruleValue : List.of("ß", "SS", "i", "İ")) {
            RegionRuleSet set = RegionRuleSet.of(List.of(rule("X", "state=" + ruleValue)));
            RegionRule x = set.rules().get(0);
            for (String value : List.of("ß", "ss", "SS", "i", "I", "İ", "ı")) {
                Map<String, String> fields = Map.of("state", value);
                assertThat(set.matching(fields, SF).isEmpty())
                        .as("rule state=%s, record state=%s", ruleValue, value)
                        .isEqualTo(!x.appliesTo(fields, SF));
            }
        }
        RegionRule sharp = RegionRuleSet.of(List.of(rule("X", "state=ß"))).rules().get(0);
        assertThat(sharp.appliesTo(Map.of("state", "ß"), SF)).isTrue();
        assertThat(sharp.appliesTo(Map.of("state", "ss"), SF)).isTrue();
    }

    @Test
    void matching_resultCannotChangeTheSet() {
        RegionRuleSet set = parse(SAMPLE);
        List<RegionRule> single = set.matching(Map.of("state", "FL"), SF);
        assertThatThrownBy(single::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThat(names(set.matching(Map.of("state", "FL"), SF))).containsExactly("US-FL");
        List<RegionRule> byPrefix = set.matching(Map.of(), MIAMI);
        assertThatThrownBy(() -> byPrefix.add(set.rules().get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(names(set.matching(Map.of(), MIAMI))).containsExactly("MIAMI");
        List<RegionRule> merged = set.matching(Map.of("state", "FL"), MIAMI);
        assertThatThrownBy(merged::clear).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rules_cannotBeModified() {
        assertThatThrownBy(() -> parse(SAMPLE).rules().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void appliesTo_anyConditionSuffices() {
        RegionRule tx = parse(SAMPLE).rules().get(1);
        assertThat(tx.appliesTo(Map.of("state", "tx"), SF)).isTrue();
        assertThat(tx.appliesTo(Map.of(), AUSTIN)).isTrue();
        assertThat(tx.appliesTo(Map.of("state", "FL"), MIAMI)).isFalse();
    }

    @Test
    void usStateExamples_floridaHasACapOf3AndHours0800To2000Daily() {
        RegionRuleSet set = RegionRuleSet.usStateExamples();
        RegionRule fl = set.rules().stream().filter(r -> r.name().equals("US-FL")).findFirst().orElseThrow();
        assertThat(fl.callCap()).isEqualTo(OptionalInt.of(3));
        for (DayOfWeek d : DayOfWeek.values()) {
            assertThat(fl.hours().windows(d)).as(d.toString()).containsExactly(new TimeWindow(8 * 3600, 20 * 3600));
        }
        assertThat(names(set.matching(Map.of("state", "FL"), MIAMI))).containsExactly("US-FL");
        assertThat(names(set.matching(Map.of("state", "fl"), SF))).containsExactly("US-FL");
    }

    @Test
    void usStateExamples_texasOpensAtNoonOnSunday() {
        RegionRuleSet set = RegionRuleSet.usStateExamples();
        RegionRule tx = set.rules().stream().filter(r -> r.name().equals("US-TX")).findFirst().orElseThrow();
        assertThat(tx.hours().windows(SUNDAY)).containsExactly(new TimeWindow(12 * 3600, 21 * 3600));
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d != SUNDAY) {
                assertThat(tx.hours().windows(d)).as(d.toString()).containsExactly(new TimeWindow(9 * 3600, 21 * 3600));
            }
        }
        assertThat(tx.callCap()).isEmpty();
        assertThat(names(set.matching(Map.of("state", "TX"), AUSTIN))).containsExactly("US-TX");
    }

    @Test
    void usStateExamples_everyRuleIsWithinTheFederalHoursAndAppliesByState() {
        RegionRuleSet set = RegionRuleSet.usStateExamples();
        assertThat(set.rules()).hasSizeGreaterThanOrEqualTo(2);
        for (RegionRule r : set.rules()) {
            assertThat(r.hours().intersect(WeeklySchedule.usFederal())).as(r.name()).isEqualTo(r.hours());
            assertThat(r.name()).startsWith("US-");
            assertThat(r.appliesTo()).containsExactly(new RegionMatch.FieldEquals("state", r.name().substring(3)));
            assertThat(r.note()).isNotBlank();
        }
    }
}
