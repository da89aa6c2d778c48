package dev.outbound.core.lifecycle;

import static dev.outbound.core.lifecycle.DialFixtures.ANN;
import static dev.outbound.core.lifecycle.DialFixtures.MONDAY_10AM;
import static dev.outbound.core.lifecycle.DialFixtures.home;
import static dev.outbound.core.lifecycle.DialFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.record.Callback;
import dev.outbound.core.record.CallbackPreference;
import dev.outbound.core.record.DoneReason;
import dev.outbound.core.record.Record;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Seed 003's schedule states of a callback, with the default 15 minutes' delay threshold. */
class CallbackStateTest {
    private static final Lifecycle DEFAULTS = DialFixtures.lifecycle();
    private static final Instant TIME = MONDAY_10AM;
    private static final Record WITH_CALLBACK = record(home()).withCallback(Callback.anyone(TIME));

    @Test
    void noCallback_noState() {
        assertThat(DEFAULTS.callbackState(record(home()), TIME)).isEmpty();
    }

    @Test
    void beforeItsTime_scheduled() {
        assertThat(DEFAULTS.callbackState(WITH_CALLBACK, TIME.minusSeconds(1))).contains(CallbackState.SCHEDULED);
        assertThat(DEFAULTS.callbackState(WITH_CALLBACK, TIME.minus(Duration.ofDays(3)))).contains(CallbackState.SCHEDULED);
    }

    @Test
    void fromItsTimeUntilTheDelayThreshold_due() {
        assertThat(DEFAULTS.callbackState(WITH_CALLBACK, TIME)).contains(CallbackState.DUE);
        assertThat(DEFAULTS.callbackState(WITH_CALLBACK, TIME.plus(Duration.ofMinutes(15)).minusSeconds(1)))
                .contains(CallbackState.DUE);
    }

    @Test
    void pastTheDelayThreshold_delayed() {
        assertThat(DEFAULTS.callbackState(WITH_CALLBACK, TIME.plus(Duration.ofMinutes(15)))).contains(CallbackState.DELAYED);
        assertThat(DEFAULTS.callbackState(WITH_CALLBACK, TIME.plus(Duration.ofDays(10)))).contains(CallbackState.DELAYED);
    }

    @Test
    void delayThreshold_isTheCampaigns() {
        Lifecycle hour = Lifecycle.of(DialingRules.newBuilder().callbackDelayedAfter(Duration.ofHours(1)).build());
        assertThat(hour.callbackState(WITH_CALLBACK, TIME.plus(Duration.ofMinutes(30)))).contains(CallbackState.DUE);
        assertThat(hour.callbackState(WITH_CALLBACK, TIME.plus(Duration.ofHours(1)))).contains(CallbackState.DELAYED);
    }

    @Test
    void atOrAfterItsEnd_expired() {
        Record r = record(home()).withCallback(
                Callback.forAgent(TIME, CallbackPreference.ONLY_AGENT, ANN).expiringAt(TIME.plus(Duration.ofHours(1))));
        assertThat(DEFAULTS.callbackState(r, TIME.plus(Duration.ofMinutes(59)))).contains(CallbackState.DELAYED);
        assertThat(DEFAULTS.callbackState(r, TIME.plus(Duration.ofHours(1)))).contains(CallbackState.EXPIRED);
        assertThat(DEFAULTS.callbackState(r, TIME.plus(Duration.ofDays(1)))).contains(CallbackState.EXPIRED);
    }

    @Test
    void endingAtItsOwnTime_expiredFromItsTime() {
        Record r = record(home()).withCallback(Callback.anyone(TIME).expiringAt(TIME));
        assertThat(DEFAULTS.callbackState(r, TIME.minusSeconds(1))).contains(CallbackState.SCHEDULED);
        assertThat(DEFAULTS.callbackState(r, TIME)).contains(CallbackState.EXPIRED);
    }

    @Test
    void doneRecord_closed_evenWhenExpiredOrScheduled() {
        Record expiring = record(home()).withCallback(Callback.anyone(TIME).expiringAt(TIME.plus(Duration.ofHours(1))));
        assertThat(DEFAULTS.callbackState(expiring.done(DoneReason.OBJECTIVE_REACHED), TIME.plus(Duration.ofDays(1))))
                .contains(CallbackState.CLOSED);
        assertThat(DEFAULTS.callbackState(WITH_CALLBACK.done(DoneReason.CLOSED_BY_USER), TIME.minusSeconds(1)))
                .contains(CallbackState.CLOSED);
    }
}
