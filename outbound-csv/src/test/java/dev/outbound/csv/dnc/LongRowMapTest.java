package dev.outbound.csv.dnc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LongRowMapTest {

    @Test
    void putIfAbsent_firstRowWins_acrossManyGrowths() {
        LongRowMap map = new LongRowMap();
        int n = 100_000;
        for (int i = 1; i <= n; i++) {
            // E.164-like keys sharing leading digits, as a national file's numbers do.
            assertThat(map.putIfAbsent(12_125_550_000L + i * 7L, i)).isZero();
        }
        for (int i = 1; i <= n; i++) {
            assertThat(map.putIfAbsent(12_125_550_000L + i * 7L, n + i)).isEqualTo(i);
        }
        assertThat(map.size()).isEqualTo(n);
        assertThat(map.putIfAbsent(12_125_550_000L + 3L, 1)).isZero();
    }
}
