package dev.outbound.pacing.engine;

import static dev.outbound.pacing.engine.EngineHarness.agent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.callerid.CallerIdSelector;
import dev.outbound.core.callerid.CallerIdStrategy;
import dev.outbound.core.callerid.Did;
import dev.outbound.core.callerid.DidPool;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.spi.store.Interaction;
import dev.outbound.spi.store.RecordKey;
import dev.outbound.spi.telephony.CallRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The caller id of each call: from the engine's selector when it has one, else the settings' fixed one. */
class EngineCallerIdTest {
    private static final PhoneNumber DEFAULT = PhoneNumber.ofE164("+12025550100");
    private static final PhoneNumber DID_212 = PhoneNumber.ofE164("+12125550104");
    private static final PhoneNumber DID_916 = PhoneNumber.ofE164("+19165550101");

    private final EngineHarness h = new EngineHarness();
    private final ScriptedTelephony phone = new ScriptedTelephony(h.time);

    EngineCallerIdTest() {
        h.telephony(phone);
        h.settings = EngineSettings.newBuilder().mode(DialMode.PROGRESSIVE).build();
    }

    /** Places one call per record, each ending busy. */
    private void dialAll(int records) {
        // 12:00 in New York, 09:00 in California: every callee is inside the calling window.
        h.time.advanceTo(EngineHarness.START.plus(Duration.ofHours(3)));
        DialerEngine engine = h.build();
        engine.start();
        engine.logIn(agent("ann"));
        h.flush();
        for (int i = 1; i <= records; i++) {
            assertThat(phone.calls).as("calls placed").hasSize(i);
            h.time.advanceTo(h.time.now().plusSeconds(3));
            phone.busy(phone.call(i));
            h.flush();
        }
        h.drain();
        assertThat(h.errors).isEmpty();
    }

    private Optional<PhoneNumber> historyCallerId(PhoneNumber called) {
        RecordKey key = h.keyOfNumber.get(called);
        List<Interaction> history = h.realStore.latestInteractions(key, 10);
        assertThat(history).as("history of %s", called).hasSize(1);
        return history.get(0).callerId();
    }

    @Test
    void selector_localPresence_chosenCallerIdReachesTheRequestAndTheHistory() {
        PhoneNumber to212 = PhoneNumber.ofE164("+12125550147");
        PhoneNumber to530 = PhoneNumber.ofE164("+15305550147");
        PhoneNumber to312 = PhoneNumber.ofE164("+13125550147");
        h.add(h.draft("a", 2125550147L).build(), h.draft("b", 5305550147L).build(), h.draft("c", 3125550147L).build());
        h.callerIds = CallerIdSelector.newBuilder(DidPool.of(DEFAULT, List.of(Did.of(DID_916), Did.of(DID_212))))
                .strategy(CallerIdStrategy.localPresence()).build();
        // 212: the DID with its area code; 530: the Pacific DID (916); 312 (Central): the default.
        Map<PhoneNumber, PhoneNumber> expected = Map.of(to212, DID_212, to530, DID_916, to312, DEFAULT);

        dialAll(3);

        assertThat(phone.requests).hasSize(3);
        for (CallRequest r : phone.requests) {
            assertThat(r.callerId()).as("caller id calling %s", r.number()).contains(expected.get(r.number()));
            assertThat(historyCallerId(r.number())).as("history of %s", r.number()).contains(expected.get(r.number()));
        }
    }

    @Test
    void selector_roundRobinWithCap_thirdCallInTheHourGetsTheDefault() {
        h.add(h.draft("a", 2125550147L).build(), h.draft("b", 2125550148L).build(), h.draft("c", 2125550149L).build());
        h.callerIds = CallerIdSelector.newBuilder(DidPool.of(DEFAULT, List.of(Did.of(DID_916), Did.of(DID_212))))
                .maxPerHour(1).build();

        dialAll(3);

        assertThat(phone.requests).extracting(CallRequest::callerId)
                .containsExactly(Optional.of(DID_916), Optional.of(DID_212), Optional.of(DEFAULT));
    }

    @Test
    void noSelector_theSettingsFixedCallerIdOnEveryCall() {
        h.settings = EngineSettings.newBuilder().mode(DialMode.PROGRESSIVE).callerId(DID_212).build();
        PhoneNumber to530 = PhoneNumber.ofE164("+15305550147");
        h.add(h.draft("a", 5305550147L).build());

        dialAll(1);

        assertThat(phone.requests).singleElement().satisfies(r -> assertThat(r.callerId()).contains(DID_212));
        assertThat(historyCallerId(to530)).contains(DID_212);
    }

    @Test
    void selectorAndFixedCallerIdTogether_refusedAtBuild() {
        h.settings = EngineSettings.newBuilder().callerId(DID_212).build();
        h.callerIds = CallerIdSelector.newBuilder(DidPool.of(DEFAULT, List.of())).build();
        assertThatThrownBy(h::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("callerIds").hasMessageContaining("+12125550104");
    }
}
