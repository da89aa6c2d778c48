package dev.outbound.spi.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.compliance.CallingPolicy;
import dev.outbound.core.lifecycle.DialingRules;
import dev.outbound.core.lifecycle.Disposition;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.core.schedule.WeeklySchedule;
import dev.outbound.core.zone.ZoneResolver;
import dev.outbound.pacing.engine.CallSummary;
import dev.outbound.pacing.engine.DialMode;
import dev.outbound.pacing.engine.DialerEngine;
import dev.outbound.pacing.engine.EngineListener;
import dev.outbound.pacing.engine.EngineSettings;
import dev.outbound.spi.directory.Agent;
import dev.outbound.spi.memory.InMemoryAgentRouting;
import dev.outbound.spi.memory.InMemoryRecordStore;
import dev.outbound.spi.sip.sipp.Sipp;
import dev.outbound.spi.store.UpsertMode;
import dev.outbound.spi.telephony.CallId;
import dev.outbound.spi.time.RealTimeScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The dialer engine runs a short progressive campaign in real time over the SIP binding, SIPp
 * answering every call, taking the transfer to the agent and releasing the leg.
 */
class SipEngineEndToEndTest {
    private static final CampaignId CAMPAIGN = CampaignId.of("sip-e2e");

    @Test
    void progressiveCampaignOverSip_everyCallGetsExactlyOneOutcome() throws Exception {
        Sipp.assumeInstalled();
        int leads = 6;
        try (Sipp far = Sipp.uas("refer.xml", SipTransport.UDP, leads);
                RealTimeScheduler scheduler = RealTimeScheduler.create();
                SipTelephony sip = SipTelephony.newBuilder().trunk("127.0.0.1", far.port()).build()) {
            RecordFactory factory = RecordFactory.newBuilder(CAMPAIGN).defaultRegion("US")
                    .zoneResolver(ZoneResolver.newBuilder().defaultZone(java.time.ZoneId.of("America/New_York")).build())
                    .clock(scheduler.clock()).build();
            InMemoryRecordStore store = InMemoryRecordStore.create();
            List<Record> records = new ArrayList<>();
            for (int i = 0; i < leads; i++) {
                records.add(factory.newRecord("L" + i).phone(PhoneField.MOBILE, "+1212200000" + i).build());
            }
            store.upsert(records, UpsertMode.KEEP_EXISTING, scheduler.clock().instant());

            List<CallId> placed = new CopyOnWriteArrayList<>();
            Map<CallId, List<CallSummary>> outcomes = new ConcurrentHashMap<>();
            List<RuntimeException> errors = new CopyOnWriteArrayList<>();
            DialerEngine[] engine = new DialerEngine[1];
            EngineListener listener = new EngineListener() {
                @Override
                public void onPlaced(CallId call, Record record, Instant at) {
                    placed.add(call);
                }

                @Override
                public void onWrapUp(CallId call, AgentEmail agent, Record record, Instant at) {
                    scheduler.schedule(at, () -> engine[0].dispose(agent, Disposition.of(scheduler.clock().instant(), agent)));
                }

                @Override
                public void onOutcome(CallSummary summary) {
                    outcomes.computeIfAbsent(summary.call(), k -> new CopyOnWriteArrayList<>()).add(summary);
                }

                @Override
                public void onError(RuntimeException error) {
                    errors.add(error);
                }
            };
            DialingRules rules = DialingRules.newBuilder()
                    .policy(CallingPolicy.newBuilder().hours(WeeklySchedule.always()).build()).build();
            engine[0] = DialerEngine.newBuilder(CAMPAIGN).rules(rules).recordStore(store).telephony(sip)
                    .agentRouting(InMemoryAgentRouting.create()).scheduler(scheduler)
                    .settings(EngineSettings.newBuilder().mode(DialMode.PROGRESSIVE)
                            .pacingInterval(Duration.ofMillis(200)).build())
                    .listener(listener).build();
            for (int a = 1; a <= 2; a++) {
                engine[0].logIn(Agent.of(AgentEmail.of("agent" + a + "@example.com"), "Agent " + a)
                        .withEndpoint("sip:agent" + a + "@127.0.0.1:5099"));
            }
            engine[0].start();
            SipTelephonySippTest.await(() -> outcomes.size() >= leads, Duration.ofSeconds(40),
                    "an outcome for each of " + leads + " leads; so far " + outcomes.size());
            Thread.sleep(300);
            engine[0].stop();

            assertThat(errors).isEmpty();
            assertThat(placed).hasSize(leads).doesNotHaveDuplicates();
            assertThat(outcomes.keySet()).containsExactlyInAnyOrderElementsOf(placed);
            assertThat(outcomes.values()).allSatisfy(list -> assertThat(list).hasSize(1));
            assertThat(engine[0].counts().connected()).isEqualTo(leads);
            assertThat(far.awaitExit(Duration.ofSeconds(10))).as("sipp: every call ran its scenario").isZero();
        }
    }
}
