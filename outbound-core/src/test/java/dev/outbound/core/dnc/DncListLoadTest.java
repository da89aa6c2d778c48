package dev.outbound.core.dnc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DncListLoadTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final int NUMBERS = 1_000_000;

    @Test
    void builder_oneMillionNumbers_loadPresized_andLookUpCorrectly() {
        DncList.Builder builder = DncList.newBuilder("national registry")
                .expectedNumbers(NUMBERS)
                .expectedPrefixes(100)
                .expectedCustomers(1_000);
        // Every other number from +1201 2000000 on, so that the gaps are numbers not on the list.
        for (int i = 0; i < NUMBERS; i++) {
            builder.add(DncEntry.number(TestNumbers.nanp201(2_000_000 + 2 * i)).withSource("national registry"));
        }
        for (int i = 0; i < 100; i++) {
            builder.add(DncEntry.prefix("+1201" + (900 + i)));
        }
        for (int i = 0; i < 1_000; i++) {
            builder.add(DncEntry.customer("CUST-" + i).withReason("complaint"));
        }
        DncList list = builder.build();

        assertThat(list.size()).isEqualTo(NUMBERS + 100 + 1_000);
        assertThat(list.find(TestNumbers.nanp201(2_000_000), "", NOW)).map(DncEntry::source)
                .contains(Optional.of("national registry"));
        assertThat(list.find(TestNumbers.nanp201(2_000_000 + 2 * (NUMBERS - 1)), "", NOW)).isPresent();
        assertThat(list.find(TestNumbers.nanp201(2_777_778), "", NOW)).isPresent();
        assertThat(list.find(TestNumbers.nanp201(2_000_001), "", NOW)).isEmpty();
        assertThat(list.find(TestNumbers.nanp201(2_777_777), "", NOW)).isEmpty();
        assertThat(list.find(TestNumbers.nanp201(4_000_000), "", NOW)).isEmpty();
        assertThat(list.find(TestNumbers.nanp201(9_991_234), "", NOW)).map(DncEntry::key)
                .contains(new DncEntry.PrefixKey("1201999"));
        assertThat(list.find(TestNumbers.nanp201(4_000_000), "CUST-999", NOW)).map(DncEntry::reason)
                .contains(Optional.of("complaint"));
        // 2^21 number slots of 21 bytes for a million numbers: about 44 bytes an entry.
        assertThat(list.tableBytes()).isBetween(21L * NUMBERS, 56L * NUMBERS);
    }

    @Test
    void addAll_200kIntoALiveList_growsAndKeepsEarlierEntries() {
        DncList list = DncList.newBuilder("campaign").add(DncEntry.prefix("+1415")).build();
        java.util.List<DncEntry> entries = new java.util.ArrayList<>(200_000);
        for (int i = 0; i < 200_000; i++) {
            entries.add(DncEntry.number(TestNumbers.nanp201(5_000_000 + i)));
        }

        list.addAll(entries);

        assertThat(list.size()).isEqualTo(200_001);
        assertThat(list.find(TestNumbers.nanp201(5_199_999), "", NOW)).isPresent();
        assertThat(list.find(TestNumbers.nanp201(5_200_000), "", NOW)).isEmpty();
        assertThat(list.find(TestNumbers.e164("+14155550123"), "", NOW)).isPresent();
    }
}
