package dev.outbound.core.lifecycle;

import static dev.outbound.core.lifecycle.OutcomeFixtures.PRIMARY;
import static dev.outbound.core.lifecycle.OutcomeFixtures.call;
import static dev.outbound.core.lifecycle.OutcomeFixtures.hours;
import static dev.outbound.core.lifecycle.OutcomeFixtures.onePhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.field.FieldValue;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CallResult;
import dev.outbound.core.record.Callback;
import dev.outbound.core.record.CallbackPreference;
import dev.outbound.core.record.DoneReason;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DispositionRulesTest {
    static final AgentEmail ANN = AgentEmail.of("ann@example.com");
    static final AgentEmail BOB = AgentEmail.of("bob@example.com");

    static final DispositionRules RULES = DispositionRules.newBuilder()
            .code(WrapCode.completing("Sale").requiring("email", "amount"))
            .code(WrapCode.callAgain("Call again"))
            .code(WrapCode.of("No decision"))
            .code(new WrapCode("Wrong person", false, WrapCode.NextCall.FORBIDDEN, List.of()))
            .build();
    static final Lifecycle LC = Lifecycle.of(DialingRules.newBuilder().dispositions(RULES)
            .attemptDelays(Duration.ofHours(2)).build());
    static final Lifecycle CHANGE_USER = Lifecycle.of(DialingRules.newBuilder().dispositions(
            DispositionRules.newBuilder().code(WrapCode.of("Pass on")).allowChangeUser(true).build()).build());

    /** A record answered at hour 0, waiting for the agent's disposition. */
    static Record answered(Lifecycle lc) {
        return lc.apply(onePhone(), call(PRIMARY, CallResult.HUMAN_ANSWER, hours(0))).record();
    }

    static Disposition saved(String code) {
        return Disposition.of(hours(1), ANN).withWrapCode(code);
    }

    @Nested
    class Validation {
        @Test
        void requiredFields_eachMissingOneNamedInTheRefusal() {
            Record r = answered(LC);
            assertThatThrownBy(() -> LC.dispose(r, saved("Sale")))
                    .isInstanceOfSatisfying(DispositionRefusedException.class, e -> {
                        assertThat(e.missingFields()).containsExactly("email", "amount");
                        assertThat(e.record().value()).isEqualTo("c-1");
                        assertThat(e.getMessage()).isEqualTo("disposition of record c-1 refused: field 'email' is "
                                + "required by wrap code 'Sale'; field 'amount' is required by wrap code 'Sale'");
                    });
        }

        @Test
        void requiredFields_filledOnTheForm_saved_andSetOnTheRecord() {
            Record r = answered(LC);
            Record after = LC.dispose(r, saved("Sale").withField("email", FieldValue.text("c@example.com"))
                    .withField("amount", FieldValue.integer(120)));
            assertThat(after.status()).isEqualTo(RecordStatus.DONE);
            assertThat(after.fields().text("email")).contains("c@example.com");
            assertThat(after.fields().text("amount")).contains("120");
        }

        @Test
        void requiredField_alreadyOnTheRecord_countsAsFilled_regardlessOfCase() {
            Record r = answered(LC);
            r = r.withFields(r.fields().with("EMAIL", FieldValue.text("c@example.com")));
            Record rr = r;
            assertThatThrownBy(() -> LC.dispose(rr, saved("Sale")))
                    .isInstanceOfSatisfying(DispositionRefusedException.class,
                            e -> assertThat(e.missingFields()).containsExactly("amount"));
        }

        @Test
        void refused_recordUnchanged_checkGivesTheSameProblems() {
            Record r = answered(LC);
            List<DispositionProblem> problems = LC.checkDisposition(r, saved("Sale"));
            assertThat(problems).extracting(DispositionProblem::kind).containsExactly(
                    DispositionProblem.Kind.FIELD_REQUIRED, DispositionProblem.Kind.FIELD_REQUIRED);
            assertThat(r.status()).isEqualTo(RecordStatus.PROCESSING);
        }

        @Test
        void unknownWrapCode_refusedNamingTheCampaignsCodes() {
            assertThatThrownBy(() -> LC.dispose(answered(LC), saved("Maybe")))
                    .isInstanceOf(DispositionRefusedException.class)
                    .hasMessageContaining("wrap code 'Maybe' is not one of the campaign's (Sale, Call again, "
                            + "No decision, Wrong person)");
        }

        @Test
        void noWrapCode_whenTheCampaignDefinesCodes_refused() {
            assertThatThrownBy(() -> LC.dispose(answered(LC), Disposition.of(hours(1), ANN)))
                    .isInstanceOfSatisfying(DispositionRefusedException.class, e -> assertThat(e.problems())
                            .extracting(DispositionProblem::kind).containsExactly(DispositionProblem.Kind.WRAP_CODE_REQUIRED));
        }

        @Test
        void wrapCodeName_matchedRegardlessOfCase() {
            Record after = LC.dispose(answered(LC), saved("no DECISION"));
            assertThat(after.status()).isEqualTo(RecordStatus.RESCHEDULED_BY_DIALER);
        }

        @Test
        void everyProblemAtOnce() {
            Disposition d = saved("Sale").withNextCall(Callback.anyone(hours(5))).withNewUser(BOB);
            assertThat(LC.checkDisposition(answered(LC), d)).extracting(DispositionProblem::kind).containsExactly(
                    DispositionProblem.Kind.NEXT_CALL_FORBIDDEN, DispositionProblem.Kind.FIELD_REQUIRED,
                    DispositionProblem.Kind.FIELD_REQUIRED, DispositionProblem.Kind.CHANGE_USER_NOT_ALLOWED);
        }
    }

    @Nested
    class NextCall {
        @Test
        void callAgain_withoutNextCall_refused() {
            assertThatThrownBy(() -> LC.dispose(answered(LC), saved("Call again")))
                    .isInstanceOf(DispositionRefusedException.class)
                    .hasMessage("disposition of record c-1 refused: next call is required by wrap code 'Call again'");
        }

        @Test
        void callAgain_withNextCall_callback() {
            Record after = LC.dispose(answered(LC), saved("Call again").withNextCall(Callback.anyone(hours(24))));
            assertThat(after.status()).isEqualTo(RecordStatus.RESCHEDULED_BY_AGENT);
            assertThat(after.callback()).contains(Callback.anyone(hours(24)));
            assertThat(after.progress().wrapCode()).contains("Call again");
        }

        @Test
        void forbiddingCode_withNextCall_refused() {
            assertThatThrownBy(() -> LC.dispose(answered(LC), saved("Wrong person")
                    .withNextCall(Callback.anyone(hours(24)))))
                    .hasMessageContaining("next call is not allowed with wrap code 'Wrong person', which hands the "
                            + "record back to the dialer");
        }
    }

    @Nested
    class Completes {
        @Test
        void completingCode_done() {
            Record after = LC.dispose(answered(LC), saved("Sale").withField("email", FieldValue.text("a@b.example"))
                    .withField("amount", FieldValue.integer(1)));
            assertThat(after.status()).isEqualTo(RecordStatus.DONE);
            assertThat(after.doneReason()).contains(DoneReason.OBJECTIVE_REACHED);
            assertThat(after.progress().wrapCode()).contains("Sale");
        }

        @Test
        void notCompletingCode_withoutNextCall_backToTheDialerAfterTheAttemptDelay() {
            Record after = LC.dispose(answered(LC), saved("No decision"));
            assertThat(after.status()).isEqualTo(RecordStatus.RESCHEDULED_BY_DIALER);
            assertThat(after.nextDialableAt()).as("saved at hour 1, attempt delay 2 hours").isEqualTo(hours(3));
            assertThat(after.doneReason()).isEmpty();
        }

        @Test
        void completingCode_mustForbidNextCall() {
            assertThatThrownBy(() -> new WrapCode("Sale", true, WrapCode.NextCall.REQUIRED, List.of()))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("Invalid value for next call of wrap code Sale (FORBIDDEN, since the code completes "
                            + "the record): REQUIRED");
        }

        @Test
        void noRulesConfigured_todaysBehaviour_anyCodeAndNoNextCall_done() {
            Lifecycle plain = Lifecycle.of(DialingRules.defaults());
            Record after = plain.dispose(answered(plain), saved("whatever"));
            assertThat(after.status()).isEqualTo(RecordStatus.DONE);
            assertThat(after.doneReason()).contains(DoneReason.OBJECTIVE_REACHED);
        }

        @Test
        void codeNamedTwice_refused() {
            assertThatThrownBy(() -> DispositionRules.newBuilder().code(WrapCode.of("Sale"))
                    .code(WrapCode.completing("SALE")))
                    .hasMessage("wrap code 'SALE' is already defined as 'Sale'");
        }
    }

    @Nested
    class ChangeUser {
        @Test
        void allowed_recordPassedToTheAgent() {
            Record after = CHANGE_USER.dispose(answered(CHANGE_USER), saved("Pass on").withNewUser(BOB));
            assertThat(after.agent()).contains(BOB);
        }

        @Test
        void notAllowed_refused() {
            assertThatThrownBy(() -> LC.dispose(answered(LC), saved("No decision").withNewUser(BOB)))
                    .isInstanceOfSatisfying(DispositionRefusedException.class, e -> assertThat(e.problems())
                            .singleElement().extracting(DispositionProblem::kind)
                            .isEqualTo(DispositionProblem.Kind.CHANGE_USER_NOT_ALLOWED));
        }

        @Test
        void callbackForAnotherAgent_refused() {
            Disposition d = saved("Pass on").withNewUser(BOB)
                    .withNextCall(Callback.forAgent(hours(5), CallbackPreference.ONLY_AGENT, ANN));
            assertThatThrownBy(() -> CHANGE_USER.dispose(answered(CHANGE_USER), d))
                    .hasMessageContaining("the next call is for ann@example.com but the record is passed to "
                            + "bob@example.com");
        }

        @Test
        void outsideACall_allowed_onlyTheUserChanges() {
            Record r = onePhone();
            Record after = CHANGE_USER.changeUser(r, BOB, hours(1));
            assertThat(after.agent()).contains(BOB);
            assertThat(after.status()).isEqualTo(r.status());
            assertThat(after.updatedAt()).isEqualTo(hours(1));
        }

        @Test
        void outsideACall_notAllowed_refused() {
            assertThatThrownBy(() -> LC.changeUser(onePhone(), BOB, hours(1)))
                    .isInstanceOf(DispositionRefusedException.class)
                    .hasMessageContaining("does not allow passing a record to another agent");
        }
    }

    @Nested
    class Correction {
        /** A record whose agent saved "Call again" with a callback at hour 24. */
        Record calledBack() {
            return LC.dispose(answered(LC), saved("Call again").withNextCall(Callback.anyone(hours(24))));
        }

        @Test
        void toCompletingCode_doneAndCallbackCleared() {
            Record r = calledBack();
            Record after = LC.correctWrapCode(r, Disposition.of(hours(2), BOB).withWrapCode("Sale")
                    .withField("email", FieldValue.text("a@b.example")).withField("amount", FieldValue.integer(5)));
            assertThat(after.progress().wrapCode()).contains("Sale");
            assertThat(after.status()).isEqualTo(RecordStatus.DONE);
            assertThat(after.callback()).isEmpty();
            assertThat(after.scheduledFor()).isEmpty();
            assertThat(after.updatedAt()).isEqualTo(hours(2));
        }

        @Test
        void toCallbackCode_reopensADoneRecordWithTheCallback() {
            Record done = LC.dispose(answered(LC), saved("Sale").withField("email", FieldValue.text("a@b.example"))
                    .withField("amount", FieldValue.integer(5)));
            Record after = LC.correctWrapCode(done, Disposition.of(hours(2), BOB).withWrapCode("Call again")
                    .withNextCall(Callback.anyone(hours(30))));
            assertThat(after.status()).isEqualTo(RecordStatus.RESCHEDULED_BY_AGENT);
            assertThat(after.doneReason()).isEmpty();
            assertThat(after.callback()).contains(Callback.anyone(hours(30)));
            assertThat(after.dueAt()).isEqualTo(hours(30));
        }

        @Test
        void toCallbackCode_withoutCallback_refused_recordUnchanged() {
            Record r = calledBack();
            assertThatThrownBy(() -> LC.correctWrapCode(r, Disposition.of(hours(2), BOB).withWrapCode("Call again")))
                    .isInstanceOf(DispositionRefusedException.class);
            assertThat(r.progress().wrapCode()).contains("Call again");
            assertThat(r.callback()).isPresent();
        }

        @Test
        void inACall_refused() {
            assertThatThrownBy(() -> LC.correctWrapCode(answered(LC), saved("No decision")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("in a call");
        }

        @Test
        void missingFields_named() {
            assertThatThrownBy(() -> LC.correctWrapCode(calledBack(), Disposition.of(hours(2), BOB).withWrapCode("Sale")
                    .withField("amount", FieldValue.integer(5))))
                    .isInstanceOfSatisfying(DispositionRefusedException.class,
                            e -> assertThat(e.missingFields()).containsExactly("email"));
        }
    }

    @Test
    void plain_firstCodeAskingForNothing_whatSimulatedAgentsSave() {
        // Sale requires fields and Call again a next call; No decision asks for nothing.
        assertThat(RULES.plain(hours(1), ANN)).contains(Disposition.of(hours(1), ANN).withWrapCode("No decision"));
        assertThat(DispositionRules.none().plain(hours(1), ANN)).contains(Disposition.of(hours(1), ANN));
        DispositionRules demanding = DispositionRules.newBuilder().code(WrapCode.callAgain("Again"))
                .code(WrapCode.completing("Sale").requiring("email")).build();
        assertThat(demanding.plain(hours(1), ANN)).isEmpty();
        assertThat(RULES.allowsPlain()).isTrue();
        assertThat(DispositionRules.none().allowsPlain()).isTrue();
        assertThat(demanding.allowsPlain()).isFalse();
    }

    @Test
    void disposition_oldConstructor_noFormValuesNoNewUser() {
        Disposition d = new Disposition(hours(1), ANN, Optional.of("x"), Optional.empty());
        assertThat(d.fields().isEmpty()).isTrue();
        assertThat(d.newUser()).isEmpty();
    }
}
