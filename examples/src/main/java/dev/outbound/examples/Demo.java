package dev.outbound.examples;

import dev.outbound.core.compliance.CallVerdict;
import dev.outbound.core.compliance.CallingPolicy;
import dev.outbound.core.compliance.Refusal;
import dev.outbound.core.dnc.DncEntry;
import dev.outbound.core.dnc.DncList;
import dev.outbound.core.dnc.DncRegistry;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordDraft;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.core.record.RecordPhone;
import dev.outbound.core.record.RecordProblem;
import dev.outbound.core.schedule.RegionRuleSet;
import dev.outbound.core.schedule.WeeklySchedule;
import dev.outbound.core.zone.ZoneResolver;
import dev.outbound.core.zone.ZoneRule;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo: makes a handful of records from several countries the way an import would (one row
 * is bad and is reported, not thrown), then asks for each number whether it may be called now,
 * printing every reason and the earliest allowed time when it may not. Until the campaign
 * simulator arrives this is the whole story the core can tell: who may be called, on which
 * number, and when.
 */
public final class Demo {
    /** The demo's "now": a Tuesday, 18:30 UTC (13:30 in New York, 10:30 in Los Angeles). */
    static final Instant NOW = Instant.parse("2026-11-24T18:30:00Z");

    private Demo() {}

    /**
     * Runs the demo.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static void run(PrintStream out, Clock clock) {
        RecordFactory records = RecordFactory.newBuilder(CampaignId.of("winter-renewals"))
                .defaultRegion("US")
                .zoneResolver(ZoneResolver.newBuilder()
                        .rules(List.of(ZoneRule.parse("state = FL -> America/New_York")))
                        .build())
                .clock(clock)
                .build();
        DncList national = DncList.newBuilder("national registry")
                .add(DncEntry.number(PhoneNumber.parse("(212) 555-0199", "US")).withSource("national registry"))
                .build();
        CallingPolicy policy = CallingPolicy.newBuilder()
                .fieldHours(PhoneField.WORK, WeeklySchedule.parse("Mon-Fri 09:00-17:00"))
                .regionRules(RegionRuleSet.usStateExamples())
                .doNotCall(DncRegistry.newBuilder().global(national).build())
                .build();

        List<RecordDraft> rows = List.of(
                records.newRecord("C-1001").phone(PhoneField.MOBILE, "(530) 555-0147").field("state", "CA"),
                records.newRecord("C-1002").phone(PhoneField.HOME, "(305) 555-0112").field("state", "FL")
                        .agent("Ann.Lee@example.com"),
                records.newRecord("C-1003").phone(PhoneField.WORK, "+44 (0)151 496 0071").regionHint("GB"),
                records.newRecord("C-1004").phone(PhoneField.MOBILE, "0412 345 678").regionHint("AU")
                        .timeZone("Australia/Sydney"),
                records.newRecord("C-1005").phone(PhoneField.MOBILE, "(212) 555-0199")
                        .phone(PhoneField.WORK, "555-01"),
                records.newRecord("C-1006").phone(PhoneField.MOBILE, "call me maybe").agent("not-an-email"));

        out.println("Outbound demo: campaign winter-renewals, now = " + clock.instant());
        out.println();
        out.println("Records made from " + rows.size() + " rows:");
        List<Record> made = new ArrayList<>();
        for (RecordDraft row : rows) {
            RecordDraft.Outcome outcome = row.check();
            if (outcome instanceof RecordDraft.Outcome.Accepted accepted) {
                made.add(accepted.record());
                out.println("  accepted " + accepted.record().ref());
                for (RecordProblem w : accepted.warnings()) {
                    out.println("      warning: " + w.message());
                }
            } else {
                RecordDraft.Outcome.Rejected rejected = (RecordDraft.Outcome.Rejected) outcome;
                out.println("  rejected " + rejected.ref());
                for (RecordProblem p : rejected.problems()) {
                    out.println("      " + p.message());
                }
            }
        }
        out.println();
        out.println("May each number be called now?");
        for (Record r : made) {
            for (RecordPhone phone : r.phones()) {
                out.println("  " + r.ref() + " " + phone.field() + " " + phone.number().toInternationalFormat());
                out.println("      zones: " + phone.zones().describe());
                CallVerdict v = policy.check(r, phone, clock.instant());
                if (v instanceof CallVerdict.Refused refused) {
                    for (Refusal reason : refused.reasons()) {
                        out.println("      NO: " + reason.describe());
                    }
                    out.println("      earliest: " + refused.earliest().map(Instant::toString)
                            .orElse("not until the data changes"));
                } else {
                    out.println("      YES");
                }
            }
        }
    }
}
