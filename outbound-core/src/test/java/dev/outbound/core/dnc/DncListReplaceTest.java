package dev.outbound.core.dnc;

import static dev.outbound.core.dnc.TestNumbers.e164;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.OutboundException;
import dev.outbound.core.phone.PhoneNumber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@link DncList#entry} (exact-key look-up) and {@link DncList#replaceContents} (atomic reload). */
class DncListReplaceTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void entry_numberKey_ignoresAPrefixThatCoversTheNumber() {
        DncList list = DncList.newBuilder("l").add(DncEntry.prefix("+1201")).build();

        assertThat(list.entry(new DncEntry.NumberKey(e164("+12015550123")))).isEmpty();
        assertThat(list.entry(new DncEntry.PrefixKey("1201"))).contains(DncEntry.prefix("1201"));
        assertThat(list.entry(new DncEntry.PrefixKey("120"))).isEmpty();
    }

    @Test
    void entry_eachKind_givesTheStoredSourceReasonAndExpiry() {
        Instant expiry = Instant.parse("2027-01-01T00:00:00Z");
        DncEntry number = DncEntry.number(e164("+12015550123")).withSource("registry").withReason("asked")
                .withExpiry(expiry);
        DncEntry prefix = DncEntry.prefix("+4420").withReason("area");
        DncEntry customer = DncEntry.customer("C-7").withSource("crm");
        DncList list = DncList.newBuilder("l").add(number).add(prefix).add(customer).build();

        assertThat(list.entry(number.key())).contains(number);
        assertThat(list.entry(prefix.key())).contains(prefix);
        assertThat(list.entry(customer.key())).contains(customer);
        assertThat(list.entry(new DncEntry.CustomerKey("C-8"))).isEmpty();
    }

    @Test
    void entry_expiredEntry_isStillReturned_unlikeFind() {
        DncEntry expired = DncEntry.number(e164("+12015550123")).withExpiry(NOW.minusSeconds(60));
        DncList list = DncList.newBuilder("l").add(expired).build();

        assertThat(list.find(e164("+12015550123"), "", NOW)).isEmpty();
        assertThat(list.entry(expired.key())).contains(expired);
    }

    @Test
    void replaceContents_listHoldsExactlyTheBuildersEntries_andKeepsItsNameAndMode() {
        DncList list = DncList.newBuilder("allowed").mode(DncList.Mode.ALLOW)
                .add(DncEntry.number(e164("+12015550123")))
                .add(DncEntry.prefix("+1415"))
                .add(DncEntry.customer("C-1"))
                .build();
        DncList.Builder fresh = DncList.newBuilder("ignored").mode(DncList.Mode.BLOCK)
                .add(DncEntry.number(e164("+12125550147")).withReason("new"))
                .add(DncEntry.prefix("+1530"));

        int before = list.replaceContents(fresh);

        assertThat(before).isEqualTo(3);
        assertThat(list.size()).isEqualTo(2);
        assertThat(list.name()).isEqualTo("allowed");
        assertThat(list.mode()).isEqualTo(DncList.Mode.ALLOW);
        assertThat(list.find(e164("+12015550123"), "", NOW)).isEmpty();
        assertThat(list.find(e164("+14155550100"), "", NOW)).isEmpty();
        assertThat(list.find(e164("+12125550199"), "C-1", NOW)).isEmpty();
        assertThat(list.find(e164("+12125550147"), "", NOW).flatMap(DncEntry::reason)).contains("new");
        assertThat(list.find(e164("+15305550100"), "", NOW).map(DncEntry::key))
                .contains(new DncEntry.PrefixKey("1530"));
    }

    @Test
    void replaceContents_emptyBuilder_emptiesTheList_andTheListStaysUsable() {
        DncList list = DncList.newBuilder("l").add(DncEntry.prefix("+1201")).build();

        assertThat(list.replaceContents(DncList.newBuilder("l"))).isEqualTo(1);
        assertThat(list.size()).isZero();
        assertThat(list.find(e164("+12015550123"), "", NOW)).isEmpty();

        list.add(DncEntry.prefix("+1201"));
        assertThat(list.find(e164("+12015550123"), "", NOW)).isPresent();
    }

    @Test
    void replaceContents_builderIsUsedUp() {
        DncList list = DncList.newBuilder("l").build();
        DncList.Builder fresh = DncList.newBuilder("l");
        list.replaceContents(fresh);

        assertThatThrownBy(fresh::build).isInstanceOf(OutboundException.class).hasMessageContaining("already");
        assertThatThrownBy(() -> list.replaceContents(fresh)).isInstanceOf(OutboundException.class);
        assertThatThrownBy(() -> fresh.add(DncEntry.prefix("1"))).isInstanceOf(OutboundException.class);
    }

    @Test
    void replaceContents_whileReadersCheck_everyCheckSeesTheOldOrTheNewEntry_neverNone() throws Exception {
        PhoneNumber number = e164("+12015550123");
        List<DncEntry> filler = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            filler.add(DncEntry.number(TestNumbers.nanp201(2_000_000 + i)));
        }
        DncList list = DncList.newBuilder("l").add(DncEntry.number(number).withReason("v0")).build();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<String> wrong = new AtomicReference<>();
        AtomicLong checks = new AtomicLong();
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread reader = new Thread(() -> {
                while (!stop.get() && wrong.get() == null) {
                    Optional<DncEntry> found = list.find(number, "", NOW);
                    if (found.isEmpty() || found.get().reason().isEmpty()
                            || !found.get().reason().get().startsWith("v")) {
                        wrong.compareAndSet(null, "saw " + found);
                    }
                    checks.incrementAndGet();
                }
            });
            reader.start();
            readers.add(reader);
        }
        try {
            for (int v = 1; v <= 200; v++) {
                // Tables of different sizes each time, so that readers race with whole new arrays.
                DncList.Builder fresh = DncList.newBuilder("l")
                        .addAll(filler.subList(0, (v * 37) % filler.size()))
                        .add(DncEntry.number(number).withReason("v" + v));
                list.replaceContents(fresh);
            }
        } finally {
            stop.set(true);
            for (Thread reader : readers) {
                reader.join();
            }
        }

        assertThat(wrong.get()).isNull();
        assertThat(checks.get()).isPositive();
        assertThat(list.find(number, "", NOW).flatMap(DncEntry::reason)).contains("v200");
    }
}
