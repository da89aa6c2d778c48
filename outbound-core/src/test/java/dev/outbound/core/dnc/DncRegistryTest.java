package dev.outbound.core.dnc;

import static dev.outbound.core.dnc.TestNumbers.e164;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DncRegistryTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void check_noLists_isClear() {
        DncDecision decision = DncRegistry.newBuilder().build().check(e164("+12015550123"), "", NOW);
        assertThat(decision).isEqualTo(DncDecision.clear());
        assertThat(decision.mayDial()).isTrue();
    }

    @Test
    void check_numberOnGlobalList_isListedWithListAndEntry() {
        DncEntry entry = DncEntry.number(e164("+12015550123")).withSource("national registry");
        DncList national = DncList.newBuilder("national").add(entry).build();
        DncRegistry registry = DncRegistry.newBuilder().global(national).build();

        DncDecision decision = registry.check(e164("+12015550123"), "", NOW);

        assertThat(decision).isEqualTo(new DncDecision.Listed(national, entry));
        assertThat(decision.mayDial()).isFalse();
        assertThat(registry.check(e164("+12015550124"), "", NOW)).isEqualTo(DncDecision.clear());
    }

    @Test
    void check_globalAndCampaignLists_bothBlock_globalIsCheckedFirst() {
        DncList global = DncList.newBuilder("global").add(DncEntry.prefix("+1201")).build();
        DncList campaign = DncList.newBuilder("campaign")
                .add(DncEntry.number(e164("+12015550123")))
                .add(DncEntry.customer("C-7"))
                .build();
        DncRegistry registry = DncRegistry.newBuilder().global(global).campaign(campaign).build();

        assertThat(registry.check(e164("+12015550123"), "", NOW))
                .isEqualTo(new DncDecision.Listed(global, DncEntry.prefix("1201")));
        assertThat(registry.check(e164("+14155550123"), "C-7", NOW))
                .isEqualTo(new DncDecision.Listed(campaign, DncEntry.customer("C-7")));
        assertThat(registry.check(e164("+14155550123"), "C-8", NOW)).isEqualTo(DncDecision.clear());
        assertThat(registry.globalLists()).containsExactly(global);
        assertThat(registry.campaignLists()).containsExactly(campaign);
    }

    @Test
    void check_allowList_onlyListedNumbersOrCustomersAreClear() {
        DncList allow = DncList.newBuilder("dial only these").mode(DncList.Mode.ALLOW)
                .add(DncEntry.number(e164("+15305550147")))
                .add(DncEntry.prefix("+1617"))
                .add(DncEntry.customer("VIP-1"))
                .build();
        DncRegistry registry = DncRegistry.newBuilder().campaign(allow).build();

        assertThat(registry.check(e164("+15305550147"), "", NOW)).isEqualTo(DncDecision.clear());
        assertThat(registry.check(e164("+16175550123"), "", NOW)).isEqualTo(DncDecision.clear());
        assertThat(registry.check(e164("+12015550123"), "VIP-1", NOW)).isEqualTo(DncDecision.clear());
        DncDecision refused = registry.check(e164("+12015550123"), "OTHER", NOW);
        assertThat(refused).isEqualTo(new DncDecision.NotAllowListed(allow));
        assertThat(refused.mayDial()).isFalse();
    }

    @Test
    void check_allowListEntryExpired_isNotAllowListed() {
        Instant t = NOW.plusSeconds(3600);
        DncList allow = DncList.newBuilder("trial").mode(DncList.Mode.ALLOW)
                .add(DncEntry.number(e164("+15305550147")).withExpiry(t))
                .build();
        DncRegistry registry = DncRegistry.newBuilder().campaign(allow).build();

        assertThat(registry.check(e164("+15305550147"), "", t.minusSeconds(1))).isEqualTo(DncDecision.clear());
        assertThat(registry.check(e164("+15305550147"), "", t)).isEqualTo(new DncDecision.NotAllowListed(allow));
    }

    @Test
    void check_blockMatchWinsOverAllowList() {
        DncList allow = DncList.newBuilder("allow").mode(DncList.Mode.ALLOW)
                .add(DncEntry.prefix("+1201")).build();
        DncEntry blocked = DncEntry.number(e164("+12015550123")).withReason("asked not to be called");
        DncList block = DncList.newBuilder("block").add(blocked).build();
        DncRegistry registry = DncRegistry.newBuilder().global(allow).campaign(block).build();

        assertThat(registry.check(e164("+12015550123"), "", NOW)).isEqualTo(new DncDecision.Listed(block, blocked));
        assertThat(registry.check(e164("+12015550124"), "", NOW)).isEqualTo(DncDecision.clear());
    }

    @Test
    void check_everyAllowListMustContainTheNumber_theFirstMissingOneIsReported() {
        DncList first = DncList.newBuilder("first").mode(DncList.Mode.ALLOW).add(DncEntry.prefix("+1")).build();
        DncList second = DncList.newBuilder("second").mode(DncList.Mode.ALLOW).add(DncEntry.prefix("+1201")).build();
        DncRegistry registry = DncRegistry.newBuilder().global(first).campaign(second).build();

        assertThat(registry.check(e164("+12015550123"), "", NOW)).isEqualTo(DncDecision.clear());
        assertThat(registry.check(e164("+14155550123"), "", NOW)).isEqualTo(new DncDecision.NotAllowListed(second));
        assertThat(registry.check(e164("+447400123456"), "", NOW)).isEqualTo(new DncDecision.NotAllowListed(first));
    }

    @Test
    void check_seesChangesMadeToAListAfterTheRegistryWasBuilt() {
        DncList campaign = DncList.newBuilder("campaign").build();
        DncRegistry registry = DncRegistry.newBuilder().campaign(campaign).build();
        assertThat(registry.check(e164("+15305550147"), "", NOW)).isEqualTo(DncDecision.clear());

        campaign.add(DncEntry.number(e164("+15305550147")).withSource("agent request"));

        assertThat(registry.check(e164("+15305550147"), "", NOW)).isInstanceOf(DncDecision.Listed.class);
        campaign.remove(new DncEntry.NumberKey(e164("+15305550147")));
        assertThat(registry.check(e164("+15305550147"), "", NOW)).isEqualTo(DncDecision.clear());
    }

    @Test
    void builder_sameListTwice_isRefused() {
        DncList list = DncList.newBuilder("national").build();
        assertThatThrownBy(() -> DncRegistry.newBuilder().global(list).campaign(list))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for lists (each list at most once in a registry): 'national' given twice");
    }
}
