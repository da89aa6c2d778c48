package dev.outbound.core.lifecycle;

import static dev.outbound.core.lifecycle.DialFixtures.ANN;
import static dev.outbound.core.lifecycle.DialFixtures.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.outbound.core.compliance.CallingPolicy;
import dev.outbound.core.dnc.DncEntry;
import dev.outbound.core.dnc.DncList;
import dev.outbound.core.dnc.DncRegistry;
import dev.outbound.core.field.CustomFields;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.phone.PhoneState;
import dev.outbound.core.record.CallAttempt;
import dev.outbound.core.record.CallResult;
import dev.outbound.core.record.Callback;
import dev.outbound.core.record.CallbackPreference;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.CustomerRef;
import dev.outbound.core.record.DialProgress;
import dev.outbound.core.record.DoneReason;
import dev.outbound.core.record.ListId;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordPhone;
import dev.outbound.core.record.RecordStatus;
import dev.outbound.core.schedule.WeeklySchedule;
import dev.outbound.core.zone.ZoneProvenance;
import dev.outbound.core.zone.ZoneResolution;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the dialable rule over random records, campaigns and instants: windows in several
 * zones, phone-field hours, Do-Not-Call entries that expire or not, inactive numbers, unknown zones,
 * rounds, caps, abandoned calls, callbacks with every preference, assigned users and contexts. The
 * policies have no region caps, so a record's data alone decides.
 */
class DialRulePropertiesTest {
    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private static final long DAY = 86_400;
    private static final ListId PAUSED = ListId.of("paused");
    private static final List<WeeklySchedule> HOURS = List.of(WeeklySchedule.usFederal(),
            WeeklySchedule.parse("Mon-Fri 09:00-17:00"),
            WeeklySchedule.parse("Mon-Fri 09:00-12:00, 13:00-17:00; Sat 10:00-14:00"),
            WeeklySchedule.always());
    private static final List<WeeklySchedule> FIELD_HOURS = List.of(WeeklySchedule.parse("daily 10:00-20:00"),
            WeeklySchedule.parse("Sat,Sun 10:00-14:00"), WeeklySchedule.parse("Mon-Fri 18:00-21:00"));
    private static final List<List<ZoneId>> ZONES = List.of(List.of(ZoneId.of("America/New_York")),
            List.of(ZoneId.of("Europe/London")), List.of(ZoneId.of("Asia/Kolkata")),
            List.of(ZoneId.of("America/New_York"), ZoneId.of("America/Los_Angeles")));
    private static final List<PhoneField> FIELDS = List.of(PhoneField.HOME, PhoneField.MOBILE, PhoneField.WORK);
    private static final List<PhoneNumber> NUMBERS = List.of(PhoneNumber.ofE164("+12015550123"),
            PhoneNumber.ofE164("+12015550124"), PhoneNumber.ofE164("+12015550125"));

    /** A campaign, a record, an instant and who would take the call. */
    private record Scenario(Lifecycle lifecycle, Record record, Instant at, DialContext context) {
        DialCheck check() {
            return lifecycle.explain(record, at, context);
        }

        DialCheck checkAt(Instant t) {
            return lifecycle.explain(record, t, context);
        }
    }

    private static Instant around(SplittableRandom r, Instant t, long maxSeconds) {
        return t.plusSeconds(r.nextLong(-maxSeconds, maxSeconds + 1));
    }

    /** A due time: in the past two times in three, else in the next three days. */
    private static Instant dueAround(SplittableRandom r, Instant at) {
        return r.nextInt(3) == 0 ? at.plusSeconds(r.nextLong(1, 3 * DAY)) : at.minusSeconds(r.nextLong(0, 3 * DAY));
    }

    private static <T> T pick(SplittableRandom r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }

    private static Scenario scenario(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Instant at = START.plusSeconds(r.nextLong(0, 40 * DAY));

        CallingPolicy.Builder policy = CallingPolicy.newBuilder().hours(pick(r, HOURS));
        if (r.nextInt(3) == 0) {
            policy.fieldHours(PhoneField.MOBILE, pick(r, FIELD_HOURS));
        }
        if (r.nextInt(3) == 0) {
            policy.fieldHours(PhoneField.WORK, WeeklySchedule.parse("Mon-Fri 09:00-17:00"));
        }
        DncList.Builder dnc = DncList.newBuilder("campaign");
        for (PhoneNumber n : NUMBERS) {
            if (r.nextInt(6) == 0) {
                DncEntry e = DncEntry.number(n);
                dnc.add(r.nextBoolean() ? e : e.withExpiry(at.plusSeconds(r.nextLong(1, 4 * DAY))));
            }
        }
        policy.doNotCall(DncRegistry.newBuilder().campaign(dnc.build()).build());

        int maxRepeat = r.nextInt(3);
        DialingRules.Builder rules = DialingRules.newBuilder().maxRepeatAttempts(maxRepeat).policy(policy.build());
        if (r.nextInt(3) == 0) {
            rules.maxCallsPerRecordPerDay(1 + r.nextInt(3));
        }
        if (r.nextInt(3) == 0) {
            rules.maxCallsPerNumberPerDay(1 + r.nextInt(2));
        }
        if (r.nextInt(4) == 0) {
            rules.abandonQuietPeriod(Duration.ZERO);
        }
        if (r.nextInt(5) == 0) {
            rules.lists(CampaignLists.newBuilder().disabled(PAUSED).build());
        }

        List<RecordPhone> phones = new ArrayList<>();
        List<Integer> order = new ArrayList<>(List.of(0, 1, 2));
        int count = r.nextInt(15) == 0 ? 0 : 1 + r.nextInt(3);
        for (int k = 0; k < count; k++) {
            int i = order.remove(r.nextInt(order.size()));
            ZoneResolution zones = r.nextInt(10) == 0 ? new ZoneResolution.Unresolved(List.of("no zone given"))
                    : ZoneResolution.Resolved.of(new ZoneProvenance.AreaCode("1", pick(r, ZONES)));
            PhoneState state = r.nextInt(5) == 0 ? pick(r, List.of(PhoneState.values())) : PhoneState.ACTIVE;
            phones.add(new RecordPhone(FIELDS.get(i), NUMBERS.get(i), state, 0, zones));
        }
        Record record = Record.of(CampaignId.of("renewals"), CustomerRef.of("C-" + seed), phones, CustomFields.empty(),
                START.minusSeconds(10 * DAY)).withNextDialableAt(dueAround(r, at));
        if (r.nextInt(3) == 0) {
            record = record.withScheduledFor(Optional.of(dueAround(r, at)));
        }
        if (r.nextInt(4) == 0) {
            CallbackPreference preference = pick(r, List.of(CallbackPreference.values()));
            Instant time = around(r, at, 2 * DAY);
            Callback callback = preference.namesAgent() ? Callback.forAgent(time, preference, r.nextBoolean() ? ANN : BOB)
                    : Callback.anyone(time);
            if (r.nextInt(3) == 0) {
                callback = callback.expiringAt(time.plusSeconds(r.nextLong(0, 2 * DAY)));
            }
            record = record.withCallback(callback);
        }
        if (r.nextInt(5) == 0) {
            record = record.withAgent(Optional.of(r.nextBoolean() ? ANN : BOB));
        }
        if (r.nextInt(5) == 0) {
            record = record.withList(PAUSED);
        }
        RecordStatus status = r.nextInt(4) == 0 ? pick(r, List.of(RecordStatus.values()))
                : pick(r, List.of(RecordStatus.PENDING, RecordStatus.RESCHEDULED_BY_DIALER, RecordStatus.READY));
        record = status == RecordStatus.DONE ? record.done(pick(r, List.of(DoneReason.values())))
                : record.withStatus(status);

        Set<PhoneField> tried = new HashSet<>();
        for (RecordPhone p : phones) {
            if (r.nextInt(4) == 0) {
                tried.add(p.field());
            }
        }
        List<Instant> times = new ArrayList<>();
        for (int i = r.nextInt(6); i > 0; i--) {
            times.add(at.minusSeconds(r.nextLong(0, 80 * 3600)));
        }
        times.sort(null);
        List<CallAttempt> calls = new ArrayList<>();
        for (Instant t : times) {
            PhoneField f = phones.isEmpty() ? PhoneField.HOME : pick(r, phones).field();
            CallResult result = r.nextInt(4) == 0 ? CallResult.ABANDONED : pick(r, List.of(CallResult.values()));
            calls.add(new CallAttempt(t, f, result));
        }
        int repeatAttempts = r.nextInt(8) == 0 ? maxRepeat + 1 : r.nextInt(maxRepeat + 1);
        record = record.withProgress(new DialProgress(repeatAttempts, tried, r.nextInt(7) != 0, calls,
                calls.isEmpty() ? Optional.empty() : Optional.of(calls.get(calls.size() - 1)), Optional.empty(),
                Optional.empty()));

        DialContext context = pick(r, List.of(DialContext.anyAgent(), DialContext.forAgent(ANN),
                DialContext.forAgent(BOB), new DialContext(Optional.empty(), true)));
        return new Scenario(Lifecycle.of(rules.build()), record, at, context);
    }

    @Test
    void neverDialableBeforeItsDueTime() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Scenario s = scenario(seed);
            DialCheck check = s.check();
            if (s.at().isBefore(s.record().dueAt())) {
                assertThat(check.isDialable()).isFalse();
                assertThat(check.reasons()).contains(
                        new DialReason.NotDue(s.record().dueAt(), s.record().scheduledFor().isPresent()));
            }
            if (check.next().isPresent()) {
                assertThat(check.next().get()).isAfterOrEqualTo(s.record().dueAt()).isAfterOrEqualTo(s.at());
            }
        });
    }

    @Test
    void dialable_theNumberChosenIsActiveAndAllowedByThePolicyNow() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Scenario s = scenario(seed);
            DialCheck check = s.check();
            if (!check.isDialable()) {
                assertThat(check.number()).isEmpty();
                return;
            }
            RecordPhone number = check.number().orElseThrow();
            assertThat(s.record().phones()).contains(number);
            assertThat(number.state()).isEqualTo(PhoneState.ACTIVE);
            assertThat(s.lifecycle().rules().policy().check(s.record(), number, s.at()).isAllowed()).isTrue();
            assertThat(check.startsNewRound()).isEqualTo(s.record().progress().triedThisRound().contains(number.field()));
            assertThat(check.next()).contains(s.at());
        });
    }

    @Test
    void notDialable_atNextItIsDialable_andNoEarlierInstantIs() {
        qt().withExamples(250).forAll(longs().all()).checkAssert(seed -> {
            Scenario s = scenario(seed);
            DialCheck check = s.check();
            if (check.isDialable() || check.next().isEmpty()) {
                return;
            }
            Instant next = check.next().get();
            assertThat(next).isAfter(s.at());
            DialCheck then = s.checkAt(next);
            assertThat(then.reasons()).noneMatch(x -> x instanceof DialReason.NotDue
                    || x instanceof DialReason.CallCapReached || x instanceof DialReason.AbandonQuietPeriod);
            assertThat(then.isDialable()).as("dialable at next %s: %s", next, then.describe()).isTrue();
            // The earliest: the second before it, and instants between, are not dialable.
            assertThat(s.checkAt(next.minusSeconds(1)).isDialable()).isFalse();
            SplittableRandom r = new SplittableRandom(seed);
            long span = next.getEpochSecond() - s.at().getEpochSecond();
            for (int i = 0; i < 3; i++) {
                Instant between = s.at().plusSeconds(r.nextLong(0, span));
                assertThat(s.checkAt(between).isDialable()).as("dialable at %s before next %s", between, next).isFalse();
            }
        });
    }

    @Test
    void noNext_noLaterInstantIsDialable() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            Scenario s = scenario(seed);
            DialCheck check = s.check();
            if (check.next().isPresent()) {
                return;
            }
            assertThat(check.reasons()).isNotEmpty();
            SplittableRandom r = new SplittableRandom(seed);
            for (int i = 0; i < 4; i++) {
                Instant later = s.at().plusSeconds(r.nextLong(0, 30 * DAY));
                assertThat(s.checkAt(later).isDialable()).as("dialable at %s", later).isFalse();
            }
        });
    }

    @Test
    void isDialable_answersAsExplainDoes() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Scenario s = scenario(seed);
            assertThat(s.lifecycle().isDialable(s.record(), s.at(), s.context())).isEqualTo(s.check().isDialable());
        });
    }
}
