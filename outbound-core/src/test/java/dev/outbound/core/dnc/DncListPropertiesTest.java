package dev.outbound.core.dnc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.outbound.core.phone.PhoneNumber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Lists and registries agree with a trivially correct model: a list of entries scanned linearly,
 * matching prefixes with {@link String#startsWith} on the E.164 form.
 */
class DncListPropertiesTest {

    private static final Instant BASE = Instant.parse("2026-03-01T12:00:00Z");
    private static final List<String> CUSTOMERS = List.of("C-1", "C-2", "C-3", "C-4");

    /** One change to a list: add the entry, or remove the entry with its key. */
    record Op(boolean remove, DncEntry entry) {
        @Override
        public String toString() {
            return (remove ? "remove " : "add ") + entry;
        }
    }

    /** One question: a number, a customer (or ""), an instant. */
    record Query(PhoneNumber number, String customer, Instant at) {
    }

    private static Gen<PhoneNumber> numbers() {
        return Generate.pick(TestNumbers.POOL);
    }

    private static Gen<DncEntry.Key> keys() {
        Gen<DncEntry.Key> number = numbers().map(DncEntry.NumberKey::new);
        // Prefixes cut from pool numbers, so that they often cover some of them.
        Gen<DncEntry.Key> prefix = numbers().zip(integers().between(1, 15),
                (n, cut) -> new DncEntry.PrefixKey(n.e164().substring(1, 1 + Math.min(cut, n.e164().length() - 1))));
        Gen<DncEntry.Key> customer = Generate.pick(CUSTOMERS).map(DncEntry.CustomerKey::new);
        return Generate.oneOf(number, number, prefix, prefix, customer);
    }

    private static Gen<DncEntry> entries() {
        Gen<Optional<String>> sources = Generate.pick(List.of(
                Optional.<String>empty(), Optional.of("national registry"), Optional.of("agent request")));
        Gen<Optional<String>> reasons = Generate.pick(List.of(Optional.<String>empty(), Optional.of("asked")));
        Gen<Optional<Instant>> expiries = integers().between(-4, 8)
                .map(s -> s > 4 ? Optional.<Instant>empty() : Optional.of(BASE.plusSeconds(s)));
        return keys().zip(sources, reasons, expiries, DncEntry::new);
    }

    private static Gen<List<Op>> ops() {
        Gen<Op> op = entries().zip(integers().between(0, 4), (e, r) -> new Op(r == 0, e));
        return lists().of(op).ofSizeBetween(0, 40);
    }

    private static Gen<List<Query>> queries() {
        Gen<String> customer = Generate.pick(List.of("", "C-1", "C-2", "C-5"));
        Gen<Instant> at = integers().between(-5, 6).zip(Generate.pick(List.of(0L, 1L, 999_999_999L)),
                (s, nanos) -> BASE.plusSeconds(s).plusNanos(nanos));
        return lists().of(numbers().zip(customer, at, Query::new)).ofSize(30);
    }

    /** The model: the entries in the order their keys were first added, later adds replacing. */
    private static List<DncEntry> applyToModel(List<Op> ops) {
        List<DncEntry> model = new ArrayList<>();
        for (Op op : ops) {
            model.removeIf(e -> e.key().equals(op.entry().key()));
            if (!op.remove()) {
                model.add(op.entry());
            }
        }
        return model;
    }

    private static Optional<DncEntry> modelFind(List<DncEntry> model, Query q) {
        List<DncEntry> live = new ArrayList<>();
        for (DncEntry e : model) {
            if (e.expiresAt().isEmpty() || q.at().isBefore(e.expiresAt().get())) {
                live.add(e);
            }
        }
        for (DncEntry e : live) {
            if (e.key() instanceof DncEntry.NumberKey k && k.number().e164().equals(q.number().e164())) {
                return Optional.of(e);
            }
        }
        Optional<DncEntry> longest = live.stream()
                .filter(e -> e.key() instanceof DncEntry.PrefixKey k && q.number().e164().startsWith("+" + k.digits()))
                .max(Comparator.comparingInt(e -> ((DncEntry.PrefixKey) e.key()).digits().length()));
        if (longest.isPresent()) {
            return longest;
        }
        for (DncEntry e : live) {
            if (e.key() instanceof DncEntry.CustomerKey k && k.customerRef().equals(q.customer())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static DncList applyToList(String name, DncList.Mode mode, List<Op> ops) {
        DncList list = DncList.newBuilder(name).mode(mode).build();
        for (Op op : ops) {
            if (op.remove()) {
                list.remove(op.entry().key());
            } else {
                list.add(op.entry());
            }
        }
        return list;
    }

    @Test
    void find_agreesWithALinearScanOfTheEntries() {
        qt().forAll(ops(), queries()).checkAssert((ops, queries) -> {
            DncList list = applyToList("l", DncList.Mode.BLOCK, ops);
            List<DncEntry> model = applyToModel(ops);
            assertThat(list.size()).isEqualTo(model.size());
            for (Query q : queries) {
                assertThat(list.find(q.number(), q.customer(), q.at()))
                        .as("find(%s, '%s', %s)", q.number(), q.customer(), q.at())
                        .isEqualTo(modelFind(model, q));
            }
        });
    }

    @Test
    void builderAndAddAll_agreeWithAddingOneByOne() {
        qt().forAll(lists().of(entries()).ofSizeBetween(0, 40), queries()).checkAssert((entries, queries) -> {
            DncList built = DncList.newBuilder("built").addAll(entries).build();
            DncList bulk = DncList.newBuilder("bulk").build();
            bulk.addAll(entries);
            List<Op> adds = entries.stream().map(e -> new Op(false, e)).toList();
            List<DncEntry> model = applyToModel(adds);
            for (Query q : queries) {
                Optional<DncEntry> expected = modelFind(model, q);
                assertThat(built.find(q.number(), q.customer(), q.at())).isEqualTo(expected);
                assertThat(bulk.find(q.number(), q.customer(), q.at())).isEqualTo(expected);
            }
        });
    }

    @Test
    void removeExpired_neverChangesWhatFindsAnswerFromThenOn() {
        qt().forAll(ops(), integers().between(-5, 6), queries()).checkAssert((ops, purgeAt, queries) -> {
            DncList list = applyToList("l", DncList.Mode.BLOCK, ops);
            List<DncEntry> model = applyToModel(ops);
            Instant purge = BASE.plusSeconds(purgeAt);
            int removed = list.removeExpired(purge);
            long expected = model.stream().filter(e -> e.expiresAt().map(x -> !purge.isBefore(x)).orElse(false)).count();
            assertThat(removed).isEqualTo((int) expected);
            for (Query q : queries) {
                if (!q.at().isBefore(purge)) {
                    assertThat(list.find(q.number(), q.customer(), q.at())).isEqualTo(modelFind(model, q));
                }
            }
        });
    }

    @Test
    void registryCheck_agreesWithTheDecisionRulesOverTheModel() {
        qt().withExamples(300).forAll(ops(), ops(), ops(), queries()).checkAssert((blockA, blockB, allow, queries) -> {
            DncList a = applyToList("a", DncList.Mode.BLOCK, blockA);
            DncList b = applyToList("b", DncList.Mode.BLOCK, blockB);
            DncList w = applyToList("w", DncList.Mode.ALLOW, allow);
            DncRegistry registry = DncRegistry.newBuilder().global(a).campaign(w, b).build();
            List<DncEntry> modelA = applyToModel(blockA);
            List<DncEntry> modelB = applyToModel(blockB);
            List<DncEntry> modelW = applyToModel(allow);
            for (Query q : queries) {
                DncDecision expected;
                if (modelFind(modelA, q).isPresent()) {
                    expected = new DncDecision.Listed(a, modelFind(modelA, q).get());
                } else if (modelFind(modelB, q).isPresent()) {
                    expected = new DncDecision.Listed(b, modelFind(modelB, q).get());
                } else if (modelFind(modelW, q).isEmpty()) {
                    expected = new DncDecision.NotAllowListed(w);
                } else {
                    expected = DncDecision.clear();
                }
                assertThat(registry.check(q.number(), q.customer(), q.at())).isEqualTo(expected);
            }
        });
    }
}
