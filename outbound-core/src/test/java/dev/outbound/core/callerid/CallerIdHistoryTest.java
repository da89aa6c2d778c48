package dev.outbound.core.callerid;

import static dev.outbound.core.callerid.CallerIdSelectorTest.CALLEE_530;
import static dev.outbound.core.callerid.CallerIdSelectorTest.CHICO;
import static dev.outbound.core.callerid.CallerIdSelectorTest.DEFAULT;
import static dev.outbound.core.callerid.CallerIdSelectorTest.SACRAMENTO;
import static dev.outbound.core.callerid.CallerIdSelectorTest.T0;
import static dev.outbound.core.callerid.CallerIdSelectorTest.pool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The selector's history: past uses count against the caps, and each choice is reported. */
class CallerIdHistoryTest {

    @Test
    void history_usesInTheLastHour_countAgainstTheHourlyCap() {
        // SACRAMENTO was used twice in the hour before T0 (59 and 30 minutes earlier): at a cap of 2
        // it is full, so round robin goes to CHICO, then (CHICO full too after 2) the default.
        CallerIdSelector s = CallerIdSelector.newBuilder(pool(SACRAMENTO, CHICO)).maxPerHour(2)
                .history(List.of(DidUse.of(SACRAMENTO, T0.minusSeconds(30 * 60)),
                        DidUse.of(SACRAMENTO, T0.minusSeconds(59 * 60))))
                .build();

        assertThat(s.select(CALLEE_530, T0).number()).isEqualTo(CHICO);
        assertThat(s.select(CALLEE_530, T0).number()).isEqualTo(CHICO);
        assertThat(s.select(CALLEE_530, T0).number()).isEqualTo(DEFAULT);
        // 59 minutes + 1 minute later the older use leaves the window: one call for SACRAMENTO again.
        assertThat(s.select(CALLEE_530, T0.plusSeconds(60)).number()).isEqualTo(SACRAMENTO);
    }

    @Test
    void history_useExactlyADayAgo_noLongerCounts() {
        CallerIdSelector s = CallerIdSelector.newBuilder(pool(SACRAMENTO)).maxPerDay(1)
                .history(List.of(DidUse.of(SACRAMENTO, T0.minusSeconds(86_400)))).build();

        assertThat(s.select(CALLEE_530, T0).number()).isEqualTo(SACRAMENTO);
    }

    @Test
    void history_withoutCaps_ignored() {
        CallerIdSelector s = CallerIdSelector.newBuilder(pool(SACRAMENTO))
                .history(List.of(DidUse.of(SACRAMENTO, T0), DidUse.of(SACRAMENTO, T0))).build();

        assertThat(s.select(CALLEE_530, T0).number()).isEqualTo(SACRAMENTO);
    }

    @Test
    void onChoice_toldOfEveryChoiceWithItsInstant_defaultIncluded() {
        List<DidUse> seen = new ArrayList<>();
        CallerIdSelector s = CallerIdSelector.newBuilder(pool(SACRAMENTO)).maxPerHour(1).onChoice(seen::add).build();

        s.select(CALLEE_530, T0);
        s.select(CALLEE_530, T0.plusSeconds(5));

        assertThat(seen).containsExactly(DidUse.of(SACRAMENTO, T0), DidUse.of(DEFAULT, T0.plusSeconds(5)));
    }

    @Test
    void builder_historySetTwice_refused() {
        CallerIdSelector.Builder b = CallerIdSelector.newBuilder(pool(SACRAMENTO)).history(List.of());
        assertThatThrownBy(() -> b.history(List.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("history");
    }
}
