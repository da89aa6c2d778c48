package dev.outbound.core.callerid;

import static dev.outbound.core.callerid.CallerIdSelectorTest.CHICO;
import static dev.outbound.core.callerid.CallerIdSelectorTest.DEFAULT;
import static dev.outbound.core.callerid.CallerIdSelectorTest.NEW_YORK;
import static dev.outbound.core.callerid.CallerIdSelectorTest.SACRAMENTO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** DidPool.merge: the upsert of an import into a stored pool. */
class DidPoolMergeTest {

    @Test
    void merge_knownKeepPlaceAndTakeNewLabel_newAppended_retirementOneWay() {
        DidPool pool = DidPool.of(DEFAULT, List.of(Did.of(SACRAMENTO, "Sac"), new Did(CHICO, Optional.empty(), true)));

        DidPool merged = pool.merge(List.of(Did.of(NEW_YORK), Did.of(CHICO, "Chico"), Did.of(SACRAMENTO)));

        assertThat(merged).isEqualTo(DidPool.of(DEFAULT, List.of(Did.of(SACRAMENTO, "Sac"),
                new Did(CHICO, Optional.of("Chico"), true), Did.of(NEW_YORK))));
        assertThat(pool.dids()).hasSize(2);
    }

    @Test
    void merge_numberTwice_refused() {
        DidPool pool = DidPool.of(DEFAULT, List.of());

        assertThatThrownBy(() -> pool.merge(List.of(Did.of(CHICO), Did.of(CHICO)))).isInstanceOf(
                InvalidValueException.class).hasMessageContaining("+15305550102");
    }
}
