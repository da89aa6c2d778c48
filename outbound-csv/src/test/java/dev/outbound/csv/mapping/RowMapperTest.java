package dev.outbound.csv.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.field.FieldDefinition;
import dev.outbound.core.field.FieldSchema;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.ListId;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.csv.RowProblem;
import dev.outbound.csv.read.SourceRow;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RowMapperTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T12:00:00Z"), ZoneOffset.UTC);
    private static final List<PhoneField> PHONES =
            List.of(PhoneField.PRIMARY, PhoneField.HOME, PhoneField.MOBILE, PhoneField.WORK);
    private static final RecordFactory FACTORY = RecordFactory.newBuilder(CampaignId.of("renewals"))
            .defaultRegion("US").clock(CLOCK)
            .fieldSchema(FieldSchema.of(FieldDefinition.text("notes").size(5).build(),
                    FieldDefinition.integer("code").size(3).build()))
            .build();

    /** (201) 555-0123: area code 201 is New Jersey, whose only zone is America/New_York. */
    private static final String NJ = "(201) 555-0123";
    private static final String NJ_E164 = "+12015550123";
    /** +1 208 is Idaho, which spans several zones. */
    private static final String IDAHO = "+1 208-990-5678";

    private static final List<String> HEADER = List.of("customer_key", "mobile", "home", "agent", "tz",
            "scheduled_for", "country", "list", "priority", "notes", "code");

    private static RowMapper mapper(ValueOptions options) {
        return RowMapper.of(ColumnMapping.auto(HEADER, MappingOptions.defaults(PHONES)), FACTORY, options);
    }

    private static final RowMapper MAPPER = mapper(ValueOptions.defaults());

    /** A row of the HEADER's eleven columns; cells not given are empty. */
    private static SourceRow row(String ref, String mobile, String... rest) {
        String[] cells = new String[HEADER.size()];
        java.util.Arrays.fill(cells, "");
        cells[0] = ref;
        cells[1] = mobile;
        System.arraycopy(rest, 0, cells, 2, rest.length);
        return new SourceRow(7, 9, List.of(cells), Optional.empty());
    }

    /** A row with the given cells set by column name. */
    private static SourceRow with(String... nameValue) {
        String[] cells = new String[HEADER.size()];
        java.util.Arrays.fill(cells, "");
        for (int i = 0; i < nameValue.length; i += 2) {
            cells[HEADER.indexOf(nameValue[i])] = nameValue[i + 1];
        }
        return new SourceRow(7, 9, List.of(cells), Optional.empty());
    }

    private static RowOutcome.Mapped mapped(RowOutcome outcome) {
        assertThat(outcome).isInstanceOf(RowOutcome.Mapped.class);
        return (RowOutcome.Mapped) outcome;
    }

    private static RowOutcome.Invalid invalid(RowOutcome outcome) {
        assertThat(outcome).isInstanceOf(RowOutcome.Invalid.class);
        return (RowOutcome.Invalid) outcome;
    }

    private static List<String> codes(List<RowProblem> problems) {
        return problems.stream().map(p -> p.severity() + " " + p.code() + " " + p.column().orElse("-")).toList();
    }

    // ------------------------------------------------------------------ values

    @Test
    void map_paddedValues_trimmedBeforeUse() {
        Record r = mapped(MAPPER.map(with("customer_key", "  C-1 ", "mobile", " " + NJ + " ", "agent", " Ann@Example.com ",
                "tz", " America/Chicago ", "list", " spring ", "priority", " 12 "))).record();
        assertThat(r.ref().value()).isEqualTo("C-1");
        assertThat(r.phone(PhoneField.MOBILE).orElseThrow().number().e164()).isEqualTo(NJ_E164);
        assertThat(r.agent().orElseThrow().value()).isEqualTo("ann@example.com");
        assertThat(r.timeZone().orElseThrow().zone()).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(r.list()).isEqualTo(ListId.of("spring"));
        assertThat(r.priority()).isEqualTo(12);
    }

    @Test
    void map_emptyOptionalCells_defaults() {
        RowOutcome.Mapped m = mapped(MAPPER.map(row("C-1", NJ)));
        assertThat(m.warnings()).isEmpty();
        assertThat(m.record().agent()).isEmpty();
        assertThat(m.record().timeZone()).isEmpty();
        assertThat(m.record().scheduledFor()).isEmpty();
        assertThat(m.record().list()).isEqualTo(ListId.DEFAULT);
        assertThat(m.record().priority()).isZero();
        assertThat(m.record().phones()).hasSize(1);
        assertThat(m.ref()).contains("C-1");
    }

    @Test
    void map_textLongerThanItsField_truncatedWithWarningNamingSizes() {
        // notes is a text field of size 5; "abcdefgh" has 8 characters, so "abcde" is kept.
        RowOutcome.Mapped m = mapped(MAPPER.map(with("customer_key", "C-1", "mobile", NJ, "notes", "abcdefgh")));
        assertThat(m.record().fieldText()).containsEntry("notes", "abcde");
        assertThat(m.warnings()).hasSize(1);
        RowProblem w = m.warnings().get(0);
        assertThat(w.code()).isEqualTo("VALUE_TRUNCATED");
        assertThat(w.column()).contains("notes");
        assertThat(w.severity()).isEqualTo(RowProblem.Severity.WARNING);
        assertThat(w.message()).isEqualTo("value of 8 characters cut to the 5 characters of custom field 'notes'");
        assertThat(w.row()).isEqualTo(7);
        assertThat(w.line()).isEqualTo(9);
    }

    @Test
    void map_textWithCharactersBeyondTheBasicPlane_countedAndCutWhole() {
        // Six emoji (each two chars in Java) are six characters: the first five are kept, none split.
        String six = "\uD83D\uDE00".repeat(6);
        RowOutcome.Mapped m = mapped(MAPPER.map(with("customer_key", "C-1", "mobile", NJ, "notes", six)));
        assertThat(m.record().fieldText()).containsEntry("notes", "\uD83D\uDE00".repeat(5));
        assertThat(m.warnings().get(0).message()).startsWith("value of 6 characters");
        // Exactly the size: kept whole, no warning.
        assertThat(mapped(MAPPER.map(with("customer_key", "C-1", "mobile", NJ, "notes", "abcde"))).warnings()).isEmpty();
    }

    @Test
    void map_numberLongerThanItsField_notCutButRefused() {
        // code is an integer field of size 3: cutting 12345 to 123 would make another number.
        RowOutcome.Invalid i = invalid(MAPPER.map(with("customer_key", "C-1", "mobile", NJ, "code", "12345")));
        assertThat(codes(i.problems())).containsExactly("ERROR FIELD_INVALID code");
        assertThat(i.ref()).contains("C-1");
    }

    // ------------------------------------------------------------------ scheduled_for

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // Offsets and Z give the instant whatever the record's zone.
            "2026-03-02T15:00:00Z|2026-03-02T15:00:00Z",
            "2026-03-02T15:00Z|2026-03-02T15:00:00Z",
            "2026-03-02T10:00:00-05:00|2026-03-02T15:00:00Z",
            "2026-03-02T16:30:00+01:30|2026-03-02T15:00:00Z",
            "2026-03-02T10:00:00.5-05:00|2026-03-02T15:00:00.5Z",
            // Local times are in the record's zone: New York is UTC-5 in early March 2026.
            "2026-03-02T10:00|2026-03-02T15:00:00Z",
            "2026-03-02T10:00:30|2026-03-02T15:00:30Z",
            "2026-03-02 10:00|2026-03-02T15:00:00Z",
            "2026-03-02 10:00:30|2026-03-02T15:00:30Z",
            "03/02/2026 10:00 AM|2026-03-02T15:00:00Z",
            "3/2/2026 10:00 am|2026-03-02T15:00:00Z",
            "03/02/2026 3:15 PM|2026-03-02T20:15:00Z",
            "03/02/2026 12:00 PM|2026-03-02T17:00:00Z",
            "03/02/2026 12:30 AM|2026-03-02T05:30:00Z",
            "02.03.2026 10:00|2026-03-02T15:00:00Z",
            "2.3.2026 9:05|2026-03-02T14:05:00Z"})
    void map_scheduledForInEachFormat_readAsInstant(String text, String expected) {
        Record r = mapped(MAPPER.map(with("customer_key", "C-1", "mobile", NJ, "scheduled_for", text))).record();
        assertThat(r.scheduledFor()).contains(Instant.parse(expected));
    }

    @Test
    void map_localTimesAcrossTheSpringChange_eachInItsOwnOffset() {
        // New York moves from UTC-5 to UTC-4 on 8 March 2026 at 02:00.
        assertThat(schedule("America/New_York", "2026-03-07 09:00")).isEqualTo(Instant.parse("2026-03-07T14:00:00Z"));
        assertThat(schedule("America/New_York", "2026-03-09 09:00")).isEqualTo(Instant.parse("2026-03-09T13:00:00Z"));
        // 02:30 does not exist that night: it moves forward by the hour's gap, to 03:30 EDT.
        assertThat(schedule("America/New_York", "2026-03-08 02:30")).isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
        // 01:30 occurs twice on 1 November 2026: the earlier, still EDT (UTC-4).
        assertThat(schedule("America/New_York", "2026-11-01 01:30")).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
        // Berlin moves from UTC+1 to UTC+2 on 29 March 2026; the explicit zone wins over the number's.
        assertThat(schedule("Europe/Berlin", "28.03.2026 12:00")).isEqualTo(Instant.parse("2026-03-28T11:00:00Z"));
        assertThat(schedule("Europe/Berlin", "30.03.2026 12:00")).isEqualTo(Instant.parse("2026-03-30T10:00:00Z"));
        // An offset is kept as written even when the record's zone is elsewhere.
        assertThat(schedule("Europe/Berlin", "2026-03-30T12:00:00Z")).isEqualTo(Instant.parse("2026-03-30T12:00:00Z"));
    }

    private static Instant schedule(String zone, String text) {
        return mapped(MAPPER.map(with("customer_key", "C-1", "mobile", NJ, "tz", zone, "scheduled_for", text))).record()
                .scheduledFor().orElseThrow();
    }

    @Test
    void map_localTimeWhenTheNumberSpansZones_refused() {
        RowOutcome.Invalid i = invalid(MAPPER.map(with("customer_key", "C-1", "mobile", IDAHO,
                "scheduled_for", "2026-03-02 10:00")));
        assertThat(codes(i.problems())).containsExactly("ERROR SCHEDULED_FOR_ZONE_UNKNOWN scheduled_for");
        assertThat(i.problems().get(0).message()).startsWith("'2026-03-02 10:00' is a local time, but the record has "
                + "no single time zone to read it in (mobile +12089905678: ");
        // The same time with an offset needs no zone.
        assertThat(mapped(MAPPER.map(with("customer_key", "C-1", "mobile", IDAHO,
                "scheduled_for", "2026-03-02T10:00:00-07:00"))).record().scheduledFor())
                .contains(Instant.parse("2026-03-02T17:00:00Z"));
    }

    @Test
    void map_localTimeWhenTwoNumbersHaveDifferentZones_refused() {
        // New Jersey (New York) and a London number: no single zone.
        RowOutcome.Invalid i = invalid(MAPPER.map(with("customer_key", "C-1", "mobile", NJ, "home", "+44 20 7946 0958",
                "scheduled_for", "2026-03-02 10:00")));
        assertThat(codes(i.problems())).containsExactly("ERROR SCHEDULED_FOR_ZONE_UNKNOWN scheduled_for");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"tomorrow", "2026-02-30 10:00", "2026-03-02", "13/02/2026 10:00 AM",
            "03/02/2026 13:00 PM", "2026-03-02T25:00", "2026-03-02 10:00 extra", "02.03.2026"})
    void map_unreadableScheduledFor_refusedListingTheFormats(String text) {
        RowOutcome.Invalid i = invalid(MAPPER.map(with("customer_key", "C-1", "mobile", NJ, "scheduled_for", text)));
        assertThat(codes(i.problems())).containsExactly("ERROR SCHEDULED_FOR_INVALID scheduled_for");
        assertThat(i.problems().get(0).message()).isEqualTo("'" + text + "' is not a date and time in an accepted "
                + "format: ISO-8601 (2026-03-02T15:00:00Z, 2026-03-02T10:00:00-05:00, or local 2026-03-02T10:00), "
                + "yyyy-MM-dd HH:mm[:ss], MM/dd/yyyy h:mm a (12-hour with AM/PM), dd.MM.yyyy HH:mm");
    }

    @Test
    void map_userPattern_triedAfterTheBuiltInOnes() {
        RowMapper m = mapper(ValueOptions.defaults().withDateTimePattern("dd/MM/yyyy HH:mm")
                .withDateTimePattern("d MMM yyyy HH:mm xxx"));
        assertThat(mapped(m.map(with("customer_key", "C-1", "mobile", NJ, "scheduled_for", "25/12/2026 09:30"))).record()
                .scheduledFor()).contains(Instant.parse("2026-12-25T14:30:00Z"));
        assertThat(mapped(m.map(with("customer_key", "C-1", "mobile", NJ, "scheduled_for", "2 MAR 2026 10:00 +01:00")))
                .record().scheduledFor()).contains(Instant.parse("2026-03-02T09:00:00Z"));
        // 03/02/2026 10:00 AM still reads as the built-in US form, 2 March.
        assertThat(mapped(m.map(with("customer_key", "C-1", "mobile", NJ, "scheduled_for", "03/02/2026 10:00 AM")))
                .record().scheduledFor()).contains(Instant.parse("2026-03-02T15:00:00Z"));
        RowOutcome.Invalid i = invalid(m.map(with("customer_key", "C-1", "mobile", NJ, "scheduled_for", "31/02/2026 09:30")));
        assertThat(i.problems().get(0).message()).endsWith("dd.MM.yyyy HH:mm, dd/MM/yyyy HH:mm, d MMM yyyy HH:mm xxx");
    }

    @Test
    void valueOptions_patternWithoutTimeOrInvalid_refused() {
        assertThatThrownBy(() -> ValueOptions.defaults().withDateTimePattern("yyyy-MM-dd"))
                .hasMessageContaining("a pattern with a date and a time of day");
        assertThatThrownBy(() -> ValueOptions.defaults().withDateTimePattern("dd/MM/yyyy hh:mm"))
                .hasMessageContaining("a pattern with a date and a time of day");
        assertThatThrownBy(() -> ValueOptions.defaults().withDateTimePattern("yyyy-MM-dd {HH}"))
                .hasMessageContaining("a java.time DateTimeFormatter pattern");
    }

    // ------------------------------------------------------------------ required fields

    @Test
    void map_refMissing_refusedWithTheRowsOtherProblems() {
        RowOutcome.Invalid i = invalid(MAPPER.map(with("customer_key", "  ", "mobile", NJ, "agent", "not-an-email")));
        assertThat(codes(i.problems())).containsExactly("ERROR REF_MISSING customer_key", "ERROR AGENT_INVALID agent");
        assertThat(i.problems().get(0).message()).isEqualTo("customer_reference_id is required, but column "
                + "'customer_key' is empty");
        assertThat(i.ref()).isEmpty();
    }

    @Test
    void map_refTooLong_refusedAndNotReportedAsTheRowsRef() {
        RowOutcome.Invalid i = invalid(MAPPER.map(row("x".repeat(129), NJ)));
        assertThat(codes(i.problems())).containsExactly("ERROR REF_INVALID customer_key");
        assertThat(i.ref()).isEmpty();
    }

    @Test
    void map_noNumberAtAll_refused() {
        RowOutcome.Invalid i = invalid(MAPPER.map(row("C-1", " ")));
        assertThat(codes(i.problems())).containsExactly("ERROR NO_VALID_PHONE -");
        assertThat(i.problems().get(0).message()).isEqualTo("at least one phone number is required, but columns "
                + "'mobile', 'home' are empty");
    }

    @Test
    void map_everyNumberInvalid_refusedNamingEach() {
        RowOutcome.Invalid i = invalid(MAPPER.map(row("C-1", "12", "call me")));
        assertThat(codes(i.problems())).containsExactly("ERROR PHONE_INVALID mobile", "ERROR PHONE_INVALID home",
                "ERROR NO_VALID_PHONE -");
        assertThat(i.problems().get(0).message()).contains("'12'");
        assertThat(i.ref()).contains("C-1");
    }

    @Test
    void map_oneValidOneInvalidNumber_madeWithTheValidOneAndAWarning() {
        RowOutcome.Mapped m = mapped(MAPPER.map(row("C-1", "555-01", NJ)));
        assertThat(m.record().phones()).hasSize(1);
        assertThat(m.record().phone(PhoneField.HOME).orElseThrow().number().e164()).isEqualTo(NJ_E164);
        assertThat(codes(m.warnings())).containsExactly("WARNING PHONE_INVALID mobile");
        assertThat(m.warnings().get(0).message()).contains("'555-01'");
    }

    @Test
    void map_malformedAgent_refused() {
        RowOutcome.Invalid i = invalid(MAPPER.map(with("customer_key", "C-1", "mobile", NJ, "agent", "ann@")));
        assertThat(codes(i.problems())).containsExactly("ERROR AGENT_INVALID agent");
        assertThat(i.problems().get(0).message()).contains("'ann@'");
    }

    @Test
    void map_badTimeZones_refused() {
        for (String zone : List.of("Mars/Olympus", "EST", "+05:00", "GMT-5")) {
            RowOutcome.Invalid i = invalid(MAPPER.map(with("customer_key", "C-1", "mobile", NJ, "tz", zone)));
            assertThat(codes(i.problems())).as(zone).containsExactly("ERROR TIME_ZONE_INVALID tz");
        }
    }

    @Test
    void map_badPriorityAndList_refused() {
        for (String p : List.of("high", "-1", "10000", "1.5", "99999999999", "+3")) {
            assertThat(codes(invalid(MAPPER.map(with("customer_key", "C-1", "mobile", NJ, "priority", p))).problems()))
                    .as(p).containsExactly("ERROR PRIORITY_INVALID priority");
        }
        assertThat(mapped(MAPPER.map(with("customer_key", "C-1", "mobile", NJ, "priority", "9999"))).record().priority())
                .isEqualTo(9999);
        assertThat(codes(invalid(MAPPER.map(with("customer_key", "C-1", "mobile", NJ, "list", "a/b"))).problems()))
                .containsExactly("ERROR LIST_INVALID list");
    }

    @Test
    void map_severalProblems_allReportedTogether() {
        RowOutcome.Invalid i = invalid(MAPPER.map(with("customer_key", "C-1", "mobile", NJ, "agent", "x", "tz", "Nowhere",
                "priority", "high", "scheduled_for", "soon", "notes", "abcdefgh")));
        assertThat(codes(i.problems())).containsExactlyInAnyOrder("ERROR PRIORITY_INVALID priority",
                "WARNING VALUE_TRUNCATED notes", "ERROR SCHEDULED_FOR_INVALID scheduled_for",
                "ERROR AGENT_INVALID agent", "ERROR TIME_ZONE_INVALID tz");
    }

    // ------------------------------------------------------------------ region hint

    @Test
    void map_regionColumn_readsEachRowsNationalNumbersInItsCountry() {
        // 0412 345 678 is an Australian mobile in national form: valid read in AU, not in the US.
        RowOutcome.Mapped au = mapped(MAPPER.map(with("customer_key", "C-1", "mobile", "0412 345 678", "country", "au")));
        assertThat(au.record().phone(PhoneField.MOBILE).orElseThrow().number().e164()).isEqualTo("+61412345678");
        RowOutcome.Invalid us = invalid(MAPPER.map(with("customer_key", "C-2", "mobile", "0412 345 678", "country", "")));
        assertThat(codes(us.problems())).containsExactly("ERROR PHONE_INVALID mobile", "ERROR NO_VALID_PHONE -");
        // A number in international form is the same whatever the row's country.
        assertThat(mapped(MAPPER.map(with("customer_key", "C-3", "mobile", NJ_E164, "country", "GB"))).record()
                .phone(PhoneField.MOBILE).orElseThrow().number().e164()).isEqualTo(NJ_E164);
    }

    @Test
    void map_unknownRegion_refused() {
        for (String region : List.of("XX", "United States", "USA")) {
            RowOutcome.Invalid i = invalid(MAPPER.map(with("customer_key", "C-1", "mobile", NJ, "country", region)));
            assertThat(codes(i.problems())).as(region).containsExactly("ERROR REGION_INVALID country");
        }
    }

    // ------------------------------------------------------------------ row shape

    @Test
    void map_malformedRow_refusedWhole() {
        SourceRow r = new SourceRow(3, 4, List.of("C-1", NJ), Optional.of("unterminated quote at end of file"));
        RowOutcome.Invalid i = invalid(MAPPER.map(r));
        assertThat(codes(i.problems())).containsExactly("ERROR ROW_MALFORMED -");
        assertThat(i.problems().get(0).message()).isEqualTo("the row's CSV syntax is broken (unterminated quote at end "
                + "of file), so none of it was imported");
        assertThat(i.ref()).contains("C-1");
        assertThat(i.problems().get(0).row()).isEqualTo(3);
        assertThat(i.problems().get(0).line()).isEqualTo(4);
    }

    @Test
    void map_shortRow_missingCellsAreEmpty() {
        RowOutcome.Mapped m = mapped(MAPPER.map(new SourceRow(1, 2, List.of("C-1", NJ), Optional.empty())));
        assertThat(m.warnings()).isEmpty();
        assertThat(m.record().ref().value()).isEqualTo("C-1");
    }

    @Test
    void map_extraCells_ignoredWithAWarningWhenFilled() {
        List<String> cells = new java.util.ArrayList<>(row("C-1", NJ).cells());
        cells.add("");
        assertThat(mapped(MAPPER.map(new SourceRow(1, 2, cells, Optional.empty()))).warnings()).isEmpty();
        cells.add("surprise");
        RowOutcome.Mapped m = mapped(MAPPER.map(new SourceRow(1, 2, cells, Optional.empty())));
        assertThat(codes(m.warnings())).containsExactly("WARNING EXTRA_CELLS -");
        assertThat(m.warnings().get(0).message()).isEqualTo("the row has 13 cells but the header has 11 columns; the "
                + "cells beyond it were ignored: 'surprise'");
    }

    // ------------------------------------------------------------------ mapping shapes

    @Test
    void map_oneColumnToSeveralFields_eachGetsTheValue() {
        List<String> header = List.of("id", "Phone", "Land");
        ColumnMapping mapping = ColumnMapping.newBuilder(header).map("id", new Target.CustomerRef())
                .map("Phone", new Target.Phone(PhoneField.MOBILE), new Target.Custom("phone_as_given"))
                .map("Land", new Target.Region(), new Target.Custom("land"))
                .build();
        RowMapper m = RowMapper.of(mapping, FACTORY, ValueOptions.defaults());
        Record r = mapped(m.map(new SourceRow(1, 2, List.of("C-1", "0412 345 678", "AU"), Optional.empty()))).record();
        assertThat(r.phone(PhoneField.MOBILE).orElseThrow().number().e164()).isEqualTo("+61412345678");
        assertThat(r.fieldText()).containsEntry("phone_as_given", "0412 345 678").containsEntry("land", "AU");
    }

    @Test
    void map_standardExportColumns_giveBackTheRecord() {
        List<String> header = List.of("customer_reference_id", "primary", "home", "mobile", "work", "time_zone",
                "time_zone_source", "scheduled_for", "agent", "list", "priority", "notes");
        RowMapper m = RowMapper.of(ColumnMapping.auto(header, MappingOptions.defaults(PHONES)), FACTORY,
                ValueOptions.defaults());
        Record r = mapped(m.map(new SourceRow(1, 2, List.of("C-9", "", NJ_E164, "+441212345678", "", "Europe/London",
                "explicit", "2026-03-02T15:00:00Z", "ann@example.com", "spring", "5", "hello"), Optional.empty())))
                .record();
        assertThat(r.ref().value()).isEqualTo("C-9");
        assertThat(r.phone(PhoneField.HOME).orElseThrow().number().e164()).isEqualTo(NJ_E164);
        assertThat(r.phone(PhoneField.MOBILE).orElseThrow().number().e164()).isEqualTo("+441212345678");
        assertThat(r.phone(PhoneField.PRIMARY)).isEmpty();
        assertThat(r.timeZone().orElseThrow().id()).isEqualTo("Europe/London");
        assertThat(r.scheduledFor()).contains(Instant.parse("2026-03-02T15:00:00Z"));
        assertThat(r.agent().orElseThrow().value()).isEqualTo("ann@example.com");
        assertThat(r.list()).isEqualTo(ListId.of("spring"));
        assertThat(r.priority()).isEqualTo(5);
        assertThat(r.fieldText()).containsOnlyKeys("notes").containsEntry("notes", "hello");
    }

    @Test
    void of_mappingWithoutRefOrPhone_refused() {
        ColumnMapping noRef = ColumnMapping.auto(List.of("mobile", "notes"), MappingOptions.defaults(PHONES));
        assertThatThrownBy(() -> RowMapper.of(noRef, FACTORY, ValueOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a column for customer_reference_id and at least one phone column");
        ColumnMapping noPhone = ColumnMapping.auto(List.of("customer_key", "notes"), MappingOptions.defaults(PHONES));
        assertThatThrownBy(() -> RowMapper.of(noPhone, FACTORY, ValueOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void of_phoneFieldTheCampaignLacks_refused() {
        ColumnMapping fax = ColumnMapping.newBuilder(List.of("id", "fax")).map("id", new Target.CustomerRef())
                .map("fax", new Target.Phone(PhoneField.of("fax"))).build();
        assertThatThrownBy(() -> RowMapper.of(fax, FACTORY, ValueOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("phone columns: expected the campaign's phone fields [primary, home, mobile, work], found "
                        + "[column 2 'fax' -> phone:fax]");
    }
}
