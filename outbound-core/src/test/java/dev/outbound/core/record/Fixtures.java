package dev.outbound.core.record;

import dev.outbound.core.field.CustomFields;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.testdata.TestCsv;
import dev.outbound.core.zone.ZoneProvenance;
import dev.outbound.core.zone.ZoneResolution;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Shared inputs for the record tests; expected values come from the reference CSVs, not from the code. */
final class Fixtures {
    private Fixtures() {
    }

    static final CampaignId CAMPAIGN = CampaignId.of("renewals");
    static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");
    static final Instant T1 = Instant.parse("2024-03-02T08:30:00Z");
    static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId HONOLULU = ZoneId.of("Pacific/Honolulu");

    /** vectors.csv, US row: national form and its E.164. Area code 201 is New Jersey (nanp_area_codes.csv). */
    static final String US_NATIONAL = "(201) 555-0123";
    static final String US_E164 = "+12015550123";
    /** vectors.csv, GB fixed line. */
    static final String GB_INTERNATIONAL = "+44 121 234 5678";
    static final String GB_E164 = "+441212345678";
    /** vectors.csv, AU mobile in national form: valid only when read in AU. */
    static final String AU_NATIONAL = "0412 345 678";
    static final String AU_E164 = "+61412345678";
    /** An Idaho (+1 208) number; nanp_area_codes.csv gives 208 the zones below and says it spans several. */
    static final String IDAHO = "+1 208-990-5678";
    static final List<ZoneId> IDAHO_ZONES = List.of(
            ZoneId.of("America/Boise"), ZoneId.of("America/Denver"), ZoneId.of("America/Los_Angeles"));

    /** One row of phones/vectors.csv. */
    record Vector(String region, String national, String international, String e164) {
    }

    static final List<Vector> VECTORS = TestCsv.read("/phones/vectors.csv").stream()
            .map(r -> new Vector(r.get("region"), r.get("national_formatted"), r.get("international_formatted"),
                    r.get("expected_e164")))
            .toList();

    static RecordFactory.Builder factory() {
        return RecordFactory.newBuilder(CAMPAIGN).clock(CLOCK);
    }

    static RecordPhone phone(PhoneField field, String e164) {
        return RecordPhone.of(field, PhoneNumber.ofE164(e164),
                ZoneResolution.Resolved.of(new ZoneProvenance.CampaignDefault(NEW_YORK)));
    }

    static Record record(String ref, RecordPhone... phones) {
        return Record.of(CAMPAIGN, CustomerRef.of(ref), List.of(phones), CustomFields.empty(), T0);
    }

    static Map<String, Object> components(Record r) {
        return Map.ofEntries(
                Map.entry("campaign", r.campaign()),
                Map.entry("ref", r.ref()),
                Map.entry("agent", r.agent()),
                Map.entry("phones", r.phones()),
                Map.entry("timeZone", r.timeZone()),
                Map.entry("scheduledFor", r.scheduledFor()),
                Map.entry("nextDialableAt", r.nextDialableAt()),
                Map.entry("status", r.status()),
                Map.entry("priority", r.priority()),
                Map.entry("list", r.list()),
                Map.entry("fields", r.fields()),
                Map.entry("fieldText", r.fieldText()),
                Map.entry("createdAt", r.createdAt()),
                Map.entry("updatedAt", r.updatedAt()));
    }
}
