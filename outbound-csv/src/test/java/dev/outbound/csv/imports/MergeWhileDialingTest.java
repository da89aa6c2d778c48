package dev.outbound.csv.imports;

import static dev.outbound.csv.imports.ImportFixtures.CAMPAIGN;
import static dev.outbound.csv.imports.ImportFixtures.T;
import static dev.outbound.csv.imports.ImportFixtures.factory;
import static dev.outbound.csv.imports.ImportFixtures.importRows;
import static dev.outbound.csv.imports.ImportFixtures.key;
import static dev.outbound.csv.imports.ImportFixtures.phone;
import static dev.outbound.csv.imports.ImportFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CallResult;
import dev.outbound.core.record.DialProgress;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.core.record.RecordPhone;
import dev.outbound.core.record.RecordStatus;
import dev.outbound.csv.RowProblem;
import dev.outbound.csv.imports.ImportRules.ImportRule;
import dev.outbound.csv.imports.ImportRules.MergeRule;
import dev.outbound.csv.imports.ImportRules.UpdateRule;
import dev.outbound.csv.read.SourceRow;
import dev.outbound.spi.memory.InMemoryRecordStore;
import dev.outbound.spi.store.Claim;
import dev.outbound.spi.store.ClaimRequest;
import dev.outbound.spi.store.Interaction;
import dev.outbound.spi.store.RecordQuery;
import dev.outbound.spi.store.RecordStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The merge rules that write back a record built from the stored one ({@code UPDATE}, with or
 * without its resets, and {@code REPLACE}) while a dialer works on the same records: a write that
 * comes between the import's read and its write is never lost. A store wrapper runs the "dialer's"
 * write on the real store just before chosen calls of the import reach it, so that the race
 * happens every time, at the same place.
 *
 * <p>The stored record {@code A} is pending, due an hour ago, priority 7, agent ann, with the
 * mobile number {@code phone(100)}. The dialer's call makes it {@code RESCHEDULED_BY_DIALER},
 * counts an attempt on the record and on the number, and adds the call to the history.
 */
class MergeWhileDialingTest {
    private static final AgentEmail ANN = AgentEmail.of("ann@example.com");
    private static final AgentEmail BOB = AgentEmail.of("bob@example.com");

    private final RecordFactory factory = factory();
    private final InMemoryRecordStore store = InMemoryRecordStore.create();
    private final Interleaved interleaved = new Interleaved(store);
    private int calls;

    /** A store that runs a write on the real store just before chosen calls reach it, and notes each batch's size. */
    static final class Interleaved {
        final RecordStore store;
        private final Map<String, Deque<Runnable>> before = new HashMap<>();
        final Map<String, List<Integer>> batches = new HashMap<>();

        Interleaved(RecordStore target) {
            this.store = (RecordStore) Proxy.newProxyInstance(RecordStore.class.getClassLoader(),
                    new Class<?>[] {RecordStore.class}, (proxy, method, args) -> {
                        String name = method.getName();
                        if (name.equals("upsert") || name.equals("replaceIfUnchanged")) {
                            batches.computeIfAbsent(name, k -> new ArrayList<>()).add(((List<?>) args[0]).size());
                        }
                        Deque<Runnable> writes = before.get(name);
                        if (writes != null && !writes.isEmpty()) {
                            writes.poll().run();
                        }
                        try {
                            return method.invoke(target, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        /** Runs {@code write} just before the next call of {@code method} not yet given one. */
        Interleaved before(String method, Runnable write) {
            before.computeIfAbsent(method, k -> new ArrayDeque<>()).add(write);
            return this;
        }

        List<Integer> batches(String method) {
            return batches.getOrDefault(method, List.of());
        }
    }

    private LeadImport importing(ImportRules rules) {
        return LeadImport.newBuilder(factory, interleaved.store).rules(rules).build();
    }

    private LeadImport merge(MergeRule rule) {
        return importing(ImportRules.of(ImportRule.APPEND, UpdateRule.DO_NOTHING, rule));
    }

    private Record storedA() {
        return factory.newRecord("A").phone(PhoneField.MOBILE, phone(100)).priority(7).agent(ANN.value())
                .scheduledFor(T.minus(Duration.ofHours(1))).build();
    }

    /** A dialer's claim at T for ann, whose record A is. */
    private static ClaimRequest dialerClaim() {
        return ClaimRequest.of(CAMPAIGN, "dialer-1", T).forAgent(ANN);
    }

    /** The dialer claims A, calls it and completes the call: one more attempt, due again at {@code next}. */
    private Record dialerCalls(Instant next) {
        List<Claim> claims = store.claim(dialerClaim());
        assertThat(claims).as("the dialer's claim").hasSize(1);
        Record r = claims.get(0).record();
        RecordPhone mobile = r.phone(PhoneField.MOBILE).orElseThrow();
        Record called = r.withScheduledFor(Optional.empty()).withStatus(RecordStatus.RESCHEDULED_BY_DIALER)
                .withNextDialableAt(next)
                .withProgress(DialProgress.NONE.withRepeatAttempts(r.progress().repeatAttempts() + 1))
                .withPhone(mobile.withAttempts(mobile.attempts() + 1));
        Interaction call = Interaction.of("call-" + ++calls, T, mobile.number(), CallResult.NO_ANSWER);
        store.complete(claims.get(0).lease(), called, Optional.of(call), T);
        return called;
    }

    private Record get(String ref) {
        return store.get(key(ref)).orElseThrow();
    }

    private static List<String> codes(ImportResult r) {
        List<String> out = new ArrayList<>();
        for (RowProblem p : r.problems()) {
            out.add(p.row() + ":" + p.code());
        }
        return out;
    }

    private List<String> history(String ref) {
        List<String> ids = new ArrayList<>();
        for (Interaction i : store.latestInteractions(key(ref), 50)) {
            ids.add(i.id());
        }
        return ids;
    }

    // ------------------------------------------------------------------ examples

    @Test
    void mergeUpdate_dialerCompletesACallBetweenReadAndWrite_callKeptAndRowMergedIntoIt() {
        store.create(storedA());
        Instant next = T.plus(Duration.ofHours(2));
        interleaved.before("replaceIfUnchanged", () -> dialerCalls(next));

        // The row: the same number, agent bob.
        ImportResult r = importRows(merge(MergeRule.UPDATE), factory, List.of(row(1, "A", phone(100), BOB.value(), "1")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(1, 0, 1, 0, 0, 0, 0, 0, 0));
        assertThat(r.problems()).isEmpty();
        Record after = get("A");
        // The call's outcome...
        assertThat(after.status()).isEqualTo(RecordStatus.RESCHEDULED_BY_DIALER);
        assertThat(after.progress().repeatAttempts()).isEqualTo(1);
        assertThat(after.nextDialableAt()).isEqualTo(next);
        assertThat(after.phone(PhoneField.MOBILE).orElseThrow().attempts()).isEqualTo(1);
        assertThat(history("A")).containsExactly("call-1");
        // ...with the row's data merged into it, the stored priority kept.
        assertThat(after.agent()).contains(BOB);
        assertThat(after.priority()).isEqualTo(7);
        // Written once as read (changed), once as read again (replaced).
        assertThat(interleaved.batches("replaceIfUnchanged")).containsExactly(1, 1);
    }

    @Test
    void mergeUpdateResetStatus_dialerCompletesBetween_resetAppliedToTheCallsOutcome() {
        store.create(storedA());
        interleaved.before("replaceIfUnchanged", () -> dialerCalls(T.plus(Duration.ofHours(2))));

        ImportResult r = importRows(importing(ImportRules.newBuilder().both(MergeRule.UPDATE).resetStatus(true)
                .resetAgent(true).build()), factory, List.of(row(1, "A", phone(100), "", "1")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(1, 0, 1, 0, 0, 0, 0, 0, 0));
        Record after = get("A");
        // The reset, decided on the record after the call: pending, no attempts, due now, no agent.
        assertThat(after.status()).isEqualTo(RecordStatus.PENDING);
        assertThat(after.progress().repeatAttempts()).isZero();
        assertThat(after.nextDialableAt()).isEqualTo(T);
        assertThat(after.agent()).isEmpty();
        // The number's retry count is not the status's to reset: the call's attempt stays.
        assertThat(after.phone(PhoneField.MOBILE).orElseThrow().attempts()).isEqualTo(1);
        assertThat(history("A")).containsExactly("call-1");
    }

    @Test
    void mergeUpdate_dialerClaimsBetweenReadAndWrite_unchangedWithRecordInCall() {
        Record before = storedA();
        store.create(before);
        interleaved.before("replaceIfUnchanged",
                () -> assertThat(store.claim(dialerClaim())).hasSize(1));

        ImportResult r = importRows(merge(MergeRule.UPDATE), factory, List.of(row(1, "A", phone(100), BOB.value(), "1")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(1, 0, 0, 1, 0, 0, 1, 0, 0));
        assertThat(codes(r)).containsExactly("1:RECORD_IN_CALL");
        assertThat(get("A")).isEqualTo(before);
        assertThat(interleaved.batches("replaceIfUnchanged")).containsExactly(1);
    }

    @Test
    void mergeUpdate_recordChangesUnderEveryTry_unchangedWithRecordChangedAfterFourTries() {
        store.create(storedA());
        for (int i = 0; i < 10; i++) {
            interleaved.before("replaceIfUnchanged", () -> dialerCalls(T));
        }

        ImportResult r = importRows(merge(MergeRule.UPDATE), factory, List.of(row(1, "A", phone(100), BOB.value(), "1")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(1, 0, 0, 1, 0, 0, 1, 0, 0));
        assertThat(codes(r)).containsExactly("1:RECORD_CHANGED");
        RowProblem p = r.problems().get(0);
        assertThat(p.severity()).isEqualTo(RowProblem.Severity.WARNING);
        assertThat(p.message()).contains("'A'").contains("4 times");
        // The first try and three more, each beaten by a call: the fourth call's outcome is stored, not the row's agent.
        assertThat(interleaved.batches("replaceIfUnchanged")).containsExactly(1, 1, 1, 1);
        Record after = get("A");
        assertThat(after.progress().repeatAttempts()).isEqualTo(4);
        assertThat(after.agent()).contains(ANN);
        assertThat(history("A")).containsExactly("call-4", "call-3", "call-2", "call-1");
    }

    @Test
    void mergeUpdate_onlyTheChangedRowIsTriedAgain() {
        store.create(storedA());
        store.create(factory.newRecord("B").phone(PhoneField.MOBILE, phone(101)).priority(8)
                .scheduledFor(T.plus(Duration.ofDays(1))).build());
        interleaved.before("replaceIfUnchanged", () -> dialerCalls(T.plus(Duration.ofHours(2))));

        ImportResult r = importRows(merge(MergeRule.UPDATE), factory, List.of(row(1, "A", phone(100), BOB.value(), "1"),
                row(2, "B", phone(101), BOB.value(), "2")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(2, 0, 2, 0, 0, 0, 0, 0, 0));
        assertThat(interleaved.batches("replaceIfUnchanged")).containsExactly(2, 1);
        assertThat(get("A").agent()).contains(BOB);
        assertThat(get("A").progress().repeatAttempts()).isEqualTo(1);
        assertThat(get("B").agent()).contains(BOB);
    }

    @Test
    void mergeUpdate_recordDeletedBetweenReadAndWrite_decidedAgainAsANewContact() {
        store.create(storedA());
        interleaved.before("replaceIfUnchanged", () -> store.delete(RecordQuery.campaign(CAMPAIGN), T));

        ImportResult appended = importRows(merge(MergeRule.UPDATE), factory,
                List.of(row(1, "A", phone(100), BOB.value(), "1")));

        assertThat(appended.counts()).isEqualTo(new ImportCounts(1, 1, 0, 0, 0, 0, 0, 0, 0));
        Record a = get("A");
        assertThat(a.priority()).isEqualTo(1);
        assertThat(a.agent()).contains(BOB);
        assertThat(a.status()).isEqualTo(RecordStatus.PENDING);
    }

    @Test
    void mergeUpdateImportDoNothing_recordDeletedBetweenReadAndWrite_notAppendedAndNotWritten() {
        store.create(storedA());
        interleaved.before("replaceIfUnchanged", () -> store.delete(RecordQuery.campaign(CAMPAIGN), T));

        ImportResult r = importRows(importing(ImportRules.of(ImportRule.DO_NOTHING, UpdateRule.DO_NOTHING,
                MergeRule.UPDATE)), factory, List.of(row(1, "A", phone(100), BOB.value(), "1")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(1, 0, 0, 1, 0, 0, 1, 0, 0));
        assertThat(codes(r)).containsExactly("1:NOT_APPENDED");
        assertThat(store.get(key("A"))).isEmpty();
    }

    @Test
    void mergeReplaceImportDoNothing_dialerCompletesBetween_rowReplacesTheRecordAsReadAgain_historyKept() {
        // Replace with import rule APPEND is one plain upsert, with no read; with DO_NOTHING it reads first.
        store.create(storedA());
        interleaved.before("replaceIfUnchanged", () -> dialerCalls(T.plus(Duration.ofHours(2))));

        ImportResult r = importRows(importing(ImportRules.of(ImportRule.DO_NOTHING, UpdateRule.DO_NOTHING,
                MergeRule.REPLACE)), factory, List.of(row(1, "A", phone(200), "", "1")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(1, 0, 1, 0, 0, 0, 0, 0, 0));
        Record after = get("A");
        assertThat(after.status()).isEqualTo(RecordStatus.PENDING);
        assertThat(after.priority()).isEqualTo(1);
        assertThat(after.progress().repeatAttempts()).isZero();
        assertThat(after.phone(PhoneField.MOBILE).orElseThrow().number().e164()).isEqualTo("+1" + phone(200));
        assertThat(history("A")).containsExactly("call-1");
        assertThat(interleaved.batches("replaceIfUnchanged")).containsExactly(1, 1);
    }

    @Test
    void mergeUpdate_contactCreatedByAnotherWriterBetweenReadAndWrite_mergedAsAStoredContact() {
        Record created = storedA();
        interleaved.before("upsert", () -> store.create(created));

        ImportResult r = importRows(merge(MergeRule.UPDATE), factory, List.of(row(1, "A", phone(100), BOB.value(), "1")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(1, 0, 1, 0, 0, 0, 0, 0, 0));
        Record after = get("A");
        // The other writer's record, with the row's data: its priority stays, the agent is the row's.
        assertThat(after.priority()).isEqualTo(7);
        assertThat(after.agent()).contains(BOB);
        assertThat(interleaved.batches("upsert")).containsExactly(1);
        assertThat(interleaved.batches("replaceIfUnchanged")).containsExactly(1);
    }

    @Test
    void mergeDoNothing_contactCreatedByAnotherWriterBetweenReadAndWrite_keptUnchanged() {
        Record created = storedA();
        interleaved.before("upsert", () -> store.create(created));

        ImportResult r = importRows(merge(MergeRule.DO_NOTHING), factory, List.of(row(1, "A", phone(100), "", "1")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(1, 0, 0, 1, 0, 0, 0, 0, 0));
        assertThat(get("A")).isEqualTo(created);
    }

    // ------------------------------------------------------------------ property

    /**
     * However many calls a dialer completes between the import's reads and writes, no call's
     * outcome is lost. With none, the row is merged into the record as read. With one to
     * {@link RuleWriter#RETRIES}, it is merged into the last call's outcome and counted updated,
     * unless it has nothing to change there (the same number, no agent, no reset: the call has
     * cleared the scheduled time the row would clear), when it is counted unchanged after the
     * first call. With more, the record is left as the dialer wrote it and the row is counted
     * unchanged with {@code RECORD_CHANGED}.
     */
    @Test
    void mergeUpdate_anyNumberOfCallsBetweenReadAndWrite_noCallLost_rowMergedOrRecordChanged() {
        qt().withExamples(100).forAll(integers().between(0, 6), booleans().all(), booleans().all(), booleans().all())
                .checkAssert((dialerWrites, newNumber, rowAgent, resetStatus) ->
                        new MergeWhileDialingTest().checkRace(dialerWrites, newNumber, rowAgent, resetStatus));
    }

    private void checkRace(int dialerWrites, boolean newNumber, boolean rowAgent, boolean resetStatus) {
        store.create(storedA());
        for (int i = 0; i < dialerWrites; i++) {
            interleaved.before("replaceIfUnchanged", () -> dialerCalls(T));
        }
        SourceRow row = row(1, "A", phone(newNumber ? 200 : 100), rowAgent ? BOB.value() : "", "1");
        ImportResult r = importRows(importing(ImportRules.newBuilder().both(MergeRule.UPDATE).resetStatus(resetStatus)
                .build()), factory, List.of(row));

        boolean nothingToChangeAfterACall = !newNumber && !rowAgent && !resetStatus;
        Record after = get("A");
        assertThat(store.count(RecordQuery.all())).isEqualTo(1);
        if (dialerWrites > 0 && nothingToChangeAfterACall) {
            assertThat(r.counts()).isEqualTo(new ImportCounts(1, 0, 0, 1, 0, 0, 0, 0, 0));
            assertThat(interleaved.batches("replaceIfUnchanged")).hasSize(1);
            assertThat(history("A")).containsExactly("call-1");
            assertThat(after.status()).isEqualTo(RecordStatus.RESCHEDULED_BY_DIALER);
            assertThat(after.progress().repeatAttempts()).isEqualTo(1);
            assertThat(after.agent()).contains(ANN);
        } else if (dialerWrites <= RuleWriter.RETRIES) {
            assertThat(r.counts()).isEqualTo(new ImportCounts(1, 0, 1, 0, 0, 0, 0, 0, 0));
            assertThat(interleaved.batches("replaceIfUnchanged")).hasSize(dialerWrites + 1);
            assertThat(history("A")).hasSize(dialerWrites);
            assertThat(after.status()).isEqualTo(resetStatus || dialerWrites == 0 ? RecordStatus.PENDING
                    : RecordStatus.RESCHEDULED_BY_DIALER);
            assertThat(after.progress().repeatAttempts()).isEqualTo(resetStatus ? 0 : dialerWrites);
            assertThat(after.phone(PhoneField.MOBILE).orElseThrow().attempts()).isEqualTo(newNumber ? 0 : dialerWrites);
            assertThat(after.phone(PhoneField.MOBILE).orElseThrow().number().e164())
                    .isEqualTo("+1" + phone(newNumber ? 200 : 100));
            assertThat(after.agent()).contains(rowAgent ? BOB : ANN);
        } else {
            assertThat(r.counts()).isEqualTo(new ImportCounts(1, 0, 0, 1, 0, 0, 1, 0, 0));
            assertThat(codes(r)).containsExactly("1:RECORD_CHANGED");
            assertThat(interleaved.batches("replaceIfUnchanged")).hasSize(RuleWriter.RETRIES + 1);
            assertThat(history("A")).hasSize(RuleWriter.RETRIES + 1);
            assertThat(after.status()).isEqualTo(RecordStatus.RESCHEDULED_BY_DIALER);
            assertThat(after.progress().repeatAttempts()).isEqualTo(RuleWriter.RETRIES + 1);
            assertThat(after.phone(PhoneField.MOBILE).orElseThrow().number().e164()).isEqualTo("+1" + phone(100));
            assertThat(after.agent()).contains(ANN);
        }
    }
}
