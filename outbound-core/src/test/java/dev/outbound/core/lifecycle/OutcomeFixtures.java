package dev.outbound.core.lifecycle;

import dev.outbound.core.field.CustomFields;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.CallResult;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.CustomerRef;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordPhone;
import dev.outbound.core.zone.ZoneProvenance;
import dev.outbound.core.zone.ZoneResolution;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** Shared inputs for the outcome tests: records with one to three numbers and calls that end a minute after they start. */
final class OutcomeFixtures {
    private OutcomeFixtures() {
    }

    static final CampaignId CAMPAIGN = CampaignId.of("renewals");
    static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static final PhoneField PRIMARY = PhoneField.PRIMARY;
    static final PhoneField HOME = PhoneField.HOME;
    static final PhoneField MOBILE = PhoneField.MOBILE;
    static final PhoneField WORK = PhoneField.WORK;

    /** Fictional New Jersey numbers (area code 201, exchange 555). */
    static final String N1 = "+12015550101";
    static final String N2 = "+12015550102";
    static final String N3 = "+12015550103";

    static RecordPhone phone(PhoneField field, String e164) {
        return RecordPhone.of(field, PhoneNumber.ofE164(e164),
                ZoneResolution.Resolved.of(new ZoneProvenance.CampaignDefault(NEW_YORK)));
    }

    static RecordPhone unresolvedPhone(PhoneField field, String e164) {
        return RecordPhone.of(field, PhoneNumber.ofE164(e164), new ZoneResolution.Unresolved(List.of("no zone rule")));
    }

    static Record record(RecordPhone... phones) {
        return Record.of(CAMPAIGN, CustomerRef.of("c-1"), List.of(phones), CustomFields.empty(), T0);
    }

    /** A pending record with a primary number. */
    static Record onePhone() {
        return record(phone(PRIMARY, N1));
    }

    /** A pending record with primary, home and mobile numbers, in that order. */
    static Record threePhones() {
        return record(phone(PRIMARY, N1), phone(HOME, N2), phone(MOBILE, N3));
    }

    /** A call placed at {@code at} that lasted one minute. */
    static CallOutcome call(PhoneField field, CallResult result, Instant at) {
        return CallOutcome.of(field, result, at, at.plus(Duration.ofMinutes(1)));
    }

    static Instant minutes(long n) {
        return T0.plus(Duration.ofMinutes(n));
    }

    static Instant hours(long n) {
        return T0.plus(Duration.ofHours(n));
    }
}
