package dev.outbound.csv.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowIndexTest {
    @Test
    void firstRowWins_andLaterRowsGetIt() {
        RowIndex index = new RowIndex();
        assertThat(index.putIfAbsent("C-1", 1)).isZero();
        assertThat(index.putIfAbsent("C-2", 2)).isZero();
        assertThat(index.putIfAbsent("C-1", 7)).isEqualTo(1);
        assertThat(index.contains("C-2")).isTrue();
        assertThat(index.contains("C-3")).isFalse();
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void agreesWithAHashMap_throughGrowthAndCollidingHashes() {
        // "Aa" and "BB" share a hash code, so ids built from them collide at every table size.
        qt().withExamples(300).forAll(lists().of(integers().between(0, 3_000)).ofSizeBetween(0, 4_000))
                .checkAssert(ids -> {
                    RowIndex index = new RowIndex();
                    Map<String, Long> model = new HashMap<>();
                    long row = 1;
                    for (int id : ids) {
                        String key = (id % 2 == 0 ? "Aa" : "BB") + (id / 2);
                        Long expected = model.putIfAbsent(key, row);
                        assertThat(index.putIfAbsent(key, row)).isEqualTo(expected == null ? 0 : expected);
                        row++;
                    }
                    assertThat(index.size()).isEqualTo(model.size());
                    for (String key : model.keySet()) {
                        assertThat(index.contains(key)).isTrue();
                    }
                    assertThat(index.contains("absent")).isFalse();
                });
    }
}
