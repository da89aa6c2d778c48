package dev.outbound.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.record.CallResult;
import dev.outbound.pacing.engine.CallSummary;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link ProgressiveCampaign} dials every lead once with three agents, and prints each call and the counts. */
class ProgressiveCampaignTest {
    private final ProgressiveCampaign.Result run = ProgressiveCampaign.run();

    @Test
    void everyLead_calledExactlyOnce_withoutError() {
        assertThat(run.errors()).isEmpty();
        assertThat(run.calls()).hasSize(12);
        assertThat(new HashSet<>(run.calls().stream().map(c -> c.record().ref().value()).toList()))
                .hasSize(12).contains("L-01", "L-12");
        assertThat(run.lines().get(12)).startsWith("calls placed 12, outcomes 12, connected ").endsWith(", abandoned 0");
        assertThat(run.counts().placed()).isEqualTo(12);
    }

    @Test
    void everyHumanAnswer_connectedToAnAgent_noneAbandoned() {
        long humans = run.calls().stream().filter(c -> c.result().equals(Optional.of(CallResult.HUMAN_ANSWER)))
                .count();
        assertThat(humans).isPositive();
        assertThat(run.counts().connected()).isEqualTo(humans);
        assertThat(run.counts().abandoned()).isZero();
        assertThat(run.lines()).anySatisfy(l -> assertThat(l).isEqualTo(String.format("  %-17s %d", "human answer",
                humans)));
    }

    @Test
    void progressive_neverMoreCallsAtOnceThanAgents() {
        for (CallSummary c : run.calls()) {
            Instant t = c.placedAt();
            long up = run.calls().stream().filter(o -> !o.placedAt().isAfter(t) && o.endedAt().isAfter(t)).count();
            assertThat(up).as("calls up when %s was placed", c.call()).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void sameRun_printsTheSameLines_onVirtualTime() {
        List<String> again = ProgressiveCampaign.run().lines();
        assertThat(again).isEqualTo(run.lines());
        assertThat(run.lines().get(0)).startsWith("09:00:00  L-0");
    }
}
