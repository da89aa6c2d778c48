package dev.outbound.spi.memory;

import static dev.outbound.spi.memory.StoreFixtures.minutes;
import static dev.outbound.spi.memory.StoreFixtures.number;
import static dev.outbound.spi.memory.StoreFixtures.rec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.record.CallResult;
import dev.outbound.spi.store.Interaction;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A stored record's history: a repeated id is refused wherever the first copy sits, even after inserts in the middle. */
class StoreEntryTest {
    private static Interaction call(String id, Instant at) {
        return Interaction.of(id, at, number("+15305550147"), CallResult.NO_ANSWER);
    }

    @Test
    void append_repeatedId_refusedAfterOutOfOrderInserts() {
        StoreEntry e = new StoreEntry(rec("r1").build());
        // Five in time order, then two that go in the middle, so the history grows past its first size.
        for (int i = 0; i < 5; i++) {
            assertThat(e.append(call("i" + i, minutes(10 * i)))).isTrue();
        }
        assertThat(e.append(call("late-1", minutes(15)))).isTrue();
        assertThat(e.append(call("late-2", minutes(5)))).isTrue();

        // Each id again, at another instant: refused, wherever the first copy ended up.
        for (String id : new String[] {"i0", "late-2", "i1", "late-1", "i2", "i3", "i4"}) {
            assertThat(e.append(call(id, minutes(99)))).as(id).isFalse();
        }
        // Newest first: 40, 30, 20, 15, 10, 5, 0 minutes.
        assertThat(e.latest(10)).extracting(Interaction::id)
                .containsExactly("i4", "i3", "i2", "late-1", "i1", "late-2", "i0");
    }
}
