package dev.outbound.csv.imports;

import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.CustomerRef;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordDraft;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.csv.RowProblem;
import dev.outbound.csv.mapping.RowOutcome;
import dev.outbound.csv.read.Detected;
import dev.outbound.csv.read.SourceRow;
import dev.outbound.spi.store.ClaimRequest;
import dev.outbound.spi.store.RecordKey;
import dev.outbound.spi.store.RecordStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Hand-made rows and a hand-made row mapper for the pipeline's tests, so that they depend on
 * neither the CSV reader nor the column mapper.
 *
 * <p>A row's cells are {@code ref, mobile, agent[, priority]}. The mapper refuses an empty ref
 * ({@code REF_MISSING}), the phone {@code bad} ({@code PHONE_INVALID}) and an agent without
 * {@code @} ({@code AGENT_INVALID}), all at once; the phone {@code warn} gives a valid number with
 * a {@code VALUE_TRUNCATED} warning. The priority cell (default 0) tells records apart.
 */
final class ImportFixtures {
    private ImportFixtures() {
    }

    static final CampaignId CAMPAIGN = CampaignId.of("renewals");
    static final CampaignId OTHER = CampaignId.of("winback");
    /** A Monday afternoon: the factory's fixed clock. */
    static final Instant T = Instant.parse("2026-03-02T15:00:00Z");
    static final List<String> HEADER = List.of("customer_reference_id", "mobile", "agent");

    static RecordFactory factory() {
        return factory(CAMPAIGN);
    }

    static RecordFactory factory(CampaignId campaign) {
        return RecordFactory.newBuilder(campaign).clock(Clock.fixed(T, ZoneOffset.UTC)).build();
    }

    /** A valid number whose last digits are {@code n}. */
    static String phone(int n) {
        return String.format("530555%04d", n);
    }

    /** Row {@code n} (on line n + 1) with the given cells. */
    static SourceRow row(long n, String... cells) {
        return new SourceRow(n, n + 1, List.of(cells), Optional.empty());
    }

    /** A valid row: ref, a number made from n, no agent, priority n. */
    static SourceRow valid(long n, String ref) {
        return row(n, ref, phone((int) n), "", String.valueOf(n));
    }

    /** An invalid row: the phone is bad. */
    static SourceRow invalid(long n, String ref) {
        return row(n, ref, "bad", "", String.valueOf(n));
    }

    static RowOutcome map(RecordFactory factory, SourceRow row) {
        String ref = row.cell(0).orElse("");
        String number = row.cell(1).orElse("");
        String agent = row.cell(2).orElse("");
        int priority = row.cell(3).filter(s -> s.matches("[0-9]+")).map(Integer::parseInt).orElse(0);
        List<RowProblem> problems = new ArrayList<>();
        if (ref.isEmpty()) {
            problems.add(error(row, "customer_reference_id", "REF_MISSING", "no customer reference id"));
        }
        if (number.equals("bad")) {
            problems.add(error(row, "mobile", "PHONE_INVALID", "'bad' is not a phone number"));
        }
        if (!agent.isEmpty() && !agent.contains("@")) {
            problems.add(error(row, "agent", "AGENT_INVALID", "'" + agent + "' is not an e-mail"));
        }
        if (!problems.isEmpty()) {
            return new RowOutcome.Invalid(row, ref.isEmpty() ? Optional.empty() : Optional.of(ref), problems);
        }
        List<RowProblem> warnings = new ArrayList<>();
        if (number.equals("warn")) {
            number = phone(9999);
            warnings.add(new RowProblem(row.row(), row.line(), Optional.of("mobile"), RowProblem.Severity.WARNING,
                    "VALUE_TRUNCATED", "the number was cut short"));
        }
        RecordDraft draft = factory.newRecord(ref).phone(PhoneField.MOBILE, number).priority(priority);
        if (!agent.isEmpty()) {
            draft.agent(agent);
        }
        return new RowOutcome.Mapped(row, draft.build(), warnings);
    }

    static RowProblem error(SourceRow row, String column, String code, String message) {
        return new RowProblem(row.row(), row.line(), Optional.of(column), RowProblem.Severity.ERROR, code, message);
    }

    /** The hand-made mapper for a factory, with the ref and agent columns named as in {@link #HEADER}. */
    static Mapper mapper(RecordFactory factory) {
        Function<SourceRow, RowOutcome> f = row -> map(factory, row);
        return new Mapper(f, Optional.of("customer_reference_id"), Optional.of("agent"), List.of());
    }

    static Function<List<String>, Mapper> mapperFor(RecordFactory factory) {
        return header -> mapper(factory);
    }

    /** Runs an import of hand-made rows. */
    static ImportResult importRows(LeadImport imports, RecordFactory factory, List<SourceRow> rows) {
        return job(imports, factory, rows).run();
    }

    static ImportJob job(LeadImport imports, RecordFactory factory, List<SourceRow> rows) {
        return imports.newJob(Optional.empty(), () -> new ListSource(HEADER, rows, -1), mapperFor(factory));
    }

    /** A record of the campaign made directly, told apart by its priority. */
    static Record stored(RecordFactory factory, String ref, int priority) {
        return factory.newRecord(ref).phone(PhoneField.MOBILE, phone(priority % 10_000)).priority(priority).build();
    }

    /** A stored record that is due at T, so that a claim at T takes it. */
    static Record storedDue(RecordFactory factory, String ref, int priority) {
        return factory.newRecord(ref).phone(PhoneField.MOBILE, phone(priority % 10_000)).priority(priority)
                .scheduledFor(T.minus(Duration.ofHours(1))).build();
    }

    /** A stored record that is not due until tomorrow, so that no claim at T takes it. */
    static Record storedLater(RecordFactory factory, String ref, int priority) {
        return factory.newRecord(ref).phone(PhoneField.MOBILE, phone(priority % 10_000)).priority(priority)
                .scheduledFor(T.plus(Duration.ofDays(1))).build();
    }

    /** Claims every record due at T, as a dialer would: they are then under a lease. */
    static int claimDue(RecordStore store) {
        return store.claim(ClaimRequest.of(CAMPAIGN, "dialer-1", T).withMax(100)).size();
    }

    static RecordKey key(String ref) {
        return RecordKey.of(CAMPAIGN, CustomerRef.of(ref));
    }

    /** The priority of the stored record with that ref, which says which row or fixture it came from. */
    static Optional<Integer> priorityOf(RecordStore store, String ref) {
        return store.get(key(ref)).map(Record::priority);
    }

    /** Rows from a list; with {@code failAt} of 1 or more, reading that row fails as a disk would. */
    static final class ListSource implements RowSource {
        private final List<String> header;
        private final List<SourceRow> rows;
        private final long failAt;
        private int next;
        boolean closed;

        ListSource(List<String> header, List<SourceRow> rows, long failAt) {
            this.header = header;
            this.rows = rows;
            this.failAt = failAt;
        }

        @Override
        public List<String> header() {
            return header;
        }

        @Override
        public Optional<Detected> detected() {
            return Optional.empty();
        }

        @Override
        public Optional<SourceRow> next() {
            if (next + 1 == failAt) {
                throw new UncheckedIOException(new IOException("disk read error"));
            }
            return next < rows.size() ? Optional.of(rows.get(next++)) : Optional.empty();
        }

        @Override
        public long bytesRead() {
            return next * 10L;
        }

        @Override
        public OptionalLong size() {
            return OptionalLong.of(rows.size() * 10L);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /**
     * A store that counts the calls made to it and can be told to fail an operation, around a real
     * store.
     */
    static final class Spy {
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        final List<Integer> upsertSizes = new ArrayList<>();
        /** Fail the n-th upsert (1 = the first), or 0 for never. */
        volatile int failUpsert;
        final RecordStore store;

        Spy(RecordStore target) {
            this.store = (RecordStore) Proxy.newProxyInstance(RecordStore.class.getClassLoader(),
                    new Class<?>[] {RecordStore.class}, (proxy, method, args) -> {
                        int n = calls.computeIfAbsent(method.getName(), k -> new AtomicInteger()).incrementAndGet();
                        if (method.getName().equals("upsert")) {
                            upsertSizes.add(((List<?>) args[0]).size());
                            if (n == failUpsert) {
                                throw new IllegalStateException("connection to the database lost");
                            }
                        }
                        try {
                            return method.invoke(target, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        int count(String method) {
            AtomicInteger n = calls.get(method);
            return n == null ? 0 : n.get();
        }
    }
}
