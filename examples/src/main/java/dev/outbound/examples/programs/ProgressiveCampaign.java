package dev.outbound.examples.programs;

import dev.outbound.core.lifecycle.DialingRules;
import dev.outbound.core.lifecycle.Disposition;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.core.zone.ZoneResolver;
import dev.outbound.pacing.engine.CallSummary;
import dev.outbound.pacing.engine.DialMode;
import dev.outbound.pacing.engine.DialerEngine;
import dev.outbound.pacing.engine.EngineListener;
import dev.outbound.pacing.engine.EngineSettings;
import dev.outbound.spi.directory.Agent;
import dev.outbound.spi.memory.InMemoryAgentRouting;
import dev.outbound.spi.memory.InMemoryRecordStore;
import dev.outbound.spi.simulation.CallProfile;
import dev.outbound.spi.simulation.SimulatedTelephony;
import dev.outbound.spi.store.RecordStore;
import dev.outbound.spi.store.UpsertMode;
import dev.outbound.spi.telephony.CallId;
import dev.outbound.spi.telephony.Telephony;
import dev.outbound.spi.time.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A progressive campaign, end to end, with nothing but the SDK: twelve leads in the in-memory
 * record store, simulated customers answering (or not) on virtual time, three agents who take
 * every answered call and save it twenty seconds later. Prints each call's outcome, then the counts.
 * Virtual time makes the run take milliseconds and print the same thing every time.
 *
 * <p>Run it from the repository root, after {@code mvn -B -q -DskipTests package}:
 * <pre>{@code java -cp examples/target/outbound.jar dev.outbound.examples.programs.ProgressiveCampaign}</pre>
 */
public final class ProgressiveCampaign {
    /** Monday 2 March 2026, 9:00 in New York: inside the default calling hours (8:00 to 21:00). */
    static final Instant START = Instant.parse("2026-03-02T14:00:00Z");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final CampaignId CAMPAIGN = CampaignId.of("spring-renewals");
    private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private ProgressiveCampaign() {}

    /**
     * Runs the campaign and prints what happened.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run().lines().forEach(System.out::println);
    }

    /**
     * What a run did.
     *
     * @param lines what it prints: one line per call, then the counts
     * @param calls every call's summary, in the order the calls ended
     * @param counts the engine's counts
     * @param errors what the engine reported through {@code onError}; empty in a good run
     */
    record Result(List<String> lines, List<CallSummary> calls, DialerEngine.Counts counts, List<String> errors) {
    }

    /** The campaign with simulated customers (seed 42) in the in-memory store, as {@link #main} runs it. */
    static Result run() {
        return run(12, 3, time -> SimulatedTelephony.newBuilder(time).seed(42).profile(CallProfile.typical()).build(),
                store -> store);
    }

    /**
     * Runs the campaign on a telephony and a record store of the caller's choosing: {@link OwnTelephony}
     * and {@link OwnRecordStore} plug theirs in here.
     *
     * @param leads how many leads to dial
     * @param agents how many agents take the calls
     * @param telephonyOn makes the telephony, given the virtual time it must schedule its events on
     * @param storeAround wraps the in-memory record store, or returns it as it is
     * @return what the run did
     */
    static Result run(int leads, int agents, Function<VirtualTime, Telephony> telephonyOn,
            UnaryOperator<RecordStore> storeAround) {
        VirtualTime time = VirtualTime.startingAt(START);

        // 1. The leads: numbers in New York, each called once (no repeat attempt) to keep the run short.
        RecordFactory factory = RecordFactory.newBuilder(CAMPAIGN).defaultRegion("US").clock(time.clock())
                .zoneResolver(ZoneResolver.newBuilder().defaultZone(NEW_YORK).build()).build();
        List<Record> records = new ArrayList<>();
        for (int i = 1; i <= leads; i++) {
            records.add(factory.newRecord(String.format("L-%02d", i))
                    .phone(PhoneField.MOBILE, String.format("+1212555%04d", 100 + i)).build());
        }
        RecordStore store = storeAround.apply(InMemoryRecordStore.create());
        store.upsert(records, UpsertMode.KEEP_EXISTING, time.now());
        DialingRules rules = DialingRules.newBuilder().maxRepeatAttempts(0).build();

        // 2. The engine, listening for each call's outcome; agents save a call 20 s after it ends.
        List<CallSummary> calls = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        DialerEngine[] engine = new DialerEngine[1];
        EngineListener listener = new EngineListener() {
            @Override
            public void onWrapUp(CallId call, AgentEmail agent, Record record, Instant at) {
                time.schedule(at.plusSeconds(20), () -> engine[0].dispose(agent, Disposition.of(time.now(), agent)));
            }

            @Override
            public void onOutcome(CallSummary summary) {
                calls.add(summary);
            }

            @Override
            public void onError(RuntimeException error) {
                errors.add(error.toString());
            }
        };
        try (Telephony telephony = telephonyOn.apply(time)) {
            engine[0] = DialerEngine.newBuilder(CAMPAIGN).rules(rules).recordStore(store).telephony(telephony)
                    .agentRouting(InMemoryAgentRouting.create()).scheduler(time)
                    .settings(EngineSettings.newBuilder().mode(DialMode.PROGRESSIVE).build())
                    .listener(listener).build();
            for (int i = 1; i <= agents; i++) {
                engine[0].logIn(Agent.of(AgentEmail.of("agent" + i + "@example.com"), "Agent " + i));
            }

            // 3. Dial until every lead has an outcome (an hour at most), then stop and let calls end.
            engine[0].start();
            time.advanceUntil(() -> calls.size() >= leads, START.plus(Duration.ofHours(1)));
            engine[0].stop();
            time.advanceBy(Duration.ofMinutes(10));
        }
        return new Result(print(calls, engine[0].counts()), List.copyOf(calls), engine[0].counts(),
                List.copyOf(errors));
    }

    /** One line per call in the order placed (New York time, lead, number, result, agent), then the counts. */
    static List<String> print(List<CallSummary> calls, DialerEngine.Counts counts) {
        List<String> lines = new ArrayList<>();
        Map<String, Integer> byResult = new TreeMap<>();
        List<CallSummary> byPlacing = new ArrayList<>(calls);
        byPlacing.sort(Comparator.comparing(CallSummary::placedAt).thenComparing(CallSummary::record));
        for (CallSummary c : byPlacing) {
            String result = c.result().map(r -> r.name().toLowerCase(Locale.ROOT).replace('_', ' ')).orElse("withdrawn");
            byResult.merge(result, 1, Integer::sum);
            lines.add(String.format(Locale.ROOT, "%s  %-5s %s  %-17s %s",
                    LocalTime.ofInstant(c.placedAt(), NEW_YORK).truncatedTo(ChronoUnit.SECONDS).format(HH_MM_SS),
                    c.record().ref().value(), c.number().e164(), result,
                    c.agent().map(AgentEmail::value).orElse("")));
        }
        lines.add(String.format(Locale.ROOT, "calls placed %d, outcomes %d, connected %d, abandoned %d",
                counts.placed(), counts.outcomes(), counts.connected(), counts.abandoned()));
        byResult.forEach((result, n) -> lines.add(String.format(Locale.ROOT, "  %-17s %d", result, n)));
        return lines;
    }
}
