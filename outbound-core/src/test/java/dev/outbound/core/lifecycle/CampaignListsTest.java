package dev.outbound.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.record.ListId;
import org.junit.jupiter.api.Test;

class CampaignListsTest {
    private static final ListId A = ListId.of("a");
    private static final ListId B = ListId.of("b");

    @Test
    void equals_sameListsOrderFlagsAndWeights_equalWithTheSameHash() {
        CampaignLists x = CampaignLists.newBuilder().weighted(A, 70).disabled(B).build();
        CampaignLists y = CampaignLists.newBuilder().weighted(A, 70).disabled(B).build();
        assertThat(x).isEqualTo(y).hasSameHashCodeAs(y);
    }

    @Test
    void equals_anyDifference_notEqual() {
        CampaignLists base = CampaignLists.newBuilder().weighted(A, 70).weighted(B, 30).build();
        assertThat(base).isNotEqualTo(CampaignLists.newBuilder().weighted(A, 70).weighted(B, 31).build());
        assertThat(base).isNotEqualTo(CampaignLists.newBuilder().weighted(B, 30).weighted(A, 70).build());
        assertThat(base).isNotEqualTo(CampaignLists.newBuilder().weighted(A, 70).disabled(B).build());
        assertThat(base).isNotEqualTo(CampaignLists.newBuilder().enabled(A).enabled(B).build());
        assertThat(CampaignLists.allEnabled()).isNotEqualTo(base).isEqualTo(CampaignLists.newBuilder().build());
    }

    @Test
    void equals_weightLeftAtItsDefault_equalsTheDefaultSetExplicitly() {
        CampaignLists implicit = CampaignLists.newBuilder().enabled(A).weighting(true).build();
        CampaignLists explicit = CampaignLists.newBuilder().weighted(A, CampaignLists.DEFAULT_WEIGHT).build();
        assertThat(implicit).isEqualTo(explicit);
    }
}
