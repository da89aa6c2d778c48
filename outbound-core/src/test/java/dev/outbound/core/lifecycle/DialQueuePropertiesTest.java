package dev.outbound.core.lifecycle;

import static dev.outbound.core.lifecycle.QueueFixtures.A;
import static dev.outbound.core.lifecycle.QueueFixtures.ANN;
import static dev.outbound.core.lifecycle.QueueFixtures.B;
import static dev.outbound.core.lifecycle.QueueFixtures.BOB;
import static dev.outbound.core.lifecycle.QueueFixtures.C;
import static dev.outbound.core.lifecycle.QueueFixtures.T0;
import static dev.outbound.core.lifecycle.QueueFixtures.TIMEOUT;
import static dev.outbound.core.lifecycle.QueueFixtures.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CallbackPreference;
import dev.outbound.core.record.CustomerRef;
import dev.outbound.core.record.ListId;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link DialQueue#next} against a brute-force reference that, at every call, sorts every eligible
 * record by {@link LoadClass#order} (and lets a {@link ListShare} choose the list when weighting is
 * on), for random records, agents, lists, instants, gates and interleaved offers and removals.
 */
class DialQueuePropertiesTest {
    private static final List<ListId> LISTS = List.of(A, B, C);
    private static final List<AgentEmail> AGENTS = List.of(ANN, BOB);

    /** A pure gate: dial most records; refuse some until later; drop a few. */
    private static final DialGate GATE = (r, now, ctx) -> {
        long h = r.ref().value().hashCode() * 0x9E3779B97F4A7C15L + now.getEpochSecond() / 60;
        h ^= h >>> 29;
        int roll = (int) Math.floorMod(h, 20);
        if (roll < 3) {
            return new DialGate.Decision.RetryAt(now.plus(Duration.ofMinutes(roll * 7L)));
        }
        if (roll == 3) {
            return new DialGate.Decision.Drop("dropped by the test gate");
        }
        return DialGate.Decision.DIAL;
    };

    /** The documented behaviour, computed the slow way. */
    static final class Reference {
        private final Map<CustomerRef, Record> held = new LinkedHashMap<>();
        private final Map<CustomerRef, Instant> notBefore = new LinkedHashMap<>();
        private final List<DialQueue.Dropped> dropped = new ArrayList<>();
        private final DialGate gate;
        private CampaignLists lists;
        private ListShare share;

        Reference(CampaignLists lists, DialGate gate) {
            this.lists = lists;
            this.share = ListShare.of(lists);
            this.gate = gate;
        }

        void offer(Record r) {
            notBefore.remove(r.ref());
            if (!r.status().isDialable()) {
                held.remove(r.ref());
                return;
            }
            held.put(r.ref(), r);
            share.add(r.list());
        }

        void remove(CustomerRef ref) {
            held.remove(ref);
            notBefore.remove(ref);
        }

        void lists(CampaignLists newLists) {
            lists = newLists;
            share = share.reconfigured(newLists);
        }

        private List<Record> eligible(Instant now, AgentEmail owner) {
            List<Record> out = new ArrayList<>();
            for (Record r : held.values()) {
                Instant due = r.dueAt();
                Instant nb = notBefore.get(r.ref());
                if (nb != null && nb.isAfter(due)) {
                    due = nb;
                }
                if (!due.isAfter(now) && lists.isEnabled(r.list())
                        && java.util.Objects.equals(LoadClass.agentFor(r, now, TIMEOUT).orElse(null), owner)) {
                    out.add(r);
                }
            }
            out.sort(LoadClass.order(now, TIMEOUT));
            return out;
        }

        /** Returns true when the record may be dialled; otherwise puts it aside or drops it. */
        private boolean ask(Record r, Instant now, DialContext context) {
            DialGate.Decision d = gate.decide(r, now, context);
            if (d instanceof DialGate.Decision.Dial) {
                remove(r.ref());
                return true;
            }
            if (d instanceof DialGate.Decision.RetryAt retry) {
                notBefore.put(r.ref(), retry.at().isAfter(now) ? retry.at() : now.plusNanos(1));
            } else {
                remove(r.ref());
                dropped.add(new DialQueue.Dropped(r, now, ((DialGate.Decision.Drop) d).reason()));
            }
            return false;
        }

        Optional<Record> next(Instant now, Optional<AgentEmail> agent) {
            DialContext context = agent.map(DialContext::forAgent).orElse(DialContext.anyAgent());
            if (agent.isPresent()) {
                List<Record> mine;
                while (!(mine = eligible(now, agent.get())).isEmpty()) {
                    if (ask(mine.get(0), now, context)) {
                        return Optional.of(mine.get(0));
                    }
                }
            }
            while (true) {
                List<Record> shared = eligible(now, null);
                if (shared.isEmpty()) {
                    return Optional.empty();
                }
                Record best;
                if (lists.isWeighted()) {
                    int chosen = share.peek(i -> shared.stream().anyMatch(r -> r.list().equals(share.list(i))));
                    ListId list = share.list(chosen);
                    best = shared.stream().filter(r -> r.list().equals(list)).findFirst().orElseThrow();
                } else {
                    best = shared.get(0);
                }
                if (ask(best, now, context)) {
                    if (lists.isWeighted()) {
                        share.commit();
                    }
                    return Optional.of(best);
                }
            }
        }

        List<DialQueue.Dropped> drainDropped() {
            List<DialQueue.Dropped> out = List.copyOf(dropped);
            dropped.clear();
            return out;
        }

        int size() {
            return held.size();
        }
    }

    private static <T> T pick(SplittableRandom random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static Record randomRecord(SplittableRandom random, int refs) {
        QueueFixtures.R r = rec("r" + random.nextInt(refs))
                .list(pick(random, LISTS))
                .priority(random.nextInt(3))
                .due(T0.plus(Duration.ofMinutes(5L * (random.nextInt(16) - 4))));
        int status = random.nextInt(12);
        r.status(status < 9 ? RecordStatus.values()[status] : RecordStatus.PENDING);
        if (random.nextInt(5) == 0) {
            r.agent(pick(random, AGENTS));
        }
        if (random.nextInt(4) == 0) {
            CallbackPreference p = pick(random, List.of(CallbackPreference.values()));
            r.callback(p, p.namesAgent() ? pick(random, AGENTS) : null);
        }
        return r.build();
    }

    private static CampaignLists randomLists(SplittableRandom random) {
        CampaignLists.Builder b = CampaignLists.newBuilder();
        boolean weighted = random.nextBoolean();
        for (ListId l : LISTS) {
            b.list(l, random.nextInt(5) != 0, 1 + random.nextInt(5));
        }
        return b.weighting(weighted).build();
    }

    @Test
    void next_returnsWhatTheBruteForceReferenceReturns() {
        qt().withExamples(300)
                .forAll(longs().all(), integers().between(1, 30), integers().between(10, 80))
                .checkAssert((seed, refs, steps) -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    CampaignLists lists = randomLists(random);
                    DialQueue queue = QueueFixtures.queue(lists, GATE);
                    Reference reference = new Reference(lists, GATE);
                    Instant now = T0.minus(Duration.ofMinutes(10));
                    for (int i = 0; i < refs; i++) {
                        Record r = randomRecord(random, refs);
                        assertThat(queue.offer(r)).isEqualTo(r.status().isDialable());
                        reference.offer(r);
                    }
                    for (int step = 0; step < steps; step++) {
                        int op = random.nextInt(20);
                        if (op < 12) {
                            now = now.plus(Duration.ofMinutes(random.nextInt(4) * random.nextInt(6)));
                            Optional<AgentEmail> agent = random.nextInt(3) == 0 ? Optional.empty()
                                    : Optional.of(pick(random, AGENTS));
                            Optional<Record> expected = reference.next(now, agent);
                            assertThat(queue.next(now, agent)).as("step %d at %s for %s", step, now, agent)
                                    .isEqualTo(expected);
                            assertThat(queue.drainDropped()).isEqualTo(reference.drainDropped());
                        } else if (op < 17) {
                            Record r = randomRecord(random, refs + 3);
                            queue.offer(r);
                            reference.offer(r);
                        } else if (op < 19) {
                            CustomerRef ref = CustomerRef.of("r" + random.nextInt(refs + 3));
                            queue.remove(ref);
                            reference.remove(ref);
                        } else {
                            CampaignLists changed = randomLists(random);
                            queue.lists(changed);
                            reference.lists(changed);
                        }
                        assertThat(queue.size()).isEqualTo(reference.size());
                    }
                });
    }

    @Test
    void withAnOpenGate_everyHeldDueRecordOfAnEnabledListIsHandedOutOnce_inLoadOrderPerList() {
        qt().withExamples(200)
                .forAll(longs().all(), integers().between(1, 40))
                .checkAssert((seed, refs) -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    DialQueue queue = QueueFixtures.queue();
                    Map<CustomerRef, Record> offered = new LinkedHashMap<>();
                    for (int i = 0; i < refs; i++) {
                        Record r = randomRecord(random, refs);
                        queue.offer(r);
                        if (r.status().isDialable()) {
                            offered.put(r.ref(), r);
                        } else {
                            offered.remove(r.ref());
                        }
                    }
                    Instant late = T0.plus(Duration.ofDays(30));
                    List<Record> out = new ArrayList<>();
                    for (AgentEmail agent : AGENTS) {
                        Optional<Record> r;
                        while ((r = queue.next(late, Optional.of(agent))).isPresent()) {
                            out.add(r.get());
                        }
                    }
                    assertThat(out).containsExactlyInAnyOrderElementsOf(offered.values());
                    assertThat(queue.size()).isZero();
                    Comparator<Record> order = LoadClass.order(late, TIMEOUT);
                    for (int i = 1; i < out.size(); i++) {
                        AgentEmail prevOwner = LoadClass.agentFor(out.get(i - 1), late, TIMEOUT).orElse(null);
                        AgentEmail owner = LoadClass.agentFor(out.get(i), late, TIMEOUT).orElse(null);
                        if (java.util.Objects.equals(prevOwner, owner)) {
                            assertThat(order.compare(out.get(i - 1), out.get(i))).isNegative();
                        }
                    }
                });
    }
}
