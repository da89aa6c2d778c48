package dev.outbound.pacing.engine;

import static dev.outbound.pacing.engine.EngineHarness.START;
import static dev.outbound.pacing.engine.EngineHarness.agent;
import static dev.outbound.pacing.engine.EngineHarness.email;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.field.FieldValue;
import dev.outbound.core.lifecycle.DialingRules;
import dev.outbound.core.lifecycle.Disposition;
import dev.outbound.core.lifecycle.DispositionRefusedException;
import dev.outbound.core.lifecycle.DispositionRules;
import dev.outbound.core.lifecycle.WrapCode;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.Callback;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordStatus;
import dev.outbound.spi.agent.AgentState;
import dev.outbound.spi.store.Interaction;
import dev.outbound.spi.store.RecordKey;
import dev.outbound.spi.telephony.CallEvent.AnsweredBy;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The engine's side of the campaign's dispositions: refusals keep the agent in wrap-up and write nothing. */
class EngineDispositionTest {
    private static final AgentEmail ANN = email("ann");
    private static final AgentEmail BOB = email("bob");

    private final EngineHarness h = new EngineHarness();
    private final ScriptedTelephony phone = new ScriptedTelephony(h.time);

    EngineDispositionTest() {
        h.telephony(phone);
        h.wrapUp = null; // the test disposes
        h.rules = DialingRules.newBuilder().dispositions(DispositionRules.newBuilder()
                .code(WrapCode.completing("Sale").requiring("email", "plan"))
                .code(WrapCode.callAgain("Call again")).build()).build();
        h.settings = EngineSettings.newBuilder().mode(DialMode.PROGRESSIVE).build();
    }

    private RecordKey key(String ref) {
        return h.placed.stream().map(EngineHarness.Placed::key).filter(k -> k.ref().value().equals(ref))
                .findFirst().orElseThrow();
    }

    /** Ann's call to r1 is answered and ends; she is in wrap-up at START + 20 s. */
    private DialerEngine answeredAndEnded() {
        h.add(h.draft("r1", 2_122_000_001L).build());
        DialerEngine engine = h.build();
        engine.start();
        engine.logIn(agent("ann"));
        h.flush();
        h.time.advanceTo(START.plusSeconds(5));
        phone.answer(phone.call(1), AnsweredBy.HUMAN);
        h.flush();
        h.time.advanceTo(START.plusSeconds(20));
        phone.customerHangsUp(phone.call(1));
        h.flush();
        return engine;
    }

    @Test
    void refusedDisposition_agentStaysInWrapUp_nothingWritten_thenAValidOneIsSaved() {
        DialerEngine engine = answeredAndEnded();
        h.time.advanceTo(START.plusSeconds(30));
        Record before = h.realStore.get(key("r1")).orElseThrow();

        CompletionStage<Record> refused = engine.dispose(ANN, Disposition.of(h.time.now(), ANN).withWrapCode("Sale")
                .withField("plan", FieldValue.text("gold")));
        h.flush();
        assertThatThrownBy(() -> refused.toCompletableFuture().join()).hasCauseInstanceOf(
                DispositionRefusedException.class).hasMessageContaining("field 'email' is required by wrap code 'Sale'");
        assertThat(h.refusals).singleElement().satisfies(e -> assertThat(e.missingFields()).containsExactly("email"));
        assertThat(h.routing.states.get(ANN)).isEqualTo(AgentState.WRAP_UP);
        assertThat(h.realStore.get(key("r1"))).contains(before);
        assertThat(h.realStore.latestInteractions(key("r1"), 10)).isEmpty();
        assertThat(h.outcomeList).as("the call has no outcome yet").isEmpty();

        h.time.advanceTo(START.plusSeconds(40));
        CompletableFuture<Record> saved = engine.dispose(ANN, Disposition.of(h.time.now(), ANN).withWrapCode("Sale")
                .withField("plan", FieldValue.text("gold")).withField("email", FieldValue.text("c@example.com")))
                .toCompletableFuture();
        h.flush();
        assertThat(saved.join().status()).isEqualTo(RecordStatus.DONE);
        Record stored = h.realStore.get(key("r1")).orElseThrow();
        assertThat(stored.progress().wrapCode()).contains("Sale");
        assertThat(stored.fields().text("email")).contains("c@example.com");
        assertThat(h.realStore.latestInteractions(key("r1"), 10)).extracting(Interaction::wrapCode)
                .containsExactly(java.util.Optional.of("Sale"));
        assertThat(h.outcomeList).hasSize(1);
        assertThat(h.routing.states.get(ANN)).isNotEqualTo(AgentState.WRAP_UP);
        assertThat(h.errors).isEmpty();
    }

    @Test
    void callAgainWithoutNextCall_refused_withNextCall_callbackWritten() {
        DialerEngine engine = answeredAndEnded();
        CompletionStage<Record> refused = engine.dispose(ANN, Disposition.of(h.time.now(), ANN)
                .withWrapCode("Call again"));
        h.flush();
        assertThat(refused.toCompletableFuture()).isCompletedExceptionally();
        assertThat(h.refusals).singleElement().satisfies(e -> assertThat(e.getMessage())
                .contains("next call is required by wrap code 'Call again'"));

        Instant later = START.plusSeconds(86_400);
        engine.dispose(ANN, Disposition.of(h.time.now(), ANN).withWrapCode("Call again")
                .withNextCall(Callback.anyone(later)));
        h.flush();
        Record stored = h.realStore.get(key("r1")).orElseThrow();
        assertThat(stored.status()).isEqualTo(RecordStatus.RESCHEDULED_BY_AGENT);
        assertThat(stored.callback()).contains(Callback.anyone(later));
    }

    @Test
    void disposeWithoutACall_stageFailsAndErrorReported() {
        h.add(h.draft("r1", 2_122_000_001L).build());
        DialerEngine engine = h.build();
        engine.start();
        CompletionStage<Record> s = engine.dispose(BOB, Disposition.of(START, BOB));
        h.flush();
        assertThat(s.toCompletableFuture()).isCompletedExceptionally();
        assertThat(h.errors).singleElement().satisfies(e -> assertThat(e.getMessage())
                .isEqualTo("agent bob@example.com has no call waiting for a disposition"));
    }

    @Test
    void correctWrapCode_afterTheCall_writesTheRecordAndAHistoryEntry() {
        DialerEngine engine = answeredAndEnded();
        engine.dispose(ANN, Disposition.of(h.time.now(), ANN).withWrapCode("Sale")
                .withField("plan", FieldValue.text("gold")).withField("email", FieldValue.text("c@example.com")));
        h.flush();
        Instant later = START.plusSeconds(86_400);
        Record corrected = engine.correctWrapCode(key("r1"), Disposition.of(START.plusSeconds(600), BOB)
                .withWrapCode("Call again").withNextCall(Callback.anyone(later)));
        assertThat(corrected.status()).isEqualTo(RecordStatus.RESCHEDULED_BY_AGENT);
        assertThat(h.realStore.get(key("r1")).orElseThrow().progress().wrapCode()).contains("Call again");
        List<Interaction> history = h.realStore.latestInteractions(key("r1"), 10);
        assertThat(history).extracting(i -> i.wrapCode().orElse("-")).containsExactly("Call again", "Sale");
        assertThat(history.get(0).notes()).hasValueSatisfying(n -> assertThat(n)
                .startsWith("wrap code corrected from 'Sale' to 'Call again'"));
    }
}
