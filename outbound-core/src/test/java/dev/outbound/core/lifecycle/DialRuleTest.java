package dev.outbound.core.lifecycle;

import static dev.outbound.core.lifecycle.DialFixtures.ANN;
import static dev.outbound.core.lifecycle.DialFixtures.BOB;
import static dev.outbound.core.lifecycle.DialFixtures.HOME_NUMBER;
import static dev.outbound.core.lifecycle.DialFixtures.MOBILE_NUMBER;
import static dev.outbound.core.lifecycle.DialFixtures.MONDAY_10AM;
import static dev.outbound.core.lifecycle.DialFixtures.call;
import static dev.outbound.core.lifecycle.DialFixtures.home;
import static dev.outbound.core.lifecycle.DialFixtures.mobile;
import static dev.outbound.core.lifecycle.DialFixtures.policyBlocking;
import static dev.outbound.core.lifecycle.DialFixtures.record;
import static dev.outbound.core.lifecycle.DialFixtures.withCalls;
import static dev.outbound.core.lifecycle.DialFixtures.work;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.compliance.CallingPolicy;
import dev.outbound.core.compliance.Refusal;
import dev.outbound.core.dnc.DncEntry;
import dev.outbound.core.lifecycle.DialReason.CallCapReached.Scope;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.phone.PhoneState;
import dev.outbound.core.record.CallResult;
import dev.outbound.core.record.Callback;
import dev.outbound.core.record.CallbackPreference;
import dev.outbound.core.record.DialProgress;
import dev.outbound.core.record.DoneReason;
import dev.outbound.core.record.ListId;
import dev.outbound.core.record.ReasonCode;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordStatus;
import dev.outbound.core.schedule.WeeklySchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The dialable rule, one rule a test. Instants are worked out by hand in New York time (EST, UTC-5
 * in January 2026; see {@link DialFixtures}).
 */
class DialRuleTest {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Lifecycle DEFAULTS = DialFixtures.lifecycle();

    private static Lifecycle with(DialingRules.Builder rules) {
        return Lifecycle.of(rules.build());
    }

    @Nested
    class Due {
        @Test
        void scheduledFor_takesPrecedenceOverNextDialableAt() {
            Record scheduledLater = record(home()).withNextDialableAt(MONDAY_10AM.minus(HOUR))
                    .withScheduledFor(Optional.of(MONDAY_10AM.plus(Duration.ofHours(2))));
            DialCheck check = DEFAULTS.explain(scheduledLater, MONDAY_10AM);
            assertThat(check.reasons()).containsExactly(new DialReason.NotDue(MONDAY_10AM.plus(Duration.ofHours(2)), true));
            // 12:00 in New York, inside the default 08:00-21:00.
            assertThat(check.next()).contains(Instant.parse("2026-01-05T17:00:00Z"));

            Record scheduledEarlier = record(home()).withNextDialableAt(MONDAY_10AM.plus(Duration.ofHours(2)))
                    .withScheduledFor(Optional.of(MONDAY_10AM.minus(HOUR)));
            assertThat(DEFAULTS.explain(scheduledEarlier, MONDAY_10AM).isDialable()).isTrue();
        }

        @Test
        void nextDialableAt_inFuture_notDueUntilThen() {
            Record r = record(home()).withNextDialableAt(MONDAY_10AM.plus(HOUR));
            DialCheck check = DEFAULTS.explain(r, MONDAY_10AM);
            assertThat(check.reasons()).containsExactly(new DialReason.NotDue(MONDAY_10AM.plus(HOUR), false));
            assertThat(check.next()).contains(MONDAY_10AM.plus(HOUR));
            assertThat(DEFAULTS.explain(r, MONDAY_10AM.plus(HOUR)).isDialable()).isTrue();
        }

        @Test
        void dialable_nextIsTheInstantChecked_andTheNumberIsGiven() {
            DialCheck check = DEFAULTS.explain(record(home()), MONDAY_10AM);
            assertThat(check.isDialable()).isTrue();
            assertThat(check.next()).contains(MONDAY_10AM);
            assertThat(check.number()).contains(home());
            assertThat(check.startsNewRound()).isFalse();
        }
    }

    @Nested
    class Status {
        @Test
        void pendingAndRetryStatuses_dialable() {
            // Seed 000: pending or retry; seed 001 adds Ready, Rescheduled by agent and Call immediately.
            for (RecordStatus s : List.of(RecordStatus.PENDING, RecordStatus.RESCHEDULED_BY_DIALER, RecordStatus.READY,
                    RecordStatus.RESCHEDULED_BY_AGENT, RecordStatus.CALL_IMMEDIATELY)) {
                assertThat(DEFAULTS.explain(record(home()).withStatus(s), MONDAY_10AM).isDialable()).as("%s", s).isTrue();
            }
        }

        @Test
        void otherStatuses_notDialable_byTimeAlone() {
            for (RecordStatus s : List.of(RecordStatus.PROCESSING, RecordStatus.POSTPONED, RecordStatus.INACTIVE)) {
                DialCheck check = DEFAULTS.explain(record(home()).withStatus(s), MONDAY_10AM);
                assertThat(check.reasons()).as("%s", s)
                        .containsExactly(new DialReason.StatusNotDialable(s, Optional.empty(), Optional.empty()));
                assertThat(check.next()).isEmpty();
            }
        }

        @Test
        void doneRecord_reportsItsDoneReason_andAReasonCodeIsEvidence() {
            DialCheck done = DEFAULTS.explain(record(home()).done(DoneReason.OBJECTIVE_REACHED), MONDAY_10AM);
            assertThat(done.reasons()).containsExactly(new DialReason.StatusNotDialable(RecordStatus.DONE,
                    Optional.of(DoneReason.OBJECTIVE_REACHED), Optional.empty()));
            assertThat(done.reasons().get(0).describe()).contains("done", "objective reached");

            ReasonCode code = ReasonCode.of("Suspended", "Queue size limit");
            DialCheck postponed = DEFAULTS.explain(
                    record(home()).withStatus(RecordStatus.POSTPONED).withReasonCode(Optional.of(code)), MONDAY_10AM);
            assertThat(postponed.reasons()).containsExactly(
                    new DialReason.StatusNotDialable(RecordStatus.POSTPONED, Optional.empty(), Optional.of(code)));
        }
    }

    @Test
    void disabledList_notDialable_otherListsAre() {
        ListId paused = ListId.of("paused");
        Lifecycle lifecycle = with(DialingRules.newBuilder().lists(CampaignLists.newBuilder().disabled(paused).build()));
        DialCheck check = lifecycle.explain(record(home()).withList(paused), MONDAY_10AM);
        assertThat(check.reasons()).containsExactly(new DialReason.ListDisabled(paused));
        assertThat(check.next()).isEmpty();
        assertThat(lifecycle.explain(record(home()), MONDAY_10AM).isDialable()).isTrue();
    }

    @Nested
    class Numbers {
        private final Lifecycle workHours = with(DialingRules.newBuilder().policy(CallingPolicy.newBuilder()
                .fieldHours(PhoneField.WORK, WeeklySchedule.parse("Mon-Fri 09:00-17:00")).build()));

        @Test
        void numberOutsideItsFieldsWindow_anotherInsideIsCalled() {
            Record r = record(work(), home());
            // Monday 18:00 in New York: past the work field's 17:00, inside the campaign's 21:00.
            DialCheck evening = workHours.explain(r, Instant.parse("2026-01-05T23:00:00Z"));
            assertThat(evening.number()).contains(home());
            // Monday 10:00: the work number comes first in the record's order.
            assertThat(workHours.explain(r, MONDAY_10AM).number()).contains(work());
        }

        @Test
        void everyNumberOutsideItsWindow_eachIsAReason_nextIsTheFirstToOpen() {
            Record r = record(work(), home());
            // Monday 22:00 in New York: home opens Tuesday 08:00 (13:00Z), work Tuesday 09:00 (14:00Z).
            DialCheck night = workHours.explain(r, Instant.parse("2026-01-06T03:00:00Z"));
            assertThat(night.reasons()).hasSize(2).allMatch(x -> x instanceof DialReason.NumberRefused);
            List<DialReason.NumberRefused> refused = night.reasons(DialReason.NumberRefused.class);
            assertThat(refused.get(0).phone()).isEqualTo(work());
            assertThat(refused.get(1).phone()).isEqualTo(home());
            assertThat(refused.get(1).verdict().reasons()).allMatch(x -> x instanceof Refusal.OutsideHours);
            assertThat(night.next()).contains(Instant.parse("2026-01-06T13:00:00Z"));
            assertThat(workHours.explain(r, Instant.parse("2026-01-06T13:00:00Z")).number()).contains(home());
        }

        @Test
        void doNotCallNumber_skipped_forTheNextNumber() {
            Lifecycle lifecycle = with(DialingRules.newBuilder().policy(policyBlocking(DncEntry.number(HOME_NUMBER)).build()));
            assertThat(lifecycle.explain(record(home(), mobile()), MONDAY_10AM).number()).contains(mobile());
        }

        @Test
        void everyNumberOnDoNotCall_notDialableByTimeAlone() {
            Lifecycle lifecycle = with(DialingRules.newBuilder().policy(
                    policyBlocking(DncEntry.number(HOME_NUMBER), DncEntry.number(MOBILE_NUMBER)).build()));
            DialCheck check = lifecycle.explain(record(home(), mobile()), MONDAY_10AM);
            assertThat(check.reasons(DialReason.NumberRefused.class)).extracting(DialReason.NumberRefused::phone)
                    .containsExactly(home(), mobile());
            assertThat(check.reasons()).hasSize(2);
            assertThat(check.reasons().get(0).describe()).contains("+12015550123", "Do-Not-Call");
            assertThat(check.next()).isEmpty();
        }

        @Test
        void doNotCallEntryThatExpires_nextIsItsExpiry() {
            Instant expiry = Instant.parse("2026-01-06T15:00:00Z"); // Tuesday 10:00 in New York
            Lifecycle lifecycle = with(DialingRules.newBuilder().policy(
                    policyBlocking(DncEntry.number(HOME_NUMBER).withExpiry(expiry)).build()));
            assertThat(lifecycle.explain(record(home()), MONDAY_10AM).next()).contains(expiry);
        }

        @Test
        void inactiveNumbers_areReasons_andNeverCalled() {
            Record r = record(home().withState(PhoneState.EXCLUDED), mobile().withState(PhoneState.INACTIVE));
            DialCheck check = DEFAULTS.explain(r, MONDAY_10AM);
            assertThat(check.reasons(DialReason.NumberRefused.class)).hasSize(2)
                    .allMatch(x -> x.verdict().reasons().contains(new Refusal.NumberNotActive(x.phone().state())));
            assertThat(check.next()).isEmpty();
        }

        @Test
        void noNumberAtAll_isAReason() {
            DialCheck check = DEFAULTS.explain(record(), MONDAY_10AM);
            assertThat(check.reasons()).containsExactly(new DialReason.NoNumber());
            assertThat(check.next()).isEmpty();
        }

        @Test
        void numberTriedThisRound_theUntriedOneIsCalledFirst() {
            Record r = record(home(), mobile()).withProgress(DialProgress.NONE.withTriedThisRound(Set.of(PhoneField.HOME)));
            DialCheck check = DEFAULTS.explain(r, MONDAY_10AM);
            assertThat(check.number()).contains(mobile());
            assertThat(check.startsNewRound()).isFalse();
        }

        @Test
        void untriedNumberOutsideItsWindow_theRoundWaitsForIt_triedNumberIsNoReason() {
            Lifecycle lifecycle = with(DialingRules.newBuilder().policy(CallingPolicy.newBuilder()
                    .fieldHours(PhoneField.MOBILE, WeeklySchedule.parse("daily 12:00-20:00")).build()));
            Record r = record(home(), mobile()).withProgress(DialProgress.NONE.withTriedThisRound(Set.of(PhoneField.HOME)));
            DialCheck check = lifecycle.explain(r, MONDAY_10AM);
            assertThat(check.reasons()).hasSize(1);
            assertThat(check.reasons(DialReason.NumberRefused.class).get(0).phone()).isEqualTo(mobile());
            // 12:00 in New York.
            assertThat(check.next()).contains(Instant.parse("2026-01-05T17:00:00Z"));
        }

        @Test
        void untriedNumbersRefusedForGood_roundTakenAsComplete_triedNumbersCalledAgain() {
            Lifecycle lifecycle = with(DialingRules.newBuilder().maxRepeatAttempts(1)
                    .policy(policyBlocking(DncEntry.number(MOBILE_NUMBER)).build()));
            Record r = record(home(), mobile()).withProgress(DialProgress.NONE.withTriedThisRound(Set.of(PhoneField.HOME)));
            DialCheck check = lifecycle.explain(r, MONDAY_10AM);
            assertThat(check.number()).contains(home());
            assertThat(check.startsNewRound()).isTrue();
        }
    }

    @Nested
    class Next {
        private final Lifecycle weekdays = with(DialingRules.newBuilder().policy(CallingPolicy.newBuilder()
                .hours(WeeklySchedule.parse("Mon-Fri 09:00-17:00")).build()));

        @Test
        void fridayEvening_nextIsMondayWhenTheWindowOpens() {
            // Friday 9 January 18:00 in New York; the window opens Monday 12 January 09:00 (14:00Z).
            DialCheck check = weekdays.explain(record(home()), Instant.parse("2026-01-09T23:00:00Z"));
            assertThat(check.reasons(DialReason.NumberRefused.class)).hasSize(1);
            assertThat(check.next()).contains(Instant.parse("2026-01-12T14:00:00Z"));
        }

        @Test
        void dueOnSaturday_nextIsStillMondayMorning() {
            Record r = record(home()).withNextDialableAt(Instant.parse("2026-01-10T12:00:00Z"));
            DialCheck check = weekdays.explain(r, Instant.parse("2026-01-09T23:00:00Z"));
            assertThat(check.reasons()).hasSize(2);
            assertThat(check.next()).contains(Instant.parse("2026-01-12T14:00:00Z"));
        }

        @Test
        void dueMondayAfterTheWindowOpens_nextIsTheDueTime() {
            Record r = record(home()).withNextDialableAt(Instant.parse("2026-01-12T15:30:00Z"));
            assertThat(weekdays.explain(r, Instant.parse("2026-01-09T23:00:00Z")).next())
                    .contains(Instant.parse("2026-01-12T15:30:00Z"));
        }

        @Test
        void night_nextIsThisMorningsWindow() {
            // Tuesday 03:00 in New York; the window opens at 09:00 (14:00Z).
            assertThat(weekdays.explain(record(home()), Instant.parse("2026-01-06T08:00:00Z")).next())
                    .contains(Instant.parse("2026-01-06T14:00:00Z"));
        }

        @Test
        void capReleasedOnTheWeekend_nextIsMondayMorning() {
            Lifecycle capped = with(DialingRules.newBuilder().maxCallsPerRecordPerDay(1)
                    .policy(CallingPolicy.newBuilder().hours(WeeklySchedule.parse("Mon-Fri 09:00-17:00")).build()));
            // A call Friday 16:30 in New York; checked at 16:45. The cap releases Saturday 16:30,
            // when the window is closed until Monday 09:00.
            Record r = withCalls(record(home()),
                    call(Instant.parse("2026-01-09T21:30:00Z"), PhoneField.HOME, CallResult.NO_ANSWER));
            DialCheck check = capped.explain(r, Instant.parse("2026-01-09T21:45:00Z"));
            assertThat(check.reasons()).containsExactly(new DialReason.CallCapReached(Scope.RECORD, Optional.empty(), 1, 1,
                    Instant.parse("2026-01-08T21:45:00Z"), Instant.parse("2026-01-10T21:30:00Z")));
            assertThat(check.next()).contains(Instant.parse("2026-01-12T14:00:00Z"));
        }
    }

    @Nested
    class Reservations {
        private final Callback preferAnn = Callback.forAgent(MONDAY_10AM, CallbackPreference.PREFER_AGENT, ANN);
        private final Record preferred = record(home()).withCallback(preferAnn).withStatus(RecordStatus.RESCHEDULED_BY_AGENT);
        /** Callback time plus the default 15 minutes' contact timeout. */
        private final Instant timeout = MONDAY_10AM.plus(Duration.ofMinutes(15));

        @Test
        void contactTimeout_preferAgentCallback_reservedForItsAgentUntilTheTimeout() {
            Instant at = MONDAY_10AM.plus(Duration.ofMinutes(5));
            Reservation ann = new Reservation(ANN, Optional.of(CallbackPreference.PREFER_AGENT), Optional.of(timeout));
            DialCheck forBob = DEFAULTS.explain(preferred, at, DialContext.forAgent(BOB));
            assertThat(forBob.reasons()).containsExactly(new DialReason.ReservedForAgent(ann, BOB));
            assertThat(forBob.next()).contains(timeout);
            assertThat(DEFAULTS.explain(preferred, at, DialContext.forAgent(ANN)).isDialable()).isTrue();
        }

        @Test
        void contactTimeout_afterIt_anyoneMayTakeTheCallback() {
            DialCheck forBob = DEFAULTS.explain(preferred, timeout, DialContext.forAgent(BOB));
            assertThat(forBob.isDialable()).isTrue();
            assertThat(forBob.reservation()).isEmpty();
        }

        @Test
        void noAgentNamed_theReservationIsInformationNotAReason() {
            DialCheck check = DEFAULTS.explain(preferred, MONDAY_10AM.plus(Duration.ofMinutes(5)));
            assertThat(check.isDialable()).isTrue();
            assertThat(check.reservation()).contains(
                    new Reservation(ANN, Optional.of(CallbackPreference.PREFER_AGENT), Optional.of(timeout)));
        }

        @Test
        void onlyAgentCallback_neverForAnotherAgent() {
            Record r = record(home()).withCallback(Callback.forAgent(MONDAY_10AM, CallbackPreference.ONLY_AGENT, ANN));
            DialCheck forBob = DEFAULTS.explain(r, MONDAY_10AM.plus(Duration.ofDays(2)), DialContext.forAgent(BOB));
            Reservation onlyAnn = new Reservation(ANN, Optional.of(CallbackPreference.ONLY_AGENT), Optional.empty());
            assertThat(forBob.reasons()).containsExactly(new DialReason.ReservedForAgent(onlyAnn, BOB));
            assertThat(forBob.next()).isEmpty();
            assertThat(DEFAULTS.explain(r, MONDAY_10AM.plus(Duration.ofDays(2)), DialContext.forAgent(ANN)).isDialable())
                    .isTrue();
        }

        @Test
        void otherAgentCallback_onlyForTheAgentItNames() {
            Record r = record(home()).withCallback(Callback.forAgent(MONDAY_10AM, CallbackPreference.OTHER_AGENT, BOB));
            assertThat(DEFAULTS.explain(r, MONDAY_10AM, DialContext.forAgent(ANN)).reasons(DialReason.ReservedForAgent.class))
                    .extracting(DialReason.ReservedForAgent::agent).containsExactly(BOB);
            assertThat(DEFAULTS.explain(r, MONDAY_10AM, DialContext.forAgent(BOB)).isDialable()).isTrue();
        }

        @Test
        void recordWithAUser_goesToThatUser() {
            Record r = record(home()).withAgent(Optional.of(ANN));
            DialCheck forBob = DEFAULTS.explain(r, MONDAY_10AM, DialContext.forAgent(BOB));
            assertThat(forBob.reasons()).containsExactly(new DialReason.ReservedForAgent(Reservation.assignedUser(ANN), BOB));
            assertThat(forBob.next()).isEmpty();
            DialCheck anyone = DEFAULTS.explain(r, MONDAY_10AM);
            assertThat(anyone.isDialable()).isTrue();
            assertThat(anyone.reservation()).contains(Reservation.assignedUser(ANN));
        }

        @Test
        void preferAgentCallbackOnARecordWithAUser_afterTheTimeoutGoesBackToTheUser() {
            Record r = preferred.withAgent(Optional.of(BOB));
            DialCheck before = DEFAULTS.explain(r, MONDAY_10AM, DialContext.forAgent(BOB));
            assertThat(before.reasons(DialReason.ReservedForAgent.class)).extracting(DialReason.ReservedForAgent::agent)
                    .containsExactly(ANN);
            // At the timeout the record is its user's, Bob's, for good: so Bob may call it then.
            assertThat(before.next()).contains(timeout);
            DialCheck annAfter = DEFAULTS.explain(r, timeout, DialContext.forAgent(ANN));
            assertThat(annAfter.reasons()).containsExactly(new DialReason.ReservedForAgent(Reservation.assignedUser(BOB), ANN));
        }

        @Test
        void expiredCallback_notDialableByTimeAlone() {
            Instant end = MONDAY_10AM.minus(HOUR);
            Record r = record(home()).withCallback(Callback.anyone(MONDAY_10AM.minus(Duration.ofHours(2))).expiringAt(end));
            DialCheck check = DEFAULTS.explain(r, MONDAY_10AM);
            assertThat(check.reasons()).containsExactly(new DialReason.CallbackExpired(end));
            assertThat(check.next()).isEmpty();
            assertThat(DEFAULTS.explain(r, end).reasons()).containsExactly(new DialReason.CallbackExpired(end));
            assertThat(DEFAULTS.explain(r, end.minusSeconds(1)).isDialable()).isTrue();
        }
    }

    @Nested
    class Caps {
        @Test
        void recordCap_reachedUntilTheOldestCallLeavesTheRollingDay() {
            Lifecycle lifecycle = with(DialingRules.newBuilder().maxCallsPerRecordPerDay(2));
            Record r = withCalls(record(home(), mobile()),
                    call(MONDAY_10AM.minus(Duration.ofHours(23)), PhoneField.HOME, CallResult.NO_ANSWER),
                    call(MONDAY_10AM.minus(HOUR), PhoneField.MOBILE, CallResult.NO_ANSWER));
            DialCheck check = lifecycle.explain(r, MONDAY_10AM);
            assertThat(check.reasons()).containsExactly(new DialReason.CallCapReached(Scope.RECORD, Optional.empty(), 2, 2,
                    MONDAY_10AM.minus(Duration.ofDays(1)), MONDAY_10AM.plus(HOUR)));
            assertThat(check.next()).contains(MONDAY_10AM.plus(HOUR));
        }

        @Test
        void recordCap_moreCallsThanTheCap_releasedWhenEnoughHaveLeft() {
            // Three calls in the last day against a cap of 2: the second-oldest must leave too,
            // 24 hours after it was placed (20 hours ago), so in 4 hours.
            Lifecycle lifecycle = with(DialingRules.newBuilder().maxCallsPerRecordPerDay(2));
            Record r = withCalls(record(home()),
                    call(MONDAY_10AM.minus(Duration.ofHours(22)), PhoneField.HOME, CallResult.NO_ANSWER),
                    call(MONDAY_10AM.minus(Duration.ofHours(20)), PhoneField.HOME, CallResult.NO_ANSWER),
                    call(MONDAY_10AM.minus(HOUR), PhoneField.HOME, CallResult.NO_ANSWER));
            DialCheck check = lifecycle.explain(r, MONDAY_10AM);
            assertThat(check.reasons()).containsExactly(new DialReason.CallCapReached(Scope.RECORD, Optional.empty(), 3, 2,
                    MONDAY_10AM.minus(Duration.ofDays(1)), MONDAY_10AM.plus(Duration.ofHours(4))));
            assertThat(check.next()).contains(MONDAY_10AM.plus(Duration.ofHours(4)));
        }

        @Test
        void numberCap_countsOnlyThatNumbersCalls() {
            // Home was called 10 and 2 hours ago, mobile 1 hour ago; cap 1 per number. Home's cap
            // releases when its newer call leaves, in 22 hours; mobile's in 23 hours.
            Lifecycle lifecycle = with(DialingRules.newBuilder().maxCallsPerNumberPerDay(1));
            Record r = withCalls(record(home(), mobile()),
                    call(MONDAY_10AM.minus(Duration.ofHours(10)), PhoneField.HOME, CallResult.BUSY),
                    call(MONDAY_10AM.minus(Duration.ofHours(2)), PhoneField.HOME, CallResult.BUSY),
                    call(MONDAY_10AM.minus(HOUR), PhoneField.MOBILE, CallResult.BUSY));
            DialCheck check = lifecycle.explain(r, MONDAY_10AM);
            Instant since = MONDAY_10AM.minus(Duration.ofDays(1));
            assertThat(check.reasons()).containsExactly(
                    new DialReason.CallCapReached(Scope.NUMBER, Optional.of(PhoneField.HOME), 2, 1, since,
                            MONDAY_10AM.plus(Duration.ofHours(22))),
                    new DialReason.CallCapReached(Scope.NUMBER, Optional.of(PhoneField.MOBILE), 1, 1, since,
                            MONDAY_10AM.plus(Duration.ofHours(23))));
            // Home first: Tuesday 08:00 in New York, just as the window opens.
            assertThat(check.next()).contains(MONDAY_10AM.plus(Duration.ofHours(22)));
        }

        @Test
        void recordCap_aCallExactly24HoursAgoHasLeftTheWindow() {
            Lifecycle lifecycle = with(DialingRules.newBuilder().maxCallsPerRecordPerDay(2));
            Record r = withCalls(record(home()),
                    call(MONDAY_10AM.minus(Duration.ofDays(1)), PhoneField.HOME, CallResult.NO_ANSWER),
                    call(MONDAY_10AM.minus(HOUR), PhoneField.HOME, CallResult.NO_ANSWER));
            assertThat(lifecycle.explain(r, MONDAY_10AM).isDialable()).isTrue();
        }

        @Test
        void numberCap_cappedNumberSkipped_forAnother() {
            Lifecycle lifecycle = with(DialingRules.newBuilder().maxCallsPerNumberPerDay(1));
            Record r = withCalls(record(home(), mobile()), call(MONDAY_10AM.minus(HOUR), PhoneField.HOME, CallResult.BUSY));
            assertThat(lifecycle.explain(r, MONDAY_10AM).number()).contains(mobile());
        }

        @Test
        void numberCap_onlyNumberCapped_nextIsItsRelease() {
            Lifecycle lifecycle = with(DialingRules.newBuilder().maxCallsPerNumberPerDay(1));
            Record r = withCalls(record(home()), call(MONDAY_10AM.minus(HOUR), PhoneField.HOME, CallResult.BUSY));
            DialCheck check = lifecycle.explain(r, MONDAY_10AM);
            // Released Tuesday 09:00 in New York, inside the default hours.
            Instant release = Instant.parse("2026-01-06T14:00:00Z");
            assertThat(check.reasons()).containsExactly(new DialReason.CallCapReached(Scope.NUMBER,
                    Optional.of(PhoneField.HOME), 1, 1, MONDAY_10AM.minus(Duration.ofDays(1)), release));
            assertThat(check.next()).contains(release);
        }

        @Test
        void abandonQuietPeriod_noCallFor72Hours_nextIsTheFirstWindowAfter() {
            // Abandoned Monday 00:00 in New York; the quiet period ends Thursday 00:00 (05:00Z),
            // outside the 08:00-21:00 hours, so the record is next dialable Thursday 08:00 (13:00Z).
            Instant abandoned = Instant.parse("2026-01-05T05:00:00Z");
            Record r = withCalls(record(home()), call(abandoned, PhoneField.HOME, CallResult.ABANDONED));
            DialCheck check = DEFAULTS.explain(r, MONDAY_10AM);
            assertThat(check.reasons()).containsExactly(
                    new DialReason.AbandonQuietPeriod(abandoned, Instant.parse("2026-01-08T05:00:00Z")));
            assertThat(check.next()).contains(Instant.parse("2026-01-08T13:00:00Z"));
        }

        @Test
        void abandonQuietPeriod_endsExactly72HoursAfterTheCall() {
            Instant abandoned = MONDAY_10AM.minus(Duration.ofHours(72));
            Record r = withCalls(record(home()), call(abandoned, PhoneField.HOME, CallResult.ABANDONED));
            assertThat(DEFAULTS.explain(r, MONDAY_10AM).isDialable()).isTrue();
            assertThat(DEFAULTS.explain(r, MONDAY_10AM.minusSeconds(1)).reasons())
                    .containsExactly(new DialReason.AbandonQuietPeriod(abandoned, MONDAY_10AM));
        }

        @Test
        void abandonQuietPeriod_liftedByAGuaranteedAgent() {
            Record r = withCalls(record(home()), call(MONDAY_10AM.minus(HOUR), PhoneField.HOME, CallResult.ABANDONED));
            assertThat(DEFAULTS.explain(r, MONDAY_10AM, DialContext.forAgent(ANN)).isDialable()).isTrue();
            assertThat(DEFAULTS.explain(r, MONDAY_10AM, new DialContext(Optional.empty(), true)).isDialable()).isTrue();
            assertThat(with(DialingRules.newBuilder().abandonQuietPeriod(Duration.ZERO)).explain(r, MONDAY_10AM).isDialable())
                    .isTrue();
        }
    }

    @Nested
    class Attempts {
        @Test
        void moreRepeatAttemptsThanAllowed_exhausted() {
            Lifecycle lifecycle = with(DialingRules.newBuilder().maxRepeatAttempts(2));
            DialCheck check = lifecycle.explain(record(home()).withProgress(DialProgress.NONE.withRepeatAttempts(3)),
                    MONDAY_10AM);
            assertThat(check.reasons()).containsExactly(new DialReason.AttemptsExhausted(3, 2));
            assertThat(check.next()).isEmpty();
        }

        @Test
        void lastAllowedRound_stillDialable() {
            Lifecycle lifecycle = with(DialingRules.newBuilder().maxRepeatAttempts(2));
            assertThat(lifecycle.explain(record(home()).withProgress(DialProgress.NONE.withRepeatAttempts(2)), MONDAY_10AM)
                    .isDialable()).isTrue();
        }

        @Test
        void roundThatCannotComplete_anotherRoundWouldExceedTheAttempts() {
            // No repeat attempt allowed: home was called, mobile is on Do-Not-Call for good, so the
            // only call left would start a second round.
            Lifecycle lifecycle = with(DialingRules.newBuilder().maxRepeatAttempts(0)
                    .policy(policyBlocking(DncEntry.number(MOBILE_NUMBER)).build()));
            Record r = record(home(), mobile()).withProgress(DialProgress.NONE.withTriedThisRound(Set.of(PhoneField.HOME)));
            DialCheck check = lifecycle.explain(r, MONDAY_10AM);
            assertThat(check.reasons()).containsExactly(new DialReason.AttemptsExhausted(0, 0));
            assertThat(check.next()).isEmpty();
        }

        @Test
        void callsThatDoNotCountAsAttempts_neverExhaustThem() {
            Lifecycle lifecycle = with(DialingRules.newBuilder().maxRepeatAttempts(1));
            Record r = record(home()).withProgress(DialProgress.NONE.withRepeatAttempts(4).withCountsAttempts(false));
            assertThat(lifecycle.explain(r, MONDAY_10AM).isDialable()).isTrue();
        }
    }

    @Test
    void allReasons_reportedTogether() {
        ListId paused = ListId.of("paused");
        Lifecycle lifecycle = with(DialingRules.newBuilder().maxRepeatAttempts(0).maxCallsPerRecordPerDay(1)
                .lists(CampaignLists.newBuilder().disabled(paused).build())
                .policy(policyBlocking(DncEntry.number(HOME_NUMBER)).build()));
        Instant abandoned = MONDAY_10AM.minus(Duration.ofHours(2));
        Record r = withCalls(record(home()).withProgress(DialProgress.NONE.withRepeatAttempts(1))
                .withList(paused).withStatus(RecordStatus.INACTIVE).withNextDialableAt(MONDAY_10AM.plus(HOUR)),
                call(abandoned, PhoneField.HOME, CallResult.ABANDONED));
        DialCheck check = lifecycle.explain(r, MONDAY_10AM);
        assertThat(check.reasons()).hasSize(7).contains(
                new DialReason.NotDue(MONDAY_10AM.plus(HOUR), false),
                new DialReason.StatusNotDialable(RecordStatus.INACTIVE, Optional.empty(), Optional.empty()),
                new DialReason.ListDisabled(paused),
                new DialReason.AbandonQuietPeriod(abandoned, abandoned.plus(Duration.ofHours(72))),
                new DialReason.CallCapReached(Scope.RECORD, Optional.empty(), 1, 1, MONDAY_10AM.minus(Duration.ofDays(1)),
                        abandoned.plus(Duration.ofDays(1))),
                new DialReason.AttemptsExhausted(1, 0));
        assertThat(check.reasons(DialReason.NumberRefused.class)).singleElement()
                .satisfies(x -> assertThat(x.verdict().reasons()).singleElement().isInstanceOf(Refusal.DoNotCall.class));
        assertThat(check.next()).isEmpty();
        assertThat(check.describe()).contains("not dialable", "inactive", "paused", "abandoned", "Do-Not-Call",
                "repeat attempts", "not dialable by time alone");
        assertThat(lifecycle.isDialable(r, MONDAY_10AM)).isFalse();
    }

    @Test
    void allReasons_expiredCallbackAndReservationTogether() {
        Instant end = MONDAY_10AM.minus(Duration.ofMinutes(30));
        Record r = record(home())
                .withCallback(Callback.forAgent(MONDAY_10AM.minus(HOUR), CallbackPreference.ONLY_AGENT, ANN).expiringAt(end));
        DialCheck check = DEFAULTS.explain(r, MONDAY_10AM, DialContext.forAgent(BOB));
        assertThat(check.reasons()).containsExactlyInAnyOrder(new DialReason.CallbackExpired(end),
                new DialReason.ReservedForAgent(
                        new Reservation(ANN, Optional.of(CallbackPreference.ONLY_AGENT), Optional.empty()), BOB));
    }

    @Test
    void onLoad_recordWithNoNumber_isDone() {
        Record loaded = DEFAULTS.onLoad(record(), MONDAY_10AM);
        assertThat(loaded.status()).isEqualTo(RecordStatus.DONE);
        assertThat(loaded.doneReason()).contains(DoneReason.NO_NUMBER);
        assertThat(loaded.updatedAt()).isEqualTo(MONDAY_10AM);
    }

    @Test
    void onLoad_recordWithANumber_unchanged() {
        Record r = record(home().withState(PhoneState.EXCLUDED));
        assertThat(DEFAULTS.onLoad(r, MONDAY_10AM)).isSameAs(r);
    }

    @Test
    void onLoad_callbackExpiredUndelivered_isClosedBySystem() {
        Instant end = MONDAY_10AM.minus(Duration.ofMinutes(30));
        Record r = record(home())
                .withCallback(Callback.forAgent(MONDAY_10AM.minus(HOUR), CallbackPreference.ONLY_AGENT, ANN).expiringAt(end));
        Record loaded = DEFAULTS.onLoad(r, MONDAY_10AM);
        assertThat(loaded.doneReason()).contains(DoneReason.CALLBACK_EXPIRED);
        assertThat(DEFAULTS.callbackState(loaded, MONDAY_10AM)).contains(CallbackState.CLOSED);
    }

    @Test
    void onLoad_callbackNotYetExpired_unchanged() {
        Record r = record(home()).withCallback(Callback.forAgent(MONDAY_10AM.minus(HOUR), CallbackPreference.ONLY_AGENT,
                ANN).expiringAt(MONDAY_10AM.plusSeconds(1)));
        assertThat(DEFAULTS.onLoad(r, MONDAY_10AM)).isSameAs(r);
    }

    @Test
    void onLoad_doneRecordWithoutNumber_keepsItsReason() {
        Record r = record().done(DoneReason.CLOSED_BY_USER);
        assertThat(DEFAULTS.onLoad(r, MONDAY_10AM)).isSameAs(r);
    }

    @Test
    void dialCheck_refusesANumberAlongsideReasons() {
        assertThatThrownBy(() -> new DialCheck(record(home()), MONDAY_10AM, List.of(new DialReason.NoNumber()),
                Optional.of(home()), false, Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("C-1");
    }

    @Test
    void reservation_untilOnlyForAPreferredAgent() {
        assertThatThrownBy(() -> new Reservation(ANN, Optional.of(CallbackPreference.ONLY_AGENT),
                Optional.of(MONDAY_10AM))).hasMessageContaining("reservation until");
        assertThatThrownBy(() -> new DialReason.ReservedForAgent(Reservation.assignedUser(ANN), ANN))
                .hasMessageContaining("another agent");
    }
}
