package dev.outbound.core.compliance;

import static dev.outbound.core.compliance.Fixtures.record;
import static dev.outbound.core.compliance.Fixtures.zones;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.dnc.DncEntry;
import dev.outbound.core.dnc.DncList;
import dev.outbound.core.dnc.DncRegistry;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.phone.PhoneState;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordPhone;
import dev.outbound.core.schedule.ClosedDates;
import dev.outbound.core.schedule.RegionRuleSet;
import dev.outbound.core.schedule.WeeklySchedule;
import dev.outbound.core.zone.ZoneResolution;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallingPolicyTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final CallingPolicy FEDERAL = CallingPolicy.newBuilder().build();

    private static Instant at(String localDateTime, ZoneId zone) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), zone).toInstant();
    }

    private static CallVerdict.Refused refused(CallVerdict v) {
        assertThat(v).isInstanceOf(CallVerdict.Refused.class);
        return (CallVerdict.Refused) v;
    }

    private static CallVerdict check(CallingPolicy policy, Record r, Instant t) {
        return policy.check(r, r.phones().get(0), t);
    }

    @Test
    void federalHours_0759Local_refusedUntil0800() {
        Record r = record(PhoneField.MOBILE, zones("America/New_York"));
        CallVerdict.Refused v = refused(check(FEDERAL, r, at("2026-06-10T07:59:00", NEW_YORK)));
        assertThat(v.reasons()).singleElement().isInstanceOfSatisfying(Refusal.OutsideHours.class, o -> {
            assertThat(o.zone()).isEqualTo(NEW_YORK);
            assertThat(o.localTime()).isEqualTo(LocalDateTime.parse("2026-06-10T07:59:00"));
            assertThat(o.source()).isInstanceOf(HoursSource.Campaign.class);
        });
        assertThat(v.earliest()).contains(at("2026-06-10T08:00:00", NEW_YORK));
    }

    @Test
    void federalHours_boundaries_startInclusiveEndExclusive() {
        Record r = record(PhoneField.MOBILE, zones("America/New_York"));
        assertThat(check(FEDERAL, r, at("2026-06-10T08:00:00", NEW_YORK)).isAllowed()).isTrue();
        assertThat(check(FEDERAL, r, at("2026-06-10T20:59:59", NEW_YORK)).isAllowed()).isTrue();
        CallVerdict.Refused late = refused(check(FEDERAL, r, at("2026-06-10T21:00:00", NEW_YORK)));
        assertThat(late.earliest()).contains(at("2026-06-11T08:00:00", NEW_YORK));
    }

    @Test
    void severalZones_windowMustHoldInEvery_earliestIsWhenTheLastOpens() {
        // Idaho's 208 spans Boise (Mountain) and the panhandle (Pacific).
        Record r = record(PhoneField.MOBILE, zones("America/Boise", "America/Los_Angeles"));
        Instant t = at("2026-06-10T08:30:00", ZoneId.of("America/Boise"));
        CallVerdict.Refused v = refused(check(FEDERAL, r, t));
        assertThat(v.reasons()).singleElement().isInstanceOfSatisfying(Refusal.OutsideHours.class,
                o -> assertThat(o.zone()).isEqualTo(ZoneId.of("America/Los_Angeles")));
        assertThat(v.earliest()).contains(at("2026-06-10T08:00:00", ZoneId.of("America/Los_Angeles")));
    }

    @Test
    void workNumbers_weekdaysOnly_saturdayRefusedUntilMonday0900() {
        CallingPolicy policy = CallingPolicy.newBuilder()
                .fieldHours(PhoneField.WORK, WeeklySchedule.parse("Mon-Fri 09:00-17:00")).build();
        Record r = record(PhoneField.WORK, zones("America/New_York"));
        Instant saturdayNoon = at("2026-06-13T12:00:00", NEW_YORK);
        CallVerdict.Refused v = refused(check(policy, r, saturdayNoon));
        assertThat(v.reasons()).singleElement().isInstanceOfSatisfying(Refusal.OutsideHours.class,
                o -> assertThat(o.source()).isEqualTo(new HoursSource.FieldHours(PhoneField.WORK,
                        WeeklySchedule.parse("Mon-Fri 09:00-17:00"))));
        assertThat(v.earliest()).contains(at("2026-06-15T09:00:00", NEW_YORK));
        // A mobile number of the same customer is not narrowed by the work hours.
        assertThat(check(policy, record(PhoneField.MOBILE, zones("America/New_York")), saturdayNoon).isAllowed()).isTrue();
    }

    @Test
    void closedDate_inTheCalledPartysCalendar() {
        CallingPolicy policy = CallingPolicy.newBuilder()
                .closedDates(ClosedDates.parse(new StringReader("2026-12-25 Christmas Day\n"))).build();
        Record la = record(PhoneField.MOBILE, zones("America/Los_Angeles"));
        // 25 Dec 09:00 in Los Angeles is already 26 Dec in Sydney; what counts is Los Angeles.
        CallVerdict.Refused v = refused(check(policy, la, at("2026-12-25T09:00:00", ZoneId.of("America/Los_Angeles"))));
        assertThat(v.reasons()).singleElement().isEqualTo(new Refusal.ClosedDate(ZoneId.of("America/Los_Angeles"),
                LocalDate.parse("2026-12-25"), "Christmas Day"));
        assertThat(v.earliest()).contains(at("2026-12-26T08:00:00", ZoneId.of("America/Los_Angeles")));
    }

    @Test
    void springForward_windowStartingInTheGap_opensAtTheTransition() {
        // 2026-03-08 in New York: 02:00 EST jumps to 03:00 EDT, so 02:30 never shows on the clock.
        CallingPolicy policy = CallingPolicy.newBuilder().hours(WeeklySchedule.parse("daily 02:30-05:00")).build();
        Record r = record(PhoneField.MOBILE, zones("America/New_York"));
        Instant before = Instant.parse("2026-03-08T06:59:00Z"); // 01:59 EST
        CallVerdict.Refused v = refused(check(policy, r, before));
        assertThat(v.earliest()).contains(Instant.parse("2026-03-08T07:00:00Z")); // 03:00 EDT
        assertThat(check(policy, r, Instant.parse("2026-03-08T07:00:00Z")).isAllowed()).isTrue();
    }

    @Test
    void springForward_0230IsSkipped_0300IsInsideAnOrdinaryWindow() {
        CallingPolicy policy = CallingPolicy.newBuilder().hours(WeeklySchedule.parse("daily 03:00-04:00")).build();
        Record r = record(PhoneField.MOBILE, zones("America/New_York"));
        // The instant after 01:59:59 EST is 03:00:00 EDT.
        assertThat(check(policy, r, Instant.parse("2026-03-08T06:59:59Z")).isAllowed()).isFalse();
        assertThat(check(policy, r, Instant.parse("2026-03-08T07:00:00Z")).isAllowed()).isTrue();
    }

    @Test
    void fallBack_repeatedHour_windowReopensWhenClocksGoBack() {
        // 2026-11-01 in New York: 02:00 EDT goes back to 01:00 EST; 01:00-01:59 happens twice.
        CallingPolicy policy = CallingPolicy.newBuilder().hours(WeeklySchedule.parse("daily 00:00-01:30")).build();
        Record r = record(PhoneField.MOBILE, zones("America/New_York"));
        Instant firstPass0145 = Instant.parse("2026-11-01T05:45:00Z"); // 01:45 EDT
        CallVerdict.Refused v = refused(check(policy, r, firstPass0145));
        assertThat(v.earliest()).contains(Instant.parse("2026-11-01T06:00:00Z")); // 01:00 EST, second pass
        assertThat(check(policy, r, Instant.parse("2026-11-01T06:29:59Z")).isAllowed()).isTrue();
        assertThat(check(policy, r, Instant.parse("2026-11-01T06:30:00Z")).isAllowed()).isFalse();
    }

    @Test
    void doNotCall_permanentEntry_refusedWithNoEarliest() {
        DncList list = DncList.newBuilder("national").add(DncEntry.number(Fixtures.NUMBER).withSource("registry")).build();
        CallingPolicy policy = CallingPolicy.newBuilder().doNotCall(DncRegistry.newBuilder().global(list).build()).build();
        Record r = record(PhoneField.MOBILE, zones("America/New_York"));
        CallVerdict.Refused v = refused(check(policy, r, at("2026-06-10T12:00:00", NEW_YORK)));
        assertThat(v.reasons()).singleElement().isInstanceOf(Refusal.DoNotCall.class);
        assertThat(v.earliest()).isEmpty();
    }

    @Test
    void doNotCall_expiringAtNight_earliestIsNextMorningNotTheExpiry() {
        Instant expiry = at("2026-06-10T23:00:00", NEW_YORK);
        DncList list = DncList.newBuilder("requests").add(DncEntry.prefix("+1530").withExpiry(expiry)).build();
        CallingPolicy policy = CallingPolicy.newBuilder().doNotCall(DncRegistry.newBuilder().campaign(list).build()).build();
        Record r = record(PhoneField.MOBILE, zones("America/New_York"));
        CallVerdict.Refused v = refused(check(policy, r, at("2026-06-10T12:00:00", NEW_YORK)));
        assertThat(v.earliest()).contains(at("2026-06-11T08:00:00", NEW_YORK));
    }

    @Test
    void allowList_entryExpiringBeforeTheWindowOpens_noEarliest() {
        // Clear now (on the allow list) but outside the hours; the entry lapses before 08:00.
        Instant lapse = at("2026-06-11T07:00:00", NEW_YORK);
        DncList allow = DncList.newBuilder("consented").mode(DncList.Mode.ALLOW)
                .add(DncEntry.number(Fixtures.NUMBER).withExpiry(lapse)).build();
        CallingPolicy policy = CallingPolicy.newBuilder().doNotCall(DncRegistry.newBuilder().campaign(allow).build()).build();
        Record r = record(PhoneField.MOBILE, zones("America/New_York"));
        CallVerdict.Refused v = refused(check(policy, r, at("2026-06-10T22:00:00", NEW_YORK)));
        assertThat(v.reasons()).singleElement().isInstanceOf(Refusal.OutsideHours.class);
        assertThat(v.earliest()).isEmpty();
    }

    @Test
    void unknownZone_neverGuessed() {
        Record base = record(PhoneField.MOBILE, zones("America/New_York"));
        RecordPhone unknown = new RecordPhone(PhoneField.MOBILE, Fixtures.NUMBER, PhoneState.ACTIVE, 0,
                new ZoneResolution.Unresolved(List.of("no local_time_zone given", "the campaign has no default zone")));
        Record r = base.withPhone(unknown);
        CallVerdict.Refused v = refused(FEDERAL.check(r, unknown, at("2026-06-10T12:00:00", NEW_YORK)));
        assertThat(v.reasons()).singleElement().isInstanceOfSatisfying(Refusal.ZoneUnknown.class,
                z -> assertThat(z.tried()).contains("the campaign has no default zone"));
        assertThat(v.earliest()).isEmpty();
    }

    @Test
    void inactiveNumber_refusedAndEveryOtherReasonListedToo() {
        Record base = record(PhoneField.MOBILE, zones("America/New_York"));
        RecordPhone excluded = base.phones().get(0).withState(PhoneState.EXCLUDED);
        CallVerdict.Refused v = refused(FEDERAL.check(base.withPhone(excluded), excluded, at("2026-06-10T22:00:00", NEW_YORK)));
        assertThat(v.reasons()).hasSize(2);
        assertThat(v.reasons().get(0)).isEqualTo(new Refusal.NumberNotActive(PhoneState.EXCLUDED));
        assertThat(v.reasons().get(1)).isInstanceOf(Refusal.OutsideHours.class);
        assertThat(v.earliest()).isEmpty();
    }

    @Test
    void floridaRule_stricterHoursAndThreeCallsPer24Hours() {
        CallingPolicy policy = CallingPolicy.newBuilder().regionRules(RegionRuleSet.usStateExamples()).build();
        ZoneId miami = NEW_YORK;
        Record r = record(PhoneField.MOBILE, zones("America/New_York"), "state", "FL");
        // 20:30 is inside the federal hours but outside Florida's 08:00-20:00.
        CallVerdict.Refused evening = refused(check(policy, r, at("2026-06-10T20:30:00", miami)));
        assertThat(evening.reasons()).singleElement().isInstanceOfSatisfying(Refusal.OutsideHours.class,
                o -> assertThat(((HoursSource.Region) o.source()).rule().name()).isEqualTo("US-FL"));

        List<Instant> calls = List.of(at("2026-06-10T09:00:00", miami), at("2026-06-10T11:00:00", miami),
                at("2026-06-10T13:00:00", miami));
        CallHistory history = CallHistory.of(calls);
        CallVerdict.Refused capped = refused(policy.check(r, r.phones().get(0), at("2026-06-10T15:00:00", miami), history));
        assertThat(capped.reasons()).singleElement().isInstanceOfSatisfying(Refusal.CallCapReached.class,
                c -> assertThat(c.calls()).isEqualTo(3));
        // The first call leaves the rolling 24 hours at 09:00 the next day, inside Florida's hours.
        assertThat(capped.earliest()).contains(at("2026-06-11T09:00:00", miami));
        // Texas, with no cap, is not capped by the same history.
        Record tx = record(PhoneField.MOBILE, zones("America/Chicago"), "state", "TX");
        assertThat(policy.check(tx, tx.phones().get(0), at("2026-06-10T14:00:00", miami), history).isAllowed()).isTrue();
    }

    @Test
    void texasRule_sundayStartsAtNoon() {
        CallingPolicy policy = CallingPolicy.newBuilder().regionRules(RegionRuleSet.usStateExamples()).build();
        ZoneId chicago = ZoneId.of("America/Chicago");
        Record r = record(PhoneField.MOBILE, zones("America/Chicago"), "state", "tx");
        CallVerdict.Refused v = refused(check(policy, r, at("2026-06-14T10:00:00", chicago))); // a Sunday
        assertThat(v.earliest()).contains(at("2026-06-14T12:00:00", chicago));
    }

    @Test
    void allowed_carriesZonesProvenanceAndLocalTime() {
        Record r = record(PhoneField.MOBILE, zones("America/New_York"));
        Instant t = at("2026-06-10T12:00:00", NEW_YORK);
        CallVerdict v = check(FEDERAL, r, t);
        assertThat(v).isInstanceOfSatisfying(CallVerdict.Allowed.class, a -> {
            assertThat(a.localTime(NEW_YORK)).isEqualTo(LocalDateTime.parse("2026-06-10T12:00:00"));
            assertThat(a.zones().isResolved()).isTrue();
        });
    }

    @Test
    void builder_optionSetTwice_failsNamingIt() {
        assertThatThrownBy(() -> CallingPolicy.newBuilder().hours(WeeklySchedule.always())
                .hours(WeeklySchedule.usFederal()).build())
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("hours was set twice");
        assertThatThrownBy(() -> CallingPolicy.newBuilder()
                .fieldHours(PhoneField.WORK, WeeklySchedule.always())
                .fieldHours(PhoneField.WORK, WeeklySchedule.always()).build())
                .hasMessageContaining("fieldHours(work) was set twice");
    }
}
