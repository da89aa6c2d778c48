package dev.outbound.benchmarks;

import dev.outbound.core.compliance.CallVerdict;
import dev.outbound.core.compliance.CallingPolicy;
import dev.outbound.core.dnc.DncEntry;
import dev.outbound.core.dnc.DncList;
import dev.outbound.core.dnc.DncRegistry;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordDraft;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.core.record.RecordPhone;
import dev.outbound.core.schedule.RegionRuleSet;
import dev.outbound.core.schedule.WeeklySchedule;
import dev.outbound.core.zone.ZoneResolver;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Compliance verdicts for one million in-memory records, against a bare loop that only reads the
 * records (the baseline). Records are North American numbers across many area codes and zones,
 * some with explicit zones, some in states with stricter rules, 5% on a Do-Not-Call list of one
 * million entries (or, with {@code dncEntries=0}, no list), with work numbers under narrower hours. Numbers were parsed and zones resolved
 * when the records were made; a verdict never parses.
 *
 * <p>{@code at=day} is 20:00 UTC on a Tuesday (mostly allowed); {@code at=night} is 03:30 UTC
 * (mostly refused, so the earliest allowed instant is searched for every refusal).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class VerdictBenchmark {
    static final int RECORDS = 1_000_000;

    private static final String[] AREA_CODES = {
        "201", "202", "205", "206", "208", "212", "213", "215", "303", "305", "312", "404", "415", "503", "512",
        "530", "602", "615", "617", "702", "713", "808", "907", "954", "971", "210", "214", "239", "321", "352"
    };
    private static final String[] STATES = {"CA", "NY", "FL", "TX", "WA", "IL", "GA", "OR", "AZ", "MD"};

    @Param({"day", "night"})
    public String at;

    /** Entries on the national Do-Not-Call list: one million, or none (to show what the list costs). */
    @Param({"1000000", "0"})
    public int dncEntries;

    private Record[] records;
    private RecordPhone[] phones;
    private CallingPolicy policy;
    private Instant instant;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        Clock clock = Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC);
        RecordFactory factory = RecordFactory.newBuilder(CampaignId.of("bench"))
                .defaultRegion("US")
                .zoneResolver(ZoneResolver.newBuilder().defaultZone(ZoneId.of("America/New_York")).build())
                .clock(clock)
                .build();
        records = new Record[RECORDS];
        phones = new RecordPhone[RECORDS];
        DncList.Builder dnc = DncList.newBuilder("national");
        for (int i = 0; i < RECORDS; i++) {
            String number = AREA_CODES[random.nextInt(AREA_CODES.length)] + (200 + random.nextInt(800))
                    + String.format("%04d", random.nextInt(10_000));
            PhoneField field = random.nextInt(4) == 0 ? PhoneField.WORK : PhoneField.MOBILE;
            RecordDraft draft = factory.newRecord("C-" + i).phone(field, number)
                    .field("state", STATES[random.nextInt(STATES.length)]);
            if (random.nextInt(5) == 0) {
                draft.timeZone(random.nextBoolean() ? "America/Chicago" : "US/Pacific");
            }
            Record r = draft.build();
            records[i] = r;
            phones[i] = r.phones().get(0);
            if (dncEntries > 0 && random.nextInt(20) == 0) {
                dnc.add(DncEntry.number(phones[i].number()));
            }
        }
        // Fill the list to one million entries with numbers no record has.
        List<String> extra = new ArrayList<>();
        while (dncEntries > 0 && extra.size() < dncEntries - RECORDS / 20) {
            extra.add("+1617" + (200 + random.nextInt(800)) + String.format("%04d", random.nextInt(10_000)));
        }
        for (String e164 : extra) {
            dnc.add(DncEntry.number(dev.outbound.core.phone.PhoneNumber.ofE164(e164)));
        }
        policy = CallingPolicy.newBuilder()
                .fieldHours(PhoneField.WORK, WeeklySchedule.parse("Mon-Fri 09:00-17:00"))
                .regionRules(RegionRuleSet.usStateExamples())
                .doNotCall(DncRegistry.newBuilder().global(dnc.build()).build())
                .build();
        instant = at.equals("day") ? Instant.parse("2026-11-24T20:00:00Z") : Instant.parse("2026-11-25T03:30:00Z");
    }

    /** Reads each record's number and zones: the cost of touching a million records at all. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void baselineReadRecords(Blackhole bh) {
        for (int i = 0; i < RECORDS; i++) {
            Record r = records[i];
            RecordPhone p = phones[i];
            bh.consume(p.number().digits());
            bh.consume(p.zones());
            bh.consume(r.fieldText());
        }
    }

    /** One full verdict per record, with the earliest allowed instant for every refusal. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void verdicts(Blackhole bh) {
        for (int i = 0; i < RECORDS; i++) {
            CallVerdict v = policy.check(records[i], phones[i], instant);
            bh.consume(v);
        }
    }
}
