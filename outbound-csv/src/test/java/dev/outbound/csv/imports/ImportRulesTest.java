package dev.outbound.csv.imports;

import static dev.outbound.csv.imports.ImportFixtures.HEADER;
import static dev.outbound.csv.imports.ImportFixtures.T;
import static dev.outbound.csv.imports.ImportFixtures.claimDue;
import static dev.outbound.csv.imports.ImportFixtures.factory;
import static dev.outbound.csv.imports.ImportFixtures.importRows;
import static dev.outbound.csv.imports.ImportFixtures.key;
import static dev.outbound.csv.imports.ImportFixtures.phone;
import static dev.outbound.csv.imports.ImportFixtures.row;
import static dev.outbound.csv.imports.ImportFixtures.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.phone.PhoneState;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.Callback;
import dev.outbound.core.record.DialProgress;
import dev.outbound.core.record.DoneReason;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.core.record.RecordPhone;
import dev.outbound.core.record.RecordStatus;
import dev.outbound.csv.RowProblem;
import dev.outbound.csv.imports.ImportRules.ImportRule;
import dev.outbound.csv.imports.ImportRules.MergeRule;
import dev.outbound.csv.imports.ImportRules.UpdateRule;
import dev.outbound.csv.read.CsvSource;
import dev.outbound.csv.read.ReadOptions;
import dev.outbound.csv.read.SourceRow;
import dev.outbound.spi.memory.InMemoryRecordStore;
import dev.outbound.spi.store.RecordQuery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 003's import, update and merge rules and seed 002's resets, one example per rule and case,
 * the expected records and counts worked out by hand from the seeds' words.
 *
 * <p>Stored records have the mobile number {@code 5305550100} (priority 7, due tomorrow) unless a
 * test says otherwise; a row {@code valid(n, ref)} has the mobile number {@code phone(n)}, no
 * agent and priority {@code n}.
 */
class ImportRulesTest {
    @TempDir
    Path tmp;

    private final RecordFactory factory = factory();
    private final InMemoryRecordStore store = InMemoryRecordStore.create();

    private LeadImport rules(ImportRules r) {
        return LeadImport.newBuilder(factory, store).rules(r).build();
    }

    private LeadImport merge(MergeRule rule) {
        return rules(ImportRules.of(ImportRule.APPEND, UpdateRule.DO_NOTHING, rule));
    }

    private LeadImport update(UpdateRule rule) {
        return rules(ImportRules.of(ImportRule.APPEND, rule, MergeRule.DO_NOTHING));
    }

    /** A stored record with the mobile number phone(100), priority 7, due tomorrow, in a status. */
    private Record stored(String ref, RecordStatus status) {
        Record r = factory.newRecord(ref).phone(PhoneField.MOBILE, phone(100)).priority(7)
                .scheduledFor(T.plus(Duration.ofDays(1))).build();
        return in(r, status);
    }

    /** A stored record due an hour ago, so that {@link ImportFixtures#claimDue} holds it. */
    private Record storedDue(String ref, RecordStatus status) {
        Record r = factory.newRecord(ref).phone(PhoneField.MOBILE, phone(100)).priority(7)
                .scheduledFor(T.minus(Duration.ofHours(1))).build();
        return in(r, status);
    }

    private static Record in(Record r, RecordStatus status) {
        return status == RecordStatus.DONE ? r.done(DoneReason.ATTEMPTS_EXHAUSTED) : r.withStatus(status);
    }

    private static Record number(Record r, PhoneField field, PhoneState state, int attempts) {
        return r.withPhone(r.phone(field).orElseThrow().withState(state).withAttempts(attempts));
    }

    private static Record attempts(Record r, int repeatAttempts) {
        return r.withProgress(DialProgress.NONE.withRepeatAttempts(repeatAttempts));
    }

    private Record get(String ref) {
        return store.get(key(ref)).orElseThrow();
    }

    private static RecordPhone mobile(Record r) {
        return r.phone(PhoneField.MOBILE).orElseThrow();
    }

    private static String e164(int n) {
        return "+1" + phone(n);
    }

    private static List<String> codes(ImportResult r) {
        List<String> out = new ArrayList<>();
        for (RowProblem p : r.problems()) {
            out.add(p.row() + ":" + p.code());
        }
        return out;
    }

    // ------------------------------------------------------------------ the rules' values

    @Test
    void rules_shorthands_areTheRulesOfSeed000() {
        assertThat(ImportRules.of(OnExisting.SKIP, false)).isEqualTo(ImportRules.defaults());
        assertThat(ImportRules.of(OnExisting.OVERWRITE, true))
                .isEqualTo(new ImportRules(ImportRule.APPEND, UpdateRule.DELETE, MergeRule.REPLACE, false, false));
    }

    @Test
    void rules_resetWithoutMergeUpdate_refusedNamingTheReset() {
        assertThatThrownBy(() -> new ImportRules(ImportRule.APPEND, UpdateRule.DO_NOTHING, MergeRule.ACTIVATE, true,
                false))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("resetStatus with merge rule ACTIVATE")
                .hasMessageContaining("only with merge rule UPDATE");
        assertThatThrownBy(() -> ImportRules.newBuilder().resetAgent(true).build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("resetAgent with merge rule DO_NOTHING");
    }

    @Test
    void rules_builderResetsSetBeforeMergeRule_acceptedAtBuild() {
        ImportRules r = ImportRules.newBuilder().resetStatus(true).resetAgent(true).both(MergeRule.UPDATE).build();
        assertThat(r).isEqualTo(new ImportRules(ImportRule.APPEND, UpdateRule.DO_NOTHING, MergeRule.UPDATE, true,
                true));
        assertThat(ImportRules.newBuilder(r).both(MergeRule.REPLACE).resetStatus(false).resetAgent(false).build())
                .isEqualTo(ImportRules.of(ImportRule.APPEND, UpdateRule.DO_NOTHING, MergeRule.REPLACE));
    }

    @Test
    void builder_rulesWithOnExistingOrReplace_failsAtBuildNamingBoth() {
        assertThatThrownBy(() -> LeadImport.newBuilder(factory, store).rules(ImportRules.defaults())
                .onExisting(OnExisting.OVERWRITE).build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("rules and onExisting both set");
        assertThatThrownBy(() -> LeadImport.newBuilder(factory, store).replace(true).rules(ImportRules.defaults())
                .build())
                .hasMessageContaining("rules and replace both set");
    }

    // ------------------------------------------------------------------ import rule

    @Test
    void importRuleDoNothing_newContact_notWrittenCountedUnchangedWithNotAppended() {
        store.create(stored("A", RecordStatus.PENDING));

        ImportResult r = importRows(rules(ImportRules.of(ImportRule.DO_NOTHING, UpdateRule.DO_NOTHING,
                MergeRule.DO_NOTHING)), factory, List.of(valid(1, "A"), valid(2, "B")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(2, 0, 0, 2, 0, 0, 1, 0, 0));
        assertThat(codes(r)).containsExactly("2:NOT_APPENDED");
        RowProblem p = r.problems().get(0);
        assertThat(p.severity()).isEqualTo(RowProblem.Severity.WARNING);
        assertThat(p.column()).contains("customer_reference_id");
        assertThat(p.message()).contains("'B'");
        assertThat(store.get(key("B"))).isEmpty();
        assertThat(get("A").priority()).isEqualTo(7);
    }

    @Test
    void importRuleDoNothing_withMergeReplace_onlyStoredContactsReplaced() {
        store.create(stored("A", RecordStatus.INACTIVE));

        ImportResult r = importRows(rules(ImportRules.of(ImportRule.DO_NOTHING, UpdateRule.DO_NOTHING,
                MergeRule.REPLACE)), factory, List.of(valid(1, "A"), valid(2, "B")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(2, 0, 1, 1, 0, 0, 1, 0, 0));
        assertThat(get("A").priority()).isEqualTo(1);
        assertThat(get("A").status()).isEqualTo(RecordStatus.PENDING);
        assertThat(store.get(key("B"))).isEmpty();
    }

    // ------------------------------------------------------------------ merge rule DO_NOTHING and REPLACE

    @Test
    void mergeDoNothing_storedRecordKeptAsItWas() {
        Record before = attempts(stored("A", RecordStatus.RESCHEDULED_BY_DIALER), 2);
        store.create(before);

        ImportResult r = importRows(merge(MergeRule.DO_NOTHING), factory, List.of(valid(1, "A"), valid(2, "B")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(2, 1, 0, 1, 0, 0, 0, 0, 0));
        assertThat(get("A")).isEqualTo(before);
        assertThat(get("B").priority()).isEqualTo(2);
    }

    @Test
    void mergeReplace_storedRecordReplacedByRowPendingWithNoProgressOrAgent() {
        Record before = attempts(stored("A", RecordStatus.RESCHEDULED_BY_DIALER), 2)
                .withAgent(Optional.of(AgentEmail.of("ann@example.com")));
        store.create(before);

        ImportResult r = importRows(merge(MergeRule.REPLACE), factory, List.of(valid(1, "A")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(1, 0, 1, 0, 0, 0, 0, 0, 0));
        Record after = get("A");
        assertThat(after.status()).isEqualTo(RecordStatus.PENDING);
        assertThat(after.progress()).isEqualTo(DialProgress.NONE);
        assertThat(after.agent()).isEmpty();
        assertThat(after.priority()).isEqualTo(1);
        assertThat(mobile(after).number().e164()).isEqualTo(e164(1));
    }

    // ------------------------------------------------------------------ merge rule UPDATE

    @Test
    void mergeUpdate_rowDataInStoredRecord_statusProgressPriorityAndSameNumberStateKept() {
        Record before = factory.newRecord("A").phone(PhoneField.MOBILE, phone(100)).phone(PhoneField.HOME, phone(101))
                .priority(7).agent("ann@example.com").scheduledFor(T.plus(Duration.ofDays(1))).build()
                .withStatus(RecordStatus.RESCHEDULED_BY_DIALER);
        before = number(before, PhoneField.MOBILE, PhoneState.INACTIVE, 3);
        before = number(before, PhoneField.HOME, PhoneState.ACTIVE, 1);
        before = attempts(before, 2);
        store.create(before);

        // The row: the same mobile number, no home number, no agent, no schedule, priority 5.
        ImportResult r = importRows(merge(MergeRule.UPDATE), factory, List.of(row(1, "A", phone(100), "", "5")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(1, 0, 1, 0, 0, 0, 0, 0, 0));
        Record after = get("A");
        assertThat(after.status()).isEqualTo(RecordStatus.RESCHEDULED_BY_DIALER);
        assertThat(after.progress().repeatAttempts()).isEqualTo(2);
        assertThat(after.priority()).isEqualTo(7);
        assertThat(after.agent()).contains(AgentEmail.of("ann@example.com"));
        assertThat(after.scheduledFor()).isEmpty();
        assertThat(after.phones()).hasSize(1);
        assertThat(mobile(after).number().e164()).isEqualTo(e164(100));
        assertThat(mobile(after).state()).isEqualTo(PhoneState.INACTIVE);
        assertThat(mobile(after).attempts()).isEqualTo(3);
        assertThat(after.createdAt()).isEqualTo(before.createdAt());
    }

    @Test
    void mergeUpdate_changedNumber_activeWithNoRetriesAndRowAgentTaken() {
        store.create(number(stored("A", RecordStatus.PENDING), PhoneField.MOBILE, PhoneState.INACTIVE, 3)
                .withAgent(Optional.of(AgentEmail.of("ann@example.com"))));

        ImportResult r = importRows(merge(MergeRule.UPDATE), factory,
                List.of(row(1, "A", phone(200), "bob@example.com", "7")));

        assertThat(r.counts().updated()).isEqualTo(1);
        Record after = get("A");
        assertThat(mobile(after).number().e164()).isEqualTo(e164(200));
        assertThat(mobile(after).state()).isEqualTo(PhoneState.ACTIVE);
        assertThat(mobile(after).attempts()).isZero();
        assertThat(after.agent()).contains(AgentEmail.of("bob@example.com"));
    }

    @Test
    void mergeUpdate_rowAsStored_unchangedAndNotWritten() {
        importRows(merge(MergeRule.UPDATE), factory, List.of(valid(1, "A")));
        Record before = get("A");

        ImportResult r = importRows(merge(MergeRule.UPDATE), factory, List.of(valid(1, "A")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(1, 0, 0, 1, 0, 0, 0, 0, 0));
        assertThat(get("A")).isEqualTo(before);
    }

    @Test
    void mergeUpdate_storedCallback_keptWithItsTime() {
        Instant callbackAt = T.plus(Duration.ofHours(2));
        Record before = stored("A", RecordStatus.PENDING).withCallback(Callback.anyone(callbackAt))
                .withStatus(RecordStatus.RESCHEDULED_BY_AGENT);
        store.create(before);

        ImportResult r = importRows(merge(MergeRule.UPDATE), factory,
                List.of(row(1, "A", phone(100), "bob@example.com", "7")));

        assertThat(r.counts().updated()).isEqualTo(1);
        Record after = get("A");
        assertThat(after.status()).isEqualTo(RecordStatus.RESCHEDULED_BY_AGENT);
        assertThat(after.callback()).isEqualTo(before.callback());
        assertThat(after.scheduledFor()).contains(callbackAt);
        assertThat(after.agent()).contains(AgentEmail.of("bob@example.com"));
    }

    @Test
    void mergeUpdateResetStatus_backToPendingAttemptsResetCallbackDroppedDueNow() {
        Record callback = attempts(stored("A", RecordStatus.PENDING), 4)
                .withCallback(Callback.anyone(T.plus(Duration.ofHours(2))))
                .withStatus(RecordStatus.RESCHEDULED_BY_AGENT).withNextDialableAt(T.plus(Duration.ofHours(3)));
        callback = number(callback, PhoneField.MOBILE, PhoneState.INACTIVE, 3);
        store.create(callback);
        store.create(attempts(stored("B", RecordStatus.DONE), 5));
        store.create(factory.newRecord("C").phone(PhoneField.MOBILE, phone(3)).priority(3).build());

        ImportResult r = importRows(rules(ImportRules.newBuilder().both(MergeRule.UPDATE).resetStatus(true).build()),
                factory, List.of(row(1, "A", phone(100), "", "1"), row(2, "B", phone(100), "", "2"), valid(3, "C")));

        // C was already a new, pending record with the row's data: nothing to reset.
        assertThat(r.counts()).isEqualTo(new ImportCounts(3, 0, 2, 1, 0, 0, 0, 0, 0));
        Record a = get("A");
        assertThat(a.status()).isEqualTo(RecordStatus.PENDING);
        assertThat(a.progress().repeatAttempts()).isZero();
        assertThat(a.callback()).isEmpty();
        assertThat(a.scheduledFor()).isEmpty();
        assertThat(a.nextDialableAt()).isEqualTo(T);
        // The number is the same: its state and retry count are not the status's to reset.
        assertThat(mobile(a).state()).isEqualTo(PhoneState.INACTIVE);
        assertThat(mobile(a).attempts()).isEqualTo(3);
        Record b = get("B");
        assertThat(b.status()).isEqualTo(RecordStatus.PENDING);
        assertThat(b.doneReason()).isEmpty();
        assertThat(b.progress().repeatAttempts()).isZero();
    }

    @Test
    void mergeUpdateResetAgent_unassignedUnlessTheRowNamesAnAgent() {
        store.create(stored("A", RecordStatus.PENDING).withAgent(Optional.of(AgentEmail.of("ann@example.com"))));
        store.create(stored("B", RecordStatus.PENDING).withAgent(Optional.of(AgentEmail.of("ann@example.com"))));

        ImportResult r = importRows(rules(ImportRules.newBuilder().both(MergeRule.UPDATE).resetAgent(true).build()),
                factory, List.of(row(1, "A", phone(100), "", "7"), row(2, "B", phone(100), "bob@example.com", "7")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(2, 0, 2, 0, 0, 0, 0, 0, 0));
        assertThat(get("A").agent()).isEmpty();
        assertThat(get("B").agent()).contains(AgentEmail.of("bob@example.com"));
        assertThat(get("A").status()).isEqualTo(RecordStatus.PENDING);
    }

    @Test
    void mergeUpdate_recordInCallOrHeld_unchangedWithRecordInCall() {
        Record processing = stored("A", RecordStatus.PROCESSING);
        Record held = storedDue("B", RecordStatus.PENDING);
        store.create(processing);
        store.create(held);
        assertThat(claimDue(store)).isEqualTo(1);

        ImportResult r = importRows(merge(MergeRule.UPDATE), factory,
                List.of(row(1, "A", phone(1), "bob@example.com", "1"), row(2, "B", phone(2), "", "2")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(2, 0, 0, 2, 0, 0, 2, 0, 0));
        assertThat(codes(r)).containsExactly("1:RECORD_IN_CALL", "2:RECORD_IN_CALL");
        assertThat(get("A")).isEqualTo(processing);
        assertThat(get("B")).isEqualTo(held);
    }

    @Test
    void mergeUpdate_recordInCallRowAsStored_unchangedWithoutWarningUnlessResetStatus() {
        Record processing = stored("A", RecordStatus.PROCESSING).withScheduledFor(Optional.empty());
        store.create(processing);
        // The row holds exactly the stored data: mobile phone(100), no agent (priority is kept).
        List<SourceRow> rows = List.of(row(1, "A", phone(100), "", "1"));

        ImportResult plain = importRows(merge(MergeRule.UPDATE), factory, rows);
        ImportResult reset = importRows(rules(ImportRules.newBuilder().both(MergeRule.UPDATE).resetStatus(true)
                .build()), factory, rows);

        assertThat(plain.counts()).isEqualTo(new ImportCounts(1, 0, 0, 1, 0, 0, 0, 0, 0));
        assertThat(reset.counts()).isEqualTo(new ImportCounts(1, 0, 0, 1, 0, 0, 1, 0, 0));
        assertThat(codes(reset)).containsExactly("1:RECORD_IN_CALL");
        assertThat(get("A")).isEqualTo(processing);
    }

    // ------------------------------------------------------------------ merge rules ACTIVATE and INACTIVATE

    @Test
    void mergeActivate_everyOtherStatusBecomesPendingWithAttemptsReset() {
        RecordStatus[] others = {RecordStatus.READY, RecordStatus.RESCHEDULED_BY_DIALER, RecordStatus.CALL_IMMEDIATELY,
            RecordStatus.POSTPONED, RecordStatus.INACTIVE, RecordStatus.DONE};
        List<SourceRow> rows = new ArrayList<>();
        for (int i = 0; i < others.length; i++) {
            store.create(number(attempts(stored("S" + i, others[i]), 2), PhoneField.MOBILE, PhoneState.INACTIVE, 3));
            rows.add(valid(i + 1, "S" + i));
        }

        ImportResult r = importRows(merge(MergeRule.ACTIVATE), factory, rows);

        assertThat(r.counts()).isEqualTo(new ImportCounts(6, 0, 6, 0, 0, 0, 0, 0, 0));
        for (int i = 0; i < others.length; i++) {
            Record after = get("S" + i);
            assertThat(after.status()).as(others[i].name()).isEqualTo(RecordStatus.PENDING);
            assertThat(after.progress().repeatAttempts()).isZero();
            // Activate (contact) leaves the numbers, and the row's data is not written.
            assertThat(mobile(after).state()).isEqualTo(PhoneState.INACTIVE);
            assertThat(mobile(after).attempts()).isEqualTo(3);
            assertThat(mobile(after).number().e164()).isEqualTo(e164(100));
            assertThat(after.priority()).isEqualTo(7);
        }
    }

    @Test
    void mergeActivate_pendingProcessingAndCallbackLeftAlone() {
        Record pending = attempts(stored("A", RecordStatus.PENDING), 2);
        Record processing = stored("B", RecordStatus.PROCESSING);
        Record callback = stored("C", RecordStatus.RESCHEDULED_BY_AGENT);
        store.create(pending);
        store.create(processing);
        store.create(callback);

        ImportResult r = importRows(merge(MergeRule.ACTIVATE), factory,
                List.of(valid(1, "A"), valid(2, "B"), valid(3, "C")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(3, 0, 0, 3, 0, 0, 0, 0, 0));
        assertThat(get("A")).isEqualTo(pending);
        assertThat(get("B")).isEqualTo(processing);
        assertThat(get("C")).isEqualTo(callback);
    }

    @Test
    void mergeActivateWithPhones_pendingAndNumbersActiveUnlessBlockedOrExcludedRetriesCleared() {
        Record r0 = factory.newRecord("A").phone(PhoneField.MOBILE, phone(100)).phone(PhoneField.HOME, phone(101))
                .phone(PhoneField.WORK, phone(102)).scheduledFor(T.plus(Duration.ofDays(1))).build()
                .withStatus(RecordStatus.INACTIVE);
        r0 = number(r0, PhoneField.MOBILE, PhoneState.INACTIVE, 3);
        r0 = number(r0, PhoneField.HOME, PhoneState.BLOCKED, 2);
        r0 = number(r0, PhoneField.WORK, PhoneState.EXCLUDED, 1);
        store.create(r0);

        ImportResult r = importRows(merge(MergeRule.ACTIVATE_WITH_PHONES), factory, List.of(valid(1, "A")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(1, 0, 1, 0, 0, 0, 0, 0, 0));
        Record after = get("A");
        assertThat(after.status()).isEqualTo(RecordStatus.PENDING);
        assertThat(after.phone(PhoneField.MOBILE).orElseThrow().state()).isEqualTo(PhoneState.ACTIVE);
        assertThat(after.phone(PhoneField.HOME).orElseThrow().state()).isEqualTo(PhoneState.BLOCKED);
        assertThat(after.phone(PhoneField.WORK).orElseThrow().state()).isEqualTo(PhoneState.EXCLUDED);
        for (RecordPhone p : after.phones()) {
            assertThat(p.attempts()).as(p.field().name()).isZero();
        }
    }

    @Test
    void mergeActivateWithPhones_callbackKeepsStatusNumbersActivatedProcessingLeftWhole() {
        Record callback = number(stored("A", RecordStatus.RESCHEDULED_BY_AGENT), PhoneField.MOBILE,
                PhoneState.INACTIVE, 2);
        Record pending = stored("B", RecordStatus.PENDING);
        Record processing = number(stored("C", RecordStatus.PROCESSING), PhoneField.MOBILE, PhoneState.INACTIVE, 2);
        store.create(callback);
        store.create(pending);
        store.create(processing);

        ImportResult r = importRows(merge(MergeRule.ACTIVATE_WITH_PHONES), factory,
                List.of(valid(1, "A"), valid(2, "B"), valid(3, "C")));

        // A's number changed; B had nothing to activate or clear; C is in a call.
        assertThat(r.counts()).isEqualTo(new ImportCounts(3, 0, 1, 2, 0, 0, 0, 0, 0));
        assertThat(get("A").status()).isEqualTo(RecordStatus.RESCHEDULED_BY_AGENT);
        assertThat(mobile(get("A")).state()).isEqualTo(PhoneState.ACTIVE);
        assertThat(mobile(get("A")).attempts()).isZero();
        assertThat(get("B")).isEqualTo(pending);
        assertThat(get("C")).isEqualTo(processing);
    }

    @Test
    void mergeInactivate_otherStatusesBecomeInactiveInactiveProcessingCallbackLeft() {
        Record inactive = stored("C", RecordStatus.INACTIVE);
        Record processing = stored("D", RecordStatus.PROCESSING);
        Record callback = stored("E", RecordStatus.RESCHEDULED_BY_AGENT);
        store.create(stored("A", RecordStatus.PENDING));
        store.create(stored("B", RecordStatus.DONE));
        store.create(inactive);
        store.create(processing);
        store.create(callback);

        ImportResult r = importRows(merge(MergeRule.INACTIVATE), factory,
                List.of(valid(1, "A"), valid(2, "B"), valid(3, "C"), valid(4, "D"), valid(5, "E")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(5, 0, 2, 3, 0, 0, 0, 0, 0));
        assertThat(get("A").status()).isEqualTo(RecordStatus.INACTIVE);
        assertThat(get("B").status()).isEqualTo(RecordStatus.INACTIVE);
        assertThat(get("B").doneReason()).isEmpty();
        assertThat(get("C")).isEqualTo(inactive);
        assertThat(get("D")).isEqualTo(processing);
        assertThat(get("E")).isEqualTo(callback);
    }

    @Test
    void mergeActivateAndInactivate_heldRecord_unchangedWithRecordInCall() {
        Record dialer = storedDue("A", RecordStatus.RESCHEDULED_BY_DIALER);
        store.create(dialer);
        assertThat(claimDue(store)).isEqualTo(1);

        for (MergeRule rule : List.of(MergeRule.ACTIVATE, MergeRule.ACTIVATE_WITH_PHONES, MergeRule.INACTIVATE,
                MergeRule.DELETE)) {
            ImportResult r = importRows(merge(rule), factory, List.of(valid(1, "A")));

            assertThat(r.counts()).as(rule.name()).isEqualTo(new ImportCounts(1, 0, 0, 1, 0, 0, 1, 0, 0));
            assertThat(codes(r)).as(rule.name()).containsExactly("1:RECORD_IN_CALL");
            assertThat(get("A")).as(rule.name()).isEqualTo(dialer);
        }
    }

    @Test
    void mergeActivateWithPhones_heldRecordWithNothingToChange_unchangedWithoutWarning() {
        Record held = storedDue("A", RecordStatus.PENDING);
        store.create(held);
        assertThat(claimDue(store)).isEqualTo(1);

        ImportResult r = importRows(merge(MergeRule.ACTIVATE_WITH_PHONES), factory, List.of(valid(1, "A")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(1, 0, 0, 1, 0, 0, 0, 0, 0));
        assertThat(r.problems()).isEmpty();
        assertThat(get("A")).isEqualTo(held);
    }

    // ------------------------------------------------------------------ merge rule DELETE

    @Test
    void mergeDelete_storedRecordDeletedWhateverItsStatusNewContactAppended() {
        store.create(stored("A", RecordStatus.PROCESSING));
        store.create(stored("B", RecordStatus.DONE));

        ImportResult r = importRows(merge(MergeRule.DELETE), factory,
                List.of(valid(1, "A"), valid(2, "B"), valid(3, "C")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(3, 1, 2, 0, 0, 0, 0, 0, 0));
        assertThat(store.get(key("A"))).isEmpty();
        assertThat(store.get(key("B"))).isEmpty();
        assertThat(get("C").priority()).isEqualTo(3);
    }

    @Test
    void mergeDelete_dedupeOffSameKeyInOneBatch_secondRowMeetsNoRecordAndIsImported() {
        store.create(stored("A", RecordStatus.PENDING));
        LeadImport imports = LeadImport.newBuilder(factory, store).dedupe(false)
                .rules(ImportRules.of(ImportRule.APPEND, UpdateRule.DO_NOTHING, MergeRule.DELETE)).build();

        ImportResult r = importRows(imports, factory, List.of(valid(1, "A"), valid(2, "A"), valid(3, "A")));

        // Row 1 deletes the stored A, row 2 appends a new A, row 3 deletes that one.
        assertThat(r.counts()).isEqualTo(new ImportCounts(3, 1, 2, 0, 0, 0, 0, 0, 0));
        assertThat(store.get(key("A"))).isEmpty();
    }

    // ------------------------------------------------------------------ update rule (store-only records)

    @Test
    void updateActivate_storeOnlyRecordsActivatedUnlessPendingProcessingOrCallback() {
        Record pending = stored("Y", RecordStatus.PENDING);
        Record callback = stored("Z", RecordStatus.RESCHEDULED_BY_AGENT);
        Record processing = stored("V", RecordStatus.PROCESSING);
        store.create(attempts(stored("X", RecordStatus.INACTIVE), 2));
        store.create(stored("W", RecordStatus.DONE));
        store.create(pending);
        store.create(callback);
        store.create(processing);
        Record named = stored("A", RecordStatus.INACTIVE);
        store.create(named);

        ImportResult r = importRows(update(UpdateRule.ACTIVATE), factory, List.of(valid(1, "A"), valid(2, "N")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(2, 1, 0, 1, 0, 0, 0, 0, 0, 2, 0, 0));
        assertThat(get("X").status()).isEqualTo(RecordStatus.PENDING);
        assertThat(get("X").progress().repeatAttempts()).isZero();
        assertThat(get("W").status()).isEqualTo(RecordStatus.PENDING);
        assertThat(get("Y")).isEqualTo(pending);
        assertThat(get("Z")).isEqualTo(callback);
        assertThat(get("V")).isEqualTo(processing);
        // A is named by the file: the merge rule (DO_NOTHING) decides it, not the update rule.
        assertThat(get("A")).isEqualTo(named);
    }

    @Test
    void updateActivateWithPhones_numbersOfPendingAndCallbackActivatedTooProcessingLeft() {
        store.create(number(stored("X", RecordStatus.INACTIVE), PhoneField.MOBILE, PhoneState.INACTIVE, 2));
        store.create(number(stored("Y", RecordStatus.PENDING), PhoneField.MOBILE, PhoneState.INACTIVE, 2));
        Record processing = number(stored("Z", RecordStatus.PROCESSING), PhoneField.MOBILE, PhoneState.INACTIVE, 2);
        Record blocked = number(stored("W", RecordStatus.PENDING), PhoneField.MOBILE, PhoneState.BLOCKED, 0);
        store.create(processing);
        store.create(blocked);

        ImportResult r = importRows(update(UpdateRule.ACTIVATE_WITH_PHONES), factory, List.of(valid(1, "N")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(1, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0));
        assertThat(get("X").status()).isEqualTo(RecordStatus.PENDING);
        assertThat(mobile(get("X")).state()).isEqualTo(PhoneState.ACTIVE);
        assertThat(mobile(get("X")).attempts()).isZero();
        assertThat(get("Y").status()).isEqualTo(RecordStatus.PENDING);
        assertThat(mobile(get("Y")).state()).isEqualTo(PhoneState.ACTIVE);
        assertThat(mobile(get("Y")).attempts()).isZero();
        assertThat(get("Z")).isEqualTo(processing);
        assertThat(get("W")).isEqualTo(blocked);
    }

    @Test
    void updateInactivate_storeOnlyRecordsInactivatedUnlessInactiveProcessingOrCallback() {
        Record inactive = stored("Y", RecordStatus.INACTIVE);
        Record callback = stored("Z", RecordStatus.RESCHEDULED_BY_AGENT);
        Record processing = stored("V", RecordStatus.PROCESSING);
        store.create(stored("X", RecordStatus.PENDING));
        store.create(stored("W", RecordStatus.DONE));
        store.create(inactive);
        store.create(callback);
        store.create(processing);
        store.create(stored("A", RecordStatus.PENDING));

        ImportResult r = importRows(update(UpdateRule.INACTIVATE), factory, List.of(valid(1, "A")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 2, 0));
        assertThat(get("X").status()).isEqualTo(RecordStatus.INACTIVE);
        assertThat(get("W").status()).isEqualTo(RecordStatus.INACTIVE);
        assertThat(get("Y")).isEqualTo(inactive);
        assertThat(get("Z")).isEqualTo(callback);
        assertThat(get("V")).isEqualTo(processing);
        assertThat(get("A").status()).isEqualTo(RecordStatus.PENDING);
    }

    @Test
    void updateRules_heldRecord_leftAndCountedStoreOnlySkipped() {
        Record held = storedDue("X", RecordStatus.PENDING);
        Record heldDialer = storedDue("Y", RecordStatus.RESCHEDULED_BY_DIALER);
        store.create(held);
        store.create(heldDialer);
        assertThat(claimDue(store)).isEqualTo(2);

        ImportResult inactivate = importRows(update(UpdateRule.INACTIVATE), factory, List.of(valid(1, "N")));
        ImportResult activate = importRows(update(UpdateRule.ACTIVATE), factory, List.of(valid(1, "N")));
        ImportResult delete = importRows(update(UpdateRule.DELETE), factory, List.of(valid(1, "N")));

        assertThat(inactivate.counts()).isEqualTo(new ImportCounts(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2));
        // Activate would change Y only: X is pending already.
        assertThat(activate.counts()).isEqualTo(new ImportCounts(1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1));
        assertThat(delete.counts()).isEqualTo(new ImportCounts(1, 0, 0, 1, 0, 0, 0, 0, 2));
        assertThat(get("X")).isEqualTo(held);
        assertThat(get("Y")).isEqualTo(heldDialer);
    }

    @Test
    void updateDelete_sameAsReplace() {
        store.create(stored("X", RecordStatus.DONE));
        store.create(stored("A", RecordStatus.PENDING));

        ImportResult r = importRows(update(UpdateRule.DELETE), factory, List.of(valid(1, "A")));

        assertThat(r.counts()).isEqualTo(new ImportCounts(1, 0, 0, 1, 0, 0, 0, 1, 0));
        assertThat(store.stream(RecordQuery.all()).map(x -> x.ref().value())).containsExactly("A");
    }

    @Test
    void updateRules_failedOrCancelledRun_changeNothing() {
        Record x = stored("X", RecordStatus.PENDING);
        store.create(x);
        for (UpdateRule rule : List.of(UpdateRule.ACTIVATE, UpdateRule.ACTIVATE_WITH_PHONES, UpdateRule.INACTIVATE,
                UpdateRule.DELETE)) {
            Record y = number(stored("Y" + rule.ordinal(), RecordStatus.INACTIVE), PhoneField.MOBILE,
                    PhoneState.INACTIVE, 2);
            store.create(y);
            LeadImport failing = update(rule);
            ImportResult failed = failing.newJob(Optional.empty(),
                    () -> new ImportFixtures.ListSource(HEADER, List.of(valid(1, "A"), valid(2, "B")), 2),
                    ImportFixtures.mapperFor(factory)).run();
            LeadImport cancelling = LeadImport.newBuilder(factory, store).batchSize(1)
                    .rules(ImportRules.of(ImportRule.APPEND, rule, MergeRule.DO_NOTHING))
                    .listener(new ImportListener() {
                        @Override
                        public void progress(ImportJob job, ImportProgress progress) {
                            job.cancel();
                        }
                    }).build();
            ImportResult cancelled = importRows(cancelling, factory, List.of(valid(3, "C"), valid(4, "D")));

            assertThat(failed.status()).as(rule.name()).isEqualTo(ImportStatus.FAILED);
            assertThat(cancelled.status()).as(rule.name()).isEqualTo(ImportStatus.CANCELLED);
            assertThat(failed.counts().storeOnlyActivated() + failed.counts().storeOnlyInactivated()
                    + failed.counts().deleted() + cancelled.counts().storeOnlyActivated()
                    + cancelled.counts().storeOnlyInactivated() + cancelled.counts().deleted()).isZero();
            assertThat(get("X")).as(rule.name()).isEqualTo(x);
            assertThat(get("Y" + rule.ordinal())).as(rule.name()).isEqualTo(y);
        }
    }

    // ------------------------------------------------------------------ preview

    @Test
    void preview_rules_sayWhatTheImportDoesAndWriteNothing() {
        store.create(stored("A", RecordStatus.INACTIVE));
        store.create(stored("B", RecordStatus.PENDING));
        Record held = storedDue("C", RecordStatus.RESCHEDULED_BY_DIALER);
        store.create(held);
        claimDue(store);
        LeadImport imports = LeadImport.newBuilder(factory, store).dedupe(false)
                .rules(ImportRules.of(ImportRule.DO_NOTHING, UpdateRule.DELETE, MergeRule.ACTIVATE)).build();
        List<SourceRow> rows = List.of(valid(1, "A"), valid(2, "B"), valid(3, "C"),
                valid(4, "N"), valid(5, "A"));

        ImportResult preview = imports.preview(Optional.empty(), () -> new ImportFixtures.ListSource(HEADER, rows, -1),
                ImportFixtures.mapperFor(factory), 10);

        // A activated, B already pending, C held, N not appended, A again: pending by now.
        ImportCounts expected = new ImportCounts(5, 0, 1, 4, 0, 0, 2, 0, 0);
        assertThat(preview.preview()).isTrue();
        assertThat(preview.counts()).isEqualTo(expected);
        assertThat(codes(preview)).containsExactly("3:RECORD_IN_CALL", "4:NOT_APPENDED");
        assertThat(get("A").status()).isEqualTo(RecordStatus.INACTIVE);

        ImportResult run = importRows(imports, factory, rows);

        assertThat(run.counts()).isEqualTo(expected);
        assertThat(codes(run)).isEqualTo(codes(preview));
        assertThat(get("A").status()).isEqualTo(RecordStatus.PENDING);
        assertThat(get("C")).isEqualTo(held);
    }

    @Test
    void preview_mergeDeleteThenSameKey_secondRowSeenAsNew() {
        store.create(stored("A", RecordStatus.PENDING));
        LeadImport imports = LeadImport.newBuilder(factory, store).dedupe(false)
                .rules(ImportRules.of(ImportRule.APPEND, UpdateRule.DO_NOTHING, MergeRule.DELETE)).build();

        ImportResult preview = imports.preview(Optional.empty(),
                () -> new ImportFixtures.ListSource(HEADER, List.of(valid(1, "A"), valid(2, "A")), -1),
                ImportFixtures.mapperFor(factory), 10);

        assertThat(preview.counts()).isEqualTo(new ImportCounts(2, 1, 1, 0, 0, 0, 0, 0, 0));
        assertThat(get("A").priority()).isEqualTo(7);
    }

    // ------------------------------------------------------------------ result files and summary

    @Test
    void resultFiles_notAppendedAndMergeOutcomes_eachRowInExactlyOneFile() throws IOException {
        store.create(stored("A1", RecordStatus.INACTIVE));
        Path file = tmp.resolve("leads.csv");
        Files.writeString(file, "customer_reference_id,mobile,agent\n"
                + "A1,5305550101,\n" // activated: updated
                + "N1,5305550102,\n" // new, not appended: unchanged
                + "A1,5305550103,\n" // duplicate of row 1
                + "B1,bad,\n", // invalid
                StandardCharsets.UTF_8);
        Path out = tmp.resolve("results");
        LeadImport imports = LeadImport.newBuilder(factory, store).resultDirectory(out)
                .rules(ImportRules.of(ImportRule.DO_NOTHING, UpdateRule.DO_NOTHING, MergeRule.ACTIVATE)).build();

        ImportResult r = imports.newJob(Optional.of(file),
                () -> RowSource.of(CsvSource.open(file, ReadOptions.detect())), ImportFixtures.mapperFor(factory))
                .run();

        assertThat(r.counts()).isEqualTo(new ImportCounts(4, 0, 1, 1, 1, 1, 1, 0, 0));
        List<String> success = Files.readAllLines(out.resolve("success.csv"));
        assertThat(success).hasSize(3);
        assertThat(success.get(1)).startsWith("A1,");
        assertThat(success.get(2)).startsWith("N1,");
        assertThat(Files.readAllLines(out.resolve("errors.csv"))).hasSize(2);
        assertThat(Files.readAllLines(out.resolve("duplicates.csv"))).hasSize(2);
        String summary = Files.readString(out.resolve("summary.json"));
        assertThat(summary).contains("\"updated\": 1", "\"unchanged\": 1", "\"store_only_activated\": 0",
                "\"store_only_inactivated\": 0", "\"store_only_skipped\": 0", "\"code\": \"NOT_APPENDED\"");
    }

    @Test
    void summary_storeOnlyCounts_inJson() {
        store.create(stored("X", RecordStatus.PENDING));
        store.create(storedDue("Y", RecordStatus.PENDING));
        claimDue(store);

        ImportResult r = importRows(update(UpdateRule.INACTIVATE), factory, List.of(valid(1, "N")));

        assertThat(r.toJson()).contains("\"store_only_activated\": 0", "\"store_only_inactivated\": 1",
                "\"store_only_skipped\": 1", "\"deleted\": 0");
    }
}
