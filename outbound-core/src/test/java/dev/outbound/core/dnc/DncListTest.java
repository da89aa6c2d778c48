package dev.outbound.core.dnc;

import static dev.outbound.core.dnc.TestNumbers.e164;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.OutboundException;
import dev.outbound.core.phone.PhoneNumber;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DncListTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void find_exactNumber_matchesOnlyThatNumber() {
        DncList list = DncList.newBuilder("registry")
                .add(DncEntry.number(e164("+12015550123")).withSource("national registry"))
                .build();

        Optional<DncEntry> found = list.find(e164("+12015550123"), "", NOW);

        assertThat(found).isPresent();
        assertThat(found.get().key()).isEqualTo(new DncEntry.NumberKey(e164("+12015550123")));
        assertThat(found.get().source()).contains("national registry");
        assertThat(list.find(e164("+12015550124"), "", NOW)).isEmpty();
    }

    @Test
    void find_numberWithExtension_matchesTheEntryForTheNumber() {
        DncList list = DncList.newBuilder("registry").add(DncEntry.number(e164("+12015550123"))).build();
        PhoneNumber withExtension = PhoneNumber.parse("+1 201 555 0123 ext. 7", PhoneNumber.NO_REGION);

        assertThat(list.find(withExtension, "", NOW))
                .map(DncEntry::key)
                .contains(new DncEntry.NumberKey(e164("+12015550123")));
    }

    @Test
    void find_prefix1201_blocks12015550123_butNot12025550123() {
        DncList list = DncList.newBuilder("area codes").add(DncEntry.prefix("+1201")).build();

        assertThat(list.find(e164("+12015550123"), "", NOW))
                .map(DncEntry::key)
                .contains(new DncEntry.PrefixKey("1201"));
        assertThat(list.find(e164("+12025550123"), "", NOW)).isEmpty();
    }

    @Test
    void find_prefixAsLongAsTheNumber_matchesIt() {
        DncList list = DncList.newBuilder("l").add(DncEntry.prefix("12015550123")).build();

        assertThat(list.find(e164("+12015550123"), "", NOW)).isPresent();
        assertThat(list.find(e164("+12015550124"), "", NOW)).isEmpty();
    }

    @Test
    void find_severalPrefixes_longestIsTheEvidence() {
        DncList list = DncList.newBuilder("l")
                .add(DncEntry.prefix("+1").withReason("country"))
                .add(DncEntry.prefix("+1201555").withReason("exchange"))
                .add(DncEntry.prefix("+1201").withReason("area"))
                .build();

        assertThat(list.find(e164("+12015550123"), "", NOW)).map(DncEntry::reason).contains(Optional.of("exchange"));
        assertThat(list.find(e164("+12012345678"), "", NOW)).map(DncEntry::reason).contains(Optional.of("area"));
        assertThat(list.find(e164("+14155550123"), "", NOW)).map(DncEntry::reason).contains(Optional.of("country"));
        assertThat(list.find(e164("+447400123456"), "", NOW)).isEmpty();
    }

    @Test
    void find_exactNumberComesBeforePrefix_andPrefixBeforeCustomer() {
        DncList list = DncList.newBuilder("l")
                .add(DncEntry.prefix("+1201").withReason("prefix"))
                .add(DncEntry.number(e164("+12015550123")).withReason("number"))
                .add(DncEntry.customer("C-1").withReason("customer"))
                .build();

        assertThat(list.find(e164("+12015550123"), "C-1", NOW)).map(DncEntry::reason).contains(Optional.of("number"));
        assertThat(list.find(e164("+12015550124"), "C-1", NOW)).map(DncEntry::reason).contains(Optional.of("prefix"));
        assertThat(list.find(e164("+14155550123"), "C-1", NOW)).map(DncEntry::reason).contains(Optional.of("customer"));
    }

    @Test
    void find_customerEntry_blocksAnyNumberOfThatCustomer() {
        DncList list = DncList.newBuilder("l").add(DncEntry.customer("CUST-42").withSource("agent request")).build();

        for (String number : List.of("+12015550123", "+14155550123", "+447400123456")) {
            Optional<DncEntry> found = list.find(e164(number), "CUST-42", NOW);
            assertThat(found).map(DncEntry::key).contains(new DncEntry.CustomerKey("CUST-42"));
            assertThat(found).map(DncEntry::source).contains(Optional.of("agent request"));
        }
        assertThat(list.find(e164("+12015550123"), "CUST-43", NOW)).isEmpty();
        assertThat(list.find(e164("+12015550123"), "cust-42", NOW)).isEmpty();
        assertThat(list.find(e164("+12015550123"), "", NOW)).isEmpty();
    }

    @Test
    void find_entryExpiringAtT_matchesAtTMinus1s_notAtTOrLater() {
        Instant t = Instant.parse("2026-06-30T00:00:00Z");
        DncList list = DncList.newBuilder("l")
                .add(DncEntry.number(e164("+12015550123")).withExpiry(t))
                .add(DncEntry.prefix("+1415").withExpiry(t))
                .add(DncEntry.customer("C-1").withExpiry(t))
                .build();

        for (Instant at : List.of(t.minusSeconds(1), t.minusMillis(1))) {
            assertThat(list.find(e164("+12015550123"), "", at)).map(DncEntry::expiresAt).contains(Optional.of(t));
            assertThat(list.find(e164("+14155550123"), "", at)).isPresent();
            assertThat(list.find(e164("+16175550123"), "C-1", at)).isPresent();
        }
        for (Instant at : List.of(t, t.plusMillis(1), t.plusSeconds(3600))) {
            assertThat(list.find(e164("+12015550123"), "", at)).isEmpty();
            assertThat(list.find(e164("+14155550123"), "", at)).isEmpty();
            assertThat(list.find(e164("+16175550123"), "C-1", at)).isEmpty();
        }
    }

    @Test
    void find_expiredExactEntry_fallsBackToAnUnexpiredPrefix() {
        Instant t = NOW.plusSeconds(60);
        DncList list = DncList.newBuilder("l")
                .add(DncEntry.number(e164("+12015550123")).withExpiry(t).withReason("number"))
                .add(DncEntry.prefix("+1201").withReason("prefix"))
                .build();

        assertThat(list.find(e164("+12015550123"), "", NOW)).map(DncEntry::reason).contains(Optional.of("number"));
        assertThat(list.find(e164("+12015550123"), "", t)).map(DncEntry::reason).contains(Optional.of("prefix"));
    }

    @Test
    void add_sameKeyAgain_replacesTheEntry() {
        DncList list = DncList.newBuilder("l").add(DncEntry.number(e164("+12015550123")).withReason("old")).build();

        list.add(DncEntry.number(e164("+12015550123")).withReason("new"));

        assertThat(list.size()).isEqualTo(1);
        assertThat(list.find(e164("+12015550123"), "", NOW)).map(DncEntry::reason).contains(Optional.of("new"));
    }

    @Test
    void remove_eachKind_stopsMatching_andReportsWhetherItWasThere() {
        DncList list = DncList.newBuilder("l")
                .add(DncEntry.number(e164("+12015550123")))
                .add(DncEntry.prefix("+1415"))
                .add(DncEntry.customer("C-1"))
                .build();
        assertThat(list.size()).isEqualTo(3);

        assertThat(list.remove(new DncEntry.NumberKey(e164("+12015550123")))).isTrue();
        assertThat(list.remove(new DncEntry.PrefixKey("+1415"))).isTrue();
        assertThat(list.remove(new DncEntry.CustomerKey("C-1"))).isTrue();
        assertThat(list.remove(new DncEntry.PrefixKey("+1415"))).isFalse();
        assertThat(list.remove(new DncEntry.PrefixKey("+141"))).isFalse();

        assertThat(list.size()).isZero();
        assertThat(list.find(e164("+12015550123"), "", NOW)).isEmpty();
        assertThat(list.find(e164("+14155550123"), "", NOW)).isEmpty();
        assertThat(list.find(e164("+16175550123"), "C-1", NOW)).isEmpty();
    }

    @Test
    void remove_onePrefixOfALength_keepsTheOthersOfThatLength() {
        DncList list = DncList.newBuilder("l").add(DncEntry.prefix("+1201")).add(DncEntry.prefix("+1415")).build();

        list.remove(new DncEntry.PrefixKey("1201"));

        assertThat(list.find(e164("+12015550123"), "", NOW)).isEmpty();
        assertThat(list.find(e164("+14155550123"), "", NOW)).isPresent();
    }

    @Test
    void addAtRunTime_isSeenByTheNextFind() {
        DncList list = DncList.newBuilder("agent requests").build();
        assertThat(list.find(e164("+15305550147"), "", NOW)).isEmpty();

        list.add(DncEntry.number(e164("+15305550147")).withSource("agent request"));

        assertThat(list.find(e164("+15305550147"), "", NOW)).map(DncEntry::source).contains(Optional.of("agent request"));
    }

    @Test
    void addAll_manyEntries_allMatch_andTablesGrowBeyondTheirStartingSize() {
        DncList list = DncList.newBuilder("l").build();
        List<DncEntry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            entries.add(DncEntry.number(TestNumbers.nanp201(2_000_000 + i * 7)));
        }
        entries.add(DncEntry.prefix("+1415"));
        entries.add(DncEntry.customer("C-1"));

        list.addAll(entries);

        assertThat(list.size()).isEqualTo(10_002);
        assertThat(list.find(TestNumbers.nanp201(2_000_000), "", NOW)).isPresent();
        assertThat(list.find(TestNumbers.nanp201(2_000_000 + 9_999 * 7), "", NOW)).isPresent();
        assertThat(list.find(TestNumbers.nanp201(2_000_001), "", NOW)).isEmpty();
        assertThat(list.find(e164("+14155550123"), "", NOW)).isPresent();
    }

    @Test
    void removeExpired_dropsOnlyEntriesNoLongerApplying() {
        DncList list = DncList.newBuilder("l")
                .add(DncEntry.number(e164("+12015550123")).withExpiry(NOW))
                .add(DncEntry.number(e164("+12015550124")).withExpiry(NOW.plusSeconds(1)))
                .add(DncEntry.prefix("+1415").withExpiry(NOW.minusSeconds(10)))
                .add(DncEntry.prefix("+1617"))
                .add(DncEntry.customer("C-1").withExpiry(NOW))
                .build();

        assertThat(list.removeExpired(NOW)).isEqualTo(3);

        assertThat(list.size()).isEqualTo(2);
        assertThat(list.find(e164("+12015550124"), "", NOW)).isPresent();
        assertThat(list.find(e164("+16175550123"), "", NOW)).isPresent();
        assertThat(list.remove(new DncEntry.PrefixKey("1415"))).isFalse();
    }

    @Test
    void builder_nameAndMode_areKept_blockIsTheDefault() {
        assertThat(DncList.newBuilder("a").build().mode()).isEqualTo(DncList.Mode.BLOCK);
        DncList allow = DncList.newBuilder("white list").mode(DncList.Mode.ALLOW).build();
        assertThat(allow.name()).isEqualTo("white list");
        assertThat(allow.mode()).isEqualTo(DncList.Mode.ALLOW);
    }

    @Test
    void builder_blankName_andNegativeSize_areRefused() {
        assertThatThrownBy(() -> DncList.newBuilder(" "))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for name (non-blank text): ' '");
        assertThatThrownBy(() -> DncList.newBuilder("l").expectedNumbers(-1))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for expectedNumbers (0 or more): -1");
    }

    @Test
    void builder_usedAfterBuild_isRefused() {
        DncList.Builder builder = DncList.newBuilder("l");
        builder.build();
        assertThatThrownBy(() -> builder.add(DncEntry.customer("C")))
                .isInstanceOf(OutboundException.class)
                .hasMessageContaining("already built");
    }
}
