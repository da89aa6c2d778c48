package dev.outbound.core.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.LineType;
import dev.outbound.core.phone.PhoneNumber;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AreaCodeTableTest {

    private static final Map<String, String> LINKS = TestData.backwardLinks();

    /** The csv lists zones as libphonenumber writes them; the table keeps canonical zones. */
    private static Set<ZoneId> canonical(String ampersandList) {
        return Arrays.stream(ampersandList.split("&"))
                .map(z -> ZoneId.of(LINKS.getOrDefault(z, z)))
                .collect(Collectors.toSet());
    }

    private static PhoneNumber number(String e164) {
        return new PhoneNumber(e164, Integer.parseInt(e164.substring(1, 2)), "US", LineType.FIXED_LINE, "");
    }

    @Test
    void libphonenumber_everyNanpAreaCode_givesZonesOfItsSubprefixes() {
        List<List<String>> rows = TestData.csv("areacodes/nanp_area_codes.csv");
        assertThat(rows).hasSize(441);
        int checked = 0;
        int singleZone = 0;
        for (List<String> row : rows) {
            if (!row.get(7).equals("true")) {
                continue;
            }
            PhoneNumber number = PhoneNumber.ofE164("+1" + row.get(0) + "2345678");
            AreaCodeTable.Entry entry = AreaCodeTable.libphonenumber().lookup(number).orElseThrow();
            assertThat(entry.prefix()).startsWith("1" + row.get(0));
            assertThat(canonical(row.get(3))).as(row.get(0)).containsAll(entry.zones());
            if (row.get(4).equals("no")) {
                assertThat(Set.copyOf(entry.zones())).as(row.get(0)).isEqualTo(canonical(row.get(2)));
                singleZone++;
            }
            checked++;
        }
        assertThat(checked).isEqualTo(427);
        assertThat(singleZone).isGreaterThan(380);
    }

    @Test
    void libphonenumber_idahoNumber_takesTheLongestPrefix() {
        // map_data.txt: 120823|America/Denver refines 12082|...; 12089|America/Boise&America/Los_Angeles
        // has no finer row for 120899
        AreaCodeTable table = AreaCodeTable.libphonenumber();
        assertThat(table.lookup(number("+12082345678")).orElseThrow())
                .isEqualTo(new AreaCodeTable.Entry("120823", List.of(ZoneId.of("America/Denver"))));
        assertThat(table.lookup(number("+12089905678")).orElseThrow().zones())
                .containsExactly(ZoneId.of("America/Boise"), ZoneId.of("America/Los_Angeles"));
    }

    @Test
    void libphonenumber_aliasesInTheData_areMadeCanonicalOnce() {
        // map_data.txt: 44|Europe/Guernsey&Europe/Isle_of_Man&Europe/Jersey&Europe/London, all one zone since 1970
        assertThat(AreaCodeTable.libphonenumber().lookup(new PhoneNumber("+442079460000", 44, "GB",
                LineType.FIXED_LINE, "")).orElseThrow().zones()).containsExactly(ZoneId.of("Europe/London"));
    }

    @Test
    void libphonenumber_nonGeographicNumber_hasNoEntry() {
        assertThat(AreaCodeTable.libphonenumber().lookup(new PhoneNumber("+80012345678", 800, "001",
                LineType.TOLL_FREE, ""))).isEmpty();
    }

    @Test
    void libphonenumber_neverGivesUnknownOrNonRegionZones() {
        AreaCodeTable table = AreaCodeTable.libphonenumber();
        assertThat(table.size()).isEqualTo(3295);
        for (AreaCodeTable.Entry e : table.entries()) {
            assertThat(e.zones()).isNotEmpty();
            for (ZoneId zone : e.zones()) {
                assertThat(zone.getId()).isNotEqualTo("Etc/Unknown");
                assertThat(LINKS).doesNotContainKey(zone.getId());
                assertThat(TestData.jdk17Zones()).contains(zone.getId());
            }
        }
    }

    @Test
    void parse_csvWithHeader_readsPrefixesAndZones() {
        AreaCodeTable table = AreaCodeTable.parse("""
                prefix,zones
                # our own split of 850
                1850,America/Chicago
                +1850872,America/New_York&America/Chicago
                """);
        assertThat(table.size()).isEqualTo(2);
        assertThat(table.lookup(number("+18508725555")).orElseThrow().zones())
                .containsExactly(ZoneId.of("America/New_York"), ZoneId.of("America/Chicago"));
        assertThat(table.lookup(number("+18504725555")).orElseThrow().prefix()).isEqualTo("1850");
        assertThat(table.lookup(number("+12125555555"))).isEmpty();
    }

    @Test
    void parse_libphonenumberFormat_andUnknownZoneStopsTheSearch() {
        AreaCodeTable table = AreaCodeTable.parse("1|America/New_York\n1999|Etc/Unknown\n");
        assertThat(table.lookup(number("+19995550100"))).isEmpty();
        assertThat(table.lookup(number("+19895550100")).orElseThrow().prefix()).isEqualTo("1");
        assertThat(table.entries()).hasSize(1);
    }

    @Test
    void parse_badPrefix_namesLineAndValue() {
        assertThatThrownBy(() -> AreaCodeTable.parse("prefix,zones\n1208,America/Boise\n01x,America/Boise"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for area codes line 3 (a prefix of 1 to 15 digits, not starting with 0): 01x");
    }

    @Test
    void parse_badZone_namesLineAndValue() {
        assertThatThrownBy(() -> AreaCodeTable.parse("1208,America/Boise&UTC+01:00"))
                .hasMessageStartingWith("Invalid value for area codes line 1 (")
                .hasMessageEndingWith("): UTC+01:00");
    }

    @Test
    void parse_repeatedPrefix_namesBothLines() {
        assertThatThrownBy(() -> AreaCodeTable.parse("1208,America/Boise\n1208|America/Denver"))
                .hasMessage("Invalid value for area codes line 2 (each prefix once; area codes line 1 has it already): 1208");
    }

    @Test
    void parse_lineWithoutSeparator_showsTheSyntax() {
        assertThatThrownBy(() -> AreaCodeTable.parse("1208 America/Boise"))
                .hasMessageContaining("area codes line 1").hasMessageContaining("prefix,Zone");
    }

    @Test
    void of_entries_lookUpLongestPrefix() {
        AreaCodeTable table = AreaCodeTable.of(List.of(
                new AreaCodeTable.Entry("1", List.of(ZoneId.of("America/Chicago"))),
                new AreaCodeTable.Entry("1305", List.of(ZoneId.of("US/Eastern")))));
        AreaCodeTable.Entry entry = table.lookup(number("+13055550100")).orElseThrow();
        assertThat(entry.prefix()).isEqualTo("1305");
        assertThat(entry.zones()).containsExactly(ZoneId.of("America/New_York"));
        assertThat(entry.toString()).isEqualTo("+1305 -> America/New_York");
        assertThat(AreaCodeTable.empty().lookup(number("+13055550100"))).isEmpty();
    }
}
