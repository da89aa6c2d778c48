package dev.outbound.core.callerid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallerIdSelectorTest {
    static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
    static final PhoneNumber DEFAULT = n("+12025550100");
    static final PhoneNumber SACRAMENTO = n("+19165550101");
    static final PhoneNumber CHICO = n("+15305550102");
    static final PhoneNumber CHICO_2 = n("+15305550103");
    static final PhoneNumber NEW_YORK = n("+12125550104");
    static final PhoneNumber CALLEE_530 = n("+15305550199");
    static final PhoneNumber CALLEE_916 = n("+19165550199");
    static final PhoneNumber CALLEE_213 = n("+12135550199"); // Los Angeles: Pacific, like 530 and 916
    static final PhoneNumber CALLEE_312 = n("+13125550199"); // Chicago: Central, no DID there

    static PhoneNumber n(String e164) {
        return PhoneNumber.ofE164(e164);
    }

    static DidPool pool(PhoneNumber... dids) {
        List<Did> list = new ArrayList<>();
        for (PhoneNumber d : dids) {
            list.add(Did.of(d));
        }
        return DidPool.of(DEFAULT, list);
    }

    static List<PhoneNumber> numbers(CallerIdSelector s, PhoneNumber callee, int calls) {
        List<PhoneNumber> out = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            out.add(s.select(callee, T0.plusSeconds(i)).number());
        }
        return out;
    }

    @Test
    void fixed_presentsTheSameNumberOnEveryCall() {
        CallerIdSelector s = CallerIdSelector.newBuilder(pool(SACRAMENTO, CHICO))
                .strategy(CallerIdStrategy.fixed(NEW_YORK)).maxPerHour(1).build();
        assertThat(numbers(s, CALLEE_530, 3)).containsExactly(NEW_YORK, NEW_YORK, NEW_YORK);
        assertThat(s.select(CALLEE_530, T0).reason()).isEqualTo(CallerIdReason.FIXED);
    }

    @Test
    void roundRobin_followsThePoolOrderAndWrapsAround() {
        CallerIdSelector s = CallerIdSelector.newBuilder(pool(SACRAMENTO, CHICO, NEW_YORK)).build();
        assertThat(numbers(s, CALLEE_530, 4)).containsExactly(SACRAMENTO, CHICO, NEW_YORK, SACRAMENTO);
        assertThat(s.select(CALLEE_530, T0).reason()).isEqualTo(CallerIdReason.ROUND_ROBIN);
    }

    @Test
    void roundRobin_emptyPool_campaignDefault() {
        CallerIdSelector s = CallerIdSelector.newBuilder(pool()).build();
        assertThat(s.select(CALLEE_530, T0)).isEqualTo(new CallerIdChoice(DEFAULT, CallerIdReason.DEFAULT));
    }

    @Test
    void localPresence_picksTheDidWithTheCalleesAreaCode() {
        CallerIdSelector s = CallerIdSelector.newBuilder(pool(NEW_YORK, SACRAMENTO, CHICO))
                .strategy(CallerIdStrategy.localPresence()).build();
        assertThat(s.select(CALLEE_530, T0)).isEqualTo(new CallerIdChoice(CHICO, CallerIdReason.LOCAL_AREA_CODE));
        assertThat(s.select(CALLEE_916, T0)).isEqualTo(new CallerIdChoice(SACRAMENTO, CallerIdReason.LOCAL_AREA_CODE));
    }

    @Test
    void localPresence_severalDidsWithTheAreaCode_shareTheCalls() {
        CallerIdSelector s = CallerIdSelector.newBuilder(pool(CHICO, SACRAMENTO, CHICO_2))
                .strategy(CallerIdStrategy.localPresence()).build();
        assertThat(numbers(s, CALLEE_530, 3)).containsExactly(CHICO, CHICO_2, CHICO);
    }

    @Test
    void localPresence_noDidWithTheAreaCode_sameTimeZoneRegion() {
        CallerIdSelector s = CallerIdSelector.newBuilder(pool(NEW_YORK, SACRAMENTO))
                .strategy(CallerIdStrategy.localPresence()).build();
        assertThat(s.select(CALLEE_213, T0)).isEqualTo(new CallerIdChoice(SACRAMENTO, CallerIdReason.SAME_REGION));
    }

    @Test
    void localPresence_noDidInTheRegion_campaignDefault() {
        CallerIdSelector s = CallerIdSelector.newBuilder(pool(NEW_YORK, SACRAMENTO))
                .strategy(CallerIdStrategy.localPresence()).build();
        assertThat(s.select(CALLEE_312, T0)).isEqualTo(new CallerIdChoice(DEFAULT, CallerIdReason.DEFAULT));
    }

    @Test
    void localPresence_regionsByStateTable_sameState() {
        CallerRegion states = CallerRegion.byAreaCode(Map.of("530", "CA", "916", "CA", "213", "CA", "212", "NY",
                "718", "NY"));
        CallerIdSelector s = CallerIdSelector.newBuilder(pool(SACRAMENTO, NEW_YORK))
                .strategy(CallerIdStrategy.localPresence(states)).build();
        assertThat(s.select(n("+17185550199"), T0)).isEqualTo(new CallerIdChoice(NEW_YORK, CallerIdReason.SAME_REGION));
        assertThat(s.select(CALLEE_530, T0)).isEqualTo(new CallerIdChoice(SACRAMENTO, CallerIdReason.SAME_REGION));
        assertThat(s.select(CALLEE_312, T0)).isEqualTo(new CallerIdChoice(DEFAULT, CallerIdReason.DEFAULT));
    }

    @Test
    void localPresence_areaCodeDidAtItsCap_regionThenDefault() {
        CallerIdSelector s = CallerIdSelector.newBuilder(pool(CHICO, SACRAMENTO))
                .strategy(CallerIdStrategy.localPresence()).maxPerHour(1).build();
        assertThat(s.select(CALLEE_530, T0).reason()).isEqualTo(CallerIdReason.LOCAL_AREA_CODE);
        assertThat(s.select(CALLEE_530, T0.plusSeconds(1)))
                .isEqualTo(new CallerIdChoice(SACRAMENTO, CallerIdReason.SAME_REGION));
        assertThat(s.select(CALLEE_530, T0.plusSeconds(2)))
                .isEqualTo(new CallerIdChoice(DEFAULT, CallerIdReason.DEFAULT));
    }

    @Test
    void capPerHour_skipsTheDidUntilItsCallsLeaveTheRollingHour() {
        CallerIdSelector s = CallerIdSelector.newBuilder(pool(SACRAMENTO, CHICO)).maxPerHour(2).build();
        // 10:00 S, 10:10 C, 10:20 S, 10:30 C: both at 2 in the hour; 10:40 default.
        List<PhoneNumber> got = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            got.add(s.select(CALLEE_530, T0.plus(Duration.ofMinutes(10L * i))).number());
        }
        assertThat(got).containsExactly(SACRAMENTO, CHICO, SACRAMENTO, CHICO, DEFAULT);
        // 10:59:59 S still has 10:00 and 10:20 in the hour, C has 10:10 and 10:30.
        assertThat(s.select(CALLEE_530, T0.plus(Duration.ofMinutes(60)).minusSeconds(1)).number()).isEqualTo(DEFAULT);
        // 11:00: S's 10:00 call is an hour old and no longer counts.
        assertThat(s.select(CALLEE_530, T0.plus(Duration.ofMinutes(60))))
                .isEqualTo(new CallerIdChoice(SACRAMENTO, CallerIdReason.ROUND_ROBIN));
    }

    @Test
    void capPerDay_countsTheLast24Hours() {
        CallerIdSelector s = CallerIdSelector.newBuilder(pool(SACRAMENTO)).maxPerHour(1).maxPerDay(2).build();
        assertThat(s.select(CALLEE_530, T0).number()).isEqualTo(SACRAMENTO);
        assertThat(s.select(CALLEE_530, T0.plus(Duration.ofHours(2))).number()).isEqualTo(SACRAMENTO);
        assertThat(s.select(CALLEE_530, T0.plus(Duration.ofHours(5))).number()).isEqualTo(DEFAULT);
        assertThat(s.select(CALLEE_530, T0.plus(Duration.ofHours(24))).number()).isEqualTo(SACRAMENTO);
    }

    @Test
    void retired_neverChosenAgain() {
        CallerIdSelector s = CallerIdSelector.newBuilder(pool(SACRAMENTO, CHICO, CHICO_2))
                .strategy(CallerIdStrategy.localPresence()).build();
        s.retire(CHICO);
        assertThat(numbers(s, CALLEE_530, 4)).containsExactly(CHICO_2, CHICO_2, CHICO_2, CHICO_2);
        s.retire(CHICO_2);
        assertThat(s.select(CALLEE_530, T0).reason()).isEqualTo(CallerIdReason.SAME_REGION);
        assertThat(s.pool().find(CHICO).orElseThrow().retired()).isTrue();
    }

    @Test
    void retired_roundRobinSkipsIt() {
        DidPool pool = DidPool.of(DEFAULT, List.of(Did.of(SACRAMENTO), Did.of(CHICO).retire(), Did.of(NEW_YORK)));
        CallerIdSelector s = CallerIdSelector.newBuilder(pool).build();
        assertThat(numbers(s, CALLEE_530, 4)).containsExactly(SACRAMENTO, NEW_YORK, SACRAMENTO, NEW_YORK);
    }

    @Test
    void retire_numberNotInPool_refused() {
        CallerIdSelector s = CallerIdSelector.newBuilder(pool(SACRAMENTO)).build();
        assertThatThrownBy(() -> s.retire(CHICO)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("+15305550102");
    }

    @Test
    void instantBeforeAnEarlierSelection_countsAsThatInstant() {
        CallerIdSelector s = CallerIdSelector.newBuilder(pool(SACRAMENTO)).maxPerHour(1).build();
        s.select(CALLEE_530, T0.plus(Duration.ofMinutes(30)));
        // A clock stepping back 30 min must not make room under the cap.
        assertThat(s.select(CALLEE_530, T0.minus(Duration.ofMinutes(40))).number()).isEqualTo(DEFAULT);
    }

    @Test
    void strategyReturningACappedDid_refused() {
        CallerIdSelector s = CallerIdSelector.newBuilder(pool(SACRAMENTO)).maxPerHour(1)
                .strategy((callee, pool, usable) -> new CallerIdChoice(SACRAMENTO, CallerIdReason.ROUND_ROBIN))
                .build();
        s.select(CALLEE_530, T0);
        assertThatThrownBy(() -> s.select(CALLEE_530, T0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at its cap");
    }

    @Test
    void pool_numberListedTwice_refused() {
        assertThatThrownBy(() -> pool(SACRAMENTO, CHICO, SACRAMENTO)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("+19165550101");
    }

    @Test
    void builder_hourlyCapAboveDailyCap_refused() {
        assertThatThrownBy(() -> CallerIdSelector.newBuilder(pool()).maxPerHour(10).maxPerDay(5).build())
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("(5)");
    }

    @Test
    void builder_capSetTwice_refused() {
        assertThatThrownBy(() -> CallerIdSelector.newBuilder(pool()).maxPerHour(1).maxPerHour(2))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("maxPerHour");
    }

    @Test
    void did_labelIsStrippedAndBlankRefused() {
        assertThat(Did.of(CHICO, "  Chico office ").label()).contains("Chico office");
        assertThatThrownBy(() -> Did.of(CHICO, "  ")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void did_areaCode_northAmericanOnly() {
        assertThat(Did.of(CHICO).areaCode()).contains("530");
        assertThat(Did.of(n("+441514960071")).areaCode()).isEmpty();
    }
}
