package dev.outbound.examples.programs;

import dev.outbound.core.compliance.CallingPolicy;
import dev.outbound.core.dnc.DncEntry;
import dev.outbound.core.dnc.DncList;
import dev.outbound.core.dnc.DncRegistry;
import dev.outbound.core.lifecycle.DialCheck;
import dev.outbound.core.lifecycle.DialingRules;
import dev.outbound.core.lifecycle.Lifecycle;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.DialProgress;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.core.schedule.WeeklySchedule;
import dev.outbound.core.zone.ZoneResolver;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Why is this record not being dialled? {@link Lifecycle#explain} answers for one record at one
 * instant: every reason with its evidence (the Do-Not-Call entry, the calling window and the local
 * time, the attempts made), the number it would call, and when it next will be dialable, if time
 * alone can make it so. Five records show the common answers: dialable now; outside its calling
 * hours in Los Angeles; on the Do-Not-Call list; out of attempts; scheduled for later.
 *
 * <p>Run it from the repository root, after {@code mvn -B -q -DskipTests package}, optionally
 * with the instant to check at (default: Monday 2 March 2026, 9:00 in New York):
 * <pre>{@code java -cp examples/target/outbound.jar dev.outbound.examples.programs.ExplainRecord 2026-03-02T14:00:00Z}</pre>
 */
public final class ExplainRecord {
    /** Monday 2 March 2026: 9:00 in New York, 6:00 in Los Angeles. */
    static final Instant DEFAULT_AT = Instant.parse("2026-03-02T14:00:00Z");

    private ExplainRecord() {}

    /**
     * Explains the five records at an instant.
     *
     * @param args the instant, such as {@code 2026-03-02T14:00:00Z}; none for the default
     */
    public static void main(String[] args) {
        Instant at = args.length > 0 ? Instant.parse(args[0]) : DEFAULT_AT;
        for (DialCheck check : explain(at)) {
            System.out.println(check.describe());
            System.out.println();
        }
    }

    /**
     * @param at the instant to check at
     * @return the check of each of the five records, in order
     */
    static List<DialCheck> explain(Instant at) {
        CampaignId campaign = CampaignId.of("renewals");
        // The records are made (and so first dialable) at the instant checked.
        RecordFactory records = RecordFactory.newBuilder(campaign).defaultRegion("US").clock(Clock.fixed(at, ZoneOffset.UTC))
                .zoneResolver(ZoneResolver.newBuilder().defaultZone(ZoneId.of("America/New_York")).build()).build();

        // The campaign: US federal calling hours (8:00 to 21:00 local time), one Do-Not-Call list,
        // and at most two repeat attempts after the first call.
        DncList doNotCall = DncList.newBuilder("internal")
                .add(DncEntry.number(PhoneNumber.ofE164("+12125550103"))).build();
        CallingPolicy policy = CallingPolicy.newBuilder().hours(WeeklySchedule.usFederal())
                .doNotCall(DncRegistry.newBuilder().campaign(doNotCall).build()).build();
        Lifecycle lifecycle = Lifecycle.of(DialingRules.newBuilder().policy(policy).maxRepeatAttempts(2).build());

        List<Record> five = new ArrayList<>();
        five.add(records.newRecord("C-1-new-york").phone(PhoneField.MOBILE, "+12125550101").build());
        five.add(records.newRecord("C-2-los-angeles").phone(PhoneField.MOBILE, "+13105550102")
                .timeZone("America/Los_Angeles").build());
        five.add(records.newRecord("C-3-do-not-call").phone(PhoneField.MOBILE, "+12125550103").build());
        // Called three times already (the first call and two repeat attempts), its one number tried this round.
        five.add(records.newRecord("C-4-out-of-attempts").phone(PhoneField.MOBILE, "+12125550104").build()
                .withProgress(DialProgress.NONE.withRepeatAttempts(2).withTriedThisRound(Set.of(PhoneField.MOBILE))));
        five.add(records.newRecord("C-5-scheduled").phone(PhoneField.MOBILE, "+12125550105")
                .scheduledFor(Instant.parse("2026-03-02T19:30:00Z")).build());

        List<DialCheck> checks = new ArrayList<>();
        for (Record r : five) {
            checks.add(lifecycle.explain(r, at));
        }
        return checks;
    }
}
