package dev.outbound.core.lifecycle;

import static dev.outbound.core.lifecycle.OutcomeFixtures.HOME;
import static dev.outbound.core.lifecycle.OutcomeFixtures.MOBILE;
import static dev.outbound.core.lifecycle.OutcomeFixtures.N1;
import static dev.outbound.core.lifecycle.OutcomeFixtures.N2;
import static dev.outbound.core.lifecycle.OutcomeFixtures.N3;
import static dev.outbound.core.lifecycle.OutcomeFixtures.PRIMARY;
import static dev.outbound.core.lifecycle.OutcomeFixtures.T0;
import static dev.outbound.core.lifecycle.OutcomeFixtures.WORK;
import static dev.outbound.core.lifecycle.OutcomeFixtures.call;
import static dev.outbound.core.lifecycle.OutcomeFixtures.hours;
import static dev.outbound.core.lifecycle.OutcomeFixtures.minutes;
import static dev.outbound.core.lifecycle.OutcomeFixtures.onePhone;
import static dev.outbound.core.lifecycle.OutcomeFixtures.phone;
import static dev.outbound.core.lifecycle.OutcomeFixtures.record;
import static dev.outbound.core.lifecycle.OutcomeFixtures.threePhones;
import static dev.outbound.core.lifecycle.OutcomeFixtures.unresolvedPhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.phone.PhoneState;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CallAttempt;
import dev.outbound.core.record.CallResult;
import dev.outbound.core.record.Callback;
import dev.outbound.core.record.DialProgress;
import dev.outbound.core.record.DoneReason;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordPhone;
import dev.outbound.core.record.RecordStatus;
import dev.outbound.core.zone.TimeZones;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What a call's outcome does to a record: seed 001's attempt counting, seed 003's number states, each treatment. */
class OutcomeRulesTest {

    private static final AgentEmail ANN = AgentEmail.of("ann@example.com");
    private static final AgentEmail BOB = AgentEmail.of("bob@example.com");

    private static Lifecycle lifecycle(DialingRules.Builder b) {
        return Lifecycle.of(b.build());
    }

    private static final Lifecycle DEFAULTS = Lifecycle.of(DialingRules.defaults());

    private static RecordPhone phoneOf(Record r, PhoneField field) {
        return r.phone(field).orElseThrow();
    }

    @Nested
    class Attempts {

        @Test
        void firstCall_isNotARepeatAttempt() {
            // One number, one repeat attempt allowed: the first call completes the first round and
            // the record gets its one repeat attempt an attempt delay later; the second call ends it.
            Lifecycle lc = lifecycle(DialingRules.newBuilder().maxRepeatAttempts(1).attemptDelays(Duration.ofHours(2)));
            Record after1 = lc.apply(onePhone(), call(PRIMARY, CallResult.NO_ANSWER, minutes(0))).record();
            assertThat(after1.status()).isEqualTo(RecordStatus.RESCHEDULED_BY_DIALER);
            assertThat(after1.progress().repeatAttempts()).isEqualTo(1);
            assertThat(after1.nextDialableAt()).isEqualTo(minutes(1).plus(Duration.ofHours(2)));

            Record after2 = lc.apply(after1, call(PRIMARY, CallResult.NO_ANSWER, hours(3))).record();
            assertThat(after2.status()).isEqualTo(RecordStatus.DONE);
            assertThat(after2.doneReason()).contains(DoneReason.ATTEMPTS_EXHAUSTED);
            assertThat(after2.progress().repeatAttempts()).isEqualTo(1);
        }

        @Test
        void noRepeatAttempts_firstUnansweredRoundFinishesTheRecord() {
            Lifecycle lc = lifecycle(DialingRules.newBuilder().maxRepeatAttempts(0));
            Record after = lc.apply(onePhone(), call(PRIMARY, CallResult.BUSY, minutes(0))).record();
            assertThat(after.doneReason()).contains(DoneReason.ATTEMPTS_EXHAUSTED);
            assertThat(after.phone(PRIMARY).orElseThrow().attempts()).isEqualTo(1);
        }

        @Test
        void attempt_completeOnlyWhenAllNumbersCalled() {
            Lifecycle lc = lifecycle(DialingRules.newBuilder().maxRepeatAttempts(2).attemptDelays(Duration.ofHours(1)));
            Record r = threePhones();

            r = lc.apply(r, call(PRIMARY, CallResult.NO_ANSWER, minutes(0))).record();
            assertThat(r.status()).isEqualTo(RecordStatus.RESCHEDULED_BY_DIALER);
            assertThat(r.progress().repeatAttempts()).isZero();
            assertThat(r.progress().triedThisRound()).containsExactly(PRIMARY);
            assertThat(r.nextDialableAt()).as("next number due at once").isEqualTo(minutes(1));

            r = lc.apply(r, call(HOME, CallResult.BUSY, minutes(2))).record();
            assertThat(r.progress().repeatAttempts()).isZero();
            assertThat(r.progress().triedThisRound()).containsExactlyInAnyOrder(PRIMARY, HOME);
            assertThat(r.nextDialableAt()).isEqualTo(minutes(3));

            r = lc.apply(r, call(MOBILE, CallResult.ANSWERING_MACHINE, minutes(4))).record();
            assertThat(r.progress().repeatAttempts()).as("round complete: first repeat attempt").isEqualTo(1);
            assertThat(r.progress().triedThisRound()).isEmpty();
            assertThat(r.nextDialableAt()).isEqualTo(minutes(5).plus(Duration.ofHours(1)));
        }

        @Test
        void maxRepeatAttempts_recordDialledInAtMostNPlusOneRounds() {
            // Two numbers, two repeat attempts: three rounds of two calls each, six calls in all.
            Lifecycle lc = lifecycle(DialingRules.newBuilder().maxRepeatAttempts(2));
            Record r = record(phone(PRIMARY, N1), phone(HOME, N2));
            Instant at = T0;
            for (int call = 1; call <= 6; call++) {
                assertThat(r.status()).as("before call %d", call).isNotEqualTo(RecordStatus.DONE);
                PhoneField field = call % 2 == 1 ? PRIMARY : HOME;
                at = r.dueAt().plusSeconds(1);
                r = lc.apply(r, call(field, CallResult.NO_ANSWER, at)).record();
            }
            assertThat(r.doneReason()).contains(DoneReason.ATTEMPTS_EXHAUSTED);
            assertThat(phoneOf(r, PRIMARY).attempts()).isEqualTo(3);
            assertThat(phoneOf(r, HOME).attempts()).isEqualTo(3);
        }

        @Test
        void delays_growPerAttempt() {
            Lifecycle lc = lifecycle(DialingRules.newBuilder().maxRepeatAttempts(3)
                    .attemptDelays(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4)));
            Record r = onePhone();
            r = lc.apply(r, call(PRIMARY, CallResult.NO_ANSWER, hours(0))).record();
            assertThat(r.nextDialableAt()).isEqualTo(minutes(1).plus(Duration.ofHours(1)));
            r = lc.apply(r, call(PRIMARY, CallResult.NO_ANSWER, hours(10))).record();
            assertThat(r.nextDialableAt()).isEqualTo(hours(10).plus(Duration.ofMinutes(1)).plus(Duration.ofHours(2)));
            r = lc.apply(r, call(PRIMARY, CallResult.NO_ANSWER, hours(20))).record();
            assertThat(r.nextDialableAt()).isEqualTo(hours(20).plus(Duration.ofMinutes(1)).plus(Duration.ofHours(4)));
            assertThat(r.progress().repeatAttempts()).isEqualTo(3);
            r = lc.apply(r, call(PRIMARY, CallResult.NO_ANSWER, hours(30))).record();
            assertThat(r.doneReason()).contains(DoneReason.ATTEMPTS_EXHAUSTED);
        }

        @Test
        void abandoned_countsAsAnAttempt() {
            Lifecycle lc = lifecycle(DialingRules.newBuilder().maxRepeatAttempts(0));
            Record after = lc.apply(onePhone(), call(PRIMARY, CallResult.ABANDONED, minutes(0))).record();
            assertThat(after.doneReason()).contains(DoneReason.ATTEMPTS_EXHAUSTED);
            assertThat(phoneOf(after, PRIMARY).attempts()).isEqualTo(1);
        }

        @Test
        void numberCalledAgainBeforeRoundComplete_beginsNewRound() {
            // The home number could never be called, so the dialer called the primary number again:
            // the round before counts as complete.
            Record r = record(phone(PRIMARY, N1), phone(HOME, N2));
            r = DEFAULTS.apply(r, call(PRIMARY, CallResult.NO_ANSWER, minutes(0))).record();
            r = DEFAULTS.apply(r, call(PRIMARY, CallResult.NO_ANSWER, minutes(10))).record();
            assertThat(r.progress().repeatAttempts()).isEqualTo(1);
            assertThat(r.progress().triedThisRound()).containsExactly(PRIMARY);
            assertThat(r.status()).isEqualTo(RecordStatus.RESCHEDULED_BY_DIALER);
            assertThat(r.nextDialableAt()).as("home is untried in the new round").isEqualTo(minutes(11));
        }

        @Test
        void numberCalledAgainAfterLastRound_exhaustsAttempts() {
            Lifecycle lc = lifecycle(DialingRules.newBuilder().maxRepeatAttempts(0));
            Record r = record(phone(PRIMARY, N1), phone(HOME, N2));
            r = lc.apply(r, call(PRIMARY, CallResult.NO_ANSWER, minutes(0))).record();
            assertThat(r.status()).isEqualTo(RecordStatus.RESCHEDULED_BY_DIALER);
            r = lc.apply(r, call(PRIMARY, CallResult.NO_ANSWER, minutes(10))).record();
            assertThat(r.doneReason()).contains(DoneReason.ATTEMPTS_EXHAUSTED);
            assertThat(r.progress().repeatAttempts()).isZero();
        }

        @Test
        void numbers_inPhoneFieldOrder() {
            Record r = record(phone(WORK, N1), phone(PRIMARY, N2), phone(HOME, N3).withState(PhoneState.INACTIVE),
                    phone(MOBILE, "+12015550104"));
            assertThat(OutcomeRules.roundNumbers(r)).extracting(RecordPhone::field)
                    .as("the record's order, inactive numbers left out").containsExactly(WORK, PRIMARY, MOBILE);
            Record after = DEFAULTS.apply(r, call(WORK, CallResult.NO_ANSWER, minutes(0))).record();
            assertThat(untried(after)).extracting(RecordPhone::field)
                    .containsExactly(PRIMARY, MOBILE);
        }

        @Test
        void roundNumbers_leaveOutExcludedNumbers_roundCompletesWithoutThem() {
            Record r = record(phone(PRIMARY, N1), phone(HOME, N2).withState(PhoneState.EXCLUDED));
            Record after = DEFAULTS.apply(r, call(PRIMARY, CallResult.NO_ANSWER, minutes(0))).record();
            assertThat(after.progress().repeatAttempts()).isEqualTo(1);
            assertThat(after.nextDialableAt()).isEqualTo(minutes(1).plus(Duration.ofHours(1)));
        }
    }

    @Nested
    class ManualChanges {

        private Record afterTwoRounds() {
            Record r = DEFAULTS.apply(onePhone(), call(PRIMARY, CallResult.NO_ANSWER, hours(0))).record();
            return DEFAULTS.apply(r, call(PRIMARY, CallResult.NO_ANSWER, hours(2))).record();
        }

        @Test
        void manualChange_resetsAttemptCounter() {
            Record r = afterTwoRounds();
            assertThat(r.progress().repeatAttempts()).isEqualTo(2);
            Record changed = DEFAULTS.changeStatus(r, RecordStatus.PENDING, hours(3));
            assertThat(changed.status()).isEqualTo(RecordStatus.PENDING);
            assertThat(changed.progress().repeatAttempts()).isZero();
            assertThat(changed.progress().triedThisRound()).isEmpty();
            assertThat(changed.progress().countsAttempts()).isTrue();
            assertThat(changed.updatedAt()).isEqualTo(hours(3));
            // Default rules allow 3 repeat attempts: after the reset, 4 more rounds.
            Record x = changed;
            for (int i = 0; i < 4; i++) {
                assertThat(x.status()).isNotEqualTo(RecordStatus.DONE);
                x = DEFAULTS.apply(x, call(PRIMARY, CallResult.NO_ANSWER, hours(10 + 2 * i))).record();
            }
            assertThat(x.doneReason()).contains(DoneReason.ATTEMPTS_EXHAUSTED);
        }

        @Test
        void manualChange_toDone_closedByUser() {
            Record changed = DEFAULTS.changeStatus(afterTwoRounds(), RecordStatus.DONE, hours(3));
            assertThat(changed.doneReason()).contains(DoneReason.CLOSED_BY_USER);
        }

        @Test
        void manualChange_toProcessing_refused() {
            Record r = onePhone();
            assertThatThrownBy(() -> DEFAULTS.changeStatus(r, RecordStatus.PROCESSING, hours(1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("c-1").hasMessageContaining("PROCESSING");
        }

        @Test
        void manualChange_callImmediately_dueAtOnceWithoutSchedule() {
            Record r = DEFAULTS.setCallback(onePhone(), Callback.anyone(hours(48)), hours(1));
            Record changed = DEFAULTS.changeStatus(r, RecordStatus.CALL_IMMEDIATELY, hours(2));
            assertThat(changed.status()).isEqualTo(RecordStatus.CALL_IMMEDIATELY);
            assertThat(changed.scheduledFor()).isEmpty();
            assertThat(changed.callback()).isEmpty();
            assertThat(changed.dueAt()).isEqualTo(hours(2));
        }

        @Test
        void manualChange_reopensDoneRecord_callsCountAgain() {
            Record done = DEFAULTS.changeStatus(onePhone(), RecordStatus.DONE, hours(1));
            Record reopened = DEFAULTS.changeStatus(done, RecordStatus.PENDING, hours(2));
            assertThat(reopened.status()).isEqualTo(RecordStatus.PENDING);
            assertThat(reopened.doneReason()).isEmpty();
        }

        @Test
        void setCallback_reschedulesByAgent_resetsAttempts_reopensDone() {
            Record done = DEFAULTS.changeStatus(afterTwoRounds(), RecordStatus.DONE, hours(3));
            Record withCallback = DEFAULTS.setCallback(done.withProgress(done.progress().withRepeatAttempts(2)
                    .withCountsAttempts(false)), Callback.anyone(hours(30)), hours(4));
            assertThat(withCallback.status()).isEqualTo(RecordStatus.RESCHEDULED_BY_AGENT);
            assertThat(withCallback.scheduledFor()).contains(hours(30));
            assertThat(withCallback.dueAt()).isEqualTo(hours(30));
            assertThat(withCallback.progress().repeatAttempts()).isZero();
            assertThat(withCallback.progress().countsAttempts()).isTrue();
            assertThat(withCallback.updatedAt()).isEqualTo(hours(4));
        }

        @Test
        void clearCallback_agentRescheduledRecord_returnsToPending() {
            Record r = DEFAULTS.setCallback(onePhone(), Callback.anyone(hours(30)), hours(1));
            r = r.withProgress(r.progress().withRepeatAttempts(1));
            Record cleared = DEFAULTS.clearCallback(r, hours(2));
            assertThat(cleared.status()).isEqualTo(RecordStatus.PENDING);
            assertThat(cleared.callback()).isEmpty();
            assertThat(cleared.scheduledFor()).isEmpty();
            assertThat(cleared.progress().repeatAttempts()).isZero();
            assertThat(cleared.updatedAt()).isEqualTo(hours(2));
        }

        @Test
        void clearCallback_otherStatus_keepsIt() {
            Record r = DEFAULTS.apply(onePhone(), call(PRIMARY, CallResult.NO_ANSWER, hours(0))).record()
                    .withScheduledFor(Optional.of(hours(20)));
            Record cleared = DEFAULTS.clearCallback(r, hours(2));
            assertThat(cleared.status()).isEqualTo(RecordStatus.RESCHEDULED_BY_DIALER);
            assertThat(cleared.scheduledFor()).isEmpty();
            assertThat(cleared.progress().repeatAttempts()).as("not a change of the action").isEqualTo(1);
        }
    }

    @Nested
    class Treatments {

        @Test
        void nextNumber_dueAtOnce() {
            Record r = DEFAULTS.apply(threePhones(), call(PRIMARY, CallResult.BUSY, minutes(0))).record();
            assertThat(r.nextDialableAt()).isEqualTo(minutes(1));
            assertThat(phoneOf(r, PRIMARY).state()).isEqualTo(PhoneState.ACTIVE);
        }

        @Test
        void retry_waitsItsDelay_withinAndBetweenRounds() {
            Lifecycle lc = lifecycle(DialingRules.newBuilder()
                    .treat(CallResult.BUSY, Treatment.Retry.after(Duration.ofMinutes(10), Duration.ofMinutes(30)))
                    .attemptDelays(Duration.ofHours(5)));
            Record r = record(phone(PRIMARY, N1), phone(HOME, N2));
            r = lc.apply(r, call(PRIMARY, CallResult.BUSY, minutes(0))).record();
            assertThat(r.nextDialableAt()).as("within the first round").isEqualTo(minutes(11));
            r = lc.apply(r, call(HOME, CallResult.BUSY, minutes(20))).record();
            assertThat(r.nextDialableAt()).as("round complete: the retry's delay, not the attempt delay")
                    .isEqualTo(minutes(31));
            r = lc.apply(r, call(PRIMARY, CallResult.BUSY, minutes(40))).record();
            assertThat(r.nextDialableAt()).as("first repeat attempt uses the second delay").isEqualTo(minutes(71));
        }

        @Test
        void networkFailure_defaultRetryAfterFiveMinutes() {
            Record r = DEFAULTS.apply(threePhones(), call(PRIMARY, CallResult.NETWORK_FAILURE, minutes(0))).record();
            assertThat(r.nextDialableAt()).isEqualTo(minutes(6));
        }

        @Test
        void excludeNumber_excludesAndGoesOn() {
            Transition t = DEFAULTS.apply(threePhones(), call(HOME, CallResult.INVALID_NUMBER, minutes(0)));
            Record r = t.record();
            assertThat(phoneOf(r, HOME).state()).isEqualTo(PhoneState.EXCLUDED);
            assertThat(r.status()).isEqualTo(RecordStatus.RESCHEDULED_BY_DIALER);
            assertThat(r.nextDialableAt()).isEqualTo(minutes(1));
            assertThat(t.effects()).singleElement().isInstanceOfSatisfying(Effect.NumberExcluded.class, e -> {
                assertThat(e.field()).isEqualTo(HOME);
                assertThat(e.number()).isEqualTo(PhoneNumber.ofE164(N2));
                assertThat(e.why()).contains("INVALID_NUMBER");
            });
        }

        @Test
        void excludeNumber_lastActiveNumber_doneNoNumber() {
            Record r = DEFAULTS.apply(onePhone(), call(PRIMARY, CallResult.FAX, minutes(0))).record();
            assertThat(r.doneReason()).contains(DoneReason.NO_NUMBER);
        }

        @Test
        void addToDoNotCall_blocksNumber_emitsEffect() {
            Lifecycle lc = lifecycle(DialingRules.newBuilder().treat(CallResult.REJECTED, new Treatment.AddToDoNotCall()));
            Transition t = lc.apply(threePhones(), call(MOBILE, CallResult.REJECTED, minutes(0)));
            assertThat(phoneOf(t.record(), MOBILE).state()).isEqualTo(PhoneState.BLOCKED);
            assertThat(t.effects()).containsExactly(new Effect.AddToDoNotCall(MOBILE, PhoneNumber.ofE164(N3)));
            assertThat(t.record().status()).isEqualTo(RecordStatus.RESCHEDULED_BY_DIALER);
            assertThat(t.record().nextDialableAt()).isEqualTo(minutes(1));
        }

        @Test
        void allNumbersBlocked_doneDoNotCall() {
            Lifecycle lc = lifecycle(DialingRules.newBuilder().treat(CallResult.REJECTED, new Treatment.AddToDoNotCall()));
            Record r = record(phone(PRIMARY, N1), phone(HOME, N2));
            r = lc.apply(r, call(PRIMARY, CallResult.REJECTED, minutes(0))).record();
            assertThat(r.status()).isEqualTo(RecordStatus.RESCHEDULED_BY_DIALER);
            r = lc.apply(r, call(HOME, CallResult.REJECTED, minutes(2))).record();
            assertThat(r.doneReason()).contains(DoneReason.DO_NOT_CALL);
        }

        @Test
        void blockedAndExcludedNumbers_doneNoNumber() {
            Lifecycle lc = lifecycle(DialingRules.newBuilder().treat(CallResult.REJECTED, new Treatment.AddToDoNotCall()));
            Record r = record(phone(PRIMARY, N1), phone(HOME, N2).withState(PhoneState.EXCLUDED));
            r = lc.apply(r, call(PRIMARY, CallResult.REJECTED, minutes(0))).record();
            assertThat(r.doneReason()).contains(DoneReason.NO_NUMBER);
        }

        @Test
        void finish_donesForItsReason() {
            Lifecycle lc = lifecycle(DialingRules.newBuilder()
                    .treat(CallResult.ANSWERING_MACHINE, new Treatment.Finish(DoneReason.INVALID)));
            Record r = lc.apply(threePhones(), call(PRIMARY, CallResult.ANSWERING_MACHINE, minutes(0))).record();
            assertThat(r.doneReason()).contains(DoneReason.INVALID);
            assertThat(phoneOf(r, PRIMARY).attempts()).isEqualTo(1);
        }

        @Test
        void rescheduleAt_nextLocalTimeInNumbersZone() {
            // 2024-03-01 is EST (UTC-5): 18:00 local is 23:00Z, after the call that ended 12:01Z.
            Lifecycle lc = lifecycle(DialingRules.newBuilder()
                    .treat(CallResult.ANSWERING_MACHINE, new Treatment.RescheduleAt(LocalTime.of(18, 0))));
            Record r = lc.apply(threePhones(), call(PRIMARY, CallResult.ANSWERING_MACHINE, minutes(0))).record();
            assertThat(r.nextDialableAt()).isEqualTo(Instant.parse("2024-03-01T23:00:00Z"));
        }

        @Test
        void rescheduleAt_timeAlreadyPassedToday_tomorrow() {
            // 07:00 EST is 12:00Z; the call ended 12:01Z, so the next 07:00 is the next morning.
            Lifecycle lc = lifecycle(DialingRules.newBuilder()
                    .treat(CallResult.BUSY, new Treatment.RescheduleAt(LocalTime.of(7, 0))));
            Record r = lc.apply(onePhone(), call(PRIMARY, CallResult.BUSY, minutes(0))).record();
            assertThat(r.nextDialableAt()).isEqualTo(Instant.parse("2024-03-02T12:00:00Z"));
            assertThat(r.progress().repeatAttempts()).as("the round completed").isEqualTo(1);
        }

        @Test
        void rescheduleAt_timeEndingTheCallExactly_isNotReused() {
            // The call ends exactly at 07:00 EST: the next occurrence is strictly later.
            Lifecycle lc = lifecycle(DialingRules.newBuilder()
                    .treat(CallResult.BUSY, new Treatment.RescheduleAt(LocalTime.of(7, 0))));
            CallOutcome endsAt0700 = CallOutcome.of(PRIMARY, CallResult.BUSY, Instant.parse("2024-03-01T11:59:00Z"),
                    Instant.parse("2024-03-01T12:00:00Z"));
            Record r = lc.apply(onePhone(), endsAt0700).record();
            assertThat(r.nextDialableAt()).isEqualTo(Instant.parse("2024-03-02T12:00:00Z"));
        }

        @Test
        void rescheduleAt_inDstGap_shiftsForward() {
            // New York springs forward at 02:00 on 2024-03-10: 02:30 does not exist; the clock shows
            // 03:30 EDT (07:30Z) instead.
            Lifecycle lc = lifecycle(DialingRules.newBuilder()
                    .treat(CallResult.BUSY, new Treatment.RescheduleAt(LocalTime.of(2, 30))));
            Record r = record(phone(PRIMARY, N1));
            CallOutcome evening = call(PRIMARY, CallResult.BUSY, Instant.parse("2024-03-10T01:00:00Z"));
            r = lc.apply(r, evening).record();
            assertThat(r.nextDialableAt()).isEqualTo(Instant.parse("2024-03-10T07:30:00Z"));
        }

        @Test
        void rescheduleAt_unresolvedNumber_usesRecordZone_elseUtc() {
            Lifecycle lc = lifecycle(DialingRules.newBuilder()
                    .treat(CallResult.BUSY, new Treatment.RescheduleAt(LocalTime.of(18, 0))));
            Record unresolved = record(unresolvedPhone(PRIMARY, N1));
            Record inUtc = lc.apply(unresolved, call(PRIMARY, CallResult.BUSY, minutes(0))).record();
            assertThat(inUtc.nextDialableAt()).isEqualTo(Instant.parse("2024-03-01T18:00:00Z"));

            Record tokyo = unresolved.withTimeZone(Optional.of(TimeZones.parse("Asia/Tokyo")));
            // 12:01Z is 21:01 in Tokyo (UTC+9): the next 18:00 there is 09:00Z the next day.
            Record inTokyo = lc.apply(tokyo, call(PRIMARY, CallResult.BUSY, minutes(0))).record();
            assertThat(inTokyo.nextDialableAt()).isEqualTo(Instant.parse("2024-03-02T09:00:00Z"));
        }

        @Test
        void humanAnswer_awaitsAgent_roundUnchanged() {
            Record r = DEFAULTS.apply(threePhones(), call(PRIMARY, CallResult.NO_ANSWER, minutes(0))).record();
            Transition t = DEFAULTS.apply(r, call(HOME, CallResult.HUMAN_ANSWER, minutes(2)));
            Record answered = t.record();
            assertThat(answered.status()).isEqualTo(RecordStatus.PROCESSING);
            assertThat(answered.progress().lastContactedAt()).contains(minutes(3));
            assertThat(answered.progress().triedThisRound()).containsExactly(PRIMARY);
            assertThat(phoneOf(answered, HOME).attempts()).isZero();
            assertThat(t.effects()).isEmpty();
        }

        @Test
        void humanAnswer_finish_done() {
            Lifecycle lc = lifecycle(DialingRules.newBuilder()
                    .treat(CallResult.HUMAN_ANSWER, new Treatment.Finish(DoneReason.OBJECTIVE_REACHED)));
            Record r = lc.apply(onePhone(), call(PRIMARY, CallResult.HUMAN_ANSWER, minutes(0))).record();
            assertThat(r.doneReason()).contains(DoneReason.OBJECTIVE_REACHED);
            assertThat(r.progress().lastContactedAt()).contains(minutes(1));
        }

        @Test
        void awaitAgent_onUnansweredResult_countsAndWaitsForAgent() {
            Lifecycle lc = lifecycle(DialingRules.newBuilder().treat(CallResult.ANSWERING_MACHINE, new Treatment.AwaitAgent()));
            Record r = lc.apply(threePhones(), call(PRIMARY, CallResult.ANSWERING_MACHINE, minutes(0))).record();
            assertThat(r.status()).isEqualTo(RecordStatus.PROCESSING);
            assertThat(phoneOf(r, PRIMARY).attempts()).isEqualTo(1);
            assertThat(r.progress().lastContactedAt()).isEmpty();
        }
    }

    @Nested
    class NumberFailures {

        @Test
        void perNumberExclusion_afterNFailures() {
            Lifecycle lc = lifecycle(DialingRules.newBuilder().numberFailureLimit(2).maxRepeatAttempts(5));
            Record r = record(phone(PRIMARY, N1), phone(HOME, N2));
            r = lc.apply(r, call(PRIMARY, CallResult.NO_ANSWER, hours(0))).record();
            r = lc.apply(r, call(HOME, CallResult.HUMAN_ANSWER, hours(1))).record();
            r = lc.dispose(r, Disposition.of(hours(1), AgentEmail.of("ann@example.com"))
                    .withNextCall(Callback.anyone(hours(2))));
            r = lc.changeStatus(r, RecordStatus.PENDING, hours(2));
            Transition t = lc.apply(r, call(PRIMARY, CallResult.BUSY, hours(3)));
            Record after = t.record();
            assertThat(phoneOf(after, PRIMARY).attempts()).isEqualTo(2);
            assertThat(phoneOf(after, PRIMARY).state()).isEqualTo(PhoneState.EXCLUDED);
            assertThat(phoneOf(after, HOME).state()).isEqualTo(PhoneState.ACTIVE);
            assertThat(t.effects()).singleElement().isInstanceOfSatisfying(Effect.NumberExcluded.class, e -> {
                assertThat(e.field()).isEqualTo(PRIMARY);
                assertThat(e.why()).contains("2 failed calls").contains("limit of 2");
            });
            assertThat(after.status()).as("the record goes on with home").isEqualTo(RecordStatus.RESCHEDULED_BY_DIALER);
            assertThat(after.nextDialableAt()).isEqualTo(hours(3).plus(Duration.ofMinutes(1)));
        }

        @Test
        void failureLimit_notReached_numberStaysActive() {
            Lifecycle lc = lifecycle(DialingRules.newBuilder().numberFailureLimit(3));
            Transition t = lc.apply(onePhone(), call(PRIMARY, CallResult.NO_ANSWER, hours(0)));
            Record r = lc.apply(t.record(), call(PRIMARY, CallResult.NO_ANSWER, hours(3))).record();
            assertThat(phoneOf(r, PRIMARY).attempts()).isEqualTo(2);
            assertThat(phoneOf(r, PRIMARY).state()).isEqualTo(PhoneState.ACTIVE);
            assertThat(t.effects()).isEmpty();
        }

        @Test
        void failureLimit_onBlockedNumber_staysBlocked_noExclusionEffect() {
            Lifecycle lc = lifecycle(DialingRules.newBuilder().numberFailureLimit(1)
                    .treat(CallResult.REJECTED, new Treatment.AddToDoNotCall()));
            Transition t = lc.apply(threePhones(), call(PRIMARY, CallResult.REJECTED, hours(0)));
            assertThat(phoneOf(t.record(), PRIMARY).state()).isEqualTo(PhoneState.BLOCKED);
            assertThat(t.effects()).containsExactly(new Effect.AddToDoNotCall(PRIMARY, PhoneNumber.ofE164(N1)));
        }
    }

    @Nested
    class CallbacksAndDispositions {

        @Test
        void callbackAfterAnswer_notCounted() {
            Record r = DEFAULTS.apply(threePhones(), call(PRIMARY, CallResult.HUMAN_ANSWER, hours(0))).record();
            r = DEFAULTS.dispose(r, Disposition.of(hours(0).plusSeconds(90), ANN).withWrapCode("CALL_AGAIN")
                    .withNextCall(Callback.anyone(hours(24))));
            assertThat(r.status()).isEqualTo(RecordStatus.RESCHEDULED_BY_AGENT);
            assertThat(r.progress().countsAttempts()).isFalse();
            assertThat(r.dueAt()).isEqualTo(hours(24));

            // The callback is not reached on an invalid number: none of the automatic treatments.
            Transition t = DEFAULTS.apply(r, call(PRIMARY, CallResult.INVALID_NUMBER, hours(24)));
            Record after = t.record();
            assertThat(after.status()).isEqualTo(RecordStatus.PROCESSING);
            assertThat(phoneOf(after, PRIMARY).attempts()).isZero();
            assertThat(phoneOf(after, PRIMARY).state()).isEqualTo(PhoneState.ACTIVE);
            assertThat(after.progress().repeatAttempts()).isZero();
            assertThat(after.progress().triedThisRound()).isEmpty();
            assertThat(after.callback()).as("the call consumed it").isEmpty();
            assertThat(t.effects()).isEmpty();

            Record closed = DEFAULTS.dispose(after, Disposition.of(hours(24).plusSeconds(120), ANN));
            assertThat(closed.doneReason()).contains(DoneReason.OBJECTIVE_REACHED);
        }

        @Test
        void noNextCall_done() {
            Record r = DEFAULTS.apply(onePhone(), call(PRIMARY, CallResult.HUMAN_ANSWER, hours(0))).record();
            Record saved = DEFAULTS.dispose(r, Disposition.of(hours(1), ANN).withWrapCode("SALE"));
            assertThat(saved.status()).isEqualTo(RecordStatus.DONE);
            assertThat(saved.doneReason()).contains(DoneReason.OBJECTIVE_REACHED);
            assertThat(saved.progress().wrapCode()).contains("SALE");
            assertThat(saved.updatedAt()).isEqualTo(hours(1));
        }

        @Test
        void dispose_withNextCall_setsCallbackAndClearsRound() {
            Record r = DEFAULTS.apply(threePhones(), call(PRIMARY, CallResult.NO_ANSWER, hours(0))).record();
            r = DEFAULTS.apply(r, call(HOME, CallResult.HUMAN_ANSWER, hours(1))).record();
            Callback cb = Callback.forAgent(hours(5), dev.outbound.core.record.CallbackPreference.ONLY_AGENT, ANN);
            Record saved = DEFAULTS.dispose(r, Disposition.of(hours(1).plusSeconds(300), ANN).withNextCall(cb));
            assertThat(saved.callback()).contains(cb);
            assertThat(saved.scheduledFor()).contains(hours(5));
            assertThat(saved.progress().triedThisRound()).isEmpty();
            assertThat(saved.progress().wrapCode()).isEmpty();
        }

        @Test
        void dispose_recordNotInProcessing_refused() {
            Record pending = onePhone();
            assertThatThrownBy(() -> DEFAULTS.dispose(pending, Disposition.of(hours(1), ANN)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("c-1").hasMessageContaining("PENDING");
        }

        @Test
        void callbackCall_consumesScheduleAndCallback() {
            Record r = DEFAULTS.setCallback(threePhones(), Callback.anyone(hours(2)), hours(1));
            Record after = DEFAULTS.apply(r, call(PRIMARY, CallResult.NO_ANSWER, hours(2))).record();
            assertThat(after.callback()).isEmpty();
            assertThat(after.scheduledFor()).isEmpty();
            assertThat(after.dueAt()).isEqualTo(hours(2).plus(Duration.ofMinutes(1)));
            assertThat(after.status()).as("a user's callback counts").isEqualTo(RecordStatus.RESCHEDULED_BY_DIALER);
        }
    }

    @Nested
    class Bookkeeping {

        @Test
        void everyCall_recordedAsLastCall_updatedAtIsEnd() {
            Record r = DEFAULTS.apply(threePhones(), call(HOME, CallResult.BUSY, hours(1))).record();
            CallAttempt expected = new CallAttempt(hours(1), HOME, CallResult.BUSY);
            assertThat(r.progress().lastCall()).contains(expected);
            assertThat(r.progress().recentCalls()).containsExactly(expected);
            assertThat(r.updatedAt()).isEqualTo(hours(1).plus(Duration.ofMinutes(1)));
        }

        @Test
        void recentCalls_keepOnlyTheLookBackWindow() {
            // Default look-back is the 72-hour abandon quiet period.
            Record r = DEFAULTS.apply(threePhones(), call(PRIMARY, CallResult.BUSY, hours(0))).record();
            r = DEFAULTS.apply(r, call(HOME, CallResult.BUSY, hours(50))).record();
            r = DEFAULTS.apply(r, call(MOBILE, CallResult.BUSY, hours(80))).record();
            assertThat(r.progress().recentCalls()).extracting(CallAttempt::field).containsExactly(HOME, MOBILE);
        }

        @Test
        void progressiveCall_rescheduledByDialer_assignedToItsAgent() {
            CallOutcome forAnn = CallOutcome.forAgent(PRIMARY, CallResult.NO_ANSWER, hours(0), hours(0).plusSeconds(30), ANN);
            Record r = DEFAULTS.apply(threePhones(), forAnn).record();
            assertThat(r.agent()).contains(ANN);
            Record bobs = threePhones().withAgent(Optional.of(BOB));
            assertThat(DEFAULTS.apply(bobs, forAnn).record().agent()).as("an assigned user is kept").contains(BOB);
            CallOutcome predictive = CallOutcome.of(PRIMARY, CallResult.NO_ANSWER, hours(0), hours(0).plusSeconds(30));
            assertThat(DEFAULTS.apply(threePhones(), predictive).record().agent()).isEmpty();
        }

        @Test
        void doneRecord_refused() {
            Record done = DEFAULTS.changeStatus(onePhone(), RecordStatus.DONE, hours(1));
            assertThatThrownBy(() -> DEFAULTS.apply(done, call(PRIMARY, CallResult.BUSY, hours(2))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("c-1").hasMessageContaining("DONE").hasMessageContaining("CLOSED_BY_USER");
        }

        @Test
        void inactiveRecord_refused() {
            Record inactive = DEFAULTS.changeStatus(onePhone(), RecordStatus.INACTIVE, hours(1));
            assertThatThrownBy(() -> DEFAULTS.apply(inactive, call(PRIMARY, CallResult.BUSY, hours(2))))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("INACTIVE");
        }

        @Test
        void unknownField_refused() {
            assertThatThrownBy(() -> DEFAULTS.apply(onePhone(), call(WORK, CallResult.BUSY, hours(2))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("c-1").hasMessageContaining("work").hasMessageContaining("primary");
        }

        @Test
        void callOlderThanLastCall_refused() {
            Record r = DEFAULTS.apply(threePhones(), call(PRIMARY, CallResult.BUSY, hours(5))).record();
            assertThatThrownBy(() -> DEFAULTS.apply(r, call(HOME, CallResult.BUSY, hours(4))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("older than its last call");
        }

        @Test
        void processingRecord_accepted() {
            Record processing = onePhone().withStatus(RecordStatus.PROCESSING);
            Record r = DEFAULTS.apply(processing, call(PRIMARY, CallResult.BUSY, hours(1))).record();
            assertThat(r.status()).isEqualTo(RecordStatus.RESCHEDULED_BY_DIALER);
        }

        @Test
        void outcome_endedBeforePlaced_refused() {
            assertThatThrownBy(() -> CallOutcome.of(PRIMARY, CallResult.BUSY, hours(2), hours(1)))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("endedAt");
        }

        @Test
        void disposition_blankWrapCode_refused() {
            assertThatThrownBy(() -> Disposition.of(hours(1), ANN).withWrapCode("  "))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("wrapCode");
        }

        @Test
        void transition_effectsByType() {
            Lifecycle lc = lifecycle(DialingRules.newBuilder().numberFailureLimit(1)
                    .treat(CallResult.REJECTED, new Treatment.AddToDoNotCall()));
            Transition t = lc.apply(threePhones(), call(PRIMARY, CallResult.REJECTED, hours(0)));
            assertThat(t.effects(Effect.AddToDoNotCall.class)).hasSize(1);
            assertThat(t.effects(Effect.NumberExcluded.class)).isEmpty();
            assertThat(t.effects().get(0).describe()).contains(N1).contains("Do-Not-Call");
        }

        @Test
        void recordLoadedMidRound_roundCompletesWithItsStoredCount() {
            // A record loaded from a store mid-round: round {primary}, one repeat attempt made.
            Record r = threePhones().withProgress(DialProgress.NONE.withRepeatAttempts(1).withTriedThisRound(Set.of(PRIMARY)));
            Record after = DEFAULTS.apply(r, call(HOME, CallResult.NO_ANSWER, hours(1))).record();
            assertThat(after.progress().repeatAttempts()).isEqualTo(1);
            assertThat(after.progress().triedThisRound()).containsExactlyInAnyOrder(PRIMARY, HOME);
            after = DEFAULTS.apply(after, call(MOBILE, CallResult.NO_ANSWER, hours(2))).record();
            // Round complete after one repeat: the second repeat waits attemptDelay(1) = 1 hour (the last delay repeats).
            assertThat(after.progress().repeatAttempts()).isEqualTo(2);
            assertThat(after.nextDialableAt()).isEqualTo(hours(3).plus(Duration.ofMinutes(1)));
            assertThat(after.status()).isEqualTo(RecordStatus.RESCHEDULED_BY_DIALER);
        }
    }

    /** The record's round numbers not yet called in its current round, in order. */
    private static List<RecordPhone> untried(Record record) {
        Set<PhoneField> tried = record.progress().triedThisRound();
        return OutcomeRules.roundNumbers(record).stream().filter(p -> !tried.contains(p.field())).toList();
    }
}
