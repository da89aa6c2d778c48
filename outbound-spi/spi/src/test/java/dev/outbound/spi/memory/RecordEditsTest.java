package dev.outbound.spi.memory;

import static dev.outbound.spi.memory.StoreFixtures.ANN;
import static dev.outbound.spi.memory.StoreFixtures.BOB;
import static dev.outbound.spi.memory.StoreFixtures.T0;
import static dev.outbound.spi.memory.StoreFixtures.claim;
import static dev.outbound.spi.memory.StoreFixtures.key;
import static dev.outbound.spi.memory.StoreFixtures.minutes;
import static dev.outbound.spi.memory.StoreFixtures.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.field.FieldValue;
import dev.outbound.core.lifecycle.DialingRules;
import dev.outbound.core.lifecycle.Disposition;
import dev.outbound.core.lifecycle.DispositionRefusedException;
import dev.outbound.core.lifecycle.DispositionRules;
import dev.outbound.core.lifecycle.Lifecycle;
import dev.outbound.core.lifecycle.WrapCode;
import dev.outbound.core.record.CallResult;
import dev.outbound.core.record.Callback;
import dev.outbound.core.record.DoneReason;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordStatus;
import dev.outbound.spi.store.Interaction;
import dev.outbound.spi.store.RecordEdits;
import dev.outbound.spi.store.StoreException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordEditsTest {
    static final Lifecycle LC = Lifecycle.of(DialingRules.newBuilder().dispositions(DispositionRules.newBuilder()
            .code(WrapCode.completing("Sale").requiring("email"))
            .code(WrapCode.callAgain("Callback"))
            .allowChangeUser(true).build()).build());

    final InMemoryRecordStore store = InMemoryRecordStore.create();
    final RecordEdits edits = RecordEdits.of(store, LC);

    /** A done record whose agent chose Sale, with one interaction in its history. */
    Record sold() {
        Record r = rec("c-1").phones("+12015550101").build().withProgress(
                rec("c-1").build().progress().withWrapCode(Optional.of("Sale"))).done(DoneReason.OBJECTIVE_REACHED);
        store.create(r);
        store.appendInteraction(key("c-1"), new Interaction("call-1", T0, r.phones().get(0).number(), Optional.empty(),
                Optional.of(ANN), CallResult.HUMAN_ANSWER, Optional.of("Sale"), Optional.empty()));
        return r;
    }

    @Test
    void correctWrapCode_toCallback_storedWithCallback_andHistoryKeepsBoth() {
        sold();
        Record written = edits.correctWrapCode(key("c-1"), Disposition.of(minutes(10), BOB).withWrapCode("Callback")
                .withNextCall(Callback.anyone(minutes(600))));
        Record stored = store.get(key("c-1")).orElseThrow();
        assertThat(stored).isEqualTo(written);
        assertThat(stored.progress().wrapCode()).contains("Callback");
        assertThat(stored.status()).isEqualTo(RecordStatus.RESCHEDULED_BY_AGENT);
        assertThat(stored.callback()).contains(Callback.anyone(minutes(600)));

        List<Interaction> history = store.latestInteractions(key("c-1"), 10);
        assertThat(history).extracting(Interaction::id).containsExactly("wrap-code-correction-" + minutes(10), "call-1");
        Interaction correction = history.get(0);
        assertThat(correction.wrapCode()).contains("Callback");
        assertThat(correction.agent()).contains(BOB);
        assertThat(correction.notes()).contains("wrap code corrected from 'Sale' to 'Callback' (corrects interaction "
                + "call-1)");
        assertThat(history.get(1).wrapCode()).as("the agent's choice stays").contains("Sale");
    }

    @Test
    void correctWrapCode_refused_nothingWritten() {
        Record before = sold();
        assertThatThrownBy(() -> edits.correctWrapCode(key("c-1"), Disposition.of(minutes(10), BOB)
                .withWrapCode("Callback")))
                .isInstanceOf(DispositionRefusedException.class)
                .hasMessageContaining("next call is required by wrap code 'Callback'");
        assertThat(store.get(key("c-1"))).contains(before);
        assertThat(store.latestInteractions(key("c-1"), 10)).hasSize(1);
    }

    @Test
    void correctWrapCode_requiredFieldFromTheCorrection_set() {
        store.create(rec("c-2").phones("+12015550102").build());
        Record written = edits.correctWrapCode(key("c-2"), Disposition.of(minutes(1), BOB).withWrapCode("Sale")
                .withField("email", FieldValue.text("x@example.com")));
        assertThat(written.fields().text("email")).contains("x@example.com");
        assertThat(written.status()).isEqualTo(RecordStatus.DONE);
        assertThat(store.latestInteractions(key("c-2"), 10)).singleElement()
                .satisfies(i -> assertThat(i.notes()).contains("wrap code corrected from none to 'Sale'"));
    }

    @Test
    void recordInACall_leftAlone() {
        store.create(rec("c-3").phones("+12015550103").build());
        assertThat(store.claim(claim("dialer", T0, 1))).hasSize(1);
        assertThatThrownBy(() -> edits.changeUser(key("c-3"), BOB, T0.plusSeconds(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is in a call");
    }

    @Test
    void changeUser_written() {
        store.create(rec("c-4").phones("+12015550104").agent(ANN).build());
        edits.changeUser(key("c-4"), BOB, minutes(1));
        assertThat(store.get(key("c-4")).orElseThrow().agent()).contains(BOB);
    }

    @Test
    void unknownRecord_refused() {
        assertThatThrownBy(() -> edits.changeUser(key("nobody"), BOB, minutes(1)))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.UNKNOWN_KEY));
    }
}
