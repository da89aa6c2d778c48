package dev.outbound.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.outbound.core.record.ListId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The guarantees {@link ListShare} documents, for random weights and random patterns of lists
 * running dry and refilling. Each selection is recorded with the set of lists that had records.
 */
class ListSharePropertiesTest {
    private static final int SELECTIONS = 1500;

    /** One selection: the lists that had records (bit i for list i) and the index chosen. */
    record Pick(int set, int chosen) {
    }

    /**
     * Runs a share. Each step, with probability 1/flipOdds, one random list runs dry or refills;
     * longer quiet stretches come from large odds.
     */
    private static List<Pick> run(List<Integer> weights, long seed, int flipOdds) {
        int n = weights.size();
        CampaignLists.Builder b = CampaignLists.newBuilder();
        for (int i = 0; i < n; i++) {
            b.weighted(ListId.of("l" + i), weights.get(i));
        }
        ListShare share = ListShare.of(b.build());
        SplittableRandom random = new SplittableRandom(seed);
        int full = (1 << n) - 1;
        int set = full;
        List<Pick> picks = new ArrayList<>();
        for (int step = 0; step < SELECTIONS; step++) {
            if (random.nextInt(flipOdds) == 0) {
                set ^= 1 << random.nextInt(n);
            }
            int s = set;
            Optional<ListId> chosen = share.next(l -> (s & (1 << Integer.parseInt(l.value().substring(1)))) != 0);
            if (s == 0) {
                assertThat(chosen).isEmpty();
                continue;
            }
            int index = Integer.parseInt(chosen.orElseThrow().value().substring(1));
            assertThat(s & (1 << index)).as("a list without records was chosen").isNotZero();
            picks.add(new Pick(s, index));
        }
        return picks;
    }

    private static long total(List<Integer> w, int set) {
        long t = 0;
        for (int i = 0; i < w.size(); i++) {
            if ((set & (1 << i)) != 0) {
                t += w.get(i);
            }
        }
        return t;
    }

    private static long gcd(List<Integer> w, int set) {
        BigInteger g = BigInteger.ZERO;
        for (int i = 0; i < w.size(); i++) {
            if ((set & (1 << i)) != 0) {
                g = g.gcd(BigInteger.valueOf(w.get(i)));
            }
        }
        return g.longValue();
    }

    /** The selections made with each set of lists, in order. */
    private static Map<Integer, List<Integer>> bySet(List<Pick> picks) {
        Map<Integer, List<Integer>> out = new HashMap<>();
        for (Pick p : picks) {
            out.computeIfAbsent(p.set(), k -> new ArrayList<>()).add(p.chosen());
        }
        return out;
    }

    @Test
    void everyWindowOfTotalOverGcdSelections_whileAllListsHaveRecords_holdsExactShares() {
        // Whether a random run holds a window of full-set selections depends on its dry spells; over
        // all the examples many do, and the property must not pass by checking none.
        long[] windowsChecked = {0};
        qt().withExamples(150)
                .forAll(lists().of(integers().between(1, 100)).ofSizeBetween(2, 5), longs().all(), integers().between(2, 60))
                .checkAssert((weights, seed, odds) -> {
                    List<Pick> picks = run(weights, seed, odds);
                    int full = (1 << weights.size()) - 1;
                    long g = gcd(weights, full);
                    int period = (int) (total(weights, full) / g);
                    int checked = 0;
                    // Windows of consecutive selections, all made while every list had records.
                    for (int start = 0; start + period <= picks.size(); start++) {
                        boolean allFull = true;
                        for (int k = start; k < start + period && allFull; k++) {
                            allFull = picks.get(k).set() == full;
                        }
                        if (!allFull) {
                            continue;
                        }
                        int[] count = new int[weights.size()];
                        for (int k = start; k < start + period; k++) {
                            count[picks.get(k).chosen()]++;
                        }
                        for (int i = 0; i < weights.size(); i++) {
                            assertThat(count[i]).as("list %d of %s in window at %d", i, weights, start)
                                    .isEqualTo(weights.get(i) / g);
                        }
                        checked++;
                    }
                    windowsChecked[0] += checked;
                });
        assertThat(windowsChecked[0]).as("windows of full-set selections checked over all examples").isGreaterThan(1000);
    }

    @Test
    void theSelectionsOfEachSetOfLists_holdExactShares_neverRunAhead_andInterleaveLightLists() {
        qt().withExamples(150)
                .forAll(lists().of(integers().between(1, 100)).ofSizeBetween(2, 5), longs().all(), integers().between(2, 60))
                .checkAssert((weights, seed, odds) -> {
                    for (Map.Entry<Integer, List<Integer>> e : bySet(run(weights, seed, odds)).entrySet()) {
                        int set = e.getKey();
                        List<Integer> seq = e.getValue();
                        long w = total(weights, set);
                        long g = gcd(weights, set);
                        int period = (int) (w / g);
                        int members = Integer.bitCount(set);
                        int[] window = new int[weights.size()];
                        int[] sofar = new int[weights.size()];
                        for (int t = 0; t < seq.size(); t++) {
                            int chosen = seq.get(t);
                            sofar[chosen]++;
                            window[chosen]++;
                            if (t >= period) {
                                window[seq.get(t - period)]--;
                            }
                            for (int i = 0; i < weights.size(); i++) {
                                if ((set & (1 << i)) == 0) {
                                    continue;
                                }
                                // Never ahead: (t+1) * w_i - W * n_i > -W.
                                assertThat((t + 1) * (long) weights.get(i) - w * sofar[i])
                                        .as("list %d of %s ahead after %d selections of set %s", i, weights, t + 1, set)
                                        .isGreaterThan(-w);
                                if (t + 1 >= period) {
                                    assertThat(window[i]).as("list %d of %s, set %s, window ending at %d", i, weights, set, t)
                                            .isEqualTo((int) (weights.get(i) / g));
                                }
                            }
                            if (t > 0 && seq.get(t - 1) == chosen && members > 1) {
                                assertThat(weights.get(chosen) * (long) members)
                                        .as("list %d of %s chosen twice in a row in set %s", chosen, weights, set)
                                        .isGreaterThan(w);
                            }
                        }
                    }
                });
    }

    @Test
    void lightLists_areNeverChosenTwiceInARow_forEveryWeightingOfThreeAndFourSmallLists() {
        checkEveryWeighting(new int[3], 0, 12);
        checkEveryWeighting(new int[4], 0, 6);
    }

    private static void checkEveryWeighting(int[] weights, int at, int max) {
        if (at < weights.length) {
            for (int w = 1; w <= max; w++) {
                weights[at] = w;
                checkEveryWeighting(weights, at + 1, max);
            }
            return;
        }
        CampaignLists.Builder b = CampaignLists.newBuilder();
        long total = 0;
        for (int i = 0; i < weights.length; i++) {
            b.weighted(ListId.of("l" + i), weights[i]);
            total += weights[i];
        }
        ListShare share = ListShare.of(b.build());
        // Two whole cycles at most (a cycle is total / gcd selections), so the wrap-around is seen too.
        int previous = -1;
        for (long t = 0; t < 2 * total; t++) {
            int chosen = Integer.parseInt(share.next(l -> true).orElseThrow().value().substring(1));
            if (chosen == previous) {
                assertThat(weights[chosen] * (long) weights.length)
                        .as("list %d of %s chosen twice in a row", chosen, java.util.Arrays.toString(weights))
                        .isGreaterThan(total);
            }
            previous = chosen;
        }
    }
}
