package dev.outbound.csv.imports;

import static dev.outbound.csv.imports.ImportFixtures.T;
import static dev.outbound.csv.imports.ImportFixtures.claimDue;
import static dev.outbound.csv.imports.ImportFixtures.factory;
import static dev.outbound.csv.imports.ImportFixtures.invalid;
import static dev.outbound.csv.imports.ImportFixtures.key;
import static dev.outbound.csv.imports.ImportFixtures.phone;
import static dev.outbound.csv.imports.ImportFixtures.row;
import static dev.outbound.csv.imports.ImportFixtures.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.phone.PhoneState;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.DialProgress;
import dev.outbound.core.record.DoneReason;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.core.record.RecordPhone;
import dev.outbound.core.record.RecordStatus;
import dev.outbound.csv.imports.ImportRules.ImportRule;
import dev.outbound.csv.imports.ImportRules.MergeRule;
import dev.outbound.csv.imports.ImportRules.UpdateRule;
import dev.outbound.csv.read.SourceRow;
import dev.outbound.spi.memory.InMemoryRecordStore;
import dev.outbound.spi.store.RecordQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Random files and random rules against a random store: every row is counted exactly once, and
 * the counts, the problems and the store afterwards are those of a model of seed 003's and 002's
 * rules written as plainly as possible, one row at a time.
 *
 * <p>Each stored record {@code Ri} has the mobile number {@code phone(100 + i)}, priority
 * {@code 9000 + i}, a random status, number state, retry count, attempt counter and agent, and is
 * due now (and then held by a dialer's claim if its status is dialable) or tomorrow. A row's
 * record has one mobile number and the row's priority.
 */
class ImportRulesPropertiesTest {
    private static final int REFS = 6;
    private static final RecordStatus[] STATUSES = RecordStatus.values();
    private static final PhoneState[] PHONE_STATES = PhoneState.values();
    private static final String ANN = "ann@example.com";
    private static final String BOB = "bob@example.com";
    private static final Instant TOMORROW = T.plus(Duration.ofDays(1));

    private static final Set<RecordStatus> ACTIVATABLE = EnumSet.complementOf(
            EnumSet.of(RecordStatus.PENDING, RecordStatus.PROCESSING, RecordStatus.RESCHEDULED_BY_AGENT));
    private static final Set<RecordStatus> INACTIVATABLE = EnumSet.complementOf(
            EnumSet.of(RecordStatus.INACTIVE, RecordStatus.PROCESSING, RecordStatus.RESCHEDULED_BY_AGENT));
    private static final Set<RecordStatus> PHONES_ONLY = EnumSet.of(RecordStatus.PENDING,
            RecordStatus.RESCHEDULED_BY_AGENT);

    /** What the model knows of a record: everything the rules may change. */
    private static final class M {
        RecordStatus status = RecordStatus.PENDING;
        int repeatAttempts;
        int number;
        PhoneState phoneState = PhoneState.ACTIVE;
        int phoneAttempts;
        Optional<String> agent = Optional.empty();
        int priority;
        Instant nextDialableAt = T;

        M copy() {
            M m = new M();
            m.status = status;
            m.repeatAttempts = repeatAttempts;
            m.number = number;
            m.phoneState = phoneState;
            m.phoneAttempts = phoneAttempts;
            m.agent = agent;
            m.priority = priority;
            m.nextDialableAt = nextDialableAt;
            return m;
        }

        List<Object> state() {
            return List.of(status, repeatAttempts, number, phoneState, phoneAttempts, agent, priority, nextDialableAt);
        }

        static List<Object> of(Record r) {
            RecordPhone p = r.phone(PhoneField.MOBILE).orElseThrow();
            return List.of(r.status(), r.progress().repeatAttempts(),
                    Integer.parseInt(p.number().e164().substring(8)), p.state(), p.attempts(),
                    r.agent().map(AgentEmail::value), r.priority(), r.nextDialableAt());
        }
    }

    /** A row as the model sees it. */
    private record Row(String ref, int kind, int number, Optional<String> agent, int priority) {
    }

    /** What the rules say an import does. */
    private static final class Model {
        final Map<String, M> stored = new TreeMap<>();
        final Set<String> held = new HashSet<>();
        final ImportRules rules;
        final boolean dedupe;
        long total;
        long imported;
        long updated;
        long unchanged;
        long duplicates;
        long invalid;
        long warnings;
        long deleted;
        long deleteSkipped;
        long activated;
        long inactivated;
        long storeOnlySkipped;
        long problems;

        Model(ImportRules rules, boolean dedupe) {
            this.rules = rules;
            this.dedupe = dedupe;
        }

        /** Status change to a status: a manual change, so the attempt counter goes back to 0. */
        static void setStatus(M m, RecordStatus status) {
            m.status = status;
            m.repeatAttempts = 0;
        }

        static void activatePhones(M m) {
            if (m.phoneState == PhoneState.INACTIVE) {
                m.phoneState = PhoneState.ACTIVE;
            }
            m.phoneAttempts = 0;
        }

        /**
         * An activate or inactivate of a record: what it becomes, or empty when the rule does not
         * apply to its status or would change nothing.
         */
        static Optional<M> changed(M s, UpdateRule rule) {
            M m = s.copy();
            switch (rule) {
                case ACTIVATE:
                    if (!ACTIVATABLE.contains(s.status)) {
                        return Optional.empty();
                    }
                    setStatus(m, RecordStatus.PENDING);
                    break;
                case ACTIVATE_WITH_PHONES:
                    if (ACTIVATABLE.contains(s.status)) {
                        setStatus(m, RecordStatus.PENDING);
                    } else if (!PHONES_ONLY.contains(s.status)) {
                        return Optional.empty();
                    }
                    activatePhones(m);
                    break;
                case INACTIVATE:
                    if (!INACTIVATABLE.contains(s.status)) {
                        return Optional.empty();
                    }
                    setStatus(m, RecordStatus.INACTIVE);
                    break;
                default:
                    throw new IllegalArgumentException(rule.name());
            }
            return m.state().equals(s.state()) ? Optional.empty() : Optional.of(m);
        }

        /** Whether an activate or inactivate applies to a record's status at all (the store's match). */
        static boolean matches(M s, UpdateRule rule) {
            switch (rule) {
                case ACTIVATE:
                    return ACTIVATABLE.contains(s.status);
                case ACTIVATE_WITH_PHONES:
                    return ACTIVATABLE.contains(s.status) || PHONES_ONLY.contains(s.status);
                case INACTIVATE:
                    return INACTIVATABLE.contains(s.status);
                default:
                    throw new IllegalArgumentException(rule.name());
            }
        }

        static M fromRow(Row row) {
            M m = new M();
            m.number = row.number();
            m.agent = row.agent();
            m.priority = row.priority();
            return m;
        }

        /** Merge rule UPDATE: the row's number and agent, the stored state. */
        M update(M s, Row row) {
            M m = s.copy();
            if (row.number() != s.number) {
                m.number = row.number();
                m.phoneState = PhoneState.ACTIVE;
                m.phoneAttempts = 0;
            }
            m.agent = rules.resetAgent() ? row.agent() : row.agent().isPresent() ? row.agent() : s.agent;
            if (rules.resetStatus()) {
                setStatus(m, RecordStatus.PENDING);
                if (m.nextDialableAt.isAfter(T)) {
                    m.nextDialableAt = T;
                }
            }
            return m;
        }

        /** The merge rule's activates and inactivates as the update rule of the same name. */
        static UpdateRule asUpdateRule(MergeRule rule) {
            return UpdateRule.valueOf(rule.name());
        }

        void run(List<Row> rows) {
            Set<String> taken = new HashSet<>();
            for (Row row : rows) {
                total++;
                if (row.kind() == 1) {
                    invalid++;
                    problems++;
                    continue;
                }
                if (dedupe && taken.contains(row.ref())) {
                    duplicates++;
                    problems++;
                    continue;
                }
                taken.add(row.ref());
                int rowWarnings = row.kind() == 2 ? 1 : 0;
                M s = stored.get(row.ref());
                boolean isHeld = held.contains(row.ref());
                if (s == null) {
                    if (rules.newContacts() == ImportRule.APPEND) {
                        imported++;
                        stored.put(row.ref(), fromRow(row));
                    } else {
                        unchanged++;
                        rowWarnings++;
                    }
                } else {
                    switch (rules.both()) {
                        case DO_NOTHING:
                            unchanged++;
                            break;
                        case REPLACE:
                            if (isHeld) {
                                unchanged++;
                                rowWarnings++;
                            } else {
                                updated++;
                                stored.put(row.ref(), fromRow(row));
                            }
                            break;
                        case UPDATE: {
                            M m = update(s, row);
                            if (m.state().equals(s.state())) {
                                unchanged++;
                            } else if (isHeld || s.status == RecordStatus.PROCESSING) {
                                unchanged++;
                                rowWarnings++;
                            } else {
                                updated++;
                                stored.put(row.ref(), m);
                            }
                            break;
                        }
                        case DELETE:
                            if (isHeld) {
                                unchanged++;
                                rowWarnings++;
                            } else {
                                updated++;
                                stored.remove(row.ref());
                            }
                            break;
                        default: {
                            Optional<M> m = changed(s, asUpdateRule(rules.both()));
                            if (m.isEmpty()) {
                                unchanged++;
                            } else if (isHeld) {
                                unchanged++;
                                rowWarnings++;
                            } else {
                                updated++;
                                stored.put(row.ref(), m.get());
                            }
                        }
                    }
                }
                problems += rowWarnings;
                if (rowWarnings > 0) {
                    warnings++;
                }
            }
            UpdateRule rule = rules.storeOnly();
            if (rule == UpdateRule.DO_NOTHING) {
                return;
            }
            for (String ref : new ArrayList<>(stored.keySet())) {
                if (taken.contains(ref)) {
                    continue;
                }
                M s = stored.get(ref);
                boolean isHeld = held.contains(ref);
                if (rule == UpdateRule.DELETE) {
                    if (isHeld) {
                        deleteSkipped++;
                    } else {
                        stored.remove(ref);
                        deleted++;
                    }
                    continue;
                }
                if (!matches(s, rule)) {
                    continue;
                }
                if (isHeld) {
                    storeOnlySkipped++;
                    continue;
                }
                Optional<M> m = changed(s, rule);
                if (m.isPresent()) {
                    stored.put(ref, m.get());
                    if (rule == UpdateRule.INACTIVATE) {
                        inactivated++;
                    } else {
                        activated++;
                    }
                }
            }
        }

        ImportCounts counts() {
            return new ImportCounts(total, imported, updated, unchanged, duplicates, invalid, warnings, deleted,
                    deleteSkipped, activated, inactivated, storeOnlySkipped);
        }
    }

    /**
     * A stored record from a generated value: status, number state, retry count, attempt
     * counter, agent and whether it is due now, each a digit of the value in its own base.
     */
    private static Record storedFor(RecordFactory factory, int i, int v) {
        RecordStatus status = STATUSES[v % STATUSES.length];
        v /= STATUSES.length;
        PhoneState phoneState = PHONE_STATES[v % PHONE_STATES.length];
        v /= PHONE_STATES.length;
        int phoneAttempts = v % 3;
        v /= 3;
        int repeatAttempts = v % 3;
        v /= 3;
        boolean agent = v % 2 == 1;
        v /= 2;
        boolean dueNow = v % 2 == 1;
        Record r = factory.newRecord("R" + i).phone(PhoneField.MOBILE, phone(100 + i)).priority(9_000 + i).build();
        r = status == RecordStatus.DONE ? r.done(DoneReason.ATTEMPTS_EXHAUSTED) : r.withStatus(status);
        RecordPhone p = r.phone(PhoneField.MOBILE).orElseThrow();
        r = r.withPhone(p.withState(phoneState).withAttempts(phoneAttempts))
                .withProgress(DialProgress.NONE.withRepeatAttempts(repeatAttempts));
        if (agent) {
            r = r.withAgent(Optional.of(AgentEmail.of(ANN)));
        }
        return dueNow ? r : r.withNextDialableAt(TOMORROW);
    }

    private static final int STORED_VALUES = STATUSES.length * PHONE_STATES.length * 3 * 3 * 2 * 2;

    /**
     * Row {@code n} for a generated value: ref {@code R(v % 6)}, and by {@code v / 6} valid (its
     * own number), invalid, valid with a warning (number 9999), or valid with the stored record's
     * number and agent bob.
     */
    private static SourceRow rowFor(int n, int v) {
        String ref = "R" + (v % REFS);
        switch (v / REFS) {
            case 0:
                return valid(n, ref);
            case 1:
                return invalid(n, ref);
            case 2:
                return row(n, ref, "warn", "", String.valueOf(n));
            default:
                return row(n, ref, phone(100 + v % REFS), BOB, String.valueOf(n));
        }
    }

    private static Row modelRow(int n, int v) {
        String ref = "R" + (v % REFS);
        int kind = v / REFS;
        switch (kind) {
            case 0:
            case 1:
                return new Row(ref, kind, n, Optional.empty(), n);
            case 2:
                return new Row(ref, kind, 9_999, Optional.empty(), n);
            default:
                return new Row(ref, kind, 100 + v % REFS, Optional.of(BOB), n);
        }
    }

    /** The rules and options from a generated value: each choice a digit in its own base. */
    private static ImportRules rulesFor(int v) {
        ImportRule newContacts = ImportRule.values()[v % 2];
        v /= 2;
        UpdateRule storeOnly = UpdateRule.values()[v % UpdateRule.values().length];
        v /= UpdateRule.values().length;
        MergeRule both = MergeRule.values()[v % MergeRule.values().length];
        v /= MergeRule.values().length;
        boolean resets = both == MergeRule.UPDATE;
        return new ImportRules(newContacts, storeOnly, both, resets && v % 2 == 1, resets && v / 2 % 2 == 1);
    }

    private static final int RULE_VALUES = 2 * UpdateRule.values().length * MergeRule.values().length * 4;

    private static List<Record> all(InMemoryRecordStore store) {
        try (Stream<Record> s = store.stream(RecordQuery.all())) {
            return s.collect(Collectors.toList());
        }
    }

    @Test
    void import_randomRulesRowsAndStore_everyRowCountedOnceAndStoreAsTheModelSays() {
        qt().withExamples(500).forAll(
                lists().of(integers().between(0, 4 * REFS - 1)).ofSizeBetween(0, 20),
                lists().of(integers().between(-STORED_VALUES, STORED_VALUES - 1)).ofSize(REFS),
                integers().between(0, RULE_VALUES - 1),
                integers().between(0, 7))
                .checkAssert((values, storedValues, ruleValue, options) -> {
                    ImportRules rules = rulesFor(ruleValue);
                    boolean dedupe = options % 2 == 1;
                    int batchSize = 1 + options / 2;
                    RecordFactory factory = factory();
                    InMemoryRecordStore store = InMemoryRecordStore.create();
                    Model model = new Model(rules, dedupe);
                    for (int i = 0; i < REFS; i++) {
                        int v = storedValues.get(i);
                        if (v < 0) {
                            continue;
                        }
                        Record r = storedFor(factory, i, v);
                        store.create(r);
                        M m = new M();
                        m.status = r.status();
                        m.repeatAttempts = r.progress().repeatAttempts();
                        m.number = 100 + i;
                        m.phoneState = r.phone(PhoneField.MOBILE).orElseThrow().state();
                        m.phoneAttempts = r.phone(PhoneField.MOBILE).orElseThrow().attempts();
                        m.agent = r.agent().map(AgentEmail::value);
                        m.priority = 9_000 + i;
                        m.nextDialableAt = r.nextDialableAt();
                        model.stored.put("R" + i, m);
                    }
                    claimDue(store);
                    for (String ref : model.stored.keySet()) {
                        if (store.lease(key(ref), T).isPresent()) {
                            model.held.add(ref);
                        }
                    }
                    List<SourceRow> rows = new ArrayList<>();
                    List<Row> modelRows = new ArrayList<>();
                    for (int j = 0; j < values.size(); j++) {
                        rows.add(rowFor(j + 1, values.get(j)));
                        modelRows.add(modelRow(j + 1, values.get(j)));
                    }
                    LeadImport imports = LeadImport.newBuilder(factory, store).rules(rules).dedupe(dedupe)
                            .batchSize(batchSize).build();
                    List<Record> before = all(store);

                    ImportResult preview = imports.preview(Optional.empty(),
                            () -> new ImportFixtures.ListSource(ImportFixtures.HEADER, rows, -1),
                            ImportFixtures.mapperFor(factory), Math.max(1, rows.size()));
                    assertThat(all(store)).isEqualTo(before);

                    ImportResult result = ImportFixtures.importRows(imports, factory, rows);
                    model.run(modelRows);

                    assertThat(result.status()).as(result.failure().orElse("")).isEqualTo(ImportStatus.FINISHED);
                    ImportCounts c = result.counts();
                    assertThat(c.imported() + c.updated() + c.unchanged() + c.duplicates() + c.invalid())
                            .isEqualTo(c.total()).isEqualTo(rows.size());
                    assertThat(c).as(rules + ", dedupe " + dedupe).isEqualTo(model.counts());
                    assertThat(result.problemCount()).isEqualTo(model.problems);
                    Map<String, List<Object>> actual = new TreeMap<>();
                    for (Record r : all(store)) {
                        actual.put(r.ref().value(), M.of(r));
                    }
                    Map<String, List<Object>> expected = new TreeMap<>();
                    model.stored.forEach((ref, m) -> expected.put(ref, m.state()));
                    assertThat(actual).as(rules + ", dedupe " + dedupe).isEqualTo(expected);
                    // The preview says what the import did to the rows; the update rule is not previewed.
                    assertThat(preview.counts()).isEqualTo(new ImportCounts(c.total(), c.imported(), c.updated(),
                            c.unchanged(), c.duplicates(), c.invalid(), c.warnings(), 0, 0));
                    assertThat(preview.problems()).isEqualTo(result.problems());
                });
    }
}
