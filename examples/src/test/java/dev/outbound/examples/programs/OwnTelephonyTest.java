package dev.outbound.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.record.CallResult;
import dev.outbound.pacing.engine.CallSummary;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link OwnTelephony}'s own telephony drives the engine: every call answered after 5 s, talked 60 s. */
class OwnTelephonyTest {
    private final ProgressiveCampaign.Result run = OwnTelephony.run();

    @Test
    void everyCall_answeredByAPersonFiveSecondsAfterItWasPlaced_andConnected() {
        assertThat(run.errors()).isEmpty();
        assertThat(run.calls()).hasSize(4).allSatisfy(c -> {
            assertThat(c.result()).contains(CallResult.HUMAN_ANSWER);
            assertThat(c.answeredAt()).contains(c.placedAt().plusSeconds(5));
            assertThat(c.agent()).isPresent();
        });
        assertThat(run.counts().connected()).isEqualTo(4);
        assertThat(run.lines()).contains("calls placed 4, outcomes 4, connected 4, abandoned 0");
    }

    @Test
    void twoAgents_nextTwoCalls_placedWhenTheFirstAreSaved() {
        List<CallSummary> byPlacing = run.calls().stream().sorted(Comparator.comparing(CallSummary::placedAt)).toList();
        // 5 s ringing + 60 s talking + 20 s saving the record: the agents are free 85 s after the start.
        Duration afterStart = Duration.ofSeconds(85);
        assertThat(byPlacing.get(0).placedAt()).isEqualTo(ProgressiveCampaign.START);
        assertThat(byPlacing.get(1).placedAt()).isEqualTo(ProgressiveCampaign.START);
        assertThat(byPlacing.get(2).placedAt()).isEqualTo(ProgressiveCampaign.START.plus(afterStart));
        assertThat(byPlacing.get(3).placedAt()).isEqualTo(ProgressiveCampaign.START.plus(afterStart));
        assertThat(run.lines().get(2)).startsWith("09:01:25  L-03");
        assertThat(byPlacing.get(0).result()).isEqualTo(Optional.of(CallResult.HUMAN_ANSWER));
    }
}
