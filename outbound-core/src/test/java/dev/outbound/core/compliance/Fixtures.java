package dev.outbound.core.compliance;

import dev.outbound.core.field.CustomFields;
import dev.outbound.core.field.FieldValue;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.CustomerRef;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordPhone;
import dev.outbound.core.zone.ZoneProvenance;
import dev.outbound.core.zone.ZoneResolution;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records with exactly the zones a test wants, built from parts. */
final class Fixtures {
    static final PhoneNumber NUMBER = PhoneNumber.ofE164("+15305550147");
    static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    private Fixtures() {}

    static Record record(PhoneField field, List<ZoneId> zones, String... fieldPairs) {
        return record("C-1", NUMBER, field, zones, fieldPairs);
    }

    static Record record(String ref, PhoneNumber number, PhoneField field, List<ZoneId> zones, String... fieldPairs) {
        ZoneResolution resolution = ZoneResolution.Resolved.of(new ZoneProvenance.AreaCode("1", zones));
        Map<String, FieldValue> values = new LinkedHashMap<>();
        for (int i = 0; i < fieldPairs.length; i += 2) {
            values.put(fieldPairs[i], new FieldValue.Text(fieldPairs[i + 1]));
        }
        return Record.of(CampaignId.of("test"), CustomerRef.of(ref), List.of(RecordPhone.of(field, number, resolution)),
                CustomFields.of(values), CREATED);
    }

    static List<ZoneId> zones(String... ids) {
        return Arrays.stream(ids).map(ZoneId::of).toList();
    }
}
