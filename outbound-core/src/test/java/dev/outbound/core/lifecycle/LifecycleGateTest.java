package dev.outbound.core.lifecycle;

import static dev.outbound.core.lifecycle.DialFixtures.CREATED;
import static dev.outbound.core.lifecycle.DialFixtures.HOME_NUMBER;
import static dev.outbound.core.lifecycle.DialFixtures.MONDAY_10AM;
import static dev.outbound.core.lifecycle.DialFixtures.home;
import static dev.outbound.core.lifecycle.DialFixtures.mobile;
import static dev.outbound.core.lifecycle.DialFixtures.policyBlocking;
import static dev.outbound.core.lifecycle.DialFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.dnc.DncEntry;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.Record;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A dial queue built from a campaign's rules checks each record with the campaign's lifecycle. */
class LifecycleGateTest {
    /** Monday 5 January 2026, 22:00 in New York: after the default 08:00-21:00 hours. */
    private static final Instant MONDAY_10PM = MONDAY_10AM.plus(Duration.ofHours(12));
    /** Tuesday 08:00 in New York, when the default hours open again. */
    private static final Instant TUESDAY_8AM = MONDAY_10AM.plus(Duration.ofHours(22));

    @Test
    void queueWithRules_outsideHours_waitsUntilTheWindowOpens() {
        DialQueue queue = DialQueue.newBuilder(CampaignId.of("renewals")).rules(DialingRules.defaults()).build();
        Record r = record(home());
        queue.offer(r);

        assertThat(queue.next(MONDAY_10PM, Optional.empty())).isEmpty();
        assertThat(queue.next(TUESDAY_8AM.minusSeconds(1), Optional.empty())).isEmpty();
        assertThat(queue.next(TUESDAY_8AM, Optional.empty())).contains(r);
        assertThat(queue.drainDropped()).isEmpty();
    }

    @Test
    void queueWithRules_everyNumberOnDoNotCall_dropsTheRecordWithItsReasons() {
        DialingRules rules = DialingRules.newBuilder()
                .policy(policyBlocking(DncEntry.number(HOME_NUMBER)).build()).build();
        DialQueue queue = DialQueue.newBuilder(CampaignId.of("renewals")).rules(rules).build();
        queue.offer(record(home()));

        assertThat(queue.next(MONDAY_10AM, Optional.empty())).isEmpty();
        assertThat(queue.drainDropped()).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("Do-Not-Call", "not dialable by time alone"));
    }

    @Test
    void gate_dialableRecord_isHandedOut_andAgreesWithExplain() {
        Lifecycle lifecycle = Lifecycle.of(DialingRules.defaults());
        Record r = record(home(), mobile());
        assertThat(lifecycle.gate().decide(r, MONDAY_10AM, DialContext.anyAgent())).isEqualTo(DialGate.Decision.DIAL);
        assertThat(lifecycle.gate().decide(r, CREATED.minusSeconds(60), DialContext.anyAgent()))
                .isEqualTo(new DialGate.Decision.RetryAt(lifecycle.explain(r, CREATED.minusSeconds(60)).next().orElseThrow()));
    }
}
