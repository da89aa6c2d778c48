package dev.outbound.examples;

import dev.outbound.core.compliance.CallVerdict;
import dev.outbound.core.compliance.CallingPolicy;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.core.schedule.RegionRuleSet;
import java.time.Instant;

/** The five-line example at the top of README.md, kept here so that it always compiles and runs. */
public final class ReadmeExample {
    private ReadmeExample() {}

    /**
     * Makes one record and asks whether its mobile number may be called now.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println(verdict(Instant.now()));
    }

    static CallVerdict verdict(Instant now) {
        // --- README example starts ---
        RecordFactory records = RecordFactory.newBuilder(CampaignId.of("renewals")).defaultRegion("US").build();
        CallingPolicy policy = CallingPolicy.newBuilder().regionRules(RegionRuleSet.usStateExamples()).build();
        Record r = records.newRecord("C-1001").phone(PhoneField.MOBILE, "(530) 555-0147").field("state", "CA").build();
        CallVerdict v = policy.check(r, r.phones().get(0), now);
        System.out.println(v.isAllowed() ? "call now" : v);
        // --- README example ends ---
        return v;
    }
}
