package dev.outbound.core.lifecycle;

import static dev.outbound.core.lifecycle.QueueFixtures.A;
import static dev.outbound.core.lifecycle.QueueFixtures.B;
import static dev.outbound.core.lifecycle.QueueFixtures.C;
import static dev.outbound.core.lifecycle.QueueFixtures.weighted702030;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.record.ListId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Seed 004's weighted lists: 70/30/100 share calls 35%/15%/50%. */
class ListShareTest {

    private final Set<ListId> dry = new HashSet<>();

    private List<ListId> select(ListShare share, int n) {
        List<ListId> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            share.next(l -> !dry.contains(l)).ifPresent(out::add);
        }
        return out;
    }

    private static Map<ListId, Long> counts(List<ListId> picks) {
        return picks.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    @Test
    void weights70_30_100_share200SelectionsAs70_30_100() {
        List<ListId> picks = select(ListShare.of(weighted702030()), 200);

        assertThat(counts(picks)).isEqualTo(Map.of(A, 70L, B, 30L, C, 100L));
    }

    @Test
    void weights70_30_100_everyWindowOf20Holds7_3_10() {
        List<ListId> picks = select(ListShare.of(weighted702030()), 400);

        for (int start = 0; start + 20 <= picks.size(); start++) {
            assertThat(counts(picks.subList(start, start + 20))).as("window at " + start)
                    .isEqualTo(Map.of(A, 7L, B, 3L, C, 10L));
        }
    }

    @Test
    void weights70_30_100_firstSelectionsInterleave() {
        // By hand: credits (70,30,100) -> C, then (140,60,0) -> A, (10,90,100) -> C,
        // (80,120,0) -> B, (150,-50,100) -> A, (20,-20,200) -> C, (90,10,100) -> C.
        assertThat(select(ListShare.of(weighted702030()), 7)).containsExactly(C, A, C, B, A, C, C);
    }

    @Test
    void listsUnderAThirdOfTheCalls_areNeverChosenTwiceInARow() {
        List<ListId> picks = select(ListShare.of(weighted702030()), 400);

        for (int i = 1; i < picks.size(); i++) {
            if (picks.get(i) != C) {
                assertThat(picks.get(i)).as("selection " + i).isNotEqualTo(picks.get(i - 1));
            }
        }
    }

    @Test
    void listOfWeight93AmongFive_isSometimesChosenTwiceInARow_althoughUnderHalfTheCalls() {
        // The limit of smoothness the class documents: a share above 1/|S| (here 93/277 > 1/5)
        // can repeat even under 50%.
        List<ListId> ids = new ArrayList<>();
        CampaignLists.Builder b = CampaignLists.newBuilder();
        int[] weights = {48, 93, 22, 70, 44};
        for (int i = 0; i < weights.length; i++) {
            ids.add(ListId.of("l" + i));
            b.weighted(ids.get(i), weights[i]);
        }
        List<ListId> picks = select(ListShare.of(b.build()), 277);

        boolean repeated = false;
        for (int i = 1; i < picks.size(); i++) {
            repeated |= picks.get(i) == ids.get(1) && picks.get(i - 1) == ids.get(1);
        }
        assertThat(repeated).isTrue();
        assertThat(Collections.frequency(picks, ids.get(1))).isEqualTo(93);
    }

    @Test
    void aListRunningDry_doesNotStallTheOthers_whoShareByTheirOwnWeights() {
        ListShare share = ListShare.of(weighted702030());
        dry.add(B);

        List<ListId> picks = select(share, 170);

        assertThat(counts(picks)).isEqualTo(Map.of(A, 70L, C, 100L));
    }

    @Test
    void aListThatRefills_getsItsShareAgain_withoutABurstToCatchUp() {
        ListShare share = ListShare.of(weighted702030());
        select(share, 13);
        dry.add(B);
        select(share, 100);
        dry.clear();

        List<ListId> after = select(share, 20);

        // Had B earned credit while dry, it would now take several calls in a row.
        assertThat(counts(after)).isEqualTo(Map.of(A, 7L, B, 3L, C, 10L));
        for (int i = 1; i < after.size(); i++) {
            if (after.get(i) == B) {
                assertThat(after.get(i - 1)).isNotEqualTo(B);
            }
        }
    }

    @Test
    void aListThatFlapsEverySelection_doesNotStarveTheLightList() {
        ListShare share = ListShare.of(weighted702030());
        List<ListId> picks = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            boolean aHasRecords = i % 2 == 0;
            share.next(l -> l != A || aHasRecords).ifPresent(picks::add);
        }

        // B's share is 30/200 with A and 30/130 without: at least 15% of the 400.
        assertThat(Collections.frequency(picks, B)).isGreaterThanOrEqualTo(60);
    }

    @Test
    void aDisabledList_isNeverChosen() {
        CampaignLists lists = CampaignLists.newBuilder().weighted(A, 70).disabled(B).weighted(C, 100).build();

        List<ListId> picks = select(ListShare.of(lists), 340);

        assertThat(counts(picks)).isEqualTo(Map.of(A, 140L, C, 200L));
    }

    @Test
    void noListWithRecords_choosesNothing() {
        dry.addAll(List.of(A, B, C));

        assertThat(ListShare.of(weighted702030()).next(l -> !dry.contains(l))).isEmpty();
    }

    @Test
    void aListTheCampaignDoesNotName_sharesWithTheDefaultWeight() {
        ListId d = ListId.of("list-d");
        ListShare share = ListShare.of(CampaignLists.newBuilder().weighted(A, 300).build());
        share.add(d);

        List<ListId> picks = select(share, 400);

        assertThat(counts(picks)).isEqualTo(Map.of(A, 300L, d, 100L));
        assertThat(share.lists()).containsExactly(A, d);
    }

    @Test
    void equalWeights_alternate_startingWithTheListNamedFirst() {
        ListShare share = ListShare.of(CampaignLists.newBuilder().weighted(B, 5).weighted(A, 5).build());

        assertThat(select(share, 4)).containsExactly(B, A, B, A);
    }
}
