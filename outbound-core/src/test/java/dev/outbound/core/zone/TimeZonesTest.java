package dev.outbound.core.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TimeZonesTest {

    @Test
    void parse_everyJdk17Zone_isAcceptedAsItself() {
        List<String> zones = TestData.jdk17Zones();
        assertThat(zones).hasSize(603);
        Map<String, String> links = TestData.backwardLinks();
        for (String id : zones) {
            ZoneName name = TimeZones.parse(id);
            assertThat(name.given()).isEqualTo(id);
            assertThat(name.id()).isEqualTo(id);
            assertThat(name.canonical()).as(id).isEqualTo(links.getOrDefault(id, id));
            assertThat(name.alias()).as(id).isEqualTo(links.containsKey(id));
        }
    }

    @Test
    void parse_everyJdkAliasOfBackward_reportsItsTargetAsCanonical() {
        int checked = 0;
        for (List<String> row : TestData.csv("tz/backward_links.csv")) {
            String alias = row.get(0);
            String target = row.get(1);
            if (!row.get(2).equals("True")) {
                continue;
            }
            ZoneName name = TimeZones.parse(alias);
            assertThat(name.alias()).as(alias).isTrue();
            assertThat(name.id()).isEqualTo(alias);
            assertThat(name.canonical()).as(alias).isEqualTo(target);
            assertThat(name.zone().getId()).as(alias).isEqualTo(target);
            checked++;
        }
        assertThat(checked).isEqualTo(250);
    }

    @Test
    void parse_backwardAliasesTheJdkLacks_areRefused() {
        List<String> lacking = new ArrayList<>();
        for (List<String> row : TestData.csv("tz/backward_links.csv")) {
            if (row.get(2).equals("False")) {
                lacking.add(row.get(0));
            }
        }
        assertThat(lacking).containsExactlyInAnyOrder("EST", "MST", "HST", "ROC", "GMT+0", "GMT-0");
        for (String alias : lacking) {
            assertThat(TimeZones.tryParse(alias)).as(alias).isEmpty();
        }
    }

    @Test
    void parse_usEastern_isAliasOfNewYork() {
        ZoneName name = TimeZones.parse("US/Eastern");
        assertThat(name.canonical()).isEqualTo("America/New_York");
        assertThat(name.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(name.alias()).isTrue();
        assertThat(name.describe()).isEqualTo("US/Eastern (alias of America/New_York)");
    }

    /**
     * The probe rows: accepted exactly when the trimmed candidate names a zone of the running JDK
     * (its tz data decides; newer JDKs know more names than the JDK 17 list), case ignored,
     * whatever ZoneId.of made of it.
     */
    @Test
    void parse_probeCandidates_acceptedExactlyWhenNamedInZoneList() {
        Map<String, String> byLowerCase = ZoneId.getAvailableZoneIds().stream()
                .collect(Collectors.toMap(z -> z.toLowerCase(Locale.ROOT), z -> z));
        List<List<String>> rows = TestData.csv("tz/zoneid_of_probe_jdk17.csv");
        assertThat(rows).hasSize(50);
        for (List<String> row : rows) {
            String candidate = row.get(0);
            String expected = byLowerCase.get(candidate.trim().toLowerCase(Locale.ROOT));
            if (expected == null) {
                assertThatThrownBy(() -> TimeZones.parse(candidate)).as(candidate)
                        .isInstanceOf(InvalidValueException.class);
            } else {
                assertThat(TimeZones.parse(candidate).id()).as(candidate).isEqualTo(expected);
            }
        }
    }

    @Test
    void parse_offsetsThatZoneIdOfAccepts_areRefused() {
        for (String offset : List.of("+05:30", "UTC+01:00", "GMT-5", "Z", "-0800", "UTC-5", "gmt+2")) {
            ZoneId.of(offset.equals("gmt+2") ? "GMT+2" : offset); // the JDK would take them
            assertThatThrownBy(() -> TimeZones.parse(offset)).as(offset)
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("not a UTC offset");
        }
    }

    @Test
    void parse_offsetMessage_namesFieldRuleAndValue() {
        assertThatThrownBy(() -> TimeZones.parse("+05:30"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for local_time_zone (an IANA time-zone name such as America/New_York,"
                        + " not a UTC offset (an offset ignores daylight saving time)): +05:30")
                .satisfies(e -> {
                    InvalidValueException ive = (InvalidValueException) e;
                    assertThat(ive.field()).isEqualTo("local_time_zone");
                    assertThat(ive.value()).isEqualTo("+05:30");
                });
    }

    @Test
    void parse_caseVariants_areAcceptedAndKeepWhatWasGiven() {
        ZoneName lower = TimeZones.parse("america/new_york");
        assertThat(lower.given()).isEqualTo("america/new_york");
        assertThat(lower.id()).isEqualTo("America/New_York");
        assertThat(lower.alias()).isFalse();
        ZoneName upper = TimeZones.parse("  US/EASTERN ");
        assertThat(upper.given()).isEqualTo("  US/EASTERN ");
        assertThat(upper.id()).isEqualTo("US/Eastern");
        assertThat(upper.canonical()).isEqualTo("America/New_York");
    }

    @Test
    void parse_spaceForUnderscore_suggestsTheZone() {
        assertThatThrownBy(() -> TimeZones.parse("America/New York"))
                .hasMessage("Invalid value for local_time_zone (an IANA time-zone name such as America/New_York;"
                        + " did you mean America/New_York?): America/New York");
    }

    @Test
    void parse_nearMisses_suggestTheZone() {
        assertThat(messageOf("America/Los_Angles")).contains("did you mean America/Los_Angeles?");
        assertThat(messageOf("Europe/Londn")).contains("did you mean Europe/London?");
        assertThat(messageOf("Chicago")).contains("did you mean America/Chicago?");
        assertThat(messageOf("Eastern Standard Time")).contains("did you mean America/New_York?");
        assertThat(messageOf("PST")).contains("did you mean America/Los_Angeles?");
        assertThat(messageOf("Asia/Calcuta")).contains("did you mean Asia/Kolkata?");
    }

    @Test
    void parse_unknownName_hasNoSuggestion() {
        assertThat(messageOf("Mars/Olympus"))
                .isEqualTo("Invalid value for local_time_zone (an IANA time-zone name such as America/New_York):"
                        + " Mars/Olympus");
    }

    @Test
    void parse_blank_isRefusedAsBlank() {
        assertThat(messageOf("  ")).contains("not blank");
        assertThat(TimeZones.tryParse("")).isEmpty();
    }

    @Test
    void parse_withField_namesThatField() {
        assertThatThrownBy(() -> TimeZones.parse("default_time_zone", "Atlantis"))
                .hasMessageStartingWith("Invalid value for default_time_zone (");
    }

    @Test
    void nameOf_offset_isRefused() {
        assertThatThrownBy(() -> TimeZones.nameOf(ZoneOffset.ofHours(2))).isInstanceOf(InvalidValueException.class);
        assertThat(TimeZones.nameOf(ZoneId.of("Asia/Calcutta")).canonical()).isEqualTo("Asia/Kolkata");
    }

    @Test
    void ids_areExactlyTheJdkRegionIds() {
        assertThat(TimeZones.ids()).isEqualTo(Set.copyOf(ZoneId.getAvailableZoneIds()));
        assertThat(TimeZones.canonicalId("GB")).contains("Europe/London");
        assertThat(TimeZones.canonicalId("gb")).isEmpty();
    }

    @Test
    void zoneName_inconsistentParts_areRefused() {
        ZoneId newYork = ZoneId.of("America/New_York");
        assertThatThrownBy(() -> new ZoneName("x", "US/Eastern", "US/Eastern", newYork))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("canonical");
        assertThatThrownBy(() -> new ZoneName("x", "Mars/Olympus", "Mars/Olympus", newYork))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new ZoneName("x", "US/Eastern", "America/New_York", ZoneId.of("Europe/Paris")))
                .isInstanceOf(InvalidValueException.class);
    }

    private static String messageOf(String text) {
        try {
            TimeZones.parse(text);
        } catch (InvalidValueException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + text);
    }
}
