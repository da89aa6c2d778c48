package dev.outbound.csv.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The snapshot's invariants and its JSON. */
class ProcessSnapshotTest {
    static final Instant T = Instant.parse("2026-03-02T15:00:00Z");

    @Test
    void json_finishedSnapshot_readsBackEqual() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("written", 3L);
        counts.put("total", 3L);
        ProcessSnapshot s = new ProcessSnapshot("p1", ProcessKind.EXPORT, ProcessStatus.FINISHED, 100, T,
                Optional.of(T), Optional.of(T.plusSeconds(5)), Optional.of("out.csv"), "nightly \"export\"", counts,
                Optional.empty());

        assertThat(ProcessSnapshot.fromJson(s.toJson())).isEqualTo(s);
        assertThat(s.toJson()).contains("\"status\": \"finished\"");
    }

    @Test
    void pending_withPercent_refused() {
        assertThatThrownBy(() -> new ProcessSnapshot("p1", ProcessKind.DELETE, ProcessStatus.PENDING, 5, T,
                Optional.empty(), Optional.empty(), Optional.empty(), "", Map.of(), Optional.empty()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("pending process p1");
    }

    @Test
    void finished_below100_refused() {
        assertThatThrownBy(() -> new ProcessSnapshot("p1", ProcessKind.DELETE, ProcessStatus.FINISHED, 99, T,
                Optional.of(T), Optional.of(T), Optional.empty(), "", Map.of(), Optional.empty()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("100 percent");
    }

    @Test
    void failed_withoutMessage_refused() {
        assertThatThrownBy(() -> new ProcessSnapshot("p1", ProcessKind.IMPORT, ProcessStatus.FAILED, 0, T,
                Optional.of(T), Optional.of(T), Optional.empty(), "", Map.of(), Optional.empty()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("message");
    }

    @Test
    void running_withEnd_refused() {
        assertThatThrownBy(() -> new ProcessSnapshot("p1", ProcessKind.IMPORT, ProcessStatus.RUNNING, 0, T,
                Optional.of(T), Optional.of(T), Optional.empty(), "", Map.of(), Optional.empty()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("end time");
    }

    @Test
    void endBeforeStart_refused() {
        assertThatThrownBy(() -> new ProcessSnapshot("p1", ProcessKind.IMPORT, ProcessStatus.CANCELLED, 0, T,
                Optional.of(T), Optional.of(T.minusSeconds(1)), Optional.empty(), "", Map.of(), Optional.empty()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("end not before start");
    }
}
