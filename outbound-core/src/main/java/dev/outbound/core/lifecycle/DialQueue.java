package dev.outbound.core.lifecycle;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.CustomerRef;
import dev.outbound.core.record.Record;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * The records of one campaign waiting to be dialled, indexed so that the next record to dial is
 * found without looking at the others: what a dialer asks for its next call and what an in-memory
 * store keeps beside its records.
 *
 * <p>{@link #next} hands out, and removes, the next record for an agent (or for any agent):
 * <ol>
 * <li>the agent's own records first: those whose user is that agent and callbacks reserved for
 *     them ({@link LoadClass#agentFor}), best first in {@linkplain LoadClass load order};
 * <li>then a record any agent may take: with weighting on ({@link CampaignLists#isWeighted()}),
 *     from the list that the {@linkplain ListShare weighted share} chooses among the lists that
 *     have such a record due, the best of that list; with weighting off, the best of all lists.
 * </ol>
 * A record is due when {@code now} has reached its {@linkplain Record#dueAt() due time}. Records
 * of disabled lists are held but not handed out until their list is enabled again; a record whose
 * status is not dialable is not held at all. A record that belongs to an agent is never handed to
 * another agent, nor to a request for any agent.
 *
 * <p>The campaign's {@link DialGate} has the last word on the record about to be handed out: a
 * record it refuses for now waits until the time the gate gives; a record it drops leaves the
 * queue and is reported by {@link #drainDropped()}. Either way selection goes on with the next
 * record. A refused record does not use up its list's turn in the weighted share.
 *
 * <p><b>Cost.</b> Records not yet due wait in a heap ordered by time, and become due as
 * {@code now} passes their time; a callback reserved for an agent until a contact timeout is
 * moved to the shared records by a timer at that instant. Due records sit in heaps per list (and
 * per agent and list for agents' own records). So {@link #offer}, {@link #remove} and each record
 * {@link #next} looks at cost O(log n) amortised, plus O(number of lists) per selection; no
 * operation walks the records.
 *
 * <p>The instants given to {@link #next} must not go backwards. Not thread-safe: the store or
 * dialer that owns a queue serialises access to it.
 */
public final class DialQueue {
    private final CampaignId campaign;
    private final Duration contactTimeout;
    private final DialGate gate;
    private CampaignLists lists;
    private ListShare share;

    private final Map<CustomerRef, QueueEntry> byRef = new HashMap<>();
    private final TimerHeap timer = new TimerHeap();
    private ReadyHeap[] shared = new ReadyHeap[0];
    private final Map<AgentEmail, ReadyHeap[]> own = new HashMap<>();
    private final List<Dropped> dropped = new ArrayList<>();
    /** Whether a list has a shared record due: what the weighted share asks. */
    private final IntPredicate hasShared = i -> !shared[i].isEmpty();
    /** The latest instant given to {@link #next}; null before the first. */
    private Instant now;

    private DialQueue(CampaignId campaign, CampaignLists lists, Duration contactTimeout, DialGate gate) {
        this.campaign = campaign;
        this.contactTimeout = contactTimeout;
        this.gate = gate;
        this.lists = lists;
        this.share = ListShare.of(lists);
        growShared();
    }

    /**
     * @param campaign the campaign whose records the queue holds
     * @return a builder
     */
    public static Builder newBuilder(CampaignId campaign) {
        return new Builder(Objects.requireNonNull(campaign, "campaign"));
    }

    /**
     * A record the gate dropped from the queue.
     *
     * @param record the record
     * @param at the instant of the selection that dropped it
     * @param reason the gate's reason
     */
    public record Dropped(Record record, Instant at, String reason) {
        /**
         * Checks the components.
         *
         * @param record the record
         * @param at the instant of the selection that dropped it
         * @param reason the gate's reason
         */
        public Dropped {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** @return the campaign whose records the queue holds */
    public CampaignId campaign() {
        return campaign;
    }

    /** @return the campaign's lists as the queue applies them */
    public CampaignLists lists() {
        return lists;
    }

    /**
     * Switches lists on and off and changes their weights (seed 001's databases activated and
     * deactivated). Records of a list switched off stay held; they are handed out again when it is
     * switched on. The weighted share starts over.
     *
     * @param newLists the campaign's lists
     */
    public void lists(CampaignLists newLists) {
        this.lists = Objects.requireNonNull(newLists, "newLists");
        this.share = share.reconfigured(newLists);
        growShared();
    }

    /** @return how many records the queue holds, due or not, of enabled lists or not */
    public int size() {
        return byRef.size();
    }

    /**
     * Inserts a record, or replaces the record with the same customer reference id. A replaced
     * record loses any time the gate had set for it. A record whose status is not dialable is not
     * held: offering it removes the record it would replace.
     *
     * @param record a record of the queue's campaign
     * @return whether the queue holds the record now
     * @throws IllegalArgumentException if the record belongs to another campaign
     */
    public boolean offer(Record record) {
        Objects.requireNonNull(record, "record");
        if (!record.campaign().equals(campaign)) {
            throw new IllegalArgumentException("record " + record.ref() + " belongs to campaign " + record.campaign()
                    + ", not to this queue's campaign " + campaign);
        }
        CustomerRef ref = record.ref();
        QueueEntry e = byRef.get(ref);
        if (!record.status().isDialable()) {
            if (e != null) {
                detach(e);
                byRef.remove(ref);
            }
            return false;
        }
        if (e == null) {
            e = new QueueEntry(ref);
            byRef.put(ref, e);
        } else {
            detach(e);
        }
        e.set(record);
        int list = share.indexOf(record.list());
        if (list >= shared.length) {
            growShared();
        }
        e.list = list;
        schedule(e, record.dueAt());
        return true;
    }

    /**
     * Removes a record.
     *
     * @param ref the customer reference id
     * @return the record removed, or empty when the queue did not hold one
     */
    public Optional<Record> remove(CustomerRef ref) {
        QueueEntry e = byRef.remove(Objects.requireNonNull(ref, "ref"));
        if (e == null) {
            return Optional.empty();
        }
        detach(e);
        return Optional.of(e.record);
    }

    /**
     * Removes and returns the next record to dial at an instant, in the order the class
     * description gives, asking the gate about each candidate until it lets one through.
     *
     * @param at the instant; not before the instant of the previous call
     * @param agent the agent who will take the call, or empty for any agent (then records that
     *     belong to an agent are not handed out)
     * @return the record, or empty when no record may be dialled now
     * @throws IllegalArgumentException if {@code at} is before the previous call's instant
     */
    public Optional<Record> next(Instant at, Optional<AgentEmail> agent) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(agent, "agent");
        if (now != null && at.isBefore(now)) {
            throw new IllegalArgumentException("instants given to next must not go backwards: " + at
                    + " is before " + now);
        }
        now = at;
        advance(at);
        DialContext context = agent.isPresent() ? DialContext.forAgent(agent.get()) : DialContext.anyAgent();
        if (agent.isPresent()) {
            ReadyHeap[] mine = own.get(agent.get());
            if (mine != null) {
                ReadyHeap heap;
                while ((heap = bestOf(mine)) != null) {
                    Record r = offerToGate(heap.poll(), at, context);
                    if (r != null) {
                        return Optional.of(r);
                    }
                }
            }
        }
        boolean weighted = lists.isWeighted();
        while (true) {
            int list = weighted ? share.peek(hasShared) : bestList();
            if (list < 0) {
                return Optional.empty();
            }
            Record r = offerToGate(shared[list].poll(), at, context);
            if (r != null) {
                if (weighted) {
                    share.commit();
                }
                return Optional.of(r);
            }
        }
    }

    /**
     * Hands over the records the gate dropped since the last call, oldest first, and forgets them.
     * A host that settles dropped records calls this after {@link #next}.
     *
     * @return the records dropped
     */
    public List<Dropped> drainDropped() {
        if (dropped.isEmpty()) {
            return List.of();
        }
        List<Dropped> out = List.copyOf(dropped);
        dropped.clear();
        return out;
    }

    @Override
    public String toString() {
        return "DialQueue[" + campaign + ", " + byRef.size() + " records, " + timer.size() + " timers]";
    }

    // ---------------------------------------------------------------- internals

    /** Asks the gate about an entry just taken from its ready heap; returns the record when it may be dialled. */
    private Record offerToGate(QueueEntry e, Instant at, DialContext context) {
        if (e.timerIndex >= 0) {
            timer.remove(e);
        }
        DialGate.Decision decision;
        try {
            decision = gate.decide(e.record, at, context);
        } catch (RuntimeException | Error ex) {
            place(e, at);
            throw ex;
        }
        if (decision instanceof DialGate.Decision.Dial) {
            byRef.remove(e.ref);
            return e.record;
        }
        if (decision instanceof DialGate.Decision.RetryAt retry) {
            e.timer(retry.at().isAfter(at) ? retry.at() : at.plusNanos(1));
            timer.add(e);
            return null;
        }
        if (decision instanceof DialGate.Decision.Drop drop) {
            byRef.remove(e.ref);
            dropped.add(new Dropped(e.record, at, drop.reason()));
            return null;
        }
        place(e, at);
        throw new IllegalStateException("the dial gate gave no decision for record " + e.ref + ": " + decision);
    }

    /** Puts an entry where it belongs for a due time: ready now, or in the timer until then. */
    private void schedule(QueueEntry e, Instant due) {
        if (now != null && !due.isAfter(now)) {
            place(e, now);
        } else {
            e.timer(due);
            timer.add(e);
        }
    }

    /** Fires every timer up to an instant. */
    private void advance(Instant at) {
        long key = QueueEntry.nanos(at);
        while (!timer.isEmpty()) {
            long first = timer.firstKey();
            if (first > key || first == key && QueueEntry.saturated(key) && timer.peek().timerAt.isAfter(at)) {
                return;
            }
            QueueEntry e = timer.poll();
            if (e.heap != null) {
                // A reservation for an agent ended: the record moves on, to its user or to everyone.
                e.heap.remove(e);
            }
            place(e, at);
        }
    }

    /** Puts a due entry in the ready heap it belongs to at an instant, with a timer if its reservation ends later. */
    private void place(QueueEntry e, Instant at) {
        Record r = e.record;
        AgentEmail owner = Reservation.holder(r, at, contactTimeout);
        e.rank(LoadClass.classify(r, owner));
        if (owner == null) {
            shared[e.list].add(e);
            return;
        }
        ReadyHeap[] mine = own.get(owner);
        if (mine == null || mine.length <= e.list) {
            mine = mine == null ? new ReadyHeap[shared.length] : Arrays.copyOf(mine, shared.length);
            own.put(owner, mine);
        }
        ReadyHeap heap = mine[e.list];
        if (heap == null) {
            heap = new ReadyHeap();
            mine[e.list] = heap;
        }
        heap.add(e);
        Instant end = Reservation.end(r, contactTimeout);
        if (end != null && end.isAfter(at)) {
            e.timer(end);
            timer.add(e);
        }
    }

    /** Takes an entry out of every heap it is in. */
    private void detach(QueueEntry e) {
        if (e.heap != null) {
            e.heap.remove(e);
        }
        if (e.timerIndex >= 0) {
            timer.remove(e);
        }
    }

    /** @return the agent's heap of an enabled list whose first entry loads first, or null */
    private ReadyHeap bestOf(ReadyHeap[] mine) {
        ReadyHeap best = null;
        for (int i = 0; i < mine.length; i++) {
            ReadyHeap h = mine[i];
            if (h != null && !h.isEmpty() && share.isEnabled(i)
                    && (best == null || QueueEntry.loadsBefore(h.peek(), best.peek()))) {
                best = h;
            }
        }
        return best;
    }

    /** @return the enabled list whose first shared entry loads first, or -1 */
    private int bestList() {
        int best = -1;
        for (int i = 0; i < shared.length; i++) {
            if (!shared[i].isEmpty() && share.isEnabled(i)
                    && (best < 0 || QueueEntry.loadsBefore(shared[i].peek(), shared[best].peek()))) {
                best = i;
            }
        }
        return best;
    }


    private void growShared() {
        int n = share.size();
        if (n > shared.length) {
            int old = shared.length;
            shared = Arrays.copyOf(shared, n);
            for (int i = old; i < n; i++) {
                shared[i] = new ReadyHeap();
            }
        }
    }

    /**
     * Builds a {@link DialQueue}. The lists and contact timeout come from the campaign's
     * {@link DialingRules} or are set one by one, not both; the gate is the campaign's
     * {@linkplain Lifecycle#gate() lifecycle} when rules are set, and is required otherwise.
     * Setting a value twice is refused.
     */
    public static final class Builder {
        private static final Duration MAX_CONTACT_TIMEOUT = Duration.ofDays(7);
        private final CampaignId campaign;
        private DialingRules rules;
        private CampaignLists lists;
        private Duration contactTimeout;
        private DialGate gate;

        private Builder(CampaignId campaign) {
            this.campaign = campaign;
        }

        /**
         * Takes the lists and the contact timeout from a campaign's rules, and unless a gate is set,
         * checks each record with the campaign's {@link Lifecycle}: windows, Do-Not-Call, caps,
         * attempts.
         *
         * @param dialingRules the rules
         * @return this builder
         */
        public Builder rules(DialingRules dialingRules) {
            once(rules, "rules");
            this.rules = Objects.requireNonNull(dialingRules, "dialingRules");
            return this;
        }

        /**
         * @param campaignLists which lists are enabled, their weights and whether weighting is on;
         *     default: every list enabled, weighting off
         * @return this builder
         */
        public Builder lists(CampaignLists campaignLists) {
            once(lists, "lists");
            this.lists = Objects.requireNonNull(campaignLists, "campaignLists");
            return this;
        }

        /**
         * @param timeout how long after its time a {@code PREFER_AGENT} callback stays with its
         *     agent, 0 to 7 days as in {@link DialingRules}; default 15 minutes
         * @return this builder
         */
        public Builder contactTimeout(Duration timeout) {
            once(contactTimeout, "contactTimeout");
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.compareTo(MAX_CONTACT_TIMEOUT) > 0) {
                throw new InvalidValueException("contactTimeout", "0 to " + MAX_CONTACT_TIMEOUT, timeout);
            }
            this.contactTimeout = timeout;
            return this;
        }

        /**
         * @param dialGate the last word on each record about to be handed out; required unless
         *     rules are set ({@link DialGate#open()} lets every record through)
         * @return this builder
         */
        public Builder gate(DialGate dialGate) {
            once(gate, "gate");
            this.gate = Objects.requireNonNull(dialGate, "dialGate");
            return this;
        }

        private static void once(Object value, String setting) {
            if (value != null) {
                throw new IllegalStateException(setting + " is already set");
            }
        }

        /**
         * @return the queue, empty
         * @throws IllegalStateException if no gate was set, or rules were set together with lists
         *     or a contact timeout
         */
        public DialQueue build() {
            if (gate == null && rules == null) {
                throw new IllegalStateException("a dial queue needs a gate or the campaign's rules: set rules(...) to check"
                        + " each record with the campaign's lifecycle, gate(...) for another, or DialGate.open() to hand"
                        + " out every due record");
            }
            if (rules != null && lists != null) {
                throw new IllegalStateException("rules and lists are both set: the rules carry the lists");
            }
            if (rules != null && contactTimeout != null) {
                throw new IllegalStateException("rules and contactTimeout are both set: the rules carry the contact timeout");
            }
            CampaignLists chosenLists = rules != null ? rules.lists() : lists != null ? lists : CampaignLists.allEnabled();
            Duration timeout = rules != null ? rules.contactTimeout()
                    : contactTimeout != null ? contactTimeout : DialingRules.defaults().contactTimeout();
            return new DialQueue(campaign, chosenLists, timeout, gate != null ? gate : Lifecycle.of(rules).gate());
        }
    }
}
