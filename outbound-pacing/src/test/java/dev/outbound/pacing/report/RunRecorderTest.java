package dev.outbound.pacing.report;

import dev.outbound.core.InvalidValueException;
import dev.outbound.pacing.abandon.AbandonRule;
import dev.outbound.spi.agent.AgentState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Hand-worked runs. The main one: two agents, six dials over three minutes from 09:00:00 to
 * 09:03:00 UTC.
 *
 * <pre>
 * agent a: AVAILABLE 00:00-00:20, ON_CALL 00:20-01:20, WRAP_UP 01:20-01:40, AVAILABLE 01:40-02:00
 *          (a wait of 20 s), ON_CALL 02:00-03:00
 * agent b: AVAILABLE 00:00-01:45 (from log-in: not a wait), ON_CALL 01:45-02:15, AVAILABLE
 *          02:15-02:25 (a wait of 10 s, no wrap-up), ON_CALL 02:25-02:45, WRAP_UP 02:45-02:50,
 *          PAUSED 02:50-03:00
 * calls:   dialed 00:05 00:10 01:30 01:50 02:10 02:20; connected 00:20 01:45 02:00 02:25;
 *          machine 00:30; abandoned 02:30
 * </pre>
 *
 * Talk 120 + 50 = 170 s, wrap-up 20 + 5 = 25 s, available 40 + 115 = 155 s, paused 10 s,
 * logged in 360 s = 0.1 agent-hours. Occupancy 195 / 360 = 0.541667. Per minute, logged in 120 s
 * each, busy 40 s (a's call), 55 s (a 20 + 20, b 15) and 100 s (a 60, b 35 + 5).
 */
class RunRecorderTest {
    static final AbandonRule HOUR = AbandonRule.rolling(Duration.ofHours(1));

    static Instant t(String hhmmss) {
        return Instant.parse("2024-03-01T" + hhmmss + "Z");
    }

    static RunReport twoAgentsThreeMinutes() {
        RunRecorder r = RunRecorder.newBuilder().rule(HOUR).start(t("09:00:00"))
                .parameters(Map.of("strategy", "progressive", "seed", 42)).build();
        r.agentLoggedIn("a", t("09:00:00"));
        r.agentLoggedIn("b", t("09:00:00"));
        r.dialed(t("09:00:05"));
        r.dialed(t("09:00:10"));
        r.connected(t("09:00:20"));
        r.agentState("a", AgentState.ON_CALL, t("09:00:20"));
        r.machineDetected(t("09:00:30"));
        r.agentState("a", AgentState.WRAP_UP, t("09:01:20"));
        r.dialed(t("09:01:30"));
        r.agentState("a", AgentState.AVAILABLE, t("09:01:40"));
        r.connected(t("09:01:45"));
        r.agentState("b", AgentState.ON_CALL, t("09:01:45"));
        r.dialed(t("09:01:50"));
        r.connected(t("09:02:00"));
        r.agentState("a", AgentState.ON_CALL, t("09:02:00"));
        r.dialed(t("09:02:10"));
        r.agentState("b", AgentState.AVAILABLE, t("09:02:15"));
        r.dialed(t("09:02:20"));
        r.connected(t("09:02:25"));
        r.agentState("b", AgentState.ON_CALL, t("09:02:25"));
        r.abandoned(t("09:02:30"));
        r.agentState("b", AgentState.WRAP_UP, t("09:02:45"));
        r.agentState("b", AgentState.PAUSED, t("09:02:50"));
        return r.finish(t("09:03:00"));
    }

    @Test
    void occupancy_isTalkPlusWrapUpOverLoggedInTime() {
        RunReport report = twoAgentsThreeMinutes();
        assertThat(report.talk()).isEqualTo(Duration.ofSeconds(170));
        assertThat(report.wrapUp()).isEqualTo(Duration.ofSeconds(25));
        assertThat(report.available()).isEqualTo(Duration.ofSeconds(155));
        assertThat(report.paused()).isEqualTo(Duration.ofSeconds(10));
        assertThat(report.loggedIn()).isEqualTo(Duration.ofSeconds(360));
        assertThat(report.occupancy()).isCloseTo(195.0 / 360, within(1e-12));
    }

    @Test
    void perAgentHour_dividesByLoggedInHours() {
        RunReport report = twoAgentsThreeMinutes();
        assertThat(report.agentHours()).isCloseTo(0.1, within(1e-12));
        assertThat(report.dials()).isEqualTo(6);
        assertThat(report.connected()).isEqualTo(4);
        assertThat(report.dialsPerAgentHour()).isCloseTo(60, within(1e-9));
        assertThat(report.connectsPerAgentHour()).isCloseTo(40, within(1e-9));
    }

    @Test
    void meanWait_countsOnlyWaitsFromTheEndOfACallToTheNextCall() {
        RunReport report = twoAgentsThreeMinutes();
        // a: 20 s after wrap-up; b: 10 s after a call without wrap-up; b's wait from log-in is left out.
        assertThat(report.waits()).isEqualTo(2);
        assertThat(report.meanWait()).contains(Duration.ofSeconds(15));
    }

    @Test
    void abandonFigures_comeFromAbandonStats_abandonedCountingAsLiveAnswers() {
        RunReport report = twoAgentsThreeMinutes();
        assertThat(report.counts().liveAnswers()).isEqualTo(5);
        assertThat(report.counts().abandoned()).isEqualTo(1);
        assertThat(report.counts().machineDetected()).isEqualTo(1);
        assertThat(report.abandonRate()).isEqualTo(0.2);
        assertThat(report.worstHour()).hasValueSatisfying(h -> {
            assertThat(h.start().toInstant()).isEqualTo(t("09:00:00"));
            assertThat(h.rate()).isEqualTo(0.2);
        });
    }

    @Test
    void minutes_splitTimeAndCallsAtMinuteBoundaries() {
        List<RunReport.Minute> minutes = twoAgentsThreeMinutes().minutes();
        assertThat(minutes).hasSize(3);
        RunReport.Minute m0 = minutes.get(0);
        assertThat(m0.start()).isEqualTo(t("09:00:00"));
        assertThat(List.of(m0.dials(), m0.liveAnswers(), m0.abandoned(), m0.machineDetected(), m0.connected()))
                .containsExactly(2L, 1L, 0L, 1L, 1L);
        assertThat(m0.talk()).isEqualTo(Duration.ofSeconds(40));
        assertThat(m0.available()).isEqualTo(Duration.ofSeconds(80));
        assertThat(m0.agentsLoggedIn()).isEqualTo(2.0);
        assertThat(m0.occupancy()).isCloseTo(40.0 / 120, within(1e-12));

        RunReport.Minute m1 = minutes.get(1);
        assertThat(m1.talk()).isEqualTo(Duration.ofSeconds(35));
        assertThat(m1.wrapUp()).isEqualTo(Duration.ofSeconds(20));
        assertThat(m1.occupancy()).isCloseTo(55.0 / 120, within(1e-12));
        assertThat(m1.cumulativeAbandonRate()).isZero();

        RunReport.Minute m2 = minutes.get(2);
        assertThat(List.of(m2.dials(), m2.liveAnswers(), m2.abandoned(), m2.machineDetected(), m2.connected()))
                .containsExactly(2L, 3L, 1L, 0L, 2L);
        assertThat(m2.talk()).isEqualTo(Duration.ofSeconds(95));
        assertThat(m2.wrapUp()).isEqualTo(Duration.ofSeconds(5));
        assertThat(m2.paused()).isEqualTo(Duration.ofSeconds(10));
        assertThat(m2.occupancy()).isCloseTo(100.0 / 120, within(1e-12));
        assertThat(m2.cumulativeAbandonRate()).isEqualTo(0.2);
        assertThat(m2.rollingHourAbandonRate()).isEqualTo(0.2);
    }

    @Test
    void rollingHourRate_leavesOutMinutesMoreThanAnHourBack() {
        RunRecorder r = RunRecorder.start(HOUR, t("09:00:00"));
        r.abandoned(t("09:00:10"));
        r.connected(t("10:05:00"));
        r.abandoned(t("10:05:30"));
        List<RunReport.Minute> minutes = r.finish(t("10:06:00")).minutes();
        assertThat(minutes).hasSize(66);
        // 09:59: the hour 09:00-09:59 holds the abandon.
        assertThat(minutes.get(59).rollingHourAbandonRate()).isEqualTo(1.0);
        // 10:00: the hour 09:01-10:00 holds nothing.
        assertThat(minutes.get(60).rollingHourAbandonRate()).isZero();
        // 10:05: the hour 09:06-10:05 holds one of two live answers abandoned; the run two of three.
        assertThat(minutes.get(65).rollingHourAbandonRate()).isEqualTo(0.5);
        assertThat(minutes.get(65).cumulativeAbandonRate()).isEqualTo(2.0 / 3);
    }

    @Test
    void wait_brokenByAPause_isNotCounted() {
        RunRecorder r = RunRecorder.start(HOUR, t("09:00:00"));
        r.agentLoggedIn("a", t("09:00:00"));
        r.agentState("a", AgentState.ON_CALL, t("09:00:00"));
        r.agentState("a", AgentState.WRAP_UP, t("09:00:30"));
        r.agentState("a", AgentState.AVAILABLE, t("09:00:40"));
        r.agentState("a", AgentState.PAUSED, t("09:00:45"));
        r.agentState("a", AgentState.AVAILABLE, t("09:00:50"));
        r.agentState("a", AgentState.ON_CALL, t("09:00:55"));
        r.agentState("a", AgentState.AVAILABLE, t("09:01:10"));
        // A wait still running at the end is not counted either.
        RunReport report = r.finish(t("09:02:00"));
        assertThat(report.waits()).isZero();
        assertThat(report.meanWait()).isEmpty();
        assertThat(report.available()).isEqualTo(Duration.ofSeconds(5 + 5 + 50));
    }

    @Test
    void loggedOutAgent_stopsCounting() {
        RunRecorder r = RunRecorder.start(HOUR, t("09:00:00"));
        r.agentLoggedIn("a", t("09:00:30"));
        r.agentState("a", AgentState.ON_CALL, t("09:00:45"));
        r.agentLoggedOut("a", t("09:01:15"));
        RunReport report = r.finish(t("09:05:00"));
        assertThat(report.loggedIn()).isEqualTo(Duration.ofSeconds(45));
        assertThat(report.occupancy()).isCloseTo(30.0 / 45, within(1e-12));
        assertThat(report.minutes()).hasSize(5);
        assertThat(report.minutes().get(0).agentsLoggedIn()).isEqualTo(0.5);
        assertThat(report.minutes().get(1).agentsLoggedIn()).isEqualTo(0.25);
        assertThat(report.minutes().get(2).occupancy()).isZero();
    }

    @Test
    void startInsideAMinute_firstRowIsThatMinute() {
        RunRecorder r = RunRecorder.newBuilder().rule(HOUR).start(t("09:00:30"))
                .zone(ZoneId.of("America/New_York")).build();
        r.agentLoggedIn("a", t("09:00:30"));
        RunReport report = r.finish(t("09:01:30"));
        assertThat(report.minutes()).extracting(RunReport.Minute::start)
                .containsExactly(t("09:00:00"), t("09:01:00"));
        assertThat(report.minutes()).extracting(RunReport.Minute::agentsLoggedIn).containsExactly(0.5, 0.5);
        assertThat(report.timeSeriesCsv()).contains("\n2024-03-01T04:00:00-05:00,");
    }

    @Test
    void callAtExactlyTheEnd_addsItsMinute() {
        RunRecorder r = RunRecorder.start(HOUR, t("09:00:00"));
        r.dialed(t("09:02:00"));
        RunReport report = r.finish(t("09:02:00"));
        assertThat(report.minutes()).hasSize(3);
        assertThat(report.minutes().get(2).dials()).isEqualTo(1);
    }

    @Test
    void agentEventBeforeThePreviousOne_isRefused() {
        RunRecorder r = RunRecorder.start(HOUR, t("09:00:00"));
        r.agentLoggedIn("a", t("09:00:10"));
        assertThatThrownBy(() -> r.agentLoggedIn("b", t("09:00:09")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for at (agent events in time order, not before the previous one at "
                        + "2024-03-01T09:00:10Z): 2024-03-01T09:00:09Z");
    }

    @Test
    void callEventsOutOfOrder_areAccepted_butNotBeforeTheStart() {
        RunRecorder r = RunRecorder.start(HOUR, t("09:00:00"));
        r.dialed(t("09:00:30"));
        r.abandoned(t("09:00:10"));
        assertThatThrownBy(() -> r.dialed(t("08:59:59")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("not before the run's start at 2024-03-01T09:00:00Z");
        assertThat(r.finish(t("09:01:00")).counts().abandoned()).isEqualTo(1);
    }

    @Test
    void agentNotLoggedIn_cannotChangeStateOrLogOut() {
        RunRecorder r = RunRecorder.start(HOUR, t("09:00:00"));
        assertThatThrownBy(() -> r.agentState("a", AgentState.ON_CALL, t("09:00:01")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Agent a changed to ON_CALL at 2024-03-01T09:00:01Z but is not logged in");
        assertThatThrownBy(() -> r.agentLoggedOut("a", t("09:00:01")))
                .isInstanceOf(IllegalStateException.class);
        r.agentLoggedIn("a", t("09:00:01"));
        assertThatThrownBy(() -> r.agentLoggedIn("a", t("09:00:02")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already logged in");
    }

    @Test
    void finish_endsTheRun() {
        RunRecorder r = RunRecorder.start(HOUR, t("09:00:00"));
        r.dialed(t("09:00:30"));
        assertThatThrownBy(() -> r.finish(t("09:00:20")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("not before the latest event at 2024-03-01T09:00:30Z");
        assertThatThrownBy(() -> RunRecorder.start(HOUR, t("09:00:00")).finish(t("09:00:00")))
                .isInstanceOf(InvalidValueException.class);
        r.finish(t("09:01:00"));
        assertThatThrownBy(() -> r.dialed(t("09:00:40"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> r.finish(t("09:02:00"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void builder_optionSetTwiceOrMissing_fails() {
        assertThatThrownBy(() -> RunRecorder.newBuilder().rule(HOUR).rule(AbandonRule.fcc()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The rule is set twice");
        assertThatThrownBy(() -> RunRecorder.newBuilder().rule(HOUR).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("A run recorder needs a start; set it with start(...)");
        assertThatThrownBy(() -> RunRecorder.newBuilder().parameters(Map.of("ratio", Double.NaN)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("parameters.ratio");
    }
}
