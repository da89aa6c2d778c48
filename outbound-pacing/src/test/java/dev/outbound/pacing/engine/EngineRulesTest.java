package dev.outbound.pacing.engine;

import static dev.outbound.pacing.engine.EngineHarness.START;
import static dev.outbound.pacing.engine.EngineHarness.agent;
import static dev.outbound.pacing.engine.EngineHarness.email;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.outbound.core.lifecycle.DialCheck;
import dev.outbound.core.lifecycle.DialReason;
import dev.outbound.core.lifecycle.Disposition;
import dev.outbound.core.lifecycle.Lifecycle;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CallResult;
import dev.outbound.core.record.Callback;
import dev.outbound.core.record.CallbackPreference;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordStatus;
import dev.outbound.spi.store.Interaction;
import dev.outbound.spi.store.RecordKey;
import dev.outbound.spi.telephony.CallEvent.AnsweredBy;
import dev.outbound.spi.telephony.CallId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Seed 001's rules for progressive, predictive and preview campaigns ("How Do Different
 * Campaigns Work?"), one example each, on a telephony the test drives.
 */
class EngineRulesTest {
    private static final AgentEmail ANN = email("ann");

    private final EngineHarness h = new EngineHarness();
    private final ScriptedTelephony phone = new ScriptedTelephony(h.time);

    EngineRulesTest() {
        h.telephony(phone);
        h.wrapUp = null; // the tests dispose
    }

    private EngineSettings.Builder mode(DialMode mode) {
        return EngineSettings.newBuilder().mode(mode);
    }

    private Record record(String ref, int n) {
        return h.draft(ref, 2_122_000_000L + n).build();
    }

    private void advanceTo(Instant at) {
        h.time.advanceTo(at);
    }

    private Record stored(String ref) {
        return h.realStore.get(h.placed.stream().map(EngineHarness.Placed::key)
                .filter(k -> k.ref().value().equals(ref)).findFirst().orElseThrow()).orElseThrow();
    }

    /** A pacer that wants every line it may have: the engine's own limits decide. */
    private static final Pacer GREEDY = PacingContext::lineLimit;

    @Test
    void progressive_loadsForAnAgent_recordsWithTheUser_thenRescheduledByDialer_thenByAgent_thenNotAssigned() {
        h.settings = mode(DialMode.PROGRESSIVE).build();
        // Reference ids in the reverse of the load order, so that key order cannot pass for it.
        h.add(record("a-not-assigned", 1),
                record("b-by-agent", 2).withStatus(RecordStatus.RESCHEDULED_BY_AGENT),
                record("c-by-dialer", 3).withStatus(RecordStatus.RESCHEDULED_BY_DIALER),
                h.draft("d-ann", 2_122_000_004L).agent(ANN.value()).build(),
                h.draft("e-bob", 2_122_000_005L).agent(email("bob").value()).build());
        DialerEngine engine = h.build();
        engine.start();
        engine.logIn(agent("ann"));
        h.flush();
        for (int i = 1; i <= 4; i++) {
            assertThat(phone.calls).hasSize(i);
            advanceTo(h.time.now().plusSeconds(3));
            phone.busy(phone.call(i));
            h.flush();
        }
        advanceTo(h.time.now().plusSeconds(30));

        assertThat(h.placedRefs()).containsExactly("d-ann", "c-by-dialer", "b-by-agent", "a-not-assigned");
        assertThat(h.errors).isEmpty();
    }

    @Test
    void progressive_formLoadTime_delaysTheCall_byExactlyThatMuch() {
        h.settings = mode(DialMode.PROGRESSIVE).formLoad(Duration.ofMillis(3_500)).build();
        h.add(record("r1", 1));
        DialerEngine engine = h.build();
        engine.start();
        engine.logIn(agent("ann"));
        advanceTo(START.plusMillis(3_499));
        assertThat(h.placed).isEmpty();
        advanceTo(START.plusSeconds(10));

        assertThat(h.placed).hasSize(1);
        assertThat(h.placed.get(0).at()).isEqualTo(START.plusMillis(3_500));
    }

    @Test
    void progressive_pauseAfterAnsweredCall_delaysTheAgentsNextCall_byExactlyThatMuch() {
        h.settings = mode(DialMode.PROGRESSIVE).pauseAfterAnswered(Duration.ofSeconds(7))
                .pauseAfterUnanswered(Duration.ofSeconds(1)).build();
        h.add(record("r1", 1), record("r2", 2));
        DialerEngine engine = h.build();
        engine.start();
        engine.logIn(agent("ann"));
        h.flush();
        advanceTo(START.plusSeconds(5));
        phone.answer(phone.call(1), AnsweredBy.HUMAN);
        h.flush();
        advanceTo(START.plusSeconds(20));
        phone.customerHangsUp(phone.call(1));
        h.flush();
        advanceTo(START.plusSeconds(30));
        engine.dispose(ANN, Disposition.of(h.time.now(), ANN));
        advanceTo(START.plusMillis(36_999));
        assertThat(h.placed).hasSize(1);
        advanceTo(START.plusSeconds(60));

        assertThat(h.placed).hasSize(2);
        assertThat(h.placed.get(1).at()).isEqualTo(START.plusSeconds(37));
    }

    @Test
    void progressive_pauseAfterUnansweredCall_delaysTheAgentsNextCall_byExactlyThatMuch() {
        h.settings = mode(DialMode.PROGRESSIVE).pauseAfterAnswered(Duration.ofSeconds(30))
                .pauseAfterUnanswered(Duration.ofSeconds(4)).build();
        h.add(record("r1", 1), record("r2", 2));
        DialerEngine engine = h.build();
        engine.start();
        engine.logIn(agent("ann"));
        h.flush();
        advanceTo(START.plusSeconds(2));
        phone.busy(phone.call(1));
        advanceTo(START.plusMillis(5_999));
        assertThat(h.placed).hasSize(1);
        advanceTo(START.plusSeconds(20));

        assertThat(h.placed).hasSize(2);
        assertThat(h.placed.get(1).at()).isEqualTo(START.plusSeconds(6));
    }

    @Test
    void predictive_placesNoCall_whileAnAnsweredCallWaitsForAnAgent() {
        h.settings = mode(DialMode.PREDICTIVE).maxLines(3).build();
        for (int i = 1; i <= 10; i++) {
            h.add(record("r" + i, i));
        }
        DialerEngine engine = h.build(GREEDY);
        engine.start();
        engine.logIn(agent("ann"));
        h.flush();
        assertThat(phone.calls).hasSize(3);
        advanceTo(START.plusSeconds(5));
        phone.answer(phone.call(1), AnsweredBy.HUMAN); // to Ann
        phone.answer(phone.call(2), AnsweredBy.HUMAN); // waits: nobody is free
        h.flush();
        phone.noAnswer(phone.call(3)); // a line is free, but an answer waits
        advanceTo(START.plusMillis(6_999));
        assertThat(phone.calls).as("calls placed while call-2 waits").hasSize(3);

        advanceTo(START.plusSeconds(7)); // the connect limit: call-2 is abandoned, dialing goes on
        advanceTo(START.plusSeconds(8));
        assertThat(h.abandonedAt).containsOnlyKeys(phone.call(2));
        assertThat(phone.calls.size()).isGreaterThan(3);
        assertThat(h.placed.get(3).at()).isEqualTo(START.plusSeconds(7));
    }

    @Test
    void abandonedCall_hasResultAbandoned_onAbandonedBeforeTheHangUp_andTheLifecyclesTreatment() {
        h.settings = mode(DialMode.PREDICTIVE).maxLines(2).build();
        h.add(record("r1", 1), record("r2", 2));
        DialerEngine engine = h.build(GREEDY);
        engine.start();
        engine.logIn(agent("ann"));
        h.flush();
        advanceTo(START.plusSeconds(4));
        phone.answer(phone.call(1), AnsweredBy.HUMAN);
        phone.answer(phone.call(2), AnsweredBy.HUMAN);
        h.flush();
        advanceTo(START.plusMillis(5_999));
        assertThat(h.abandonedAt).isEmpty();
        advanceTo(START.plusSeconds(6));

        CallId abandoned = phone.call(2);
        assertThat(h.abandonedAt).containsEntry(abandoned, START.plusSeconds(6));
        assertThat(h.telephony.calls.get(abandoned).hangUpSeq).isGreaterThan(h.abandonedSeq.get(abandoned));
        CallSummary summary = h.outcomes.get(abandoned).get(0);
        assertThat(summary.result()).contains(CallResult.ABANDONED);
        assertThat(summary.answeredAt()).contains(START.plusSeconds(4));
        assertThat(summary.agent()).isEmpty();

        String ref = h.placedById.get(abandoned).key().ref().value();
        Record after = stored(ref);
        // The default treatment of an abandoned call: the record's only number is tried, so the
        // dialer reschedules it by the attempt delay (1 h), and the 72 h quiet period holds it.
        assertThat(after.status()).isEqualTo(RecordStatus.RESCHEDULED_BY_DIALER);
        assertThat(after.dueAt()).isEqualTo(START.plusSeconds(6).plus(Duration.ofHours(1)));
        DialCheck later = Lifecycle.of(h.rules).explain(after, START.plus(Duration.ofHours(2)));
        assertThat(later.reasons(DialReason.AbandonQuietPeriod.class)).hasSize(1);
        List<Interaction> history = h.realStore.latestInteractions(RecordKey.of(after), 10);
        assertThat(history).extracting(Interaction::outcome).containsExactly(CallResult.ABANDONED);
        assertThat(history.get(0).id()).isEqualTo(abandoned.value());
    }

    @Test
    void machineAnswer_hasResultAnsweringMachine_andIsNotConnected() {
        h.settings = mode(DialMode.PROGRESSIVE).build();
        h.add(record("r1", 1));
        DialerEngine engine = h.build();
        engine.start();
        engine.logIn(agent("ann"));
        h.flush();
        advanceTo(START.plusSeconds(8));
        phone.answer(phone.call(1), AnsweredBy.MACHINE);
        advanceTo(START.plusSeconds(9));

        assertThat(phone.actions).containsExactly("hangUp call-1");
        assertThat(h.connected).isEmpty();
        assertThat(h.outcomes.get(phone.call(1))).singleElement()
                .satisfies(s -> assertThat(s.result()).contains(CallResult.ANSWERING_MACHINE));
        assertThat(h.realStore.latestInteractions(h.placed.get(0).key(), 10)).extracting(Interaction::outcome)
                .containsExactly(CallResult.ANSWERING_MACHINE);
    }

    @Test
    void noCallIsPlaced_whileNoAgentIsLoggedIn_orAllArePaused() {
        h.settings = mode(DialMode.PREDICTIVE).maxLines(5).build();
        for (int i = 1; i <= 30; i++) {
            h.add(record("r" + i, i));
        }
        DialerEngine engine = h.build(GREEDY);
        engine.start();
        advanceTo(START.plusSeconds(60));
        assertThat(h.placed).as("no agent logged in").isEmpty();

        engine.logIn(agent("ann"));
        h.flush();
        assertThat(h.placed).hasSize(5);
        engine.pause(ANN);
        for (int i = 1; i <= 5; i++) {
            phone.noAnswer(phone.call(i));
        }
        advanceTo(START.plusSeconds(120));
        assertThat(h.placed).as("Ann paused").hasSize(5);

        engine.resume(ANN);
        h.flush();
        assertThat(h.placed).hasSize(10);
        engine.logOut(ANN);
        for (int i = 6; i <= 10; i++) {
            phone.noAnswer(phone.call(i));
        }
        advanceTo(START.plusSeconds(180));
        assertThat(h.placed).as("Ann logged out").hasSize(10);
        assertThat(h.routing.loggedIn).isEmpty();
    }

    @Test
    void recordRescheduledByAnAgent_goesOnlyToThatAgent_untilTheContactTimeout_thenToAnyone() {
        h.settings = mode(DialMode.PROGRESSIVE).build();
        Record r = record("cb", 1);
        // Bob set a callback for now; the campaign's contact timeout is the default 15 minutes.
        Record callback = Lifecycle.of(h.rules).setCallback(r,
                Callback.forAgent(START, CallbackPreference.PREFER_AGENT, email("bob")), START);
        assertThat(callback.status()).isEqualTo(RecordStatus.RESCHEDULED_BY_AGENT);
        h.add(callback);
        DialerEngine engine = h.build();
        engine.start();
        engine.logIn(agent("ann"));
        advanceTo(START.plus(Duration.ofMinutes(15)).minusMillis(1));
        assertThat(h.placed).as("Bob's callback before the contact timeout").isEmpty();
        advanceTo(START.plus(Duration.ofMinutes(16)));

        assertThat(h.placed).hasSize(1);
        // Ann's seat asks the store again every idle poll (5 s) at most.
        assertThat(h.placed.get(0).at()).isBetween(START.plus(Duration.ofMinutes(15)),
                START.plus(Duration.ofMinutes(15)).plusSeconds(6));
    }

    @Test
    void recordRescheduledByAnAgent_goesToThatAgent_beforeTheContactTimeout() {
        h.settings = mode(DialMode.PROGRESSIVE).build();
        Record callback = Lifecycle.of(h.rules).setCallback(record("cb", 1),
                Callback.forAgent(START, CallbackPreference.PREFER_AGENT, email("bob")), START);
        h.add(callback, record("other", 2));
        DialerEngine engine = h.build();
        engine.start();
        engine.logIn(agent("ann"));
        engine.logIn(agent("bob"));
        h.flush();

        assertThat(h.placed).hasSize(2);
        phone.answer(phone.call(1), AnsweredBy.HUMAN);
        phone.answer(phone.call(2), AnsweredBy.HUMAN);
        h.flush();
        assertThat(h.connected).filteredOn(c -> c.key().ref().value().equals("cb"))
                .singleElement().satisfies(c -> assertThat(c.agent()).isEqualTo(email("bob")));
    }

    @Test
    void preview_requestShowsTheRecord_dialPlacesIt_skipGivesItBackUnchanged() {
        h.settings = mode(DialMode.PREVIEW).build();
        h.add(record("r1", 1), record("r2", 2));
        DialerEngine engine = h.build();
        engine.start();
        engine.logIn(agent("ann"));
        advanceTo(START.plusSeconds(30));
        assertThat(h.placed).as("preview places nothing on its own").isEmpty();

        engine.requestPreview(ANN);
        h.flush();
        assertThat(h.previews).singleElement().satisfies(p -> assertThat(p.record().orElseThrow().ref().value())
                .isEqualTo("r1"));
        engine.dialPreview(ANN);
        h.flush();
        assertThat(h.placedRefs()).containsExactly("r1");
        advanceTo(START.plusSeconds(40));
        phone.busy(phone.call(1));
        h.flush();
        assertThat(h.outcomes.get(phone.call(1)).get(0).result()).contains(CallResult.BUSY);

        engine.requestPreview(ANN);
        h.flush();
        assertThat(h.previews.get(1).record().orElseThrow().ref().value()).isEqualTo("r2");
        Record before = h.realStore.get(RecordKey.of(h.previews.get(1).record().orElseThrow())).orElseThrow();
        engine.skipPreview(ANN);
        h.flush();
        RecordKey r2 = RecordKey.of(before);
        assertThat(h.realStore.lease(r2, h.time.now())).as("r2's lease after the skip").isEmpty();
        assertThat(h.realStore.get(r2)).contains(before);
        assertThat(h.placed).hasSize(1);

        engine.requestPreview(ANN);
        h.flush();
        assertThat(h.previews.get(2).record().map(x -> x.ref().value())).contains("r2");
        engine.skipPreview(ANN);
        engine.logOut(ANN);
        engine.requestPreview(ANN);
        h.flush();
        assertThat(h.previews.get(3).record()).as("a logged-out agent gets nothing").isEmpty();
        assertThat(h.errors).isEmpty();
    }

    @Test
    void logOut_duringACall_takesEffectWhenTheRecordIsSaved() {
        h.settings = mode(DialMode.PROGRESSIVE).build();
        h.add(record("r1", 1), record("r2", 2));
        DialerEngine engine = h.build();
        engine.start();
        engine.logIn(agent("ann"));
        h.flush();
        advanceTo(START.plusSeconds(5));
        phone.answer(phone.call(1), AnsweredBy.HUMAN);
        h.flush();
        engine.logOut(ANN);
        h.flush();
        assertThat(h.routing.loggedIn).as("talking").containsExactly(ANN);
        advanceTo(START.plusSeconds(60));
        phone.customerHangsUp(phone.call(1));
        h.flush();
        assertThat(h.routing.loggedIn).as("wrapping up").containsExactly(ANN);
        advanceTo(START.plusSeconds(70));
        engine.dispose(ANN, Disposition.of(h.time.now(), ANN));
        h.flush();

        assertThat(h.routing.loggedIn).as("after the save").isEmpty();
        assertThat(h.outcomes.get(phone.call(1)).get(0).endedAt()).isEqualTo(START.plusSeconds(70));
        advanceTo(START.plusSeconds(120));
        assertThat(h.placed).hasSize(1);
    }

    @Test
    void dispose_forAnAgentWithNoCall_reportsAnErrorNamingTheAgent() {
        h.settings = mode(DialMode.PROGRESSIVE).build();
        DialerEngine engine = h.build();
        engine.start();
        engine.logIn(agent("ann"));
        engine.dispose(ANN, Disposition.of(h.time.now(), ANN));
        h.flush();

        assertThat(h.errors).singleElement().satisfies(e -> assertThat(e).hasMessageContaining("ann@example.com"));
        assertThat(h.outcomeList).isEmpty();
    }

    @Test
    void connectedCall_outcomeWaitsForTheDisposition_andCarriesTheAgentAndWrapCode() {
        h.settings = mode(DialMode.PROGRESSIVE).build();
        h.add(record("r1", 1));
        DialerEngine engine = h.build();
        engine.start();
        engine.logIn(agent("ann"));
        h.flush();
        advanceTo(START.plusSeconds(5));
        phone.answer(phone.call(1), AnsweredBy.HUMAN);
        advanceTo(START.plusSeconds(50));
        phone.customerHangsUp(phone.call(1));
        h.flush();
        assertThat(h.outcomeList).as("before the save").isEmpty();
        advanceTo(START.plusSeconds(55));
        engine.dispose(ANN, Disposition.of(h.time.now(), ANN).withWrapCode("SALE"));
        h.flush();

        assertThat(h.outcomeList).singleElement().satisfies(s -> {
            assertThat(s.result()).contains(CallResult.HUMAN_ANSWER);
            assertThat(s.agent()).contains(ANN);
        });
        List<Interaction> history = h.realStore.latestInteractions(h.placed.get(0).key(), 10);
        assertThat(history).singleElement().satisfies(i -> {
            assertThat(i.wrapCode()).contains("SALE");
            assertThat(i.agent()).contains(ANN);
            assertThat(i.at()).isEqualTo(START.plusSeconds(55));
        });
        assertThat(stored("r1").status()).isEqualTo(RecordStatus.DONE);
        assertThat(Optional.of(h.connected.get(0).agent())).contains(ANN);
    }

    @Test
    void aConversationLongerThanTheAnsweredLease_keepsItsLease_soNoOtherNodeCanClaimTheRecord() {
        h.settings = mode(DialMode.PROGRESSIVE).leaseFor(Duration.ofMinutes(2)).answeredLease(Duration.ofMinutes(10))
                .build();
        h.add(record("r1", 1));
        DialerEngine engine = h.build();
        engine.start();
        engine.logIn(agent("ann"));
        h.flush();
        advanceTo(START.plusSeconds(5));
        phone.answer(phone.call(1), AnsweredBy.HUMAN);
        RecordKey key = h.placed.get(0).key();
        for (int minute = 1; minute <= 45; minute++) {
            advanceTo(START.plusSeconds(5).plus(Duration.ofMinutes(minute)));
            assertThat(h.realStore.lease(key, h.time.now())).as("lease after %d minutes of talk", minute).isPresent();
        }
        phone.customerHangsUp(phone.call(1));
        advanceTo(h.time.now().plusSeconds(5));
        engine.dispose(ANN, Disposition.of(h.time.now(), ANN).withWrapCode("SALE"));
        h.flush();

        assertThat(h.outcomeList).singleElement().satisfies(s -> assertThat(s.result()).contains(CallResult.HUMAN_ANSWER));
        assertThat(h.store.problems).as("the outcome was written under a live lease").isEmpty();
        assertThat(h.errors).isEmpty();
        assertThat(h.realStore.lease(key, h.time.now())).as("the lease ends with the outcome").isEmpty();
    }

    @Test
    void predictive_recordsLoadedForTheirUsers_holdALine_soTheCallsStayWithinTheLines() {
        h.settings = mode(DialMode.PREDICTIVE).maxLines(1).formLoad(Duration.ofSeconds(2)).build();
        h.add(h.draft("ann-1", 2_122_000_001L).agent(ANN.value()).build(),
                h.draft("bob-1", 2_122_000_002L).agent(email("bob").value()).build(),
                record("any-1", 3), record("any-2", 4));
        DialerEngine engine = h.build(GREEDY);
        engine.start();
        engine.logIn(agent("ann"));
        engine.logIn(agent("bob"));
        advanceTo(START.plusSeconds(10));

        assertThat(h.placed).hasSize(1);
        assertThat(h.telephony.maxRinging).isEqualTo(1);
        assertThat(h.violations).isEmpty();
    }

    @Test
    void pacingModel_takesADialsRingTime_onlyOnceEveryDialPlacedAsEarlyHasEndedOrRungOut() {
        h.settings = mode(DialMode.PREDICTIVE).maxLines(2).ringTimeout(Duration.ofSeconds(25)).build();
        for (int i = 1; i <= 4; i++) {
            h.add(record("r" + i, i));
        }
        DialerEngine engine = h.build(GREEDY);
        engine.start();
        engine.logIn(agent("ann"));
        h.flush();
        assertThat(phone.calls).hasSize(2);
        advanceTo(START.plusSeconds(3));
        phone.busy(phone.call(1)); // a quick failure, placed at START
        advanceTo(START.plusSeconds(24));
        assertThat(engine.model().answers().finishedDials())
                .as("the cohort of START is not complete until START + 25 s").isZero();

        advanceTo(START.plusSeconds(25));
        assertThat(engine.model().answers().finishedDials()).isEqualTo(1);
        assertThat(engine.model().answers().answerProbability())
                .as("one unanswered dial on the prior of 0.3 worth 2 dials: about 0.6 / 3").isCloseTo(0.2, within(1e-3));
    }

    @Test
    void predictivePacing_dialsOneCallPerAvailableAgent_untilTheModelHasTakenAFinishedDial() {
        h.settings = mode(DialMode.PREDICTIVE).maxLines(50).build();
        for (int i = 1; i <= 40; i++) {
            h.add(record("r" + i, i));
        }
        DialerEngine engine = h.build();
        engine.start();
        engine.logIn(agent("ann"));
        engine.logIn(agent("bob"));
        engine.logIn(agent("cat"));
        advanceTo(START.plusSeconds(20));

        assertThat(phone.calls).as("three agents, no dial finished yet: one call each").hasSize(3);
    }
}
