package dev.outbound.core.lifecycle;

import static dev.outbound.core.lifecycle.QueueFixtures.ANN;
import static dev.outbound.core.lifecycle.QueueFixtures.BOB;
import static dev.outbound.core.lifecycle.QueueFixtures.T0;
import static dev.outbound.core.lifecycle.QueueFixtures.TIMEOUT;
import static dev.outbound.core.lifecycle.QueueFixtures.minutes;
import static dev.outbound.core.lifecycle.QueueFixtures.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.record.CallbackPreference;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seed 001's load order, worked out by hand from the manual's lists. */
class LoadClassTest {

    private static Optional<LoadClass> classAt(Record r, Instant at) {
        return LoadClass.of(r, at, TIMEOUT);
    }

    private static List<String> sorted(List<Record> records, Instant at) {
        List<Record> copy = new ArrayList<>(records);
        Collections.shuffle(copy, new Random(7));
        copy.sort(LoadClass.order(at, TIMEOUT));
        return copy.stream().map(r -> r.ref().value()).toList();
    }

    @Test
    void progressive_loadsUserRecordsThenDialerThenAgentReschedulesThenNotAssigned() {
        // Seed 001, progressive step 1: 1. with a user, Ready or Rescheduled (by dialer or agent);
        // 2. without a user, Rescheduled by dialer; 3. ... by an agent; 4. Not assigned.
        List<Record> records = List.of(
                rec("4-not-assigned").status(RecordStatus.PENDING).build(),
                rec("3-by-agent").status(RecordStatus.RESCHEDULED_BY_AGENT).build(),
                rec("2-by-dialer").status(RecordStatus.RESCHEDULED_BY_DIALER).build(),
                rec("1a-ready-user").status(RecordStatus.READY).agent(ANN).build(),
                rec("1b-dialer-user").status(RecordStatus.RESCHEDULED_BY_DIALER).agent(ANN).build(),
                rec("1c-agent-user").status(RecordStatus.RESCHEDULED_BY_AGENT).agent(ANN).build());

        assertThat(sorted(records, T0)).containsExactly(
                "1a-ready-user", "1b-dialer-user", "1c-agent-user", "2-by-dialer", "3-by-agent", "4-not-assigned");
        assertThat(records.stream().map(r -> classAt(r, T0).orElseThrow()).toList()).containsExactly(
                LoadClass.NOT_ASSIGNED, LoadClass.RESCHEDULED_BY_AGENT, LoadClass.RESCHEDULED_BY_DIALER,
                LoadClass.ASSIGNED, LoadClass.ASSIGNED, LoadClass.ASSIGNED);
    }

    @Test
    void predictive_loadsUserRecordsFirstThenSystemThenAgentReschedulesThenNotAssigned() {
        // Seed 001, predictive steps 3 and 5: records with a user first; then Rescheduled by the
        // system, Rescheduled by an agent, Not assigned. A pending record with a user is a record
        // with a user.
        List<Record> records = List.of(
                rec("d-not-assigned").status(RecordStatus.PENDING).priority(50).build(),
                rec("c-by-agent").status(RecordStatus.RESCHEDULED_BY_AGENT).priority(40).build(),
                rec("b-by-system").status(RecordStatus.RESCHEDULED_BY_DIALER).priority(30).build(),
                rec("a-pending-user").status(RecordStatus.PENDING).agent(BOB).build());

        assertThat(sorted(records, T0)).containsExactly("a-pending-user", "b-by-system", "c-by-agent", "d-not-assigned");
    }

    @Test
    void callImmediately_ranksWithAgentReschedules_unlessItHasAUser() {
        Record noUser = rec("x").status(RecordStatus.CALL_IMMEDIATELY).build();
        Record withUser = rec("y").status(RecordStatus.CALL_IMMEDIATELY).agent(ANN).build();

        assertThat(classAt(noUser, T0)).contains(LoadClass.RESCHEDULED_BY_AGENT);
        assertThat(classAt(withUser, T0)).contains(LoadClass.ASSIGNED);
        assertThat(LoadClass.agentFor(noUser, T0, TIMEOUT)).isEmpty();
        assertThat(LoadClass.agentFor(withUser, T0, TIMEOUT)).contains(ANN);
    }

    @Test
    void readyWithoutAUser_ranksWithTheDialersReschedules() {
        assertThat(classAt(rec("x").status(RecordStatus.READY).build(), T0)).contains(LoadClass.RESCHEDULED_BY_DIALER);
    }

    @Test
    void preferAgentCallback_staysWithItsAgent_untilCallbackTimePlusContactTimeout() {
        // Seed 001's example: a callback for 3 PM with a 15-minute contact timeout goes to any
        // agent if it cannot be distributed to its user by 3:15 PM.
        Record r = rec("cb").due(T0).callback(CallbackPreference.PREFER_AGENT, ANN).build();
        Instant justBefore = minutes(15).minusSeconds(1);

        assertThat(LoadClass.agentFor(r, justBefore, TIMEOUT)).contains(ANN);
        assertThat(classAt(r, justBefore)).contains(LoadClass.ASSIGNED);
        assertThat(LoadClass.agentFor(r, minutes(15), TIMEOUT)).isEmpty();
        assertThat(classAt(r, minutes(15))).contains(LoadClass.RESCHEDULED_BY_AGENT);
    }

    @Test
    void onlyAgentAndOtherAgentCallbacks_stayWithTheirAgent_afterTheContactTimeout() {
        Record only = rec("only").callback(CallbackPreference.ONLY_AGENT, ANN).build();
        Record other = rec("other").callback(CallbackPreference.OTHER_AGENT, BOB).build();
        Instant dayLater = T0.plus(Duration.ofDays(1));

        assertThat(LoadClass.agentFor(only, dayLater, TIMEOUT)).contains(ANN);
        assertThat(LoadClass.agentFor(other, dayLater, TIMEOUT)).contains(BOB);
        assertThat(classAt(other, dayLater)).contains(LoadClass.ASSIGNED);
    }

    @Test
    void callbackForAnyone_isNotReserved() {
        Record r = rec("cb").callback(CallbackPreference.ANYONE, null).build();

        assertThat(LoadClass.agentFor(r, T0, TIMEOUT)).isEmpty();
        assertThat(classAt(r, T0)).contains(LoadClass.RESCHEDULED_BY_AGENT);
    }

    @Test
    void preferCallbackForAnotherAgent_goesBackToTheRecordsUser_afterTheContactTimeout() {
        Record r = rec("cb").agent(ANN).callback(CallbackPreference.PREFER_AGENT, BOB).build();

        assertThat(LoadClass.agentFor(r, minutes(5), TIMEOUT)).contains(BOB);
        assertThat(LoadClass.agentFor(r, minutes(15), TIMEOUT)).contains(ANN);
        assertThat(classAt(r, minutes(15))).contains(LoadClass.ASSIGNED);
    }

    @Test
    void zeroContactTimeout_handsACallbackToAnyoneAtItsTime() {
        Record r = rec("cb").due(minutes(10)).callback(CallbackPreference.PREFER_AGENT, ANN).build();

        assertThat(LoadClass.agentFor(r, minutes(9), Duration.ZERO)).contains(ANN);
        assertThat(LoadClass.agentFor(r, minutes(10), Duration.ZERO)).isEmpty();
    }

    @Test
    void insideAClass_higherPriorityFirst_thenEarliestDue_thenReferenceId() {
        List<Record> records = List.of(
                rec("e").priority(1).due(minutes(-5)).build(),
                rec("d").priority(1).due(minutes(-10)).build(),
                rec("c").priority(1).due(minutes(-10)).build(),
                rec("b").priority(7).due(minutes(0)).build(),
                rec("a").priority(0).due(minutes(-60)).build());

        assertThat(sorted(records, T0)).containsExactly("b", "c", "d", "e", "a");
    }

    @Test
    void classBeatsPriority() {
        List<Record> records = List.of(
                rec("pending-top-priority").priority(Record.MAX_PRIORITY).build(),
                rec("dialer-low-priority").status(RecordStatus.RESCHEDULED_BY_DIALER).priority(0).due(minutes(-1)).build());

        assertThat(sorted(records, T0)).containsExactly("dialer-low-priority", "pending-top-priority");
    }

    @Test
    void statusesThatAreNotDialable_haveNoClass_andTheOrderRefusesThem() {
        for (RecordStatus s : List.of(RecordStatus.PROCESSING, RecordStatus.POSTPONED, RecordStatus.INACTIVE,
                RecordStatus.DONE)) {
            assertThat(classAt(rec("x").status(s).build(), T0)).as(s.name()).isEmpty();
        }
        Record done = rec("done").status(RecordStatus.DONE).build();
        Record pending = rec("pending").build();
        assertThatThrownBy(() -> LoadClass.order(T0, TIMEOUT).compare(done, pending))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("done")
                .hasMessageContaining("DONE");
    }
}
