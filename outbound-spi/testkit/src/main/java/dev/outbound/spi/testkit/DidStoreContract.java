package dev.outbound.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.callerid.CallerIdSelector;
import dev.outbound.core.callerid.Did;
import dev.outbound.core.callerid.DidPool;
import dev.outbound.core.callerid.DidUse;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.CampaignId;
import dev.outbound.spi.callerid.DidStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link DidStore}: every rule its javadoc states, as JUnit 5 tests. A store proves
 * it honours the contract by a test class that extends this one and returns a fresh, empty store
 * from {@link #newStore()}; the kit closes every store it made. Each test states one rule with
 * values worked out by hand; a property test records random uses and asks for random spans.
 */
public abstract class DidStoreContract {
    private static final CampaignId SALES = CampaignId.of("sales");
    private static final CampaignId SERVICE = CampaignId.of("service");
    private static final PhoneNumber DEFAULT = PhoneNumber.ofE164("+12025550100");
    private static final PhoneNumber SACRAMENTO = PhoneNumber.ofE164("+19165550101");
    private static final PhoneNumber CHICO = PhoneNumber.ofE164("+15305550102");
    private static final PhoneNumber NEW_YORK = PhoneNumber.ofE164("+12125550104");
    private static final PhoneNumber LONDON = PhoneNumber.ofE164("+442079460018");
    private static final PhoneNumber CALLEE = PhoneNumber.ofE164("+15305550199");
    private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");

    private DidStore store;

    /** For subclasses. */
    protected DidStoreContract() {
    }

    /**
     * Makes the store under test. Each test calls it once before it starts, and the property test
     * once per example.
     *
     * @return a new store holding no pool and no use
     */
    protected abstract DidStore newStore();

    @BeforeEach
    final void openStore() {
        store = newStore();
    }

    @AfterEach
    final void closeStore() {
        store.close();
    }

    private static DidPool pool(Did... dids) {
        return DidPool.of(DEFAULT, List.of(dids));
    }

    // ---------------------------------------------------------------- pools

    @Test
    void pool_nothingPut_empty() {
        assertThat(store.pool(SALES)).isEmpty();
    }

    @Test
    void putPool_thenPool_sameDidsOrderLabelsRetirementsAndDefault() {
        DidPool p = pool(Did.of(SACRAMENTO, "Sacramento"), new Did(CHICO, Optional.empty(), true),
                Did.of(LONDON, "London"), Did.of(NEW_YORK));
        store.putPool(SALES, p);

        DidPool read = store.pool(SALES).orElseThrow();
        assertThat(read.campaignDefault()).isEqualTo(DEFAULT);
        assertThat(read.dids()).containsExactly(Did.of(SACRAMENTO, "Sacramento"), new Did(CHICO, Optional.empty(), true),
                Did.of(LONDON, "London"), Did.of(NEW_YORK));
    }

    @Test
    void putPool_emptyPool_keptWithItsDefault() {
        store.putPool(SALES, DidPool.of(NEW_YORK, List.of()));

        assertThat(store.pool(SALES)).contains(DidPool.of(NEW_YORK, List.of()));
    }

    @Test
    void putPool_again_replacesEntirely_retiredDidComesBack() {
        store.putPool(SALES, pool(Did.of(SACRAMENTO), Did.of(CHICO)));
        store.retire(SALES, CHICO);

        store.putPool(SALES, DidPool.of(NEW_YORK, List.of(Did.of(CHICO))));

        assertThat(store.pool(SALES)).contains(DidPool.of(NEW_YORK, List.of(Did.of(CHICO))));
    }

    @Test
    void campaigns_independent() {
        store.putPool(SALES, pool(Did.of(SACRAMENTO)));
        store.putPool(SERVICE, pool(Did.of(CHICO)));
        store.retire(SALES, SACRAMENTO);
        store.recordUse(SALES, DidUse.of(SACRAMENTO, T0));

        assertThat(store.pool(SERVICE)).contains(pool(Did.of(CHICO)));
        assertThat(store.uses(SERVICE, T0.minusSeconds(1), T0)).isEmpty();
        assertThat(store.pool(CampaignId.of("other"))).isEmpty();
    }

    // ---------------------------------------------------------------- upsert

    @Test
    void upsert_noPool_refusedAndNothingWritten() {
        assertThatThrownBy(() -> store.upsert(SALES, List.of(Did.of(SACRAMENTO))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sales");
        assertThat(store.pool(SALES)).isEmpty();
    }

    @Test
    void upsert_newNumbersAtTheEndInOrder_knownNumbersKeepTheirPlace() {
        store.putPool(SALES, pool(Did.of(SACRAMENTO), Did.of(CHICO)));

        DidPool after = store.upsert(SALES, List.of(Did.of(NEW_YORK), Did.of(CHICO, "Chico"), Did.of(LONDON)));

        List<Did> expected = List.of(Did.of(SACRAMENTO), Did.of(CHICO, "Chico"), Did.of(NEW_YORK), Did.of(LONDON));
        assertThat(after.dids()).isEqualTo(expected);
        assertThat(store.pool(SALES).orElseThrow().dids()).isEqualTo(expected);
    }

    @Test
    void upsert_withoutLabel_keepsTheOldLabel() {
        store.putPool(SALES, pool(Did.of(CHICO, "Chico")));

        store.upsert(SALES, List.of(Did.of(CHICO)));

        assertThat(store.pool(SALES).orElseThrow().dids()).containsExactly(Did.of(CHICO, "Chico"));
    }

    @Test
    void upsert_retirementIsOneWay_retiredRowRetires_activeRowDoesNotRevive() {
        store.putPool(SALES, pool(Did.of(SACRAMENTO), new Did(CHICO, Optional.empty(), true)));

        store.upsert(SALES, List.of(new Did(SACRAMENTO, Optional.empty(), true), Did.of(CHICO)));

        assertThat(store.pool(SALES).orElseThrow().dids()).containsExactly(new Did(SACRAMENTO, Optional.empty(), true),
                new Did(CHICO, Optional.empty(), true));
    }

    @Test
    void upsert_numberTwice_refusedAndNothingWritten() {
        store.putPool(SALES, pool(Did.of(SACRAMENTO)));

        assertThatThrownBy(() -> store.upsert(SALES, List.of(Did.of(CHICO), Did.of(CHICO, "again"))))
                .isInstanceOf(InvalidValueException.class);
        assertThat(store.pool(SALES)).contains(pool(Did.of(SACRAMENTO)));
    }

    // ---------------------------------------------------------------- retire

    @Test
    void retire_activeDid_trueAndRetiredInPlace() {
        store.putPool(SALES, pool(Did.of(SACRAMENTO), Did.of(CHICO, "Chico"), Did.of(NEW_YORK)));

        assertThat(store.retire(SALES, CHICO)).isTrue();

        assertThat(store.pool(SALES).orElseThrow().dids()).containsExactly(Did.of(SACRAMENTO),
                new Did(CHICO, Optional.of("Chico"), true), Did.of(NEW_YORK));
    }

    @Test
    void retire_retiredAlready_falseAndStillRetired() {
        store.putPool(SALES, pool(Did.of(SACRAMENTO)));
        store.retire(SALES, SACRAMENTO);

        assertThat(store.retire(SALES, SACRAMENTO)).isFalse();
        assertThat(store.pool(SALES).orElseThrow().active()).isEmpty();
    }

    @Test
    void retire_numberNotInPool_refused() {
        store.putPool(SALES, pool(Did.of(SACRAMENTO)));

        assertThatThrownBy(() -> store.retire(SALES, CHICO)).isInstanceOf(InvalidValueException.class);
        assertThat(store.pool(SALES)).contains(pool(Did.of(SACRAMENTO)));
    }

    @Test
    void retire_noPool_refused() {
        assertThatThrownBy(() -> store.retire(SALES, CHICO)).isInstanceOf(IllegalStateException.class);
    }

    // ---------------------------------------------------------------- uses

    @Test
    void uses_spanExcludesItsStartAndIncludesItsEnd() {
        store.recordUse(SALES, DidUse.of(SACRAMENTO, T0));
        store.recordUse(SALES, DidUse.of(CHICO, T0.plusSeconds(60)));
        store.recordUse(SALES, DidUse.of(NEW_YORK, T0.plusSeconds(3600)));

        assertThat(store.uses(SALES, T0, T0.plusSeconds(3600))).containsExactly(DidUse.of(CHICO, T0.plusSeconds(60)),
                DidUse.of(NEW_YORK, T0.plusSeconds(3600)));
        assertThat(store.uses(SALES, T0.minusNanos(1), T0)).containsExactly(DidUse.of(SACRAMENTO, T0));
        assertThat(store.uses(SALES, T0, T0)).isEmpty();
    }

    @Test
    void uses_oldestFirst_sameInstantInRecordedOrder_repeatsEachCount() {
        store.recordUse(SALES, DidUse.of(CHICO, T0.plusSeconds(10)));
        store.recordUse(SALES, DidUse.of(NEW_YORK, T0));
        store.recordUse(SALES, DidUse.of(SACRAMENTO, T0));
        store.recordUse(SALES, DidUse.of(NEW_YORK, T0));

        assertThat(store.uses(SALES, T0.minusSeconds(1), T0.plusSeconds(10))).containsExactly(DidUse.of(NEW_YORK, T0),
                DidUse.of(SACRAMENTO, T0), DidUse.of(NEW_YORK, T0), DidUse.of(CHICO, T0.plusSeconds(10)));
    }

    @Test
    void uses_instantsKeptToTheNanosecond() {
        Instant at = T0.plusNanos(123_456_789);
        store.recordUse(SALES, DidUse.of(CHICO, at));

        assertThat(store.uses(SALES, T0, T0.plusSeconds(1))).containsExactly(DidUse.of(CHICO, at));
    }

    @Test
    void uses_endBeforeStart_refused() {
        assertThatThrownBy(() -> store.uses(SALES, T0, T0.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countUses_countsOneNumberInTheSpan() {
        store.recordUse(SALES, DidUse.of(CHICO, T0));
        store.recordUse(SALES, DidUse.of(CHICO, T0.plusSeconds(30)));
        store.recordUse(SALES, DidUse.of(SACRAMENTO, T0.plusSeconds(30)));
        store.recordUse(SALES, DidUse.of(CHICO, T0.plusSeconds(3601)));

        assertThat(store.countUses(SALES, CHICO, T0.minusSeconds(1), T0.plusSeconds(3600))).isEqualTo(2);
        assertThat(store.countUses(SALES, NEW_YORK, T0.minusSeconds(1), T0.plusSeconds(3600))).isZero();
    }

    @Test
    void deleteUsesBefore_dropsOnlyEarlierUses_ofThatCampaign() {
        store.recordUse(SALES, DidUse.of(CHICO, T0.minusSeconds(1)));
        store.recordUse(SALES, DidUse.of(CHICO, T0));
        store.recordUse(SERVICE, DidUse.of(CHICO, T0.minusSeconds(1)));

        assertThat(store.deleteUsesBefore(SALES, T0)).isEqualTo(1);

        assertThat(store.uses(SALES, T0.minusSeconds(10), T0)).containsExactly(DidUse.of(CHICO, T0));
        assertThat(store.uses(SERVICE, T0.minusSeconds(10), T0)).hasSize(1);
    }

    @Test
    void putPool_keepsTheUses() {
        store.putPool(SALES, pool(Did.of(CHICO)));
        store.recordUse(SALES, DidUse.of(CHICO, T0));

        store.putPool(SALES, pool(Did.of(SACRAMENTO)));

        assertThat(store.uses(SALES, T0.minusSeconds(1), T0)).containsExactly(DidUse.of(CHICO, T0));
    }

    /** What the store is for: a selector made after a restart, from the stored uses, keeps the caps. */
    @Test
    void selectorHistoryFromTheStore_capsHoldAcrossARestart() {
        store.putPool(SALES, pool(Did.of(CHICO)));
        CallerIdSelector first = CallerIdSelector.newBuilder(store.pool(SALES).orElseThrow()).maxPerHour(2)
                .onChoice(u -> store.recordUse(SALES, u)).build();
        first.select(CALLEE, T0);
        first.select(CALLEE, T0.plusSeconds(60));

        Instant restart = T0.plusSeconds(120);
        CallerIdSelector second = CallerIdSelector.newBuilder(store.pool(SALES).orElseThrow()).maxPerHour(2)
                .history(store.uses(SALES, restart.minus(Duration.ofDays(1)), restart)).build();

        assertThat(second.select(CALLEE, restart).number()).isEqualTo(DEFAULT);
        // An hour after the first call it leaves the window: CHICO has one call free again.
        assertThat(second.select(CALLEE, T0.plusSeconds(3600)).number()).isEqualTo(CHICO);
    }

    /** Random uses, random spans: the store returns exactly the recorded uses in the span, oldest first. */
    @Test
    void uses_randomUsesAndSpans_exactlyThoseInTheSpanInOrder() {
        List<PhoneNumber> numbers = List.of(SACRAMENTO, CHICO, NEW_YORK, LONDON);
        qt().withExamples(40).forAll(longs().all(), integers().between(0, 40)).checkAssert((seed, count) -> {
            DidStore subject = newStore();
            try {
                SplittableRandom random = new SplittableRandom(seed);
                List<DidUse> recorded = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    DidUse u = DidUse.of(numbers.get(random.nextInt(numbers.size())),
                            T0.plusSeconds(random.nextInt(7200)));
                    recorded.add(u);
                    subject.recordUse(SALES, u);
                }
                Instant after = T0.plusSeconds(random.nextInt(7200) - 60);
                Instant upTo = after.plusSeconds(random.nextInt(7200));
                List<DidUse> expected = new ArrayList<>();
                for (DidUse u : recorded) {
                    if (u.at().isAfter(after) && !u.at().isAfter(upTo)) {
                        expected.add(u);
                    }
                }
                expected.sort((a, b) -> a.at().compareTo(b.at()));
                assertThat(subject.uses(SALES, after, upTo)).isEqualTo(expected);
            } finally {
                subject.close();
            }
        });
    }
}
