package dev.outbound.examples.programs;

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
import dev.outbound.spi.sip.SipTelephony;
import dev.outbound.spi.store.UpsertMode;
import dev.outbound.spi.telephony.CallId;
import dev.outbound.spi.time.RealTimeScheduler;
import java.time.Duration;
import java.time.ZoneId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Dial for real: the same engine as {@link ProgressiveCampaign}, on the SIP binding
 * ({@link SipTelephony}) and real time. Every INVITE goes to the PBX or trunk given; an answered
 * call is transferred (REFER) to the agent's SIP URI, and the agent is free again when the
 * transferred leg ends. Calls respect US federal calling hours (8:00 to 21:00 local time; numbers
 * whose zone is unknown are taken to be in New York), so outside them nothing is dialled.
 *
 * <p>Run it from the repository root, after {@code mvn -B -q -DskipTests package}, with the PBX,
 * the local address it can reach us at, the agent, and the numbers to call:
 * <pre>{@code java -cp examples/target/outbound.jar dev.outbound.examples.programs.SipToPbx \
 *     pbx.example.com:5060 192.0.2.10 sip:ann@pbx.example.com +12125550147 +12125550148}</pre>
 */
public final class SipToPbx {
    private SipToPbx() {}

    /**
     * Dials the numbers and prints each call's outcome.
     *
     * @param args {@code HOST:PORT} of the PBX, the local address, the agent's SIP URI, the numbers
     * @throws InterruptedException when interrupted while waiting for the calls
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length < 4 || !args[0].matches("[^:]+:\\d{1,5}")) {
            System.err.println("usage: SipToPbx PBX_HOST:PORT LOCAL_ADDRESS AGENT_SIP_URI NUMBER...");
            System.exit(2);
        }
        String[] pbx = args[0].split(":");
        List<String> numbers = Arrays.asList(args).subList(3, args.length);
        run(pbx[0], Integer.parseInt(pbx[1]), args[1], args[2], numbers, WeeklySchedule.usFederal())
                .forEach(System.out::println);
    }

    /**
     * Dials each number once, through the PBX, with one agent.
     *
     * @param pbxHost the PBX or trunk every INVITE goes to
     * @param pbxPort its port (UDP)
     * @param localAddress the local address SIP listens on, one the PBX can reach
     * @param agentUri where answered calls are transferred
     * @param numbers the numbers to call
     * @param hours the calling hours, in each number's local time
     * @return one line per call, then the counts
     * @throws InterruptedException when interrupted while waiting for the calls
     */
    static List<String> run(String pbxHost, int pbxPort, String localAddress, String agentUri, List<String> numbers,
            WeeklySchedule hours) throws InterruptedException {
        CampaignId campaign = CampaignId.of("sip-example");
        RecordFactory factory = RecordFactory.newBuilder(campaign).defaultRegion("US")
                .zoneResolver(ZoneResolver.newBuilder().defaultZone(ZoneId.of("America/New_York")).build()).build();
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            records.add(factory.newRecord("sip-" + (i + 1)).phone(PhoneField.MOBILE, numbers.get(i)).build());
        }
        InMemoryRecordStore store = InMemoryRecordStore.create();
        store.upsert(records, UpsertMode.KEEP_EXISTING, Instant.now());
        DialingRules rules = DialingRules.newBuilder().policy(CallingPolicy.newBuilder().hours(hours).build())
                .maxRepeatAttempts(0).build();

        List<String> lines = new CopyOnWriteArrayList<>();
        List<CallSummary> calls = new CopyOnWriteArrayList<>();
        try (RealTimeScheduler scheduler = RealTimeScheduler.create();
                SipTelephony sip = SipTelephony.newBuilder().trunk(pbxHost, pbxPort).local(localAddress, 0).build()) {
            DialerEngine[] engine = new DialerEngine[1];
            EngineListener listener = new EngineListener() {
                @Override
                public void onWrapUp(CallId call, AgentEmail agent, Record record, Instant at) {
                    // The agent saves at once, with no wrap code: the record is done.
                    scheduler.schedule(at, () -> engine[0].dispose(agent, Disposition.of(at, agent)));
                }

                @Override
                public void onOutcome(CallSummary summary) {
                    calls.add(summary);
                    lines.add(String.format(Locale.ROOT, "%s %s  %s", summary.record().ref(), summary.number().e164(),
                            summary.result().map(Enum::name).orElse("WITHDRAWN")));
                }

                @Override
                public void onError(RuntimeException error) {
                    lines.add("error: " + error);
                }
            };
            engine[0] = DialerEngine.newBuilder(campaign).rules(rules).recordStore(store).telephony(sip)
                    .agentRouting(InMemoryAgentRouting.create()).scheduler(scheduler)
                    .settings(EngineSettings.newBuilder().mode(DialMode.PROGRESSIVE).build())
                    .listener(listener).build();
            AgentEmail ann = AgentEmail.of("ann@example.com");
            engine[0].logIn(Agent.of(ann, "Ann").withEndpoint(agentUri));
            engine[0].start();
            // Wait for every number's outcome, a minute at most.
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (calls.size() < records.size() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            engine[0].stop();
            engine[0].logOut(ann);
            DialerEngine.Counts counts = engine[0].counts();
            lines.add(String.format(Locale.ROOT, "dialled %d of %d numbers over sip:%s:%d: %d answered, %d connected",
                    counts.placed(), records.size(), pbxHost, pbxPort, counts.liveAnswers(), counts.connected()));
        }
        return List.copyOf(lines);
    }
}
