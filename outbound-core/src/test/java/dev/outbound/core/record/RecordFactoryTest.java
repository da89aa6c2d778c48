package dev.outbound.core.record;

import static dev.outbound.core.record.Fixtures.AU_E164;
import static dev.outbound.core.record.Fixtures.AU_NATIONAL;
import static dev.outbound.core.record.Fixtures.CAMPAIGN;
import static dev.outbound.core.record.Fixtures.CLOCK;
import static dev.outbound.core.record.Fixtures.GB_E164;
import static dev.outbound.core.record.Fixtures.GB_INTERNATIONAL;
import static dev.outbound.core.record.Fixtures.IDAHO;
import static dev.outbound.core.record.Fixtures.IDAHO_ZONES;
import static dev.outbound.core.record.Fixtures.NEW_YORK;
import static dev.outbound.core.record.Fixtures.T0;
import static dev.outbound.core.record.Fixtures.T1;
import static dev.outbound.core.record.Fixtures.US_NATIONAL;
import static dev.outbound.core.record.Fixtures.factory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.field.FieldSchema;
import dev.outbound.core.phone.InvalidPhoneNumberException;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.phone.PhoneState;
import dev.outbound.core.zone.ZoneProvenance;
import dev.outbound.core.zone.ZoneResolution;
import dev.outbound.core.zone.ZoneResolver;
import dev.outbound.core.zone.ZoneRule;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordFactoryTest {

    /** The same campaign a day later. */
    private static final RecordFactory LATER =
            RecordFactory.newBuilder(CAMPAIGN).clock(Clock.fixed(T1, ZoneOffset.UTC)).build();

    // ------------------------------------------------------------------ builder

    @Test
    void newBuilder_defaults() {
        RecordFactory f = RecordFactory.newBuilder(CAMPAIGN).build();
        assertThat(f.campaign()).isEqualTo(CAMPAIGN);
        assertThat(f.defaultRegion()).isEqualTo("US");
        assertThat(f.phoneFields())
                .containsExactly(PhoneField.PRIMARY, PhoneField.HOME, PhoneField.MOBILE, PhoneField.WORK);
        assertThat(f.fieldSchema()).isEqualTo(FieldSchema.empty());
        assertThat(f.zoneResolver().numberZones()).isTrue();
        assertThat(f.zoneResolver().defaultZone()).isEmpty();
        assertThat(f.clock().getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void builder_optionsKept() {
        ZoneResolver resolver = ZoneResolver.newBuilder().numberZones(false).build();
        RecordFactory f = RecordFactory.newBuilder(CAMPAIGN).defaultRegion(" gb ").zoneResolver(resolver).clock(CLOCK).build();
        assertThat(f.defaultRegion()).isEqualTo("GB");
        assertThat(f.zoneResolver()).isSameAs(resolver);
        assertThat(f.clock()).isSameAs(CLOCK);
    }

    @Test
    void builder_phoneFields_keptInTheOrderGiven() {
        PhoneField second = PhoneField.of("second_mobile");
        RecordFactory f = factory().phoneFields(List.of(PhoneField.WORK, second, PhoneField.MOBILE)).build();
        assertThat(f.phoneFields()).containsExactly(PhoneField.WORK, second, PhoneField.MOBILE);
        assertThatThrownBy(() -> f.phoneFields().add(PhoneField.HOME)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void builder_optionSetTwice_failsAtBuildNamingIt() {
        RecordFactory.Builder b = RecordFactory.newBuilder(CAMPAIGN).defaultRegion("US").clock(CLOCK);
        b.defaultRegion("GB");
        assertThatThrownBy(b::build)
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for record factory (each option set once): set twice: [defaultRegion]");
    }

    @Test
    void builder_everyOptionSetTwice_allNamed() {
        ZoneResolver r = ZoneResolver.newBuilder().build();
        RecordFactory.Builder b = RecordFactory.newBuilder(CAMPAIGN)
                .zoneResolver(r).zoneResolver(r)
                .fieldSchema(FieldSchema.empty()).fieldSchema(FieldSchema.empty())
                .unknownFields(dev.outbound.core.field.UnknownFields.DROP)
                .unknownFields(dev.outbound.core.field.UnknownFields.DROP)
                .phoneFields(List.of(PhoneField.HOME)).phoneFields(List.of(PhoneField.HOME))
                .clock(CLOCK).clock(CLOCK);
        assertThatThrownBy(b::build)
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.value())
                        .isEqualTo("set twice: [zoneResolver, fieldSchema, unknownFields, phoneFields, clock]"));
    }

    @Test
    void builder_unknownRegion_refused() {
        assertThatThrownBy(() -> factory().defaultRegion("XX").build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for defaultRegion (an ISO 3166 region with a numbering plan): XX");
        assertThatThrownBy(() -> factory().defaultRegion(" ").build()).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void builder_noRegion_acceptedAndNumbersNeedTheirCountryCode() {
        RecordFactory f = factory().defaultRegion("ZZ").build();
        assertThat(f.newRecord("C-1").phone(PhoneField.MOBILE, GB_INTERNATIONAL).build().phones().get(0).number().e164())
                .isEqualTo(GB_E164);
        assertThat(f.newRecord("C-1").phone(PhoneField.MOBILE, US_NATIONAL).check())
                .isInstanceOf(RecordDraft.Outcome.Rejected.class);
    }

    @Test
    void builder_badPhoneFields_refused() {
        assertThatThrownBy(() -> factory().phoneFields(List.of()).build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for phoneFields (at least one): none");
        assertThatThrownBy(() -> factory().phoneFields(List.of(PhoneField.HOME, PhoneField.HOME)).build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for phoneFields (no field twice): [home, home]");
    }

    @Test
    void builder_nulls_refused() {
        assertThatThrownBy(() -> RecordFactory.newBuilder(null)).hasMessage("campaign");
        assertThatThrownBy(() -> factory().defaultRegion(null)).hasMessage("region");
        assertThatThrownBy(() -> factory().clock(null)).hasMessage("c");
    }

    // ------------------------------------------------------------------ editPhone

    private static Record usedRecord(RecordFactory f) {
        Record r = f.newRecord("C-1").phone(PhoneField.MOBILE, US_NATIONAL).phone(PhoneField.WORK, GB_INTERNATIONAL).build();
        RecordPhone tired = r.phone(PhoneField.MOBILE).orElseThrow().withState(PhoneState.INACTIVE).withAttempts(4);
        return r.withPhone(tired);
    }

    @Test
    void editPhone_resetsStateAndAttemptsAndReresolvesZones() {
        Record before = usedRecord(factory().build());
        Record after = LATER.editPhone(before, PhoneField.MOBILE, IDAHO, Optional.empty());
        RecordPhone edited = after.phone(PhoneField.MOBILE).orElseThrow();
        assertThat(edited.number().e164()).isEqualTo("+12089905678");
        assertThat(edited.state()).isEqualTo(PhoneState.ACTIVE);
        assertThat(edited.attempts()).isZero();
        assertThat(edited.zones()).isInstanceOfSatisfying(ZoneResolution.Resolved.class, z -> {
            assertThat(z.provenance()).isInstanceOf(ZoneProvenance.NumberPrefix.class);
            assertThat(z.zones()).isSubsetOf(IDAHO_ZONES).doesNotContain(NEW_YORK);
        });
        assertThat(after.updatedAt()).isEqualTo(T1);
        assertThat(after.createdAt()).isEqualTo(T0);
        // The other number and the original record are untouched.
        assertThat(after.phone(PhoneField.WORK)).isEqualTo(before.phone(PhoneField.WORK));
        assertThat(after.phones()).extracting(RecordPhone::field).containsExactly(PhoneField.MOBILE, PhoneField.WORK);
        assertThat(before.phone(PhoneField.MOBILE).orElseThrow().attempts()).isEqualTo(4);
        assertThat(before.updatedAt()).isEqualTo(T0);
    }

    @Test
    void editPhone_fieldTheRecordLacks_addsActiveNumber() {
        Record before = factory().build().newRecord("C-1").phone(PhoneField.MOBILE, US_NATIONAL).build();
        Record after = LATER.editPhone(before, PhoneField.HOME, GB_INTERNATIONAL, Optional.empty());
        assertThat(after.phones()).extracting(RecordPhone::field).containsExactly(PhoneField.MOBILE, PhoneField.HOME);
        assertThat(after.phone(PhoneField.HOME).orElseThrow().state()).isEqualTo(PhoneState.ACTIVE);
    }

    @Test
    void editPhone_regionHint_readsNationalNumberThere() {
        Record before = usedRecord(factory().build());
        Record after = LATER.editPhone(before, PhoneField.MOBILE, AU_NATIONAL, Optional.of("AU"));
        assertThat(after.phone(PhoneField.MOBILE).orElseThrow().number().e164()).isEqualTo(AU_E164);
    }

    @Test
    void editPhone_recordWithExplicitZone_keepsItForTheNewNumber() {
        RecordFactory f = factory().build();
        Record before = f.newRecord("C-1").timeZone("US/Eastern").phone(PhoneField.MOBILE, US_NATIONAL).build();
        Record after = f.editPhone(before, PhoneField.MOBILE, IDAHO, Optional.empty());
        ZoneResolution z = after.phone(PhoneField.MOBILE).orElseThrow().zones();
        assertThat(z).isInstanceOfSatisfying(ZoneResolution.Resolved.class, r -> {
            assertThat(r.zones()).containsExactly(NEW_YORK);
            assertThat(r.provenance()).isInstanceOf(ZoneProvenance.Explicit.class);
        });
    }

    @Test
    void editPhone_zoneRulesSeeTheRecordsFields() {
        RecordFactory f = factory()
                .zoneResolver(ZoneResolver.newBuilder().rules(ZoneRule.parseAll("State = FL -> America/New_York")).build())
                .build();
        Record before = f.newRecord("C-1").field("State", "fl").phone(PhoneField.MOBILE, GB_INTERNATIONAL).build();
        Record after = f.editPhone(before, PhoneField.MOBILE, IDAHO, Optional.empty());
        assertThat(after.phone(PhoneField.MOBILE).orElseThrow().zones())
                .isInstanceOfSatisfying(ZoneResolution.Resolved.class, r -> {
                    assertThat(r.zones()).containsExactly(NEW_YORK);
                    assertThat(r.provenance()).isInstanceOf(ZoneProvenance.FieldRule.class);
                });
    }

    @Test
    void editPhone_invalidNumber_throwsAndRecordUnchanged() {
        Record before = usedRecord(factory().build());
        assertThatThrownBy(() -> LATER.editPhone(before, PhoneField.MOBILE, "12", Optional.empty()))
                .isInstanceOf(InvalidPhoneNumberException.class);
        assertThat(before.phone(PhoneField.MOBILE).orElseThrow().attempts()).isEqualTo(4);
    }

    @Test
    void editPhone_fieldTheCampaignLacks_refused() {
        Record before = usedRecord(factory().build());
        assertThatThrownBy(() -> LATER.editPhone(before, PhoneField.of("fax"), US_NATIONAL, Optional.empty()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for phone field (one of [primary, home, mobile, work]): fax");
    }

    @Test
    void editPhone_clockBeforeCreation_refused() {
        Record made = LATER.newRecord("C-1").phone(PhoneField.MOBILE, US_NATIONAL).build();
        assertThatThrownBy(() -> factory().build().editPhone(made, PhoneField.MOBILE, IDAHO, Optional.empty()))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("updatedAt"));
    }
}
