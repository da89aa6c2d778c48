package dev.outbound.core.record;

import static dev.outbound.core.record.Fixtures.AU_E164;
import static dev.outbound.core.record.Fixtures.AU_NATIONAL;
import static dev.outbound.core.record.Fixtures.CAMPAIGN;
import static dev.outbound.core.record.Fixtures.GB_E164;
import static dev.outbound.core.record.Fixtures.GB_INTERNATIONAL;
import static dev.outbound.core.record.Fixtures.HONOLULU;
import static dev.outbound.core.record.Fixtures.IDAHO;
import static dev.outbound.core.record.Fixtures.IDAHO_ZONES;
import static dev.outbound.core.record.Fixtures.NEW_YORK;
import static dev.outbound.core.record.Fixtures.T0;
import static dev.outbound.core.record.Fixtures.T1;
import static dev.outbound.core.record.Fixtures.US_E164;
import static dev.outbound.core.record.Fixtures.US_NATIONAL;
import static dev.outbound.core.record.Fixtures.factory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.field.FieldDefinition;
import dev.outbound.core.field.FieldSchema;
import dev.outbound.core.field.FieldValue;
import dev.outbound.core.field.UnknownFields;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.phone.PhoneState;
import dev.outbound.core.zone.ZoneName;
import dev.outbound.core.zone.ZoneProvenance;
import dev.outbound.core.zone.ZoneResolution;
import dev.outbound.core.zone.ZoneResolver;
import dev.outbound.core.zone.ZoneRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordDraftTest {

    private static final RecordFactory FACTORY = factory().build();

    private static RecordDraft.Outcome.Accepted accepted(RecordDraft.Outcome outcome) {
        assertThat(outcome).isInstanceOf(RecordDraft.Outcome.Accepted.class);
        return (RecordDraft.Outcome.Accepted) outcome;
    }

    private static List<RecordProblem> problems(RecordDraft.Outcome outcome) {
        assertThat(outcome).isInstanceOf(RecordDraft.Outcome.Rejected.class);
        return ((RecordDraft.Outcome.Rejected) outcome).problems();
    }

    private static ZoneResolution.Resolved zonesOf(Record r, PhoneField field) {
        ZoneResolution z = r.phone(field).orElseThrow().zones();
        assertThat(z).isInstanceOf(ZoneResolution.Resolved.class);
        return (ZoneResolution.Resolved) z;
    }

    // ------------------------------------------------------------------ required parts

    @Test
    void build_refAndOneNumber_makesPendingRecordStampedByTheClock() {
        Record r = FACTORY.newRecord("C-1001").phone(PhoneField.MOBILE, US_NATIONAL).build();
        assertThat(r.campaign()).isEqualTo(CAMPAIGN);
        assertThat(r.ref().value()).isEqualTo("C-1001");
        assertThat(r.phones()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo(PhoneField.MOBILE);
            assertThat(p.number().e164()).isEqualTo(US_E164);
            assertThat(p.state()).isEqualTo(PhoneState.ACTIVE);
            assertThat(p.attempts()).isZero();
        });
        assertThat(r.status()).isEqualTo(RecordStatus.PENDING);
        assertThat(r.priority()).isZero();
        assertThat(r.list()).isEqualTo(ListId.DEFAULT);
        assertThat(r.agent()).isEmpty();
        assertThat(r.timeZone()).isEmpty();
        assertThat(r.scheduledFor()).isEmpty();
        assertThat(r.createdAt()).isEqualTo(T0);
        assertThat(r.updatedAt()).isEqualTo(T0);
        assertThat(r.nextDialableAt()).isEqualTo(T0);
    }

    @Test
    void check_refWithSurroundingSpaces_stripped() {
        Record r = FACTORY.newRecord("  C-7 ").phone(PhoneField.HOME, US_NATIONAL).build();
        assertThat(r.ref().value()).isEqualTo("C-7");
    }

    @Test
    void check_blankRef_rejectedNamingCustomerReferenceId() {
        List<RecordProblem> problems = problems(FACTORY.newRecord("  ").phone(PhoneField.MOBILE, US_NATIONAL).check());
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("customer_reference_id");
            assertThat(p.value()).isEqualTo("''");
        });
    }

    @Test
    void check_noNumber_rejected() {
        assertThat(problems(FACTORY.newRecord("C-1").check()))
                .containsExactly(new RecordProblem("phone", "at least one phone number", "none given"));
    }

    @Test
    void check_onlyBlankNumbers_countAsNone() {
        assertThat(problems(FACTORY.newRecord("C-1").phone(PhoneField.MOBILE, "  ").phone(PhoneField.HOME, "").check()))
                .containsExactly(new RecordProblem("phone", "at least one phone number", "none given"));
    }

    @Test
    void check_everyNumberInvalid_rejectedWithEachNumbersProblem() {
        List<RecordProblem> problems = problems(FACTORY.newRecord("C-1")
                .phone(PhoneField.MOBILE, "12")
                .phone(PhoneField.WORK, "call me")
                .check());
        assertThat(problems).extracting(RecordProblem::field).containsExactly("phone mobile", "phone work");
        assertThat(problems).extracting(RecordProblem::value).containsExactly("'12'", "'call me'");
        assertThat(problems).allSatisfy(p -> assertThat(p.rule()).endsWith("in region US"));
    }

    @Test
    void check_oneValidOneInvalidNumber_acceptedWithValidOneAndWarning() {
        RecordDraft.Outcome.Accepted a = accepted(FACTORY.newRecord("C-1")
                .phone(PhoneField.MOBILE, US_NATIONAL)
                .phone(PhoneField.WORK, "555-01")
                .check());
        assertThat(a.record().phones()).extracting(p -> p.number().e164()).containsExactly(US_E164);
        assertThat(a.record().phone(PhoneField.WORK)).isEmpty();
        assertThat(a.warnings()).singleElement().satisfies(w -> {
            assertThat(w.field()).isEqualTo("phone work");
            assertThat(w.value()).isEqualTo("'555-01'");
        });
    }

    @Test
    void check_validInput_noWarnings() {
        assertThat(accepted(FACTORY.newRecord("C-1").phone(PhoneField.MOBILE, US_NATIONAL).check()).warnings()).isEmpty();
    }

    @Test
    void check_badRefBadAgentBadZone_reportsAllThreeAtOnce() {
        List<RecordProblem> problems = problems(FACTORY.newRecord("")
                .phone(PhoneField.MOBILE, US_NATIONAL)
                .agent("not-an-email")
                .timeZone("Mars/Olympus")
                .check());
        assertThat(problems).extracting(RecordProblem::field)
                .containsExactlyInAnyOrder("customer_reference_id", "agent", "local_time_zone");
        assertThat(problems).filteredOn(p -> p.field().equals("agent")).singleElement()
                .satisfies(p -> assertThat(p.value()).isEqualTo("'not-an-email'"));
        assertThat(problems).filteredOn(p -> p.field().equals("local_time_zone")).singleElement()
                .satisfies(p -> assertThat(p.value()).isEqualTo("Mars/Olympus"));
    }

    @Test
    void build_invalid_throwsWithEveryProblem() {
        RecordDraft draft = FACTORY.newRecord("C-9").agent("ann@").priority(-1);
        assertThatThrownBy(draft::build)
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> {
                    assertThat(e.ref()).isEqualTo("C-9");
                    assertThat(e.problems()).extracting(RecordProblem::field)
                            .containsExactlyInAnyOrder("agent", "priority", "phone");
                    assertThat(e.getMessage()).startsWith("Record 'C-9' is invalid: ")
                            .contains("Invalid value for priority (valid values 0 - 9999): -1");
                });
    }

    // ------------------------------------------------------------------ agent, priority, list, schedule

    @Test
    void agent_mixedCase_storedLowerCase() {
        Record r = FACTORY.newRecord("C-1").phone(PhoneField.MOBILE, US_NATIONAL).agent(" Ann.Lee@Example.com ").build();
        assertThat(r.agent()).map(AgentEmail::value).contains("ann.lee@example.com");
    }

    @Test
    void agent_blank_meansNone() {
        assertThat(FACTORY.newRecord("C-1").phone(PhoneField.MOBILE, US_NATIONAL).agent("  ").build().agent()).isEmpty();
    }

    @Test
    void priority_boundsAccepted_beyondReported() {
        assertThat(FACTORY.newRecord("C-1").phone(PhoneField.MOBILE, US_NATIONAL).priority(9_999).build().priority())
                .isEqualTo(9_999);
        assertThat(problems(FACTORY.newRecord("C-1").phone(PhoneField.MOBILE, US_NATIONAL).priority(10_000).check()))
                .containsExactly(new RecordProblem("priority", "valid values 0 - 9999", "10000"));
    }

    @Test
    void listAndSchedule_keptAndScheduleTakesPrecedence() {
        Record r = FACTORY.newRecord("C-1").phone(PhoneField.MOBILE, US_NATIONAL)
                .list(ListId.of("spring leads")).scheduledFor(T1).build();
        assertThat(r.list()).isEqualTo(ListId.of("spring leads"));
        assertThat(r.scheduledFor()).contains(T1);
        assertThat(r.nextDialableAt()).isEqualTo(T0);
        assertThat(r.dueAt()).isEqualTo(T1);
    }

    // ------------------------------------------------------------------ phone fields

    @Test
    void phone_sameFieldTwice_rejected() {
        List<RecordProblem> problems = problems(FACTORY.newRecord("C-1")
                .phone(PhoneField.MOBILE, US_NATIONAL)
                .phone(PhoneField.MOBILE, GB_INTERNATIONAL)
                .check());
        assertThat(problems).containsExactly(
                new RecordProblem("phone mobile", "one number per phone field", "'" + GB_INTERNATIONAL + "'"));
    }

    @Test
    void phone_byName_caseIgnored() {
        Record r = FACTORY.newRecord("C-1").phone(" Mobile ", US_NATIONAL).build();
        assertThat(r.phone(PhoneField.MOBILE)).isPresent();
    }

    @Test
    void phone_fieldTheCampaignLacks_rejected() {
        List<RecordProblem> problems = problems(FACTORY.newRecord("C-1")
                .phone(PhoneField.MOBILE, US_NATIONAL)
                .phone("fax", GB_INTERNATIONAL)
                .check());
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("phone field");
            assertThat(p.value()).isEqualTo("'fax'");
            assertThat(p.rule()).isEqualTo("one of the campaign's fields [primary, home, mobile, work]");
        });
    }

    @Test
    void phone_malformedFieldName_rejected() {
        List<RecordProblem> problems = problems(FACTORY.newRecord("C-1")
                .phone(PhoneField.MOBILE, US_NATIONAL)
                .phone("2nd phone!", GB_INTERNATIONAL)
                .check());
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("phone field");
            assertThat(p.value()).isEqualTo("'2nd phone!'");
        });
    }

    @Test
    void phone_fieldTheCampaignDefines_accepted() {
        PhoneField second = PhoneField.of("second_mobile");
        RecordFactory f = factory().phoneFields(List.of(PhoneField.MOBILE, second)).build();
        Record r = f.newRecord("C-1").phone("second_mobile", US_NATIONAL).build();
        assertThat(r.phone(second)).map(p -> p.number().e164()).contains(US_E164);
        assertThat(problems(f.newRecord("C-1").phone(PhoneField.HOME, US_NATIONAL).check()))
                .extracting(RecordProblem::field).contains("phone field");
    }

    // ------------------------------------------------------------------ regions

    @Test
    void regionHint_nationalNumberReadInThatRegion() {
        Record r = FACTORY.newRecord("C-1").regionHint("au").phone(PhoneField.MOBILE, AU_NATIONAL).build();
        assertThat(r.phone(PhoneField.MOBILE)).map(p -> p.number().e164()).contains(AU_E164);
    }

    @Test
    void regionHint_absent_nationalNumberReadInCampaignRegion() {
        // In the US default region the AU national form is no valid number; the record is refused.
        List<RecordProblem> problems = problems(FACTORY.newRecord("C-1").phone(PhoneField.MOBILE, AU_NATIONAL).check());
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("phone mobile"));
        RecordFactory au = factory().defaultRegion("AU").build();
        assertThat(au.newRecord("C-1").phone(PhoneField.MOBILE, AU_NATIONAL).build().phones().get(0).number().e164())
                .isEqualTo(AU_E164);
    }

    @Test
    void regionHint_blank_meansCampaignDefault() {
        Record r = FACTORY.newRecord("C-1").regionHint(" ").phone(PhoneField.MOBILE, US_NATIONAL).build();
        assertThat(r.phones().get(0).number().e164()).isEqualTo(US_E164);
    }

    @Test
    void regionHint_unknownRegion_eachNumberReportedNamingIt() {
        List<RecordProblem> problems = problems(FACTORY.newRecord("C-1").regionHint("XX")
                .phone(PhoneField.MOBILE, AU_NATIONAL).check());
        assertThat(problems).containsExactly(
                new RecordProblem("phone mobile", "unknown default region in region XX", "'" + AU_NATIONAL + "'"));
    }

    @Test
    void regionHint_internationalNumbers_unaffected() {
        Record r = FACTORY.newRecord("C-1").regionHint("AU").phone(PhoneField.WORK, GB_INTERNATIONAL).build();
        assertThat(r.phones().get(0).number().e164()).isEqualTo(GB_E164);
    }

    // ------------------------------------------------------------------ zones

    @Test
    void timeZone_alias_acceptedCanonicalAndExplicitOnEveryNumber() {
        Record r = FACTORY.newRecord("C-1").timeZone("US/Eastern")
                .phone(PhoneField.MOBILE, IDAHO).phone(PhoneField.WORK, GB_INTERNATIONAL).build();
        ZoneName name = r.timeZone().orElseThrow();
        assertThat(name.given()).isEqualTo("US/Eastern");
        assertThat(name.canonical()).isEqualTo("America/New_York");
        assertThat(name.zone()).isEqualTo(NEW_YORK);
        for (PhoneField f : List.of(PhoneField.MOBILE, PhoneField.WORK)) {
            ZoneResolution.Resolved z = zonesOf(r, f);
            assertThat(z.zones()).containsExactly(NEW_YORK);
            assertThat(z.provenance()).isInstanceOfSatisfying(ZoneProvenance.Explicit.class,
                    e -> assertThat(e.name().id()).isEqualTo("US/Eastern"));
        }
    }

    @Test
    void timeZone_blank_meansNone() {
        Record r = FACTORY.newRecord("C-1").timeZone("  ").phone(PhoneField.MOBILE, US_NATIONAL).build();
        assertThat(r.timeZone()).isEmpty();
        assertThat(zonesOf(r, PhoneField.MOBILE).provenance()).isInstanceOf(ZoneProvenance.NumberPrefix.class);
    }

    @Test
    void timeZone_offsetOrAbbreviation_rejected() {
        for (String zone : List.of("+05:00", "EST", "GMT-5")) {
            assertThat(problems(FACTORY.newRecord("C-1").timeZone(zone).phone(PhoneField.MOBILE, US_NATIONAL).check()))
                    .singleElement()
                    .satisfies(p -> {
                        assertThat(p.field()).isEqualTo("local_time_zone");
                        assertThat(p.value()).isEqualTo(zone);
                    });
        }
    }

    @Test
    void zone_fromFieldRule_beatsTheNumber() {
        RecordFactory f = factory()
                .zoneResolver(ZoneResolver.newBuilder().rules(ZoneRule.parseAll("state = FL -> America/New_York")).build())
                .build();
        Record r = f.newRecord("C-1").field("state", "FL").phone(PhoneField.MOBILE, IDAHO).build();
        ZoneResolution.Resolved z = zonesOf(r, PhoneField.MOBILE);
        assertThat(z.zones()).containsExactly(NEW_YORK);
        assertThat(z.provenance()).isEqualTo(
                new ZoneProvenance.FieldRule(ZoneRule.of("state", "FL", NEW_YORK)));
    }

    @Test
    void zone_fieldRuleSpelledAsTheCampaignSpellsTheField_matches() {
        // ZoneRule compares the field name exactly, as the campaign spells it; the record must still find it.
        RecordFactory f = factory()
                .fieldSchema(FieldSchema.of(FieldDefinition.text("State").build()))
                .zoneResolver(ZoneResolver.newBuilder().rules(ZoneRule.parseAll("State = FL -> America/New_York")).build())
                .build();
        Record r = f.newRecord("C-1").field("State", "FL").phone(PhoneField.MOBILE, IDAHO).build();
        assertThat(zonesOf(r, PhoneField.MOBILE).provenance()).isInstanceOf(ZoneProvenance.FieldRule.class);
        assertThat(zonesOf(r, PhoneField.MOBILE).zones()).containsExactly(NEW_YORK);
    }

    @Test
    void zone_explicit_beatsFieldRule() {
        RecordFactory f = factory()
                .zoneResolver(ZoneResolver.newBuilder().rules(ZoneRule.parseAll("state = FL -> America/New_York")).build())
                .build();
        Record r = f.newRecord("C-1").field("state", "FL").timeZone("Pacific/Honolulu")
                .phone(PhoneField.MOBILE, IDAHO).build();
        assertThat(zonesOf(r, PhoneField.MOBILE).zones()).containsExactly(HONOLULU);
        assertThat(zonesOf(r, PhoneField.MOBILE).provenance()).isInstanceOf(ZoneProvenance.Explicit.class);
    }

    @Test
    void zone_fromTheNumber_idahoSpansSeveralZones() {
        Record r = FACTORY.newRecord("C-1").phone(PhoneField.MOBILE, IDAHO).build();
        ZoneResolution.Resolved z = zonesOf(r, PhoneField.MOBILE);
        assertThat(z.provenance()).isInstanceOf(ZoneProvenance.NumberPrefix.class);
        assertThat(((ZoneProvenance.NumberPrefix) z.provenance()).prefix()).startsWith("1208");
        assertThat(z.zones()).hasSizeGreaterThan(1).isSubsetOf(IDAHO_ZONES);
    }

    @Test
    void zone_eachNumberResolvedOnItsOwn() {
        Record r = FACTORY.newRecord("C-1").phone(PhoneField.MOBILE, IDAHO).phone(PhoneField.HOME, US_NATIONAL).build();
        assertThat(zonesOf(r, PhoneField.HOME).zones()).containsExactly(NEW_YORK);
        assertThat(zonesOf(r, PhoneField.MOBILE).zones()).doesNotContain(NEW_YORK);
    }

    @Test
    void zone_nothingTells_campaignDefault() {
        RecordFactory f = factory()
                .zoneResolver(ZoneResolver.newBuilder().numberZones(false).defaultZone(HONOLULU).build()).build();
        ZoneResolution.Resolved z = zonesOf(f.newRecord("C-1").phone(PhoneField.MOBILE, IDAHO).build(), PhoneField.MOBILE);
        assertThat(z.zones()).containsExactly(HONOLULU);
        assertThat(z.provenance()).isEqualTo(new ZoneProvenance.CampaignDefault(HONOLULU));
    }

    @Test
    void zone_nothingTellsAndNoDefault_recordMadeButUnresolved() {
        RecordFactory f = factory().zoneResolver(ZoneResolver.newBuilder().numberZones(false).build()).build();
        RecordDraft.Outcome.Accepted a = accepted(f.newRecord("C-1").phone(PhoneField.MOBILE, IDAHO).check());
        ZoneResolution z = a.record().phones().get(0).zones();
        assertThat(z.isResolved()).isFalse();
        assertThat(z).isInstanceOfSatisfying(ZoneResolution.Unresolved.class,
                u -> assertThat(u.tried()).contains("no local_time_zone given", "the campaign has no default zone"));
    }

    // ------------------------------------------------------------------ custom fields

    private static final FieldSchema SCHEMA = FieldSchema.of(
            FieldDefinition.text("email").required().build(),
            FieldDefinition.integer("age").build());

    @Test
    void fields_fitTheSchema_typedOnTheRecord() {
        RecordFactory f = factory().fieldSchema(SCHEMA).build();
        Record r = f.newRecord("C-1").phone(PhoneField.MOBILE, US_NATIONAL)
                .field("Email", "ann@example.com").field("age", "42").field("note", "call after 5").build();
        assertThat(r.fields().get("email")).contains(FieldValue.text("ann@example.com"));
        assertThat(r.fields().get("age")).contains(FieldValue.integer(42));
        assertThat(r.fields().text("note")).contains("call after 5");
        assertThat(r.fieldText()).containsEntry("age", "42").containsEntry("note", "call after 5");
    }

    @Test
    void fields_requiredMissingAndWrongType_bothReported() {
        RecordFactory f = factory().fieldSchema(SCHEMA).build();
        List<RecordProblem> problems = problems(f.newRecord("C-1").phone(PhoneField.MOBILE, US_NATIONAL)
                .field("age", "forty").check());
        assertThat(problems).extracting(RecordProblem::field)
                .containsExactlyInAnyOrder("custom field 'email'", "custom field 'age'");
        assertThat(problems).filteredOn(p -> p.field().equals("custom field 'age'")).singleElement()
                .satisfies(p -> assertThat(p.value()).isEqualTo("forty"));
    }

    @Test
    void fields_unknownWhenRefused_reported() {
        RecordFactory f = factory().unknownFields(UnknownFields.REJECT).build();
        assertThat(problems(f.newRecord("C-1").phone(PhoneField.MOBILE, US_NATIONAL).field("shoe", "42").check()))
                .extracting(RecordProblem::field).containsExactly("custom field 'shoe'");
    }

    @Test
    void fields_unknownWhenDropped_leftOut() {
        RecordFactory f = factory().unknownFields(UnknownFields.DROP).build();
        Record r = f.newRecord("C-1").phone(PhoneField.MOBILE, US_NATIONAL).field("shoe", "42").build();
        assertThat(r.fields().isEmpty()).isTrue();
    }

    // ------------------------------------------------------------------ all at once

    @Test
    void check_manyFaults_eachReported() {
        RecordFactory f = factory().fieldSchema(SCHEMA).build();
        List<RecordProblem> problems = problems(f.newRecord("bad\u0000ref")
                .agent("a..b@example.com")
                .timeZone("Eastern Standard Time")
                .priority(-3)
                .phone(PhoneField.MOBILE, "0")
                .phone("pager", US_NATIONAL)
                .field("age", "x")
                .check());
        assertThat(problems).extracting(RecordProblem::field).containsExactlyInAnyOrder(
                "customer_reference_id", "agent", "local_time_zone", "priority", "custom field 'email'",
                "custom field 'age'", "phone field", "phone mobile");
    }

    @Test
    void draft_nullArguments_refused() {
        RecordDraft d = FACTORY.newRecord("C-1");
        assertThatThrownBy(() -> d.agent(null)).hasMessage("email");
        assertThatThrownBy(() -> d.phone((PhoneField) null, "1")).hasMessage("field");
        assertThatThrownBy(() -> d.phone(PhoneField.HOME, null)).hasMessage("rawNumber");
        assertThatThrownBy(() -> d.timeZone(null)).hasMessage("zone");
        assertThatThrownBy(() -> d.field("x", null)).hasMessage("value");
        assertThatThrownBy(() -> FACTORY.newRecord(null)).hasMessage("customerRef");
    }

    @Test
    void outcome_nullParts_refused() {
        assertThatThrownBy(() -> new RecordDraft.Outcome.Accepted(null, List.of())).hasMessage("record");
        assertThatThrownBy(() -> new RecordDraft.Outcome.Rejected(null, List.of())).hasMessage("ref");
    }
}
