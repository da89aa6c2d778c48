package dev.outbound.core.lifecycle;

import dev.outbound.core.compliance.CallingPolicy;
import dev.outbound.core.dnc.DncEntry;
import dev.outbound.core.dnc.DncList;
import dev.outbound.core.dnc.DncRegistry;
import dev.outbound.core.field.CustomFields;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CallAttempt;
import dev.outbound.core.record.CallResult;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.CustomerRef;
import dev.outbound.core.record.DialProgress;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordPhone;
import dev.outbound.core.zone.ZoneProvenance;
import dev.outbound.core.zone.ZoneResolution;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * Records and rules for the lifecycle tests. Every instant is in January 2026, when New York is on
 * EST (UTC-5) and has no daylight-saving change: 1 January 2026 is a Thursday, so 5 January is a
 * Monday and 9 January a Friday.
 */
final class DialFixtures {
    private DialFixtures() {
    }

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    /** Monday 5 January 2026, 10:00 in New York. */
    static final Instant MONDAY_10AM = Instant.parse("2026-01-05T15:00:00Z");

    static final PhoneNumber HOME_NUMBER = PhoneNumber.ofE164("+12015550123");
    static final PhoneNumber MOBILE_NUMBER = PhoneNumber.ofE164("+12015550124");
    static final PhoneNumber WORK_NUMBER = PhoneNumber.ofE164("+12015550125");

    static final AgentEmail ANN = AgentEmail.of("ann@example.com");
    static final AgentEmail BOB = AgentEmail.of("bob@example.com");

    /** A number of the field, in New York (the campaign's default zone), active and never called. */
    static RecordPhone phone(PhoneField field, PhoneNumber number) {
        return RecordPhone.of(field, number, ZoneResolution.Resolved.of(new ZoneProvenance.CampaignDefault(NEW_YORK)));
    }

    static RecordPhone home() {
        return phone(PhoneField.HOME, HOME_NUMBER);
    }

    static RecordPhone mobile() {
        return phone(PhoneField.MOBILE, MOBILE_NUMBER);
    }

    static RecordPhone work() {
        return phone(PhoneField.WORK, WORK_NUMBER);
    }

    /** A pending record made at {@link #CREATED}, so it is due from then on. */
    static Record record(RecordPhone... phones) {
        return Record.of(CampaignId.of("renewals"), CustomerRef.of("C-1"), List.of(phones), CustomFields.empty(), CREATED);
    }

    /** The record with these calls remembered, oldest first. */
    static Record withCalls(Record record, CallAttempt... calls) {
        DialProgress p = record.progress();
        return record.withProgress(new DialProgress(p.repeatAttempts(), p.triedThisRound(), p.countsAttempts(),
                Arrays.asList(calls), p.lastCall(), p.lastContactedAt(), p.wrapCode()));
    }

    static CallAttempt call(Instant at, PhoneField field, CallResult result) {
        return new CallAttempt(at, field, result);
    }

    /** A policy with the default (US federal, 08:00-21:00 every day) hours and these numbers on a block list. */
    static CallingPolicy.Builder policyBlocking(DncEntry... entries) {
        DncList.Builder list = DncList.newBuilder("campaign DNC");
        for (DncEntry e : entries) {
            list.add(e);
        }
        return CallingPolicy.newBuilder().doNotCall(DncRegistry.newBuilder().campaign(list.build()).build());
    }

    static Lifecycle lifecycle(DialingRules rules) {
        return Lifecycle.of(rules);
    }

    static Lifecycle lifecycle() {
        return Lifecycle.of(DialingRules.defaults());
    }
}
