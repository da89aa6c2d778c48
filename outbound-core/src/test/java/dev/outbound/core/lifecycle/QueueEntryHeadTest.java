package dev.outbound.core.lifecycle;

import static dev.outbound.core.lifecycle.QueueFixtures.T0;
import static dev.outbound.core.lifecycle.QueueFixtures.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.outbound.core.record.Record;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The packed head of a reference id that the dial queue's heaps compare before the ids
 * themselves: a smaller head must mean a smaller id, whatever characters the ids hold.
 */
class QueueEntryHeadTest {
    /** Ids from these characters: ASCII, one-byte Latin-1 (up to 'ÿ', 255) and wider ones. */
    private static final char[] ALPHABET = {'0', '1', '9', 'A', 'L', 'Z', 'a', 'z', '-', 'é', 'ÿ', 'Ā', '€', '中'};

    @Test
    void head_smallerHead_meansSmallerId() {
        qt().withExamples(5000)
                .forAll(longs().all(), integers().between(1, 12), integers().between(1, 12))
                .checkAssert((seed, lengthA, lengthB) -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    String a = id(random, lengthA);
                    // Half the pairs share a random prefix, so that heads often tie or differ late.
                    String b = random.nextBoolean() ? a.substring(0, random.nextInt(a.length() + 1)) + id(random, lengthB)
                            : id(random, lengthB);
                    int heads = Long.compareUnsigned(QueueEntry.head(a), QueueEntry.head(b));
                    if (heads < 0) {
                        assertThat(a.compareTo(b)).as("%s vs %s", a, b).isNegative();
                    } else if (heads > 0) {
                        assertThat(a.compareTo(b)).as("%s vs %s", a, b).isPositive();
                    }
                });
    }

    @Test
    void head_worksOutHandPickedIds() {
        // "L1" pads with 0, below the '0' (0x30) of "L10".
        assertThat(Long.compareUnsigned(QueueEntry.head("L1"), QueueEntry.head("L10"))).isNegative();
        // '€' (0x20AC) is beyond one byte: it and all after it count as 255, above 'c'.
        assertThat(Long.compareUnsigned(QueueEntry.head("ab€"), QueueEntry.head("abc"))).isPositive();
        // 'ÿ' (255) ties with '€' in the head, the padding 0 after it settles it below.
        assertThat(Long.compareUnsigned(QueueEntry.head("abÿÿ"), QueueEntry.head("ab€"))).isNegative();
        // Ids that agree in their first eight characters have equal heads: the ids decide.
        assertThat(QueueEntry.head("CUSTOMER-10")).isEqualTo(QueueEntry.head("CUSTOMER-9"));
    }

    @Test
    void next_recordsDueAtOnce_comeInIdOrder_evenWhenHeadsTie() {
        DialQueue queue = QueueFixtures.queue();
        for (String ref : List.of("CUSTOMER-€", "CUSTOMER-9", "A", "CUSTOMER-ÿ", "CUSTOMER-10", "CUSTOMER-1")) {
            queue.offer(rec(ref).build());
        }
        List<String> out = new ArrayList<>();
        Optional<Record> r;
        while ((r = queue.next(T0, Optional.empty())).isPresent()) {
            out.add(r.get().ref().value());
        }
        // By String.compareTo: '1' (0x31) < '9' (0x39) < 'ÿ' (0xFF) < '€' (0x20AC), and "A" before "C".
        assertThat(out).containsExactly("A", "CUSTOMER-1", "CUSTOMER-10", "CUSTOMER-9", "CUSTOMER-ÿ", "CUSTOMER-€");
    }

    private static String id(SplittableRandom random, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return b.toString();
    }
}
