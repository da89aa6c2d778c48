package dev.outbound.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.compliance.Refusal;
import dev.outbound.core.lifecycle.DialCheck;
import dev.outbound.core.lifecycle.DialReason;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ExplainRecord} says why each of its five records is or is not dialled, and when it next will be. */
class ExplainRecordTest {
    /** 9:00 in New York, 6:00 in Los Angeles. */
    private static final Instant NINE_IN_NEW_YORK = Instant.parse("2026-03-02T14:00:00Z");

    private final List<DialCheck> checks = ExplainRecord.explain(NINE_IN_NEW_YORK);

    @Test
    void newYork_dialableNow_onItsMobile() {
        assertThat(checks.get(0).isDialable()).isTrue();
        assertThat(checks.get(0).number().orElseThrow().number().e164()).isEqualTo("+12125550101");
    }

    @Test
    void losAngeles_outsideItsHours_nextAtEightThere() {
        DialCheck la = checks.get(1);
        assertThat(la.reasons(DialReason.NumberRefused.class)).singleElement()
                .satisfies(r -> assertThat(r.verdict().reasons()).singleElement().isInstanceOf(Refusal.OutsideHours.class));
        // 8:00 in Los Angeles (PST, UTC-8, on 2 March) is 16:00 UTC.
        assertThat(la.next()).contains(Instant.parse("2026-03-02T16:00:00Z"));
        assertThat(la.describe()).contains("outside the campaign hours");
    }

    @Test
    void doNotCall_refused_notByTimeAlone() {
        DialCheck dnc = checks.get(2);
        assertThat(dnc.reasons(DialReason.NumberRefused.class)).singleElement()
                .satisfies(r -> assertThat(r.verdict().reasons()).singleElement().isInstanceOf(Refusal.DoNotCall.class));
        assertThat(dnc.next()).isEmpty();
        assertThat(dnc.describe()).contains("Do-Not-Call list 'internal'").endsWith("not dialable by time alone");
    }

    @Test
    void outOfAttempts_twoOfTwoRepeatAttemptsMade_notByTimeAlone() {
        DialCheck spent = checks.get(3);
        assertThat(spent.reasons()).containsExactly(new DialReason.AttemptsExhausted(2, 2));
        assertThat(spent.next()).isEmpty();
    }

    @Test
    void scheduled_notDue_nextAtItsScheduledTime() {
        DialCheck later = checks.get(4);
        assertThat(later.reasons(DialReason.NotDue.class)).hasSize(1);
        assertThat(later.next()).contains(Instant.parse("2026-03-02T19:30:00Z"));
    }

    @Test
    void atNoonInNewYork_losAngelesIsDialable_dncStillNot() {
        List<DialCheck> noon = ExplainRecord.explain(Instant.parse("2026-03-02T17:00:00Z"));
        assertThat(noon.get(1).isDialable()).isTrue();
        assertThat(noon.get(2).isDialable()).isFalse();
    }
}
