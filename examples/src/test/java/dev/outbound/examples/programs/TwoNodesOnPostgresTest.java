package dev.outbound.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.examples.TestPostgres;
import dev.outbound.pacing.engine.CallSummary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link TwoNodesOnPostgres} shares a campaign between two engines on an embedded PostgreSQL. */
class TwoNodesOnPostgresTest {
    private static String url;

    @BeforeAll
    static void database() {
        url = TestPostgres.freshDatabaseUrl();
    }

    private static String url() {
        return url;
    }

    @Test
    void twoNodes_bothDial_everyRecordCalledOnce_noneTwice() {
        TwoNodesOnPostgres.Result r = TwoNodesOnPostgres.run(url());

        List<CallSummary> a = r.calls().get("node-a");
        List<CallSummary> b = r.calls().get("node-b");
        assertThat(a).as("node-a's calls").isNotEmpty();
        assertThat(b).as("node-b's calls").isNotEmpty();
        List<String> refs = new ArrayList<>();
        a.forEach(c -> refs.add(c.record().ref().value()));
        b.forEach(c -> refs.add(c.record().ref().value()));
        assertThat(refs).hasSize(20);
        assertThat(new HashSet<>(refs)).hasSize(20);
        assertThat(r.lines()).contains("node-a: " + a.size() + " calls", "node-b: " + b.size() + " calls");
        assertThat(r.lines()).anySatisfy(l -> assertThat(l).startsWith("  S-01 +12125550121  "))
                .anySatisfy(l -> assertThat(l).startsWith("  S-20 +12125550140  "));
        assertThat(r.lines().get(r.lines().size() - 1)).isEqualTo("20 of 20 records called; no record was called twice");
    }

    @Test
    void secondRun_onTheSameDatabase_startsAfresh() {
        TwoNodesOnPostgres.run(url());
        TwoNodesOnPostgres.Result again = TwoNodesOnPostgres.run(url());

        assertThat(again.lines().get(again.lines().size() - 1))
                .isEqualTo("20 of 20 records called; no record was called twice");
    }
}
