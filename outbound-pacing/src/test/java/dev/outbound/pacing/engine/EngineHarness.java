package dev.outbound.pacing.engine;

import dev.outbound.core.callerid.CallerIdSelector;
import dev.outbound.core.compliance.CallVerdict;
import dev.outbound.core.lifecycle.DialingRules;
import dev.outbound.core.lifecycle.Disposition;
import dev.outbound.core.lifecycle.Effect;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordDraft;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.core.record.RecordPhone;
import dev.outbound.core.record.RecordStatus;
import dev.outbound.core.zone.ZoneResolver;
import dev.outbound.spi.agent.AgentPresence;
import dev.outbound.spi.agent.AgentRouting;
import dev.outbound.spi.agent.AgentState;
import dev.outbound.spi.agent.RoutingRequest;
import dev.outbound.spi.directory.Agent;
import dev.outbound.spi.memory.InMemoryAgentRouting;
import dev.outbound.spi.memory.InMemoryRecordStore;
import dev.outbound.spi.store.Claim;
import dev.outbound.spi.store.ClaimRequest;
import dev.outbound.spi.store.Interaction;
import dev.outbound.spi.store.ForwardingRecordStore;
import dev.outbound.spi.store.Lease;
import dev.outbound.spi.store.RecordKey;
import dev.outbound.spi.store.RecordStore;
import dev.outbound.spi.store.UpsertMode;
import dev.outbound.spi.telephony.CallEvent;
import dev.outbound.spi.telephony.CallId;
import dev.outbound.spi.telephony.CallListener;
import dev.outbound.spi.telephony.CallRequest;
import dev.outbound.spi.telephony.Telephony;
import dev.outbound.spi.time.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A dialer engine on virtual time, observed from outside: the telephony, the record store and the
 * agent routing are decorated to record what the engine asks of them, and a listener records what
 * the engine reports. The decorators check the engine's placing rules at the instant of every
 * {@code place} and note each breach in {@link #violations}; {@link #accountingProblems()} checks,
 * after a drained run, that every call was accounted for.
 */
final class EngineHarness {
    /** Monday 2 March 2026, 09:00 in New York: inside the default calling window. */
    static final Instant START = Instant.parse("2026-03-02T14:00:00Z");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final CampaignId CAMPAIGN = CampaignId.of("c1");

    final VirtualTime time = VirtualTime.startingAt(START);
    final RecordFactory factory = RecordFactory.newBuilder(CAMPAIGN).defaultRegion("US")
            .zoneResolver(ZoneResolver.newBuilder().defaultZone(NEW_YORK).build()).clock(time.clock()).build();
    final InMemoryRecordStore realStore = InMemoryRecordStore.create();
    final ObservedStore store = new ObservedStore(realStore);
    final ObservedRouting routing = new ObservedRouting(InMemoryAgentRouting.create());
    ObservedTelephony telephony;
    DialingRules rules = DialingRules.defaults();
    EngineSettings settings = EngineSettings.defaults();
    DialerEngine engine;
    /** The engine's caller-id selector; null: none. */
    CallerIdSelector callerIds;
    /** How long simulated agents take to save a record after a call; null: the test disposes. */
    Function<CallId, Duration> wrapUp = id -> Duration.ZERO;

    /** The records the test made, by key, as made: for the calling policy's check at each place. */
    final Map<RecordKey, Record> records = new LinkedHashMap<>();
    final Map<PhoneNumber, RecordKey> keyOfNumber = new HashMap<>();

    final List<String> violations = new ArrayList<>();
    final List<RuntimeException> errors = new ArrayList<>();
    final List<Placed> placed = new ArrayList<>();
    final Map<CallId, Placed> placedById = new LinkedHashMap<>();
    final Map<CallId, List<CallSummary>> outcomes = new LinkedHashMap<>();
    final List<CallSummary> outcomeList = new ArrayList<>();
    final Map<CallId, Long> abandonedSeq = new HashMap<>();
    final Map<CallId, Instant> abandonedAt = new HashMap<>();
    final List<Connected> connected = new ArrayList<>();
    final List<Previewed> previews = new ArrayList<>();
    final List<Effect> effects = new ArrayList<>();
    final List<dev.outbound.core.lifecycle.DispositionRefusedException> refusals = new ArrayList<>();
    private long seq;

    record Placed(CallId id, RecordKey key, PhoneNumber number, Instant at) {
    }

    record Connected(CallId id, AgentEmail agent, RecordKey key, Instant at) {
    }

    record Previewed(AgentEmail agent, Optional<Record> record, Instant at) {
    }

    /** What the telephony decorator knows of one call. */
    static final class CallState {
        final CallId id;
        final RecordKey key;
        final Instant placedAt;
        boolean ringing = true;
        Instant humanAnsweredAt;
        Instant connectRequestedAt;
        Long hangUpSeq;
        Instant terminalAt;
        CallEvent terminal;

        CallState(CallId id, RecordKey key, Instant placedAt) {
            this.id = id;
            this.key = key;
            this.placedAt = placedAt;
        }
    }

    // ------------------------------------------------------------------------- set-up

    EngineHarness telephony(Telephony delegate) {
        this.telephony = new ObservedTelephony(delegate);
        return this;
    }

    RecordDraft draft(String ref, long national) {
        return factory.newRecord(ref).phone(PhoneField.MOBILE, "+1" + national);
    }

    /** Remembers a record the test made (without storing it). */
    Record know(Record r) {
        RecordKey key = RecordKey.of(r);
        records.put(key, r);
        for (RecordPhone p : r.phones()) {
            keyOfNumber.put(p.number(), key);
        }
        return r;
    }

    /** Remembers and stores records. */
    void add(List<Record> batch) {
        batch.forEach(this::know);
        realStore.upsert(batch, UpsertMode.KEEP_EXISTING, time.now());
    }

    void add(Record... batch) {
        add(List.of(batch));
    }

    DialerEngine build() {
        return build(null);
    }

    DialerEngine build(Pacer pacer) {
        DialerEngine.Builder b = DialerEngine.newBuilder(CAMPAIGN).rules(rules).recordStore(store)
                .telephony(telephony).agentRouting(routing).scheduler(time).settings(settings)
                .listener(new Listener());
        if (pacer != null) {
            b.pacer(pacer);
        }
        if (callerIds != null) {
            b.callerIds(callerIds);
        }
        engine = b.build();
        return engine;
    }

    static Agent agent(String name) {
        return Agent.of(AgentEmail.of(name + "@example.com"), name);
    }

    static AgentEmail email(String name) {
        return AgentEmail.of(name + "@example.com");
    }

    /** Runs the tasks due now (the engine's and the telephony's reactions at this instant). */
    void flush() {
        time.advanceBy(Duration.ZERO);
    }

    /** Stops the engine and runs virtual time until nothing is left to do. */
    void drain() {
        engine.stop();
        int guard = 0;
        while (time.runNext()) {
            if (++guard > 5_000_000) {
                throw new AssertionError("virtual time did not come to rest: " + time);
            }
        }
    }

    List<String> placedRefs() {
        List<String> refs = new ArrayList<>();
        for (Placed p : placed) {
            refs.add(p.key().ref().value());
        }
        return refs;
    }

    // ------------------------------------------------------------------------- checks after a run

    /** Every breach of the accounting invariants in a drained run; empty when there is none. */
    List<String> accountingProblems() {
        List<String> problems = new ArrayList<>();
        for (RuntimeException e : errors) {
            problems.add("onError: " + e);
        }
        Set<CallId> telephonyIds = telephony.calls.keySet();
        if (!telephonyIds.equals(placedById.keySet())) {
            problems.add("onPlaced ids " + placedById.keySet() + " differ from the telephony's " + telephonyIds);
        }
        for (CallId id : placedById.keySet()) {
            int n = outcomes.getOrDefault(id, List.of()).size();
            if (n != 1) {
                problems.add("call " + id + " has " + n + " outcomes");
            }
        }
        for (CallId id : outcomes.keySet()) {
            if (!placedById.containsKey(id)) {
                problems.add("outcome for a call never placed: " + id);
            }
        }
        Map<RecordKey, List<String>> expected = new HashMap<>();
        for (CallSummary s : outcomeList) {
            if (!s.withdrawn()) {
                expected.computeIfAbsent(s.record(), k -> new ArrayList<>()).add(s.call().value() + "=" + s.result().get());
            }
        }
        for (RecordKey key : records.keySet()) {
            List<String> history = new ArrayList<>();
            for (Interaction i : realStore.latestInteractions(key, 10_000)) {
                history.add(i.id() + "=" + i.outcome());
            }
            List<String> want = expected.getOrDefault(key, List.of());
            if (!new HashSet<>(history).equals(new HashSet<>(want)) || history.size() != want.size()) {
                problems.add("history of " + key + " is " + history + ", outcomes were " + want);
            }
            Optional<Record> stored = realStore.get(key);
            if (stored.isPresent() && stored.get().status() == RecordStatus.PROCESSING) {
                problems.add("record " + key + " left PROCESSING after the run");
            }
        }
        problems.addAll(store.problems);
        if (!store.held.isEmpty()) {
            problems.add("leases neither completed nor released: " + store.held.keySet());
        }
        for (CallState c : telephony.calls.values()) {
            if (c.terminalAt == null) {
                problems.add("call " + c.id + " never ended");
            }
        }
        return problems;
    }

    /**
     * Every live answer of a drained run that was neither connected within the connect limit nor
     * abandoned by then with {@code onAbandoned} before the hang-up; empty when there is none.
     */
    List<String> abandonProblems() {
        List<String> problems = new ArrayList<>();
        Duration limit = settings.abandonRule().connectLimit();
        for (CallState c : telephony.calls.values()) {
            if (c.terminalAt == null) {
                problems.add("call " + c.id + " never ended");
                continue;
            }
            if (c.humanAnsweredAt == null) {
                continue;
            }
            Instant deadline = c.humanAnsweredAt.plus(limit);
            if (c.connectRequestedAt != null) {
                if (c.connectRequestedAt.isAfter(deadline)) {
                    problems.add("call " + c.id + " connected at " + c.connectRequestedAt + ", after the connect limit "
                            + deadline);
                }
                continue;
            }
            Long abandonSeq = abandonedSeq.get(c.id);
            if (abandonSeq == null) {
                problems.add("call " + c.id + " answered at " + c.humanAnsweredAt + ", never connected, never abandoned");
                continue;
            }
            if (abandonedAt.get(c.id).isAfter(deadline) || c.terminalAt.isAfter(deadline)) {
                problems.add("call " + c.id + " answered at " + c.humanAnsweredAt + " abandoned at "
                        + abandonedAt.get(c.id) + ", ended at " + c.terminalAt + ": after the connect limit");
            }
            if (c.hangUpSeq != null && c.hangUpSeq < abandonSeq) {
                problems.add("call " + c.id + " hung up before onAbandoned");
            }
            List<CallSummary> s = outcomes.getOrDefault(c.id, List.of());
            if (s.size() == 1 && !s.get(0).result().equals(Optional.of(dev.outbound.core.record.CallResult.ABANDONED))) {
                problems.add("call " + c.id + " abandoned but its result is " + s.get(0).result());
            }
        }
        return problems;
    }

    // ------------------------------------------------------------------------- the decorators

    private final class Listener implements EngineListener {
        @Override
        public void onPlaced(CallId call, Record record, Instant at) {
            Placed p = new Placed(call, RecordKey.of(record), record.phones().isEmpty() ? null
                    : telephony.numberOf.get(call), at);
            placed.add(p);
            if (placedById.put(call, p) != null) {
                violations.add("onPlaced twice for " + call);
            }
            CallState c = telephony.calls.get(call);
            if (c == null) {
                violations.add("onPlaced for " + call + ", which the telephony never placed");
            } else if (!c.key.equals(p.key())) {
                violations.add("onPlaced for " + call + " names " + p.key() + " but the number called is " + c.key + "'s");
            }
        }

        @Override
        public void onConnected(CallId call, AgentEmail agent, Record record, Instant at) {
            connected.add(new Connected(call, agent, RecordKey.of(record), at));
        }

        @Override
        public void onAbandoned(CallId call, Record record, Instant at) {
            abandonedSeq.put(call, ++seq);
            abandonedAt.put(call, at);
        }

        @Override
        public void onDispositionRefused(AgentEmail agent, Record record,
                dev.outbound.core.lifecycle.DispositionRefusedException refusal, Instant at) {
            refusals.add(refusal);
        }

        @Override
        public void onWrapUp(CallId call, AgentEmail agent, Record record, Instant at) {
            if (wrapUp != null) {
                time.schedule(at.plus(wrapUp.apply(call)), () -> engine.dispose(agent, Disposition.of(time.now(), agent)));
            }
        }

        @Override
        public void onPreview(AgentEmail agent, Optional<Record> record, Instant at) {
            previews.add(new Previewed(agent, record, at));
        }

        @Override
        public void onOutcome(CallSummary summary) {
            outcomes.computeIfAbsent(summary.call(), k -> new ArrayList<>()).add(summary);
            outcomeList.add(summary);
        }

        @Override
        public void onEffect(Effect effect, Record record) {
            effects.add(effect);
        }

        @Override
        public void onError(RuntimeException error) {
            errors.add(error);
        }
    }

    /** Delegates to a telephony; checks the placing rules at each place and follows each call. */
    final class ObservedTelephony implements Telephony {
        final Telephony delegate;
        final Map<CallId, CallState> calls = new LinkedHashMap<>();
        final Map<CallId, PhoneNumber> numberOf = new HashMap<>();
        final Set<RecordKey> live = new HashSet<>();
        final Set<CallId> waiting = new LinkedHashSet<>();
        int ringing;
        int maxRinging;

        ObservedTelephony(Telephony delegate) {
            this.delegate = delegate;
        }

        @Override
        public CallId place(CallRequest request, CallListener listener) {
            Instant now = time.now();
            RecordKey key = keyOfNumber.get(request.number());
            if (key == null) {
                violations.add(now + ": placed a call to " + request.number() + ", which no record has");
            } else {
                if (live.contains(key)) {
                    violations.add(now + ": a second call to record " + key + " while one is up");
                }
                Record r = records.get(key);
                RecordPhone phone = r.phones().stream().filter(p -> p.number().equals(request.number())).findFirst()
                        .orElseThrow();
                CallVerdict verdict = rules.policy().check(r, phone, now);
                if (!verdict.isAllowed()) {
                    violations.add(now + ": called " + key + " although the calling policy refuses it: " + verdict);
                }
            }
            if (!waiting.isEmpty()) {
                violations.add(now + ": placed a call while answered calls wait for an agent: " + waiting);
            }
            int active = routing.active();
            if (active == 0) {
                violations.add(now + ": placed a call while no agent is logged in and not paused");
            }
            if (ringing + 1 > settings.maxLines()) {
                violations.add(now + ": " + (ringing + 1) + " calls ringing, over the " + settings.maxLines() + " lines");
            }
            if (settings.callsPerAgent().isPresent()
                    && ringing + 1 > settings.callsPerAgent().getAsInt() * active) {
                violations.add(now + ": " + (ringing + 1) + " calls ringing, over " + settings.callsPerAgent().getAsInt()
                        + " per agent for " + active + " active agents");
            }
            CallState[] holder = new CallState[1];
            CallId id = delegate.place(request, event -> {
                observe(holder[0], event);
                listener.onEvent(event);
            });
            CallState c = new CallState(id, key, now);
            holder[0] = c;
            calls.put(id, c);
            numberOf.put(id, request.number());
            if (key != null) {
                live.add(key);
            }
            ringing++;
            maxRinging = Math.max(maxRinging, ringing);
            return id;
        }

        private void observe(CallState c, CallEvent event) {
            Instant at = event.at();
            if (event instanceof CallEvent.Answered) {
                stopRinging(c);
                if (((CallEvent.Answered) event).by() == CallEvent.AnsweredBy.HUMAN) {
                    c.humanAnsweredAt = at;
                    waiting.add(c.id);
                }
            } else if (event.isTerminal()) {
                stopRinging(c);
                waiting.remove(c.id);
                live.remove(c.key);
                c.terminalAt = at;
                c.terminal = event;
            }
        }

        private void stopRinging(CallState c) {
            if (c.ringing) {
                c.ringing = false;
                ringing--;
            }
        }

        @Override
        public void cancel(CallId call) {
            delegate.cancel(call);
        }

        @Override
        public void hangUp(CallId call) {
            CallState c = calls.get(call);
            if (c != null && c.hangUpSeq == null) {
                c.hangUpSeq = ++seq;
            }
            waiting.remove(call);
            delegate.hangUp(call);
        }

        @Override
        public void connect(CallId call, Agent agent) {
            CallState c = calls.get(call);
            if (c != null && c.connectRequestedAt == null) {
                c.connectRequestedAt = time.now();
            }
            waiting.remove(call);
            delegate.connect(call, agent);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    /** Delegates to a routing; follows who is logged in and who is paused, as the engine tells it. */
    static final class ObservedRouting implements AgentRouting {
        final AgentRouting delegate;
        final Set<AgentEmail> loggedIn = new HashSet<>();
        final Set<AgentEmail> paused = new HashSet<>();
        final Map<AgentEmail, AgentState> states = new HashMap<>();

        ObservedRouting(AgentRouting delegate) {
            this.delegate = delegate;
        }

        int active() {
            int n = 0;
            for (AgentEmail a : loggedIn) {
                if (!paused.contains(a)) {
                    n++;
                }
            }
            return n;
        }

        @Override
        public void logIn(AgentEmail agent, CampaignId campaign, Instant at) {
            delegate.logIn(agent, campaign, at);
            loggedIn.add(agent);
            paused.remove(agent);
            states.put(agent, AgentState.AVAILABLE);
        }

        @Override
        public void logOut(AgentEmail agent, CampaignId campaign, Instant at) {
            delegate.logOut(agent, campaign, at);
            loggedIn.remove(agent);
            paused.remove(agent);
            states.remove(agent);
        }

        @Override
        public void setState(AgentEmail agent, AgentState state, Instant at) {
            delegate.setState(agent, state, at);
            if (state == AgentState.PAUSED) {
                paused.add(agent);
            } else {
                paused.remove(agent);
            }
            states.put(agent, state);
        }

        @Override
        public Optional<AgentPresence> presence(AgentEmail agent) {
            return delegate.presence(agent);
        }

        @Override
        public List<AgentPresence> agents(CampaignId campaign) {
            return delegate.agents(campaign);
        }

        @Override
        public Optional<AgentEmail> route(RoutingRequest request, Instant at) {
            return delegate.route(request, at);
        }
    }

    /** Delegates to a store; follows the leases the engine holds and the claims it got. */
    static final class ObservedStore extends ForwardingRecordStore {
        final Map<RecordKey, Lease> held = new HashMap<>();
        final List<ClaimRequest> requests = new ArrayList<>();
        final List<String> problems = new ArrayList<>();

        ObservedStore(RecordStore delegate) {
            super(delegate);
        }

        @Override
        public List<Claim> claim(ClaimRequest request) {
            requests.add(request);
            List<Claim> claims = delegate().claim(request);
            for (Claim c : claims) {
                if (held.put(c.lease().key(), c.lease()) != null) {
                    problems.add("claimed " + c.lease().key() + " while the engine held it");
                }
            }
            return claims;
        }

        @Override
        public Lease renew(Lease lease, Instant at, Duration leaseFor) {
            Lease renewed = delegate().renew(lease, at, leaseFor);
            held.put(renewed.key(), renewed);
            return renewed;
        }

        @Override
        public void complete(Lease lease, Record updated, Optional<Interaction> interaction, Instant at) {
            if (!lease.holdsAt(at)) {
                problems.add("completed " + lease.key() + " at " + at + " on a lease that ended at " + lease.expiresAt());
            }
            delegate().complete(lease, updated, interaction, at);
            held.remove(lease.key());
        }

        @Override
        public boolean release(Lease lease, Instant at) {
            held.remove(lease.key());
            return delegate().release(lease, at);
        }
    }
}
