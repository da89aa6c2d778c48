package dev.outbound.core.lifecycle;

import static dev.outbound.core.lifecycle.DialFixtures.MONDAY_10AM;
import static dev.outbound.core.lifecycle.DialFixtures.home;
import static dev.outbound.core.lifecycle.DialFixtures.mobile;
import static dev.outbound.core.lifecycle.DialFixtures.record;
import static dev.outbound.core.lifecycle.DialFixtures.work;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.phone.PhoneState;
import dev.outbound.core.record.DoneReason;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordPhone;
import dev.outbound.core.record.RecordStatus;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Seed 003's Status Change: bringing dormant records back in bulk. */
class StatusChangeTest {
    private static final Lifecycle LIFECYCLE = Lifecycle.of(DialingRules.defaults());

    /** A record done after its attempts, whose numbers failed and were set aside in three ways. */
    private static Record dormant() {
        Record r = record(home().withAttempts(4).withState(PhoneState.INACTIVE),
                mobile().withAttempts(2).withState(PhoneState.EXCLUDED),
                work().withAttempts(1).withState(PhoneState.BLOCKED));
        return r.withProgress(r.progress().withRepeatAttempts(3).withTriedThisRound(Set.of(PhoneField.HOME)))
                .done(DoneReason.ATTEMPTS_EXHAUSTED);
    }

    private static RecordPhone phone(Record r, PhoneField field) {
        return r.phone(field).orElseThrow();
    }

    @Test
    void newStatus_isAManualChange_resetsTheAttemptCounter() {
        Record r = LIFECYCLE.changeStatus(dormant(), StatusChange.none().withStatus(RecordStatus.PENDING), MONDAY_10AM);
        assertThat(r.status()).isEqualTo(RecordStatus.PENDING);
        assertThat(r.doneReason()).isEmpty();
        assertThat(r.progress().repeatAttempts()).isZero();
        assertThat(r.progress().triedThisRound()).isEmpty();
        assertThat(r.updatedAt()).isEqualTo(MONDAY_10AM);
    }

    @Test
    void clearRetryCount_resetsEveryNumbersCount_andLeavesTheirStates() {
        Record r = LIFECYCLE.changeStatus(dormant(), StatusChange.none().clearingRetryCounts(), MONDAY_10AM);
        assertThat(r.phones()).extracting(RecordPhone::attempts).containsExactly(0, 0, 0);
        assertThat(r.phones()).extracting(RecordPhone::state)
                .containsExactly(PhoneState.INACTIVE, PhoneState.EXCLUDED, PhoneState.BLOCKED);
        assertThat(r.status()).isEqualTo(RecordStatus.DONE);
    }

    @Test
    void activateNumbers_onlyInTheDesignatedStates() {
        Record r = LIFECYCLE.changeStatus(dormant(),
                StatusChange.none().activatingNumbersIn(PhoneState.INACTIVE, PhoneState.EXCLUDED), MONDAY_10AM);
        assertThat(phone(r, PhoneField.HOME).state()).isEqualTo(PhoneState.ACTIVE);
        assertThat(phone(r, PhoneField.MOBILE).state()).isEqualTo(PhoneState.ACTIVE);
        assertThat(phone(r, PhoneField.WORK).state()).isEqualTo(PhoneState.BLOCKED);
        assertThat(phone(r, PhoneField.HOME).attempts()).isEqualTo(4);
    }

    @Test
    void reactivatedRecord_isDialableAgain() {
        Record before = dormant();
        assertThat(LIFECYCLE.isDialable(before, MONDAY_10AM)).isFalse();
        Record r = LIFECYCLE.changeStatus(before, StatusChange.none().withStatus(RecordStatus.PENDING)
                .clearingRetryCounts().activatingNumbersIn(PhoneState.INACTIVE), MONDAY_10AM);
        DialCheck check = LIFECYCLE.explain(r, MONDAY_10AM);
        assertThat(check.isDialable()).isTrue();
        assertThat(check.number()).map(RecordPhone::field).contains(PhoneField.HOME);
    }

    @Test
    void newPriority_changesOnlyThePriority() {
        Record before = record(home());
        Record r = LIFECYCLE.changeStatus(before, StatusChange.none().withPriority(500), MONDAY_10AM);
        assertThat(r.priority()).isEqualTo(500);
        assertThat(r.status()).isEqualTo(before.status());
        assertThat(r.progress()).isEqualTo(before.progress());
    }

    @Test
    void nothingToChange_returnsTheSameRecord() {
        Record before = record(home());
        assertThat(LIFECYCLE.changeStatus(before, StatusChange.none().clearingRetryCounts(), MONDAY_10AM)).isSameAs(before);
    }

    @Test
    void recordInACall_keepsItsStatus() {
        Record inCall = record(home()).withStatus(RecordStatus.PROCESSING);
        assertThatThrownBy(() -> LIFECYCLE.changeStatus(inCall, StatusChange.none().withStatus(RecordStatus.PENDING),
                MONDAY_10AM)).isInstanceOf(IllegalStateException.class).hasMessageContaining("C-1", "PROCESSING");
    }

    @Test
    void statusChange_refusesProcessing_activeAndOutOfRangePriority() {
        assertThatThrownBy(() -> StatusChange.none().withStatus(RecordStatus.PROCESSING))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("PROCESSING");
        assertThatThrownBy(() -> StatusChange.none().activatingNumbersIn(PhoneState.ACTIVE))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("ACTIVE");
        assertThatThrownBy(() -> StatusChange.none().withPriority(10_000))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("priority");
    }
}
