package dev.outbound.csv.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.CustomerRef;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.spi.memory.InMemoryRecordStore;
import dev.outbound.spi.store.RecordKey;
import dev.outbound.spi.store.RecordQuery;
import dev.outbound.spi.store.UpsertMode;
import dev.outbound.spi.time.VirtualTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Invariants of a random schedule of deletes and cancels. */
class ListProcessesPropertiesTest {
    static final CampaignId CAMPAIGN = CampaignId.of("renewals");
    static final Instant T = Instant.parse("2026-03-02T15:00:00Z");

    /**
     * Process i deletes record Ri at minute {@code at[i]}; each cancel (process, minute) is made
     * at its minute, after the processes due at that minute have run. By hand: a process ends
     * cancelled exactly when some cancel of it came before its minute, and then it never started
     * and its record is still there; every other process finished and deleted its record.
     */
    @Test
    void randomScheduleAndCancels_cancelledNeverRunAndEveryProcessEndsOnce() {
        qt().withExamples(60).forAll(lists().of(integers().between(1, 30)).ofSizeBetween(1, 8),
                lists().of(integers().between(0, 40 * 8 - 1)).ofSizeBetween(0, 10)).checkAssert((ats, cancels) -> {
                    VirtualTime time = VirtualTime.startingAt(T);
                    RecordFactory factory = RecordFactory.newBuilder(CAMPAIGN).clock(Clock.fixed(T, ZoneOffset.UTC))
                            .build();
                    InMemoryRecordStore store = InMemoryRecordStore.create();
                    Map<String, Integer> ends = new HashMap<>();
                    ListProcesses list = ListProcesses.newBuilder(CAMPAIGN, time).listener(s -> {
                        if (s.status().isTerminal()) {
                            ends.merge(s.id(), 1, Integer::sum);
                        }
                    }).build();
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < ats.size(); i++) {
                        store.upsert(List.of(factory.newRecord("R" + i)
                                .phone(PhoneField.MOBILE, String.format("530555%04d", i)).build()),
                                UpsertMode.OVERWRITE, T);
                        ids.add(list.scheduleDelete("p" + i, T.plus(Duration.ofMinutes(ats.get(i))), "", store,
                                RecordQuery.newBuilder().ref(CustomerRef.of("R" + i)).build()).id());
                    }
                    // cancel c: process c % n at minute c / 8 (0 to 39)
                    TreeMap<Integer, List<Integer>> byMinute = new TreeMap<>();
                    int[] firstCancel = new int[ats.size()];
                    Arrays.fill(firstCancel, Integer.MAX_VALUE);
                    for (int c : cancels) {
                        int process = c % ats.size();
                        int minute = c / 8;
                        byMinute.computeIfAbsent(minute, k -> new ArrayList<>()).add(process);
                        firstCancel[process] = Math.min(firstCancel[process], minute);
                    }
                    for (Map.Entry<Integer, List<Integer>> e : byMinute.entrySet()) {
                        time.advanceTo(T.plus(Duration.ofMinutes(e.getKey())));
                        for (int process : e.getValue()) {
                            list.cancel(ids.get(process));
                        }
                    }
                    time.advanceTo(T.plus(Duration.ofMinutes(60)));

                    for (int i = 0; i < ats.size(); i++) {
                        ProcessSnapshot s = list.get(ids.get(i)).orElseThrow();
                        boolean cancelled = firstCancel[i] < ats.get(i);
                        assertThat(ends.get(ids.get(i))).as("terminal snapshots of p" + i).isEqualTo(1);
                        assertThat(s.status()).isEqualTo(cancelled ? ProcessStatus.CANCELLED : ProcessStatus.FINISHED);
                        assertThat(s.started().isPresent()).isEqualTo(!cancelled);
                        assertThat(store.get(RecordKey.of(CAMPAIGN, CustomerRef.of("R" + i))).isPresent())
                                .isEqualTo(cancelled);
                    }
                });
    }
}
