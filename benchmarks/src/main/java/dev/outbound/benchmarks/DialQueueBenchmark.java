package dev.outbound.benchmarks;

import dev.outbound.core.compliance.CallVerdict;
import dev.outbound.core.compliance.CallingPolicy;
import dev.outbound.core.lifecycle.CampaignLists;
import dev.outbound.core.lifecycle.DialGate;
import dev.outbound.core.lifecycle.DialingRules;
import dev.outbound.core.lifecycle.Lifecycle;
import dev.outbound.core.lifecycle.DialQueue;
import dev.outbound.core.lifecycle.LoadClass;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.Callback;
import dev.outbound.core.record.CallbackPreference;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.ListId;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordDraft;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.core.record.RecordStatus;
import dev.outbound.core.schedule.RegionRuleSet;
import dev.outbound.core.schedule.WeeklySchedule;
import dev.outbound.core.zone.ZoneResolver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Selecting the next record to dial among one million, then offering it back: the steady state
 * of a dialer that takes a record, calls it and returns it when the call is over.
 *
 * <p>The records are North American numbers across 30 area codes and their zones, on four lists
 * weighted 70, 30 and 100 with a fourth list switched off (5% of the records). 70% are not
 * assigned, 13% rescheduled by the dialer, 4% callbacks for anyone, 2% callbacks preferring one
 * of 20 agents, 2% call-immediately, 2% ready with a user, and 5% inactive (not held); priorities
 * 0 to 3. 85% were due over the past three days; 15% come due over the next six hours.
 *
 * <p>Each operation is one selection at a virtual clock that advances 1 ms per selection (every
 * eighth selection for one of the 20 agents, the others for any agent), and the offer of the
 * record selected {@code inCall} selections earlier (1,000 or 10,000): that many records are in
 * calls at any time. The record comes back unchanged, so it goes back near the top of its list:
 * every offer climbs a million-entry heap, and the records cycling through calls are the hot set.
 * <ul>
 * <li>{@code baselinePriorityQueue}: {@code poll} and {@code add} on a {@link PriorityQueue} of the
 *     same records (held ones of enabled lists) ordered by {@link LoadClass#order}, without time,
 *     agents, lists or gate.
 * <li>{@code dialQueueOpenGate}: {@link DialQueue#next} and {@link DialQueue#offer} with a gate that
 *     lets every record through.
 * <li>{@code dialQueueLifecycleGate}: the same with the campaign's {@link Lifecycle#gate()}, which
 *     checks status, list, attempts, caps and every number against the {@link CallingPolicy}:
 *     refused records wait until their window opens. The clock
 *     starts on a Tuesday at 15:00 UTC, before calling hours in the western zones.
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class DialQueueBenchmark {
    static final int RECORDS = 1_000_000;
    static final int BATCH = 1_000;
    static final CampaignId CAMPAIGN = CampaignId.of("bench");
    static final Instant START = Instant.parse("2026-11-24T15:00:00Z");
    static final Duration TIMEOUT = Duration.ofMinutes(15);

    private static final String[] AREA_CODES = {
        "201", "202", "205", "206", "208", "212", "213", "215", "303", "305", "312", "404", "415", "503", "512",
        "530", "602", "615", "617", "702", "713", "808", "907", "954", "971", "210", "214", "239", "321", "352"
    };
    private static final String[] STATES = {"CA", "NY", "FL", "TX", "WA", "IL", "GA", "OR", "AZ", "MD"};
    static final ListId[] LISTS = {ListId.of("spring"), ListId.of("summer"), ListId.of("autumn"), ListId.of("winter")};

    /** The records and the campaign's settings, built once per fork. */
    @State(Scope.Benchmark)
    public static class Campaign {
        /**
         * Records in calls at any time: selected and not yet offered back. 1,000 is a large
         * predictive floor (300 agents at three calls each, plus wrap-up); 10,000 is far beyond,
         * to show what a hot set that no longer fits the caches costs.
         */
        @Param({"1000", "10000"})
        public int inCall;

        Record[] records;
        AgentEmail[] agents;
        CampaignLists lists;
        CallingPolicy policy;

        /** Builds the records. */
        @Setup(Level.Trial)
        public void setUp() {
            SplittableRandom random = new SplittableRandom(42);
            agents = new AgentEmail[20];
            for (int i = 0; i < agents.length; i++) {
                agents[i] = AgentEmail.of("agent" + i + "@example.com");
            }
            lists = CampaignLists.newBuilder().weighted(LISTS[0], 70).weighted(LISTS[1], 30).weighted(LISTS[2], 100)
                    .disabled(LISTS[3]).build();
            RecordFactory factory = RecordFactory.newBuilder(CAMPAIGN)
                    .defaultRegion("US")
                    .zoneResolver(ZoneResolver.newBuilder().defaultZone(ZoneId.of("America/New_York")).build())
                    .clock(Clock.fixed(START.minus(Duration.ofDays(10)), ZoneOffset.UTC))
                    .build();
            records = new Record[RECORDS];
            for (int i = 0; i < RECORDS; i++) {
                String number = AREA_CODES[random.nextInt(AREA_CODES.length)] + (200 + random.nextInt(800))
                        + String.format("%04d", random.nextInt(10_000));
                int l = random.nextInt(20);
                ListId list = l == 0 ? LISTS[3] : LISTS[l % 3];
                RecordDraft draft = factory.newRecord("C-" + i).phone(PhoneField.MOBILE, number)
                        .field("state", STATES[random.nextInt(STATES.length)])
                        .list(list)
                        .priority(random.nextInt(4));
                Record r = draft.build();
                Instant due = random.nextInt(100) < 85
                        ? START.minusSeconds(random.nextInt(3 * 24 * 3600))
                        : START.plusSeconds(random.nextInt(6 * 3600));
                int kind = random.nextInt(100);
                if (kind < 70) {
                    r = r.withNextDialableAt(due);
                } else if (kind < 83) {
                    r = r.withNextDialableAt(due).withStatus(RecordStatus.RESCHEDULED_BY_DIALER);
                } else if (kind < 87) {
                    r = r.withCallback(Callback.anyone(due)).withStatus(RecordStatus.RESCHEDULED_BY_AGENT);
                } else if (kind < 89) {
                    r = r.withCallback(Callback.forAgent(due, CallbackPreference.PREFER_AGENT,
                            agents[random.nextInt(agents.length)])).withStatus(RecordStatus.RESCHEDULED_BY_AGENT);
                } else if (kind < 91) {
                    r = r.withNextDialableAt(due).withStatus(RecordStatus.CALL_IMMEDIATELY);
                } else if (kind < 93) {
                    r = r.withNextDialableAt(due).withAgent(Optional.of(agents[random.nextInt(agents.length)]))
                            .withStatus(RecordStatus.READY);
                } else if (kind < 95) {
                    r = r.withNextDialableAt(due).withStatus(RecordStatus.PENDING);
                } else {
                    r = r.withNextDialableAt(due).withStatus(RecordStatus.INACTIVE);
                }
                records[i] = r;
            }
            policy = CallingPolicy.newBuilder()
                    .regionRules(RegionRuleSet.usStateExamples())
                    .build();
        }
    }

    /** The records selected and not yet offered back: a ring of {@code inCall} records. */
    abstract static class Loop {
        Record[] inCall;
        int slot;
        long op;
        Instant now = START;

        /** Keeps a selected record for {@code inCall} selections; returns the one it replaces, or null. */
        final Record swap(Record selected) {
            Record back = inCall[slot];
            inCall[slot] = selected;
            slot = slot + 1 == inCall.length ? 0 : slot + 1;
            return back;
        }
    }

    /** A {@link PriorityQueue} of the held records of enabled lists. */
    @State(Scope.Benchmark)
    public static class Baseline extends Loop {
        PriorityQueue<Record> queue;

        /** @param c the campaign */
        @Setup(Level.Trial)
        public void setUp(Campaign c) {
            inCall = new Record[c.inCall];
            List<Record> held = new ArrayList<>();
            for (Record r : c.records) {
                if (r.status().isDialable() && c.lists.isEnabled(r.list())) {
                    held.add(r);
                }
            }
            queue = new PriorityQueue<>(held.size(), LoadClass.order(START, TIMEOUT));
            queue.addAll(held);
        }
    }

    /** A dial queue with a gate. */
    public abstract static class QueueLoop extends Loop {
        DialQueue queue;
        AgentEmail[] agents;

        abstract DialGate gate(Campaign c);

        /** @param c the campaign */
        @Setup(Level.Trial)
        public void setUp(Campaign c) {
            inCall = new Record[c.inCall];
            agents = c.agents;
            queue = DialQueue.newBuilder(CAMPAIGN).lists(c.lists).contactTimeout(TIMEOUT).gate(gate(c)).build();
            for (Record r : c.records) {
                queue.offer(r);
            }
            // Records offered before the first selection wait for it to become due: make them due
            // here, so that the measurement sees the steady state.
            queue.next(START, Optional.empty()).ifPresent(queue::offer);
            queue.drainDropped();
        }
    }

    /** A dial queue whose gate lets every record through. */
    @State(Scope.Benchmark)
    public static class OpenQueue extends QueueLoop {
        @Override
        DialGate gate(Campaign c) {
            return DialGate.open();
        }
    }

    /**
     * A dial queue whose gate is the campaign's lifecycle: status, list, attempts, caps, quiet
     * period, and the calling policy's verdict on each number, as a dialer runs it.
     */
    @State(Scope.Benchmark)
    public static class LifecycleQueue extends QueueLoop {
        long allowed;
        long refused;
        long dropped;

        @Override
        DialGate gate(Campaign c) {
            DialGate lifecycle = Lifecycle.of(DialingRules.newBuilder().policy(c.policy).lists(c.lists)
                    .contactTimeout(TIMEOUT).build()).gate();
            return (record, at, context) -> {
                DialGate.Decision d = lifecycle.decide(record, at, context);
                if (d instanceof DialGate.Decision.Dial) {
                    allowed++;
                } else if (d instanceof DialGate.Decision.RetryAt) {
                    refused++;
                } else {
                    dropped++;
                }
                return d;
            };
        }

        /** Prints what the gate decided over the whole run, and where the virtual clock ended. */
        @TearDown(Level.Trial)
        public void report() {
            System.out.printf("%ngate: %,d allowed, %,d refused until later, %,d dropped; clock at %s; %,d records held%n",
                    allowed, refused, dropped, now, queue.size());
        }
    }

    /**
     * The baseline: poll the first record and add back the one polled {@code inCall} selections
     * earlier.
     *
     * @param s the queue
     * @return the last record polled
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Record baselinePriorityQueue(Baseline s) {
        Record r = null;
        for (int i = 0; i < BATCH; i++) {
            r = s.queue.poll();
            Record back = s.swap(r);
            if (back != null) {
                s.queue.add(back);
            }
        }
        return r;
    }

    /**
     * Select with an open gate and offer back.
     *
     * @param s the queue
     * @return the last record selected
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Record dialQueueOpenGate(OpenQueue s) {
        return run(s);
    }

    /**
     * Select with the campaign's lifecycle as gate and offer back.
     *
     * @param s the queue
     * @return the last record selected
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Record dialQueueLifecycleGate(LifecycleQueue s) {
        return run(s);
    }

    private static Record run(QueueLoop s) {
        Record last = null;
        for (int i = 0; i < BATCH; i++) {
            s.now = s.now.plusMillis(1);
            long op = s.op++;
            Optional<AgentEmail> agent = (op & 7) == 0 ? Optional.of(s.agents[(int) ((op >>> 3) % s.agents.length)])
                    : Optional.empty();
            Optional<Record> r = s.queue.next(s.now, agent);
            if (r.isPresent()) {
                last = r.get();
                Record back = s.swap(last);
                if (back != null) {
                    s.queue.offer(back);
                }
            }
        }
        s.queue.drainDropped();
        return last;
    }
}
