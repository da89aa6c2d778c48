package dev.outbound.core.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.LineType;
import dev.outbound.core.phone.PhoneNumber;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ZoneResolverTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final ZoneId DENVER = ZoneId.of("America/Denver");
    private static final ZoneId HONOLULU = ZoneId.of("Pacific/Honolulu");

    /** +1 305 is America/New_York in libphonenumber's data; the campaign table says Denver, to tell them apart. */
    private static final PhoneNumber MIAMI = PhoneNumber.ofE164("+13055550100");
    /** +1 212 is America/New_York in libphonenumber's data and absent from the campaign table. */
    private static final PhoneNumber MANHATTAN = PhoneNumber.ofE164("+12125550100");
    /** International freephone: no zone in libphonenumber's data. */
    private static final PhoneNumber FREEPHONE = new PhoneNumber("+80012345678", 800, "001", LineType.TOLL_FREE, "");

    private static final List<ZoneRule> RULES = ZoneRule.parseAll("""
            state = FL -> America/New_York
            state = TX -> America/Chicago
            county = Escambia -> America/Chicago
            """);
    private static final AreaCodeTable CAMPAIGN_CODES = AreaCodeTable.parse("prefix,zones\n1305,America/Denver\n");

    private static ZoneResolver.Builder campaign() {
        return ZoneResolver.newBuilder().rules(RULES).areaCodes(CAMPAIGN_CODES).defaultZone(HONOLULU);
    }

    private static ZoneResolution.Resolved resolved(ZoneResolution r) {
        assertThat(r).isInstanceOf(ZoneResolution.Resolved.class);
        return (ZoneResolution.Resolved) r;
    }

    @Test
    void resolve_explicitZone_beatsRuleAreaCodeNumberAndDefault() {
        ZoneResolution.Resolved r = resolved(campaign().build()
                .resolve(Optional.of("US/Central"), Map.of("state", "FL"), MIAMI));
        assertThat(r.zones()).containsExactly(CHICAGO);
        assertThat(r.provenance()).isInstanceOf(ZoneProvenance.Explicit.class);
        ZoneName name = ((ZoneProvenance.Explicit) r.provenance()).name();
        assertThat(name.given()).isEqualTo("US/Central");
        assertThat(r.describe()).isEqualTo("from the record's local_time_zone: US/Central (alias of America/Chicago)");
    }

    @Test
    void resolve_blankExplicitZone_fallsThroughToRules() {
        ZoneResolution.Resolved r = resolved(campaign().build()
                .resolve(Optional.of("   "), Map.of("state", "FL"), MIAMI));
        assertThat(r.zones()).containsExactly(NEW_YORK);
        assertThat(r.provenance()).isEqualTo(new ZoneProvenance.FieldRule(RULES.get(0)));
        assertThat(r.describe()).isEqualTo("from the campaign rule state = FL -> America/New_York");
    }

    @Test
    void resolve_ruleValue_matchesIgnoringCaseAndSpaces() {
        ZoneResolution.Resolved r = resolved(campaign().build()
                .resolve(Optional.empty(), Map.of("state", " tx "), MIAMI));
        assertThat(r.zones()).containsExactly(CHICAGO);
        assertThat(r.provenance()).isEqualTo(new ZoneProvenance.FieldRule(RULES.get(1)));
    }

    @Test
    void resolve_twoRulesMatch_firstInListWins() {
        ZoneResolver resolver = campaign().build();
        ZoneResolution.Resolved r = resolved(resolver
                .resolve(Optional.empty(), Map.of("county", "Escambia", "state", "FL"), MIAMI));
        assertThat(r.provenance()).isEqualTo(new ZoneProvenance.FieldRule(RULES.get(0)));
        ZoneResolver reversed = campaign().rules(List.of(RULES.get(2), RULES.get(0))).build();
        assertThat(resolved(reversed.resolve(Optional.empty(), Map.of("state", "FL", "county", "escambia"), MIAMI))
                .zones()).containsExactly(CHICAGO);
    }

    @Test
    void resolve_ruleBeatsCampaignAreaCode() {
        ZoneResolution.Resolved r = resolved(campaign().build()
                .resolve(Optional.empty(), Map.of("state", "TX"), MIAMI));
        assertThat(r.provenance()).isInstanceOf(ZoneProvenance.FieldRule.class);
    }

    @Test
    void resolve_campaignAreaCode_beatsNumberData() {
        ZoneResolution.Resolved r = resolved(campaign().build()
                .resolve(Optional.empty(), Map.of("state", "NV"), MIAMI));
        assertThat(r.zones()).containsExactly(DENVER);
        assertThat(r.provenance()).isEqualTo(new ZoneProvenance.AreaCode("1305", List.of(DENVER)));
        assertThat(r.describe()).isEqualTo("from the campaign's area-code table: +1305 maps to America/Denver");
    }

    @Test
    void resolve_numberData_beatsDefault() {
        ZoneResolution.Resolved r = resolved(campaign().build().resolve(Optional.empty(), Map.of(), MANHATTAN));
        assertThat(r.zones()).containsExactly(NEW_YORK);
        assertThat(r.provenance()).isEqualTo(new ZoneProvenance.NumberPrefix("1212", List.of(NEW_YORK)));
        assertThat(r.describe()).isEqualTo("from the phone number: +1212 maps to America/New_York");
    }

    @Test
    void resolve_nothingElse_givesCampaignDefault() {
        ZoneResolution.Resolved r = resolved(campaign().build().resolve(Optional.empty(), Map.of(), FREEPHONE));
        assertThat(r.zones()).containsExactly(HONOLULU);
        assertThat(r.provenance()).isEqualTo(new ZoneProvenance.CampaignDefault(HONOLULU));
        assertThat(r.describe()).isEqualTo("from the campaign's default zone: Pacific/Honolulu");
    }

    @Test
    void resolve_numberZonesOff_skipsNumberData() {
        ZoneResolution.Resolved r = resolved(campaign().numberZones(false).build()
                .resolve(Optional.empty(), Map.of(), MANHATTAN));
        assertThat(r.provenance()).isInstanceOf(ZoneProvenance.CampaignDefault.class);
    }

    @Test
    void resolve_nothingApplies_isUnresolvedSayingWhatWasTried() {
        ZoneResolver resolver = campaign().noDefaultZone().build();
        ZoneResolution r = resolver.resolve(Optional.empty(), Map.of("state", "NV"), FREEPHONE);
        assertThat(r.isResolved()).isFalse();
        assertThat(r).isInstanceOf(ZoneResolution.Unresolved.class);
        assertThat(((ZoneResolution.Unresolved) r).tried()).containsExactly(
                "no local_time_zone given",
                "no campaign zone rule matched (state = \"NV\", county not set)",
                "no prefix of +80012345678 in the campaign's area-code table has a zone",
                "no zone for +80012345678 in the phone-number data",
                "the campaign has no default zone");
        assertThat(r.describe()).startsWith("time zone unknown, so the record is not dialable: no local_time_zone given;");
    }

    @Test
    void resolve_bareResolver_isUnresolvedWithoutRulesOrTable() {
        ZoneResolution r = ZoneResolver.newBuilder().numberZones(false).build()
                .resolve(Optional.of(""), Map.of(), MANHATTAN);
        assertThat(((ZoneResolution.Unresolved) r).tried()).containsExactly(
                "local_time_zone is blank",
                "the campaign has no zone rules",
                "the campaign has no area-code table",
                "zones from the phone number are turned off",
                "the campaign has no default zone");
    }

    @Test
    void resolve_filledButUnknownExplicitZone_isInvalid() {
        assertThatThrownBy(() -> campaign().build().resolve(Optional.of("GMT-5"), Map.of("state", "FL"), MIAMI))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("Invalid value for local_time_zone (")
                .hasMessageEndingWith("): GMT-5");
    }

    @Test
    void build_sameFieldAndValueTwice_isRefused() {
        List<ZoneRule> clash = List.of(ZoneRule.of("state", "FL", NEW_YORK), ZoneRule.of("state", "fl", CHICAGO));
        assertThatThrownBy(() -> ZoneResolver.newBuilder().rules(clash).build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("rule 1 is state = FL -> America/New_York");
    }

    @Test
    void defaultZone_offset_isRefused_andAliasIsMadeCanonical() {
        assertThatThrownBy(() -> ZoneResolver.newBuilder().defaultZone(ZoneOffset.ofHours(-5)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("defaultZone");
        assertThat(ZoneResolver.newBuilder().defaultZone(ZoneId.of("US/Hawaii")).build().defaultZone())
                .contains(HONOLULU);
    }

    @Test
    void numberPrefix_describe_listsAllZones() {
        ZoneProvenance p = new ZoneProvenance.NumberPrefix("1208",
                List.of(ZoneId.of("America/Boise"), DENVER, ZoneId.of("America/Los_Angeles")));
        assertThat(p.describe())
                .isEqualTo("from the phone number: +1208 maps to America/Boise, America/Denver, America/Los_Angeles");
    }

    @Test
    void resolved_zonesNotThoseOfProvenance_areRefused() {
        assertThatThrownBy(() -> new ZoneResolution.Resolved(List.of(CHICAGO), new ZoneProvenance.CampaignDefault(HONOLULU)))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new ZoneResolution.Unresolved(List.of())).isInstanceOf(InvalidValueException.class);
    }
}
