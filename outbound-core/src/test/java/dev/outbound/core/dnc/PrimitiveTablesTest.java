package dev.outbound.core.dnc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The open-addressing tables behave as maps under any sequence of puts and removes, including
 * probe runs that wrap around the end of the array and removals that shift entries back.
 */
class PrimitiveTablesTest {

    /** A put (remove == false) or remove of a key chosen from a small range, so keys collide. */
    record Step(boolean remove, int key, int value) {
    }

    private static org.quicktheories.core.Gen<List<Step>> steps() {
        return lists().of(integers().between(0, 2).zip(integers().between(1, 48), integers().between(0, 1000),
                (r, k, v) -> new Step(r == 0, k, v))).ofSizeBetween(0, 200);
    }

    @Test
    void longTable_agreesWithAHashMap() {
        qt().forAll(steps()).checkAssert(steps -> {
            LongTable table = new LongTable(0);
            Map<Long, Integer> model = new HashMap<>();
            for (Step s : steps) {
                // Keys spaced like phone digits differing in the last places.
                long key = 12_015_550_000L + s.key();
                if (s.remove()) {
                    assertThat(table.remove(key)).isEqualTo(model.remove(key) != null);
                } else {
                    if (!table.hasRoomFor(1)) {
                        table = table.grownFor(1);
                    }
                    assertThat(table.put(key, s.value(), s.value() + 1)).isEqualTo(model.put(key, s.value()) == null);
                }
                assertThat(table.size()).isEqualTo(model.size());
            }
            for (int k = 1; k <= 48; k++) {
                long key = 12_015_550_000L + k;
                int slot = table.indexOf(key);
                Integer expected = model.get(key);
                if (expected == null) {
                    assertThat(slot).isEqualTo(-1);
                } else {
                    assertThat(slot).isNotNegative();
                    assertThat(table.expiries[slot]).isEqualTo((long) expected);
                    assertThat(table.metas[slot]).isEqualTo(expected + 1);
                }
            }
        });
    }

    @Test
    void refTable_agreesWithAHashMap() {
        qt().forAll(steps()).checkAssert(steps -> {
            RefTable table = new RefTable(0);
            Map<String, Integer> model = new HashMap<>();
            for (Step s : steps) {
                String key = "CUST-" + s.key();
                if (s.remove()) {
                    assertThat(table.remove(key)).isEqualTo(model.remove(key) != null);
                } else {
                    if (!table.hasRoomFor(1)) {
                        table = table.grownFor(1);
                    }
                    assertThat(table.put(key, s.value(), s.value() + 1)).isEqualTo(model.put(key, s.value()) == null);
                }
                assertThat(table.size()).isEqualTo(model.size());
            }
            for (int k = 1; k <= 48; k++) {
                String key = "CUST-" + k;
                int slot = table.indexOf(key);
                Integer expected = model.get(key);
                if (expected == null) {
                    assertThat(slot).isEqualTo(-1);
                } else {
                    assertThat(slot).isNotNegative();
                    assertThat(table.expiries[slot]).isEqualTo((long) expected);
                }
            }
        });
    }

    @Test
    void capacity_isAPowerOfTwoHoldingTheEntriesAtMost75PercentFull() {
        assertThat(LongTable.capacityFor(0)).isEqualTo(16);
        assertThat(LongTable.capacityFor(12)).isEqualTo(16);
        assertThat(LongTable.capacityFor(13)).isEqualTo(32);
        assertThat(LongTable.capacityFor(1_000_000)).isEqualTo(1 << 21);
        assertThat(LongTable.capacityFor(10_000_000)).isEqualTo(1 << 24);
    }

    @Test
    void phoneNumberDigits_theTableKeyAreTheE164DigitsAsALong() {
        for (dev.outbound.core.phone.PhoneNumber n : TestNumbers.POOL) {
            assertThat(n.digits()).isEqualTo(Long.parseLong(n.e164().substring(1)));
        }
        dev.outbound.core.phone.PhoneNumber longest = new dev.outbound.core.phone.PhoneNumber(
                "+999999999999999", 999, "001", dev.outbound.core.phone.LineType.UNKNOWN, "");
        assertThat(longest.digits()).isEqualTo(999_999_999_999_999L);
    }
}
