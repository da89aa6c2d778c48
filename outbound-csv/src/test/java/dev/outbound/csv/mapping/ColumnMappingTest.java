package dev.outbound.csv.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneField;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColumnMappingTest {

    private static final List<PhoneField> STANDARD_PHONES =
            List.of(PhoneField.PRIMARY, PhoneField.HOME, PhoneField.MOBILE, PhoneField.WORK);
    private static final MappingOptions DEFAULTS = MappingOptions.defaults(STANDARD_PHONES);

    private static final Target REF = new Target.CustomerRef();
    private static final Target AGENT = new Target.Agent();
    private static final Target ZONE = new Target.TimeZone();
    private static final Target SCHEDULED = new Target.ScheduledFor();
    private static final Target REGION = new Target.Region();
    private static final Target LIST = new Target.ListName();
    private static final Target PRIORITY = new Target.Priority();

    private static Target phone(PhoneField f) {
        return new Target.Phone(f);
    }

    private static List<Target> only(String header, MappingOptions options) {
        return ColumnMapping.auto(List.of(header), options).targets(0);
    }

    // ------------------------------------------------------------------ auto: names and synonyms

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "customer_reference_id|customer_reference_id",
            "Customer Reference ID|customer_reference_id",
            "CUSTOMER-REFERENCE-ID|customer_reference_id",
            "customer_key|customer_reference_id",
            "Customer Key|customer_reference_id",
            "customer_ref|customer_reference_id",
            "customer_reference|customer_reference_id",
            "customer_id|customer_reference_id",
            "reference_id|customer_reference_id",
            "agent|agent",
            "Agent E-mail|agent",
            "agent_email|agent",
            "assigned_agent|agent",
            "tz|local_time_zone",
            "TZ|local_time_zone",
            "timezone|local_time_zone",
            "Time Zone|local_time_zone",
            "time_zone|local_time_zone",
            "local_time_zone|local_time_zone",
            "zone|local_time_zone",
            "iana_time_zone|local_time_zone",
            "scheduled_for|scheduled_for",
            "Scheduled For|scheduled_for",
            "scheduled|scheduled_for",
            "scheduled_at|scheduled_for",
            "scheduled_call_for|scheduled_for",
            "call_at|scheduled_for",
            "country|region",
            "Country|region",
            "region|region",
            "region_hint|region",
            "list|list",
            "List Name|list",
            "list_id|list",
            "lead_list|list",
            "priority|priority",
            "prio|priority",
            "primary|phone:primary",
            "phone|phone:primary",
            "Phone Number|phone:primary",
            "telephone|phone:primary",
            "tel|phone:primary",
            "mobile|phone:mobile",
            "Mobile|phone:mobile",
            "cell|phone:mobile",
            "Cell Phone|phone:mobile",
            "mobile_phone|phone:mobile",
            "mobile_number|phone:mobile",
            "home|phone:home",
            "home_phone|phone:home",
            "Work Phone|phone:work",
            "work_number|phone:work"})
    void auto_headerWithStandardFields_matchesTarget(String header, String target) {
        assertThat(only(header, DEFAULTS)).containsExactly(Target.parse(target));
    }

    @Test
    void auto_campaignWithoutPrimaryOrMobile_phoneWordsGoToItsFirstField() {
        MappingOptions options = MappingOptions.defaults(List.of(PhoneField.WORK, PhoneField.HOME));
        assertThat(only("phone", options)).containsExactly(phone(PhoneField.WORK));
        assertThat(only("primary", options)).containsExactly(phone(PhoneField.WORK));
        assertThat(only("cell", options)).containsExactly(phone(PhoneField.WORK));
        assertThat(only("mobile", options)).containsExactly(phone(PhoneField.WORK));
        assertThat(only("home", options)).containsExactly(phone(PhoneField.HOME));
    }

    @Test
    void auto_campaignWithMobileButNoPrimary_phoneToFirstAndCellToMobile() {
        MappingOptions options = MappingOptions.defaults(List.of(PhoneField.HOME, PhoneField.MOBILE));
        assertThat(only("phone", options)).containsExactly(phone(PhoneField.HOME));
        assertThat(only("cell", options)).containsExactly(phone(PhoneField.MOBILE));
    }

    @Test
    void auto_campaignPhoneFieldWithUnderscore_matchedByNormalName() {
        PhoneField second = PhoneField.of("second_mobile");
        MappingOptions options = MappingOptions.defaults(List.of(PhoneField.MOBILE, second));
        assertThat(only("Second Mobile", options)).containsExactly(phone(second));
        assertThat(only("second_mobile_phone", options)).containsExactly(phone(second));
    }

    @Test
    void auto_standardExportColumns_allRecognised() {
        // The export's columns for the four standard phone fields and two custom fields, in its order.
        List<String> header = List.of("customer_reference_id", "primary", "home", "mobile", "work", "time_zone",
                "time_zone_source", "scheduled_for", "agent", "list", "priority", "state", "notes");
        ColumnMapping m = ColumnMapping.auto(header, DEFAULTS);
        List<List<Target>> targets = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            targets.add(m.targets(i));
        }
        assertThat(targets).containsExactly(List.of(REF), List.of(phone(PhoneField.PRIMARY)),
                List.of(phone(PhoneField.HOME)), List.of(phone(PhoneField.MOBILE)), List.of(phone(PhoneField.WORK)),
                List.of(ZONE), List.of(), List.of(SCHEDULED), List.of(AGENT), List.of(LIST), List.of(PRIORITY),
                List.of(new Target.Custom("state")), List.of(new Target.Custom("notes")));
        assertThat(m.notes().get(6)).isEqualTo("column 7 'time_zone_source' dropped (written by export for people, "
                + "not imported)");
        assertThat(m.notes().get(0)).isEqualTo("column 1 'customer_reference_id' -> customer_reference_id (standard name)");
    }

    @Test
    void auto_timeZoneSourceDropped_evenWhenUnmappedBecomeCustomFields() {
        assertThat(only("Time Zone Source", DEFAULTS)).isEmpty();
    }

    // ------------------------------------------------------------------ auto: ambiguity and unmapped columns

    @Test
    void auto_standardNameAndSynonymForOneTarget_standardNameWinsWhereverItIs() {
        ColumnMapping m = ColumnMapping.auto(List.of("phone", "Primary"), DEFAULTS);
        assertThat(m.targets(1)).containsExactly(phone(PhoneField.PRIMARY));
        // The loser is treated as unmapped: with the defaults it is kept as a custom field.
        assertThat(m.targets(0)).containsExactly(new Target.Custom("phone"));
        assertThat(m.notes().get(0)).isEqualTo("column 1 'phone' -> field:phone (matches phone:primary by synonym, "
                + "but column 2 'Primary' already has it; unmapped, kept as a custom field)");
    }

    @Test
    void auto_twoSynonymsForOneTarget_firstWins() {
        ColumnMapping m = ColumnMapping.auto(List.of("tz", "zone", "customer_key"), DEFAULTS.withUnmappedDropped());
        assertThat(m.targets(0)).containsExactly(ZONE);
        assertThat(m.targets(1)).isEmpty();
        assertThat(m.notes().get(1)).isEqualTo("column 2 'zone' dropped (matches local_time_zone by synonym, but "
                + "column 1 'tz' already has it; unmapped columns are dropped)");
        assertThat(m.columnFor(ZONE)).contains("tz");
    }

    @Test
    void auto_twoStandardNamesForOneTarget_firstWins() {
        ColumnMapping m = ColumnMapping.auto(List.of("time_zone", "local_time_zone"), DEFAULTS);
        assertThat(m.targets(0)).containsExactly(ZONE);
        assertThat(m.targets(1)).containsExactly(new Target.Custom("local_time_zone"));
    }

    @Test
    void auto_unmappedColumns_customFieldsByDefaultDroppedOnRequest() {
        List<String> header = List.of("customer_key", " Notes ", "favourite colour");
        ColumnMapping kept = ColumnMapping.auto(header, DEFAULTS);
        assertThat(kept.targets(1)).containsExactly(new Target.Custom("Notes"));
        assertThat(kept.targets(2)).containsExactly(new Target.Custom("favourite colour"));
        assertThat(kept.notes().get(1)).isEqualTo("column 2 ' Notes ' -> field:Notes (unmapped, kept as a custom field)");
        ColumnMapping dropped = ColumnMapping.auto(header, DEFAULTS.withUnmappedDropped());
        assertThat(dropped.targets(1)).isEmpty();
        assertThat(dropped.targets(2)).isEmpty();
        assertThat(dropped.unmappedAsCustomFields()).isFalse();
    }

    @Test
    void auto_blankHeaderAndRepeatedCustomHeader_dropped() {
        ColumnMapping m = ColumnMapping.auto(List.of("notes", "", "NOTES"), DEFAULTS);
        assertThat(m.targets(0)).containsExactly(new Target.Custom("notes"));
        assertThat(m.targets(1)).isEmpty();
        assertThat(m.targets(2)).isEmpty();
        assertThat(m.notes().get(1)).contains("a blank header names no custom field");
        assertThat(m.notes().get(2)).contains("custom field 'NOTES' is already column 1 'notes'");
    }

    @Test
    void auto_repeatedHeader_onlyTheFirstColumnMapped() {
        ColumnMapping m = ColumnMapping.auto(List.of("phone", "phone ", "notes", "notes"), DEFAULTS);
        assertThat(m.targets(0)).containsExactly(phone(PhoneField.PRIMARY));
        assertThat(m.targets(1)).isEmpty();
        assertThat(m.targets(2)).containsExactly(new Target.Custom("notes"));
        assertThat(m.targets(3)).isEmpty();
        assertThat(m.notes().get(1)).isEqualTo("column 2 'phone ' dropped (repeats the header of column 1 'phone'; "
                + "only the first is mapped)");
    }

    @Test
    void auto_headerWithNoBreakSpaceAndTabs_normalised() {
        assertThat(only("Customer\u00a0Key", DEFAULTS)).containsExactly(REF);
        assertThat(only("scheduled\tfor", DEFAULTS)).containsExactly(SCHEDULED);
    }

    @Test
    void columnFor_customFieldInAnyCase_foundAndAbsentTargetEmpty() {
        ColumnMapping m = ColumnMapping.auto(List.of("customer_key", "State"), DEFAULTS);
        assertThat(m.columnFor(new Target.Custom("state"))).contains("State");
        assertThat(m.columnFor(REF)).contains("customer_key");
        assertThat(m.columnFor(AGENT)).isEmpty();
    }

    // ------------------------------------------------------------------ by hand

    @Test
    void builder_manualMapping_onlyWhatWasGivenPlusUnmappedPolicy() {
        ColumnMapping m = ColumnMapping.newBuilder(List.of("Kunde", "Handy", "Bemerkung", "Intern"))
                .map("Kunde", REF).map("Handy", phone(PhoneField.MOBILE)).drop("Intern").build();
        assertThat(m.targets(0)).containsExactly(REF);
        assertThat(m.targets(1)).containsExactly(phone(PhoneField.MOBILE));
        assertThat(m.targets(2)).containsExactly(new Target.Custom("Bemerkung"));
        assertThat(m.targets(3)).isEmpty();
        assertThat(m.notes()).containsExactly("column 1 'Kunde' -> customer_reference_id (given)",
                "column 2 'Handy' -> phone:mobile (given)",
                "column 3 'Bemerkung' -> field:Bemerkung (not in the given mapping; unmapped, kept as a custom field)",
                "column 4 'Intern' dropped (given)");
    }

    @Test
    void builder_unmappedDropped_leavesOtherColumnsOut() {
        ColumnMapping m = ColumnMapping.newBuilder(List.of("id", "x")).unmappedAsCustomFields(false)
                .map("id", REF).build();
        assertThat(m.targets(1)).isEmpty();
    }

    @Test
    void builder_oneColumnToSeveralFields_feedsEach() {
        ColumnMapping m = ColumnMapping.newBuilder(List.of("id", "Phone", "country"))
                .map("id", REF)
                .map("Phone", phone(PhoneField.MOBILE), new Target.Custom("phone_as_given"))
                .map("country", REGION, new Target.Custom("country"))
                .build();
        assertThat(m.targets(1)).containsExactly(phone(PhoneField.MOBILE), new Target.Custom("phone_as_given"));
        assertThat(m.columnFor(new Target.Custom("PHONE_AS_GIVEN"))).contains("Phone");
        assertThat(m.columnFor(REGION)).contains("country");
        assertThat(m.notes().get(1)).isEqualTo("column 2 'Phone' -> phone:mobile, field:phone_as_given (given)");
    }

    @Test
    void builder_oneTargetForTwoColumns_refusedNamingBoth() {
        ColumnMapping.Builder b = ColumnMapping.newBuilder(List.of("a", "b")).map("a", new Target.Custom("x"))
                .map("b", new Target.Custom("X"));
        assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("target field:X: expected one column, found column 1 'a' and column 2 'b'");
    }

    @Test
    void builder_columnMappedTwice_refusedAtBuild() {
        ColumnMapping.Builder b = ColumnMapping.newBuilder(List.of("a", "b")).map("a", REF).drop("a");
        assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found twice: [column 1 'a']");
    }

    @Test
    void builder_unknownColumnOrNoTargets_refusedAtOnce() {
        ColumnMapping.Builder b = ColumnMapping.newBuilder(List.of("a", "b"));
        assertThatThrownBy(() -> b.map("c", REF)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column: expected one of the header [a, b], found 'c'");
        assertThatThrownBy(() -> b.map("a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected at least one");
    }

    @Test
    void builder_unmappedHeaderAlreadyACustomTarget_dropped() {
        ColumnMapping m = ColumnMapping.newBuilder(List.of("id", "notes", "Notes"))
                .map("id", REF, new Target.Custom("NOTES")).build();
        assertThat(m.targets(1)).isEmpty();
        assertThat(m.targets(2)).isEmpty();
    }

    // ------------------------------------------------------------------ targets in words

    @Test
    void targetParse_everyDescription_readsBack() {
        List<Target> all = List.of(REF, AGENT, ZONE, SCHEDULED, REGION, LIST, PRIORITY, phone(PhoneField.of("second_mobile")),
                new Target.Custom("a:b c"));
        for (Target t : all) {
            assertThat(Target.parse(t.describe())).isEqualTo(t);
        }
    }

    @Test
    void targetParse_unknownWord_refusedListingTheTargets() {
        assertThatThrownBy(() -> Target.parse("email")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("phone:<field>").hasMessageContaining("'email'");
        assertThatThrownBy(() -> Target.parse("field: ")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Target.parse("phone:Bad Name")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void mappingOptions_noOrRepeatedPhoneFields_refused() {
        assertThatThrownBy(() -> MappingOptions.defaults(List.of())).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> MappingOptions.defaults(List.of(PhoneField.HOME, PhoneField.HOME)))
                .isInstanceOf(InvalidValueException.class);
    }
}
