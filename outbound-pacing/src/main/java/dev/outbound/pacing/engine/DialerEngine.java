package dev.outbound.pacing.engine;

import dev.outbound.core.callerid.CallerIdChoice;
import dev.outbound.core.callerid.CallerIdSelector;
import dev.outbound.core.lifecycle.CallOutcome;
import dev.outbound.core.lifecycle.DialCheck;
import dev.outbound.core.lifecycle.DialContext;
import dev.outbound.core.lifecycle.DialReason;
import dev.outbound.core.lifecycle.DialingRules;
import dev.outbound.core.lifecycle.Disposition;
import dev.outbound.core.lifecycle.DispositionRefusedException;
import dev.outbound.core.lifecycle.Effect;
import dev.outbound.core.lifecycle.Lifecycle;
import dev.outbound.core.lifecycle.Transition;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CallResult;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordPhone;
import dev.outbound.pacing.abandon.AbandonLedger;
import dev.outbound.pacing.predict.PacingModel;
import dev.outbound.pacing.predict.Snapshot;
import dev.outbound.pacing.predict.TeamView;
import dev.outbound.pacing.report.RunRecorder;
import dev.outbound.spi.agent.AgentRouting;
import dev.outbound.spi.agent.AgentState;
import dev.outbound.spi.agent.RoutingRequest;
import dev.outbound.spi.directory.Agent;
import dev.outbound.spi.store.Claim;
import dev.outbound.spi.store.ClaimRequest;
import dev.outbound.spi.store.Interaction;
import dev.outbound.spi.store.Lease;
import dev.outbound.spi.store.RecordEdits;
import dev.outbound.spi.store.RecordKey;
import dev.outbound.spi.store.RecordStore;
import dev.outbound.spi.telephony.CallEvent;
import dev.outbound.spi.telephony.CallId;
import dev.outbound.spi.telephony.CallRequest;
import dev.outbound.spi.telephony.Telephony;
import dev.outbound.spi.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The dialer: loads a campaign's records in order, decides how many calls to place, places them
 * through the {@link Telephony}, hands answered calls to agents through the {@link AgentRouting},
 * applies the {@link Lifecycle}'s treatments and writes every outcome to the {@link RecordStore}.
 *
 * <pre>{@code
 * DialerEngine engine = DialerEngine.newBuilder(campaign)
 *         .rules(rules)
 *         .recordStore(store).telephony(telephony).agentRouting(routing).scheduler(scheduler)
 *         .settings(EngineSettings.newBuilder().mode(DialMode.PREDICTIVE).build())
 *         .listener(new EngineListener() {
 *             public void onWrapUp(CallId call, AgentEmail agent, Record record, Instant at) {
 *                 // show the form; when the agent saves: engine.dispose(agent, disposition)
 *             }
 *         })
 *         .build();
 * engine.start();
 * engine.logIn(Agent.of(AgentEmail.of("ann@example.com"), "Ann"));
 * }</pre>
 *
 * <h2>One engine for production and simulation</h2>
 * The engine has no thread and never sleeps. Everything it does is a reaction: to a call event, to
 * an agent's action, or to a timer it set on the {@link Scheduler} (the pacing interval, the form
 * load time, the pauses after calls, the abandon rule's connect limit). Inputs go into a mailbox
 * and run one at a time, in order, on whichever thread brought them while no other is running
 * them; so the engine's state needs no lock, and under {@link dev.outbound.spi.time.VirtualTime}
 * a run is single-threaded and reproducible. The simulator drives this same class.
 *
 * <h2>What it guarantees</h2>
 * <ul>
 * <li>It never places two calls to one record at once: records are claimed under leases and the
 *     engine keeps the set of records in a call.
 * <li>It never calls a number the lifecycle refuses now: every claimed record is checked with
 *     {@link Lifecycle#explain} at the instant of the call (windows, Do-Not-Call, attempts, caps);
 *     a record held back is written back with its next dialable instant, or set aside for
 *     {@link EngineSettings#recheckHeld()} when the reason has no known end.
 * <li>Every placed call ends in exactly one {@link CallSummary}: its result goes through
 *     {@link Lifecycle#apply} (and, for a call an agent took, {@link Lifecycle#dispose}) and into
 *     the store with the call's {@link Interaction}, in one {@link RecordStore#complete}.
 * <li>While an answered call waits for an agent, no new call is placed (seed 001); an answer that
 *     finds no agent within the abandon rule's connect limit is abandoned: the host's
 *     {@link EngineListener#onAbandoned} plays the identification message and the engine hangs up.
 * <li>Records with a user go to that user (seed 001): loaded for them when they become available,
 *     and routed only to them when answered (see {@link RoutingRequest#forRecord}).
 * <li>No call is placed while no agent is logged in and not paused; nor over the lines and
 *     seed 001's calls per agent.
 * </ul>
 *
 * <h2>Agents</h2>
 * Agents log in, pause, resume and log out through the engine, which keeps the
 * {@link AgentRouting} in step: available agents are {@code AVAILABLE}; an agent with a record
 * loaded or a call is {@code ON_CALL}; one wrapping up or resting after a call (seed 001's pauses)
 * is {@code WRAP_UP}. A connected call's record waits for the agent's disposition
 * ({@link #dispose}), after which the agent rests for the pause after an answered call and is
 * available again. An agent who logs out or pauses during a call does so when the call is saved.
 */
public final class DialerEngine implements AutoCloseable {
    private final CampaignId campaign;
    private final Lifecycle lifecycle;
    private final DialingRules rules;
    private final RecordStore store;
    private final Telephony telephony;
    private final AgentRouting routing;
    private final Scheduler scheduler;
    private final Clock clock;
    private final EngineSettings settings;
    private final Pacer pacer;
    private final PacingModel model;
    private final RingCohorts cohorts;
    private final AbandonLedger ledger;
    private final EngineListener listener;
    private final Optional<RunRecorder> recorder;
    private final Optional<CallerIdSelector> callerIds;
    private final Mailbox mailbox;
    private final Context context = new Context();
    /** Half of each lease term, worked out once: {@link Duration#dividedBy(long)} is costly per tick. */
    private final Duration halfLease;
    private final Duration halfAnsweredLease;

    private final Map<AgentEmail, Seat> seats = new LinkedHashMap<>();
    // Reused by progressive pacing to walk a copy of the seats each tick without allocating one;
    // null while in use, so that a walk started from inside another makes its own copy.
    private Seat[] seatWalk = new Seat[0];
    // The pacing tick's task, made once: the tick is the engine's most frequent event.
    private final Runnable tickTask;
    private final Map<CallId, LiveCall> calls = new LinkedHashMap<>();
    /** The calls that hold their record's lease, from the dial to the outcome, by record. */
    private final Map<RecordKey, LiveCall> inCall = new LinkedHashMap<>();
    private final ArrayDeque<LiveCall> waiting = new ArrayDeque<>();
    private final ArrayDeque<Ready> ready = new ArrayDeque<>();
    private int available;
    private int active;
    private int ringingAny;
    private int ringingAll;
    /** Records loaded for agents and not yet dialled: each holds a line for its call. */
    private int loadedForSeats;
    private boolean started;
    private boolean stopped;
    private Instant dryUntil = Instant.MIN;
    private Scheduler.Scheduled tick;

    private volatile long placed;
    private volatile long outcomes;
    private volatile long liveAnswers;
    private volatile long connected;
    private volatile long abandoned;
    private volatile long machines;
    private volatile long withdrawn;
    private volatile long heldBack;

    private DialerEngine(Builder b) {
        this.campaign = b.campaign;
        this.rules = b.rules;
        this.lifecycle = Lifecycle.of(b.rules);
        this.store = b.store;
        this.telephony = b.telephony;
        this.routing = b.routing;
        this.scheduler = b.scheduler;
        this.clock = b.scheduler.clock();
        this.settings = b.settings;
        this.halfLease = settings.leaseFor().dividedBy(2);
        this.halfAnsweredLease = settings.answeredLease().dividedBy(2);
        this.model = b.model;
        this.cohorts = new RingCohorts(b.model, b.settings.ringTimeout());
        this.ledger = AbandonLedger.of(b.settings.abandonRule());
        this.listener = b.listener;
        this.recorder = Optional.ofNullable(b.recorder);
        this.callerIds = Optional.ofNullable(b.callerIds);
        if (b.pacer != null) {
            this.pacer = b.pacer;
        } else if (settings.mode() == DialMode.POWER) {
            this.pacer = Pacers.fixedRatio(settings.powerRatio());
        } else {
            this.pacer = Pacers.predictive(model, settings.abandonRule());
        }
        this.mailbox = new Mailbox(this::error);
        Runnable onTick = this::onTick;
        this.tickTask = () -> mailbox.submit(onTick);
    }

    /**
     * @param campaign the campaign the engine dials
     * @return a builder
     */
    public static Builder newBuilder(CampaignId campaign) {
        return new Builder(Objects.requireNonNull(campaign, "campaign"));
    }

    // ---------------------------------------------------------------- the host's actions

    /** Starts dialing: the first pacing decision is made now. Starting twice does nothing. */
    public void start() {
        mailbox.submit(() -> {
            if (started || stopped) {
                return;
            }
            started = true;
            onTick();
        });
    }

    /**
     * Stops placing calls. Calls in progress go on to their outcome, and agents finish them; the
     * records loaded but not dialled are released. Stopping twice does nothing.
     */
    public void stop() {
        mailbox.submit(this::stopNow);
    }

    /**
     * Stops, and withdraws the calls not yet answered (they end without a result and their records
     * are released unchanged). Answered calls go on. Does not close the services.
     */
    @Override
    public void close() {
        mailbox.submit(() -> {
            stopNow();
            for (LiveCall c : new ArrayList<>(calls.values())) {
                if (c.answeredAt == null) {
                    try {
                        telephony.cancel(c.id);
                    } catch (RuntimeException e) {
                        error(e);
                    }
                }
            }
        });
    }

    /**
     * Logs an agent in to the campaign; they are available at once. Logging in an agent already in
     * does nothing.
     *
     * @param agent the agent, with the endpoint the telephony connects calls to
     */
    public void logIn(Agent agent) {
        Objects.requireNonNull(agent, "agent");
        mailbox.submit(() -> {
            if (seats.containsKey(agent.email())) {
                return;
            }
            Instant now = clock.instant();
            routing.logIn(agent.email(), campaign, now);
            Seat seat = new Seat(agent, now);
            seats.put(agent.email(), seat);
            recorder.ifPresent(r -> r.agentLoggedIn(name(seat), now));
            active++;
            available++;
            onAgentFree(seat, now);
        });
    }

    /**
     * Logs an agent out: at once when they have no call, else once their call is saved.
     *
     * @param agent the agent
     */
    public void logOut(AgentEmail agent) {
        Objects.requireNonNull(agent, "agent");
        mailbox.submit(() -> {
            Seat seat = seats.get(agent);
            if (seat == null) {
                return;
            }
            seat.leaving = true;
            if (seat.state == SeatState.RESERVED && seat.call == null) {
                giveBack(seat);
            }
            if (seat.isIdle()) {
                leave(seat, clock.instant());
            }
        });
    }

    /**
     * Pauses an agent (a break): at once when they have no call, else once their call is saved.
     *
     * @param agent the agent
     */
    public void pause(AgentEmail agent) {
        Objects.requireNonNull(agent, "agent");
        mailbox.submit(() -> {
            Seat seat = seats.get(agent);
            if (seat == null || seat.state == SeatState.PAUSED) {
                return;
            }
            seat.pausing = true;
            if (seat.state == SeatState.RESERVED && seat.call == null) {
                giveBack(seat);
            }
            if (seat.isIdle()) {
                seat.pausing = false;
                enter(seat, SeatState.PAUSED, clock.instant());
            }
        });
    }

    /**
     * Ends an agent's pause: they are available at once.
     *
     * @param agent the agent
     */
    public void resume(AgentEmail agent) {
        Objects.requireNonNull(agent, "agent");
        mailbox.submit(() -> {
            Seat seat = seats.get(agent);
            if (seat == null) {
                return;
            }
            seat.pausing = false;
            if (seat.state == SeatState.PAUSED) {
                Instant now = clock.instant();
                enter(seat, SeatState.AVAILABLE, now);
                onAgentFree(seat, now);
            }
        });
    }

    /**
     * Saves what an agent chose after a connected call (seed 001's record form): the record is
     * written with {@link Lifecycle#dispose}, the call's outcome is reported, and the agent rests
     * for the pause after an answered call, then is available.
     *
     * <p>A disposition that breaks the campaign's {@link dev.outbound.core.lifecycle.DispositionRules}
     * (a field its wrap code requires left empty, a next call missing, a change of user the
     * campaign does not allow) is refused: nothing is written, the agent stays in wrap-up with the
     * call, the returned stage completes exceptionally with the
     * {@link DispositionRefusedException} naming every problem, and
     * {@link EngineListener#onDispositionRefused} is told; the agent saves again. An agent with no
     * call to save is reported to {@link EngineListener#onError} and the stage completes
     * exceptionally with that {@link IllegalStateException}. A store that fails the write is
     * reported to {@code onError}, as for any call's outcome, and the stage still completes with
     * the record the engine meant to write.
     *
     * @param agent the agent
     * @param disposition what they saved; its agent must be {@code agent}
     * @return completes, on the engine's mailbox, with the record as written, or exceptionally with
     *     the refusal
     */
    public CompletionStage<Record> dispose(AgentEmail agent, Disposition disposition) {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(disposition, "disposition");
        CompletableFuture<Record> done = new CompletableFuture<>();
        mailbox.submit(() -> disposeNow(agent, disposition, done));
        return done;
    }

    /**
     * Corrects the last wrap code of a record outside a call (seed 004's Edit wrap code), in the
     * engine's record store: see {@link RecordEdits#correctWrapCode}. The record's history gains an
     * entry saying what was corrected. Runs on the caller's thread; the engine's state is not
     * involved, and a record in a call is left alone.
     *
     * @param key the record's key
     * @param correction the new wrap code, next call, form values and user; its agent is who
     *     corrected it, its instant when
     * @return the record as written
     * @throws DispositionRefusedException naming every problem; nothing is written
     * @throws IllegalStateException if the record is in a call
     */
    public Record correctWrapCode(RecordKey key, Disposition correction) {
        return RecordEdits.of(store, lifecycle).correctWrapCode(key, correction);
    }

    /**
     * Passes a record to another agent outside a call (seed 001's Change user), in the engine's
     * record store: see {@link RecordEdits#changeUser}. Within a call, the agent's disposition
     * does it ({@link Disposition#withNewUser}).
     *
     * @param key the record's key
     * @param to the agent it is passed to
     * @return the record as written
     * @throws DispositionRefusedException if the campaign does not allow Change user
     * @throws IllegalStateException if the record is in a call
     */
    public Record changeUser(RecordKey key, AgentEmail to) {
        return RecordEdits.of(store, lifecycle).changeUser(key, to, clock.instant());
    }

    /**
     * Preview mode: loads the next record for an agent who is available; the answer comes to
     * {@link EngineListener#onPreview}.
     *
     * @param agent the agent
     */
    public void requestPreview(AgentEmail agent) {
        Objects.requireNonNull(agent, "agent");
        mailbox.submit(() -> {
            Seat seat = seats.get(agent);
            Instant now = clock.instant();
            if (settings.mode() != DialMode.PREVIEW || stopped || seat == null
                    || seat.state != SeatState.AVAILABLE) {
                listener.onPreview(agent, Optional.empty(), now);
                return;
            }
            if (!load(seat, now)) {
                listener.onPreview(agent, Optional.empty(), now);
            }
        });
    }

    /**
     * Preview mode: dials the record loaded for the agent.
     *
     * @param agent the agent
     */
    public void dialPreview(AgentEmail agent) {
        Objects.requireNonNull(agent, "agent");
        mailbox.submit(() -> {
            Seat seat = seats.get(agent);
            if (seat != null && seat.state == SeatState.RESERVED && seat.loaded != null && seat.call == null) {
                Ready r = unload(seat);
                if (!placeCall(r, seat, clock.instant())) {
                    afterOwnCall(seat, clock.instant(), Duration.ZERO);
                }
            }
        });
    }

    /**
     * Preview mode: gives back the record loaded for the agent, unchanged; the agent is available.
     *
     * @param agent the agent
     */
    public void skipPreview(AgentEmail agent) {
        Objects.requireNonNull(agent, "agent");
        mailbox.submit(() -> {
            Seat seat = seats.get(agent);
            if (seat != null && seat.state == SeatState.RESERVED && seat.call == null) {
                giveBack(seat);
                afterOwnCall(seat, clock.instant(), Duration.ZERO);
            }
        });
    }

    /** @return the campaign */
    public CampaignId campaign() {
        return campaign;
    }

    /** @return the settings */
    public EngineSettings settings() {
        return settings;
    }

    /** @return the pacer deciding the dials in predictive and power modes */
    public Pacer pacer() {
        return pacer;
    }

    /**
     * @return what the engine has learnt from its calls; read it from a listener (the engine's
     *     work) or when the engine is idle, as it is not thread-safe
     */
    public PacingModel model() {
        return model;
    }

    /**
     * @return the campaign's abandoned-call ledger; read it from a listener or when the engine is
     *     idle
     */
    public AbandonLedger ledger() {
        return ledger;
    }

    /**
     * @return the engine's counts so far; exact when read from a listener or when the engine is
     *     idle, possibly a moment behind otherwise
     */
    public Counts counts() {
        return new Counts(placed, outcomes, liveAnswers, connected, abandoned, machines, withdrawn, heldBack,
                mailbox.ran());
    }

    /**
     * What an engine has done so far.
     *
     * @param placed calls placed
     * @param outcomes calls whose outcome is written (including withdrawn ones)
     * @param liveAnswers calls answered by a person, connected or abandoned
     * @param connected live answers connected to an agent
     * @param abandoned live answers abandoned
     * @param machines calls answered by a machine
     * @param withdrawn calls withdrawn before a result
     * @param heldBack claimed records the lifecycle held back (window, Do-Not-Call ...) and set aside
     * @param events inputs the engine handled: call events, agents' actions and timers
     */
    public record Counts(long placed, long outcomes, long liveAnswers, long connected, long abandoned,
            long machines, long withdrawn, long heldBack, long events) {
    }

    @Override
    public String toString() {
        return "DialerEngine[" + campaign + ", " + settings.mode() + ", " + pacer.name() + "]";
    }

    // ---------------------------------------------------------------- pacing

    private void stopNow() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (tick != null) {
            tick.cancel();
            tick = null;
        }
        Instant now = clock.instant();
        while (!ready.isEmpty()) {
            release(ready.poll().claim.lease(), now);
        }
        for (Seat seat : seats.values()) {
            if (seat.state == SeatState.RESERVED && seat.call == null) {
                giveBack(seat);
                afterOwnCall(seat, now, Duration.ZERO);
            }
        }
    }

    private void onTick() {
        if (stopped) {
            return;
        }
        renewLeases(clock.instant());
        decide(clock.instant());
        Instant next = clock.instant().plus(settings.pacingInterval());
        tick = scheduler.schedule(next, tickTask);
    }

    /**
     * Keeps the leases of calls in progress: a lease with less than half its term left is renewed
     * for another term ({@link EngineSettings#answeredLease()} once answered, else
     * {@link EngineSettings#leaseFor()}), so a conversation and its wrap-up may last longer than
     * one term without another node claiming the record.
     */
    private void renewLeases(Instant now) {
        Instant ringingBefore = now.plus(halfLease);
        Instant answeredBefore = now.plus(halfAnsweredLease);
        for (LiveCall c : inCall.values()) {
            boolean answered = c.answeredAt != null;
            if (c.lease.expiresAt().isBefore(answered ? answeredBefore : ringingBefore)) {
                Duration term = answered ? settings.answeredLease() : settings.leaseFor();
                try {
                    c.lease = store.renew(c.lease, now, term);
                } catch (RuntimeException e) {
                    error(e);
                }
            }
        }
    }

    private void decide(Instant now) {
        if (!started || stopped || !waiting.isEmpty() || active == 0) {
            return;
        }
        switch (settings.mode()) {
            case PREVIEW:
                return;
            case PROGRESSIVE:
                Seat[] walk = seatWalk != null ? seatWalk : new Seat[0];
                seatWalk = null;
                int n = seats.size();
                walk = seats.values().toArray(walk);
                try {
                    for (int i = 0; i < n; i++) {
                        Seat seat = walk[i];
                        if (seat.state == SeatState.AVAILABLE && !now.isBefore(seat.dryUntil)) {
                            load(seat, now);
                        }
                    }
                } finally {
                    Arrays.fill(walk, 0, n, null); // holds no seat that has left
                    seatWalk = walk;
                }
                return;
            default:
                dialForTeam(now);
        }
    }

    /** Lines left: calls ringing and records loaded for agents (whose calls come) hold one each. */
    private int lineLimit() {
        int used = ringingAll + loadedForSeats;
        int limit = settings.maxLines() - used;
        if (settings.callsPerAgent().isPresent()) {
            limit = Math.min(limit, settings.callsPerAgent().getAsInt() * active - used);
        }
        return Math.max(0, limit);
    }

    private void dialForTeam(Instant now) {
        cohorts.release(now);
        int limit = lineLimit();
        if (limit == 0 || (ready.isEmpty() && now.isBefore(dryUntil))) {
            return;
        }
        context.at(now, limit);
        int dials = Math.min(pacer.dialsNow(context), limit);
        while (dials > 0) {
            Ready r = nextReady(now, dials);
            if (r == null) {
                return;
            }
            if (placeCall(r, null, now)) {
                dials--;
            }
        }
    }

    /** The next record to dial for the team: from the records loaded ahead, else claimed now. */
    private Ready nextReady(Instant now, int wanted) {
        while (true) {
            Ready r = ready.poll();
            if (r == null) {
                break;
            }
            if (fresh(r, now)) {
                return r;
            }
            release(r.claim.lease(), now);
        }
        if (now.isBefore(dryUntil)) {
            return null;
        }
        List<Claim> claims = claim(now, Optional.empty(), Math.min(wanted, ClaimRequest.MAX_RECORDS));
        if (claims.size() < wanted) {
            dryUntil = now.plus(settings.idlePoll());
        }
        for (Claim c : claims) {
            Ready r = check(c, now, DialContext.anyAgent());
            if (r != null) {
                ready.add(r);
            }
        }
        return ready.poll();
    }

    private boolean fresh(Ready r, Instant now) {
        return r.claim.lease().expiresAt().isAfter(now.plus(settings.ringTimeout()).plus(settings.formLoad()));
    }

    private List<Claim> claim(Instant now, Optional<AgentEmail> agent, int max) {
        try {
            return store.claim(new ClaimRequest(campaign, settings.owner(), max, now, settings.leaseFor(), agent,
                    rules.contactTimeout(), rules.lists()));
        } catch (RuntimeException e) {
            error(e);
            return List.of();
        }
    }

    /**
     * Checks a claimed record now: dialable gives the number to call; otherwise the record is
     * written back, due again when it next may be dialled.
     */
    private Ready check(Claim claim, Instant now, DialContext dialContext) {
        Record loaded = lifecycle.onLoad(claim.record(), now);
        RecordKey key = claim.lease().key();
        if (inCall.containsKey(key)) {
            release(claim.lease(), now);
            error(new IllegalStateException("record " + key + " was claimed while in a call; released"));
            return null;
        }
        DialCheck check = lifecycle.explain(loaded, now, dialContext);
        if (check.isDialable()) {
            return new Ready(claim, loaded, check.number().orElseThrow());
        }
        heldBack++;
        Record back = loaded;
        if (check.reasons(DialReason.StatusNotDialable.class).isEmpty()) {
            Instant next = check.next().filter(n -> n.isAfter(now)).orElse(now.plus(settings.recheckHeld()));
            back = loaded.scheduledFor().isPresent() ? loaded.withScheduledFor(Optional.of(next))
                    : loaded.withNextDialableAt(next);
        }
        try {
            store.complete(claim.lease(), back, Optional.empty(), now);
        } catch (RuntimeException e) {
            error(e);
        }
        return null;
    }

    /** Loads a record for an agent (progressive, preview, or a predictive record with a user). */
    private boolean load(Seat seat, Instant now) {
        if (lineLimit() == 0) {
            return false;
        }
        for (int tries = 0; tries < 5; tries++) {
            List<Claim> claims = claim(now, Optional.of(seat.email()), 1);
            if (claims.isEmpty()) {
                seat.dryUntil = now.plus(settings.idlePoll());
                return false;
            }
            Ready r = check(claims.get(0), now, DialContext.forAgent(seat.email()));
            if (r == null) {
                continue;
            }
            boolean forThisAgent = settings.mode() == DialMode.PROGRESSIVE || settings.mode() == DialMode.PREVIEW
                    || r.record.agent().filter(seat.email()::equals).isPresent()
                    || RoutingRequest.forRecord(r.record, now, rules.contactTimeout()).rule()
                            == RoutingRequest.Rule.ONLY;
            if (!forThisAgent) {
                // A record any agent may take: keep it for the team's next dial.
                ready.add(r);
                return false;
            }
            enter(seat, SeatState.RESERVED, now);
            seat.loaded = r;
            loadedForSeats++;
            if (settings.mode() == DialMode.PREVIEW) {
                listener.onPreview(seat.email(), Optional.of(r.record), now);
            } else if (settings.formLoad().isZero()) {
                formLoaded(seat, r);
            } else {
                seat.timer = scheduler.schedule(now.plus(settings.formLoad()),
                        () -> mailbox.submit(() -> formLoaded(seat, r)));
            }
            return true;
        }
        return false;
    }

    private void formLoaded(Seat seat, Ready r) {
        seat.timer = null;
        if (seat.loaded != r || seat.state != SeatState.RESERVED) {
            return;
        }
        unload(seat);
        Instant now = clock.instant();
        // An answer that came in during the form load waits for an agent, and agents who paused
        // meanwhile may have lowered the cap: then the agent gives the record back and is free
        // (to take the waiting call).
        if (stopped || !waiting.isEmpty() || lineLimit() == 0 || !placeCall(r, seat, now)) {
            if (!stopped) {
                release(r.claim.lease(), now);
            }
            afterOwnCall(seat, now, Duration.ZERO);
        }
    }

    private void giveBack(Seat seat) {
        if (seat.timer != null) {
            seat.timer.cancel();
            seat.timer = null;
        }
        if (seat.loaded != null) {
            release(unload(seat).claim.lease(), clock.instant());
        }
    }

    private Ready unload(Seat seat) {
        Ready r = seat.loaded;
        seat.loaded = null;
        loadedForSeats--;
        return r;
    }

    // ---------------------------------------------------------------- calls

    private boolean placeCall(Ready r, Seat forSeat, Instant now) {
        RecordKey key = r.claim.lease().key();
        if (inCall.containsKey(key)) {
            error(new IllegalStateException("record " + key + " is already in a call; not placed twice"));
            return false;
        }
        Optional<CallerIdChoice> choice;
        Optional<PhoneNumber> callerId;
        CallId id;
        try {
            // The selector counts the choice against the DID's caps whether or not the call goes
            // out: a telephony that fails the call is rare, and over-counting keeps under the cap.
            choice = callerIds.map(s -> s.select(r.phone.number(), now));
            callerId = choice.isPresent() ? Optional.of(choice.get().number()) : settings.callerId();
            CallRequest request = new CallRequest(r.phone.number(), callerId, campaign, settings.ringTimeout());
            id = telephony.place(request, event -> mailbox.submit(() -> onCallEvent(event)));
        } catch (RuntimeException e) {
            release(r.claim.lease(), now);
            error(e);
            return false;
        }
        LiveCall c = new LiveCall(id, r, forSeat, now, callerId);
        calls.put(id, c);
        inCall.put(key, c);
        ringingAll++;
        if (forSeat == null) {
            ringingAny++;
        } else {
            forSeat.call = c;
        }
        placed++;
        recorder.ifPresent(rec -> rec.dialed(now));
        listener.onPlaced(id, r.record, now);
        if (choice.isPresent()) {
            listener.onCallerId(id, choice.get(), now);
        }
        return true;
    }

    private void onCallEvent(CallEvent event) {
        LiveCall c = calls.get(event.call());
        if (c == null) {
            return;
        }
        if (event instanceof CallEvent.Answered) {
            answered(c, (CallEvent.Answered) event);
        } else if (event.isTerminal()) {
            ended(c, event);
        }
    }

    private void stopRinging(LiveCall c) {
        if (c.ringing) {
            c.ringing = false;
            ringingAll--;
            if (c.forSeat == null) {
                ringingAny--;
            }
        }
    }

    private void answered(LiveCall c, CallEvent.Answered event) {
        Instant at = event.at();
        stopRinging(c);
        c.answeredAt = at;
        Duration ring = nonNegative(Duration.between(c.placedAt, at));
        if (event.by() == CallEvent.AnsweredBy.MACHINE) {
            cohorts.unanswered(c.placedAt, ring, at);
            machines++;
            ledger.machineDetected(at);
            recorder.ifPresent(r -> r.machineDetected(at));
            c.result = CallResult.ANSWERING_MACHINE;
            hangUp(c);
            return;
        }
        cohorts.answered(c.placedAt, ring, at);
        liveAnswers++;
        if (c.forSeat != null) {
            connect(c, c.forSeat, at);
            return;
        }
        Optional<Seat> seat = route(c, at);
        if (seat.isPresent()) {
            connect(c, seat.get(), at);
        } else {
            c.phase = Phase.WAITING;
            waiting.add(c);
            c.timer = scheduler.schedule(at.plus(settings.abandonRule().connectLimit()),
                    () -> mailbox.submit(() -> connectLimitReached(c)));
        }
    }

    private Optional<Seat> route(LiveCall c, Instant at) {
        if (available == 0) {
            return Optional.empty();
        }
        Optional<AgentEmail> who;
        try {
            who = routing.route(RoutingRequest.forRecord(c.record, c.answeredAt, rules.contactTimeout()), at);
        } catch (RuntimeException e) {
            error(e);
            return Optional.empty();
        }
        if (who.isEmpty()) {
            return Optional.empty();
        }
        Seat seat = seats.get(who.get());
        if (seat == null || seat.state != SeatState.AVAILABLE) {
            error(new IllegalStateException("the routing chose agent " + who.get()
                    + ", who is not available to this engine; agents must change state through the engine"));
            return Optional.empty();
        }
        return Optional.of(seat);
    }

    private void connect(LiveCall c, Seat seat, Instant at) {
        c.phase = Phase.CONNECTED;
        c.agent = seat;
        c.connectedAt = at;
        seat.call = c;
        enter(seat, SeatState.TALKING, at);
        connected++;
        ledger.connected(c.answeredAt);
        recorder.ifPresent(r -> r.connected(c.answeredAt));
        try {
            telephony.connect(c.id, seat.agent);
        } catch (RuntimeException e) {
            error(e);
        }
        try {
            c.lease = store.renew(c.lease, at, settings.answeredLease());
        } catch (RuntimeException e) {
            error(e);
        }
        listener.onConnected(c.id, seat.email(), c.record, at);
        context.at(at, lineLimit());
        pacer.onLiveAnswer(context, false);
    }

    private void connectLimitReached(LiveCall c) {
        c.timer = null;
        if (c.phase != Phase.WAITING) {
            return;
        }
        abandon(c, clock.instant());
        hangUp(c);
    }

    private void abandon(LiveCall c, Instant at) {
        waiting.remove(c);
        if (c.timer != null) {
            c.timer.cancel();
            c.timer = null;
        }
        c.phase = Phase.ABANDONED;
        c.result = CallResult.ABANDONED;
        abandoned++;
        ledger.abandoned(c.answeredAt);
        recorder.ifPresent(r -> r.abandoned(c.answeredAt));
        listener.onAbandoned(c.id, c.record, at);
        context.at(at, lineLimit());
        pacer.onLiveAnswer(context, true);
    }

    private void hangUp(LiveCall c) {
        try {
            telephony.hangUp(c.id);
        } catch (RuntimeException e) {
            error(e);
        }
    }

    private void ended(LiveCall c, CallEvent event) {
        Instant at = event.at();
        calls.remove(c.id);
        if (c.ringing) {
            stopRinging(c);
            if (!(event instanceof CallEvent.Cancelled)) {
                cohorts.unanswered(c.placedAt, nonNegative(Duration.between(c.placedAt, at)), at);
            }
        }
        if (c.phase == Phase.WAITING) {
            // The customer hung up, or the line failed, before an agent took the call.
            abandon(c, at);
        }
        if (c.phase == Phase.CONNECTED) {
            model.talked(nonNegative(Duration.between(c.connectedAt, at)));
            Transition t = lifecycle.apply(c.record, outcome(c, CallResult.HUMAN_ANSWER, at));
            c.afterCall = t.record();
            c.endedAt = at;
            effects(t);
            Seat seat = c.agent;
            enter(seat, SeatState.WRAP_UP, at);
            listener.onWrapUp(c.id, seat.email(), c.afterCall, at);
            return;
        }
        Optional<CallResult> result = c.result != null ? Optional.of(c.result) : event.result();
        if (result.isEmpty()) {
            withdrawn++;
            release(c.lease, at);
        } else {
            Transition t = lifecycle.apply(c.record, outcome(c, result.get(), at));
            write(c, t.record(), interaction(c, result.get(), at, Optional.empty()), at);
            effects(t);
        }
        finish(c, result, at);
        if (c.forSeat != null) {
            c.forSeat.call = null;
            afterOwnCall(c.forSeat, at, settings.pauseAfterUnanswered());
        }
    }

    private void disposeNow(AgentEmail agent, Disposition disposition, CompletableFuture<Record> done) {
        Seat seat = seats.get(agent);
        if (seat == null || seat.state != SeatState.WRAP_UP || seat.call == null || seat.call.afterCall == null) {
            IllegalStateException e = new IllegalStateException("agent " + agent + " has no call waiting for a disposition");
            error(e);
            done.completeExceptionally(e);
            return;
        }
        LiveCall c = seat.call;
        Instant at = clock.instant();
        Record saved;
        try {
            saved = lifecycle.dispose(c.afterCall, disposition);
        } catch (DispositionRefusedException refused) {
            // The agent stays in wrap-up with the call and saves again.
            try {
                listener.onDispositionRefused(agent, c.afterCall, refused, at);
            } catch (RuntimeException e) {
                error(e);
            }
            done.completeExceptionally(refused);
            return;
        }
        write(c, saved, interaction(c, CallResult.HUMAN_ANSWER, at, disposition.wrapCode()), at);
        model.wrapped(nonNegative(Duration.between(c.endedAt, at)));
        finish(c, Optional.of(CallResult.HUMAN_ANSWER), at);
        seat.call = null;
        afterOwnCall(seat, at, settings.pauseAfterAnswered());
        done.complete(saved);
    }

    private void write(LiveCall c, Record updated, Interaction interaction, Instant at) {
        try {
            store.complete(c.lease, updated, Optional.of(interaction), at);
        } catch (RuntimeException e) {
            error(e);
        }
    }

    private void finish(LiveCall c, Optional<CallResult> result, Instant at) {
        inCall.remove(c.lease.key());
        outcomes++;
        Optional<AgentEmail> agent = Optional.ofNullable(c.agent != null ? c.agent : c.forSeat).map(Seat::email);
        listener.onOutcome(new CallSummary(c.id, c.lease.key(), c.phone.field(), c.phone.number(), result,
                c.placedAt, Optional.ofNullable(c.answeredAt), at, agent));
    }

    private CallOutcome outcome(LiveCall c, CallResult result, Instant at) {
        Optional<AgentEmail> forAgent = c.forSeat == null ? Optional.empty() : Optional.of(c.forSeat.email());
        return new CallOutcome(c.phone.field(), result, c.placedAt, at, forAgent);
    }

    private Interaction interaction(LiveCall c, CallResult result, Instant at, Optional<String> wrapCode) {
        Optional<AgentEmail> agent = Optional.ofNullable(c.agent).map(Seat::email);
        return new Interaction(c.id.toString(), at, c.phone.number(), c.callerId, agent, result, wrapCode,
                Optional.empty());
    }

    private void effects(Transition t) {
        for (Effect e : t.effects()) {
            listener.onEffect(e, t.record());
        }
    }

    private void release(Lease lease, Instant at) {
        try {
            store.release(lease, at);
        } catch (RuntimeException e) {
            error(e);
        }
    }

    // ---------------------------------------------------------------- agents

    /** After a call placed for or taken by the agent: rest, then be available (or pause, or leave). */
    private void afterOwnCall(Seat seat, Instant now, Duration pause) {
        if (seat.leaving) {
            leave(seat, now);
        } else if (seat.pausing) {
            seat.pausing = false;
            enter(seat, SeatState.PAUSED, now);
        } else if (pause.isZero()) {
            enter(seat, SeatState.AVAILABLE, now);
            onAgentFree(seat, now);
        } else {
            enter(seat, SeatState.RESTING, now);
            seat.timer = scheduler.schedule(now.plus(pause), () -> mailbox.submit(() -> rested(seat)));
        }
    }

    private void rested(Seat seat) {
        seat.timer = null;
        if (seat.state != SeatState.RESTING || !seats.containsKey(seat.email())) {
            return;
        }
        Instant now = clock.instant();
        afterOwnCall(seat, now, Duration.ZERO);
    }

    private void onAgentFree(Seat seat, Instant now) {
        // Answers waiting for an agent come first.
        for (Iterator<LiveCall> it = waiting.iterator(); it.hasNext() && available > 0;) {
            LiveCall c = it.next();
            Optional<Seat> to = route(c, now);
            if (to.isPresent()) {
                it.remove();
                if (c.timer != null) {
                    c.timer.cancel();
                    c.timer = null;
                }
                connect(c, to.get(), now);
            }
        }
        if (seat.state != SeatState.AVAILABLE || !started || stopped) {
            return;
        }
        switch (settings.mode()) {
            case PREVIEW:
                return;
            case PROGRESSIVE:
                if (waiting.isEmpty()) {
                    load(seat, now);
                }
                return;
            default:
                if (waiting.isEmpty() && !now.isBefore(seat.dryUntil)) {
                    load(seat, now);
                }
                if (seat.state == SeatState.AVAILABLE) {
                    decide(now);
                }
        }
    }

    private void leave(Seat seat, Instant now) {
        if (seat.timer != null) {
            seat.timer.cancel();
            seat.timer = null;
        }
        if (seat.state == SeatState.AVAILABLE) {
            available--;
        }
        if (seat.state != SeatState.PAUSED) {
            active--;
        }
        seats.remove(seat.email());
        try {
            routing.logOut(seat.email(), campaign, now);
        } catch (RuntimeException e) {
            error(e);
        }
        recorder.ifPresent(r -> r.agentLoggedOut(name(seat), now));
    }

    private void enter(Seat seat, SeatState state, Instant at) {
        SeatState was = seat.state;
        if (was == state) {
            return;
        }
        if (was == SeatState.AVAILABLE) {
            available--;
        }
        if (state == SeatState.AVAILABLE) {
            available++;
        }
        if (was == SeatState.PAUSED) {
            active++;
        }
        if (state == SeatState.PAUSED) {
            active--;
        }
        seat.state = state;
        seat.since = at;
        if (state.routing != was.routing) {
            try {
                routing.setState(seat.email(), state.routing, at);
            } catch (RuntimeException e) {
                error(e);
            }
        }
        if (state.reported != was.reported) {
            recorder.ifPresent(r -> r.agentState(name(seat), state.reported, at));
        }
    }

    private static String name(Seat seat) {
        return seat.email().toString();
    }

    /**
     * Seconds from {@code from} to {@code to}, rounded down to the quarter second (none when
     * {@code to} is not after {@code from}): the pacer computes the forecast rows of equal times once.
     */
    private static double quarterSeconds(Instant from, Instant to) {
        long nanos = (to.getEpochSecond() - from.getEpochSecond()) * 1_000_000_000L + (to.getNano() - from.getNano());
        return nanos <= 0 ? 0 : (nanos / 250_000_000L) * 0.25;
    }

    /** @return whole-millisecond seconds (the engine's quarter seconds) as a duration */
    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    private void error(RuntimeException e) {
        try {
            listener.onError(e);
        } catch (RuntimeException ignored) {
            org.slf4j.LoggerFactory.getLogger(DialerEngine.class).warn("dialer engine: {}", e.toString(), e);
        }
    }

    // ---------------------------------------------------------------- state

    /** What an agent is doing, as the engine sees it, with the routing's and the report's names. */
    private enum SeatState {
        AVAILABLE(AgentState.AVAILABLE, AgentState.AVAILABLE),
        /** A record is loaded for the agent, or its call rings: busy for routing, idle for the report. */
        RESERVED(AgentState.ON_CALL, AgentState.AVAILABLE),
        TALKING(AgentState.ON_CALL, AgentState.ON_CALL),
        WRAP_UP(AgentState.WRAP_UP, AgentState.WRAP_UP),
        /** Seed 001's pause after a call. */
        RESTING(AgentState.WRAP_UP, AgentState.WRAP_UP),
        PAUSED(AgentState.PAUSED, AgentState.PAUSED);

        final AgentState routing;
        final AgentState reported;

        SeatState(AgentState routing, AgentState reported) {
            this.routing = routing;
            this.reported = reported;
        }
    }

    private static final class Seat {
        final Agent agent;
        SeatState state = SeatState.AVAILABLE;
        Instant since;
        Instant dryUntil = Instant.MIN;
        LiveCall call;
        Ready loaded;
        Scheduler.Scheduled timer;
        boolean leaving;
        boolean pausing;

        Seat(Agent agent, Instant since) {
            this.agent = agent;
            this.since = since;
        }

        AgentEmail email() {
            return agent.email();
        }

        boolean isIdle() {
            return call == null && (state == SeatState.AVAILABLE || state == SeatState.PAUSED
                    || state == SeatState.RESTING || state == SeatState.RESERVED);
        }
    }

    private enum Phase {
        RINGING, WAITING, CONNECTED, ABANDONED
    }

    /** A claimed record that may be dialled now, on {@code phone}. */
    private static final class Ready {
        final Claim claim;
        final Record record;
        final RecordPhone phone;

        Ready(Claim claim, Record record, RecordPhone phone) {
            this.claim = claim;
            this.record = record;
            this.phone = phone;
        }
    }

    private static final class LiveCall {
        final CallId id;
        final Record record;
        final RecordPhone phone;
        final Seat forSeat;
        final Instant placedAt;
        final Optional<PhoneNumber> callerId;
        Lease lease;
        Phase phase = Phase.RINGING;
        boolean ringing = true;
        Seat agent;
        Instant answeredAt;
        Instant connectedAt;
        Instant endedAt;
        CallResult result;
        Record afterCall;
        Scheduler.Scheduled timer;

        LiveCall(CallId id, Ready r, Seat forSeat, Instant placedAt, Optional<PhoneNumber> callerId) {
            this.id = id;
            this.callerId = callerId;
            this.record = r.record;
            this.phone = r.phone;
            this.lease = r.claim.lease();
            this.forSeat = forSeat;
            this.placedAt = placedAt;
        }
    }

    /** The pacer's view, reused for every decision. */
    private final class Context implements PacingContext, TeamView {
        private Instant now;
        private int limit;
        private Snapshot snapshot;

        void at(Instant instant, int lines) {
            this.now = instant;
            this.limit = lines;
            this.snapshot = null;
        }

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public int availableAgents() {
            return available;
        }

        @Override
        public int activeAgents() {
            return active;
        }

        @Override
        public int ringing() {
            return ringingAny;
        }

        @Override
        public int lineLimit() {
            return limit;
        }

        @Override
        public Snapshot snapshot() {
            if (snapshot == null) {
                // The immutable form of the view the engine's own pacer reads in place.
                List<Snapshot.Agent> agents = new ArrayList<>(seats.size());
                forEachAgent((state, elapsed) -> agents.add(Snapshot.Agent.of(state, seconds(elapsed))));
                List<Duration> ring = new ArrayList<>(ringingAny);
                forEachRinging(elapsed -> ring.add(seconds(elapsed)));
                snapshot = Snapshot.of(agents, ring);
            }
            return snapshot;
        }

        @Override
        public TeamView team() {
            return this;
        }

        @Override
        public void forEachAgent(AgentSink sink) {
            for (Seat s : seats.values()) {
                switch (s.state) {
                    case AVAILABLE:
                        sink.agent(AgentState.AVAILABLE, 0);
                        break;
                    case RESERVED:
                        sink.agent(AgentState.ON_CALL, 0);
                        break;
                    case TALKING:
                        sink.agent(AgentState.ON_CALL, quarterSeconds(s.since, now));
                        break;
                    case PAUSED:
                        sink.agent(AgentState.PAUSED, 0);
                        break;
                    default:
                        sink.agent(AgentState.WRAP_UP, quarterSeconds(s.since, now));
                }
            }
        }

        @Override
        public void forEachRinging(RingingSink sink) {
            for (LiveCall c : calls.values()) {
                if (c.ringing && c.forSeat == null) {
                    sink.ringing(quarterSeconds(c.placedAt, now));
                }
            }
        }

        @Override
        public AbandonLedger ledger() {
            return ledger;
        }

        @Override
        public PacingModel model() {
            return model;
        }
    }

    /** Builds a {@link DialerEngine}. The store, telephony, routing and scheduler are required. */
    public static final class Builder {
        private final CampaignId campaign;
        private DialingRules rules = DialingRules.defaults();
        private RecordStore store;
        private Telephony telephony;
        private AgentRouting routing;
        private Scheduler scheduler;
        private EngineSettings settings = EngineSettings.defaults();
        private Pacer pacer;
        private PacingModel model;
        private EngineListener listener = EngineListener.NONE;
        private RunRecorder recorder;
        private CallerIdSelector callerIds;

        private Builder(CampaignId campaign) {
            this.campaign = campaign;
        }

        /**
         * @param value the campaign's dialing rules; default {@link DialingRules#defaults()}
         * @return this builder
         */
        public Builder rules(DialingRules value) {
            this.rules = Objects.requireNonNull(value, "rules");
            return this;
        }

        /**
         * @param value where the campaign's records are
         * @return this builder
         */
        public Builder recordStore(RecordStore value) {
            this.store = Objects.requireNonNull(value, "recordStore");
            return this;
        }

        /**
         * @param value what places the calls
         * @return this builder
         */
        public Builder telephony(Telephony value) {
            this.telephony = Objects.requireNonNull(value, "telephony");
            return this;
        }

        /**
         * @param value the agents' presence and routing; the engine keeps it in step with the
         *     agents' actions made through the engine
         * @return this builder
         */
        public Builder agentRouting(AgentRouting value) {
            this.routing = Objects.requireNonNull(value, "agentRouting");
            return this;
        }

        /**
         * @param value the clock and timers: real time in production, virtual time in the simulator
         * @return this builder
         */
        public Builder scheduler(Scheduler value) {
            this.scheduler = Objects.requireNonNull(value, "scheduler");
            return this;
        }

        /**
         * @param value the dialing settings; default {@link EngineSettings#defaults()}
         * @return this builder
         */
        public Builder settings(EngineSettings value) {
            this.settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        /**
         * @param value the pacer for predictive or power mode; default
         *     {@link Pacers#predictive(PacingModel, dev.outbound.pacing.abandon.AbandonRule)} on the
         *     engine's model in predictive mode, {@link Pacers#fixedRatio} on the settings' ratio in
         *     power mode
         * @return this builder
         */
        public Builder pacer(Pacer value) {
            this.pacer = Objects.requireNonNull(value, "pacer");
            return this;
        }

        /**
         * @param value the model the engine feeds with every call; default
         *     {@link PacingModel#withDefaults()}
         * @return this builder
         */
        public Builder model(PacingModel value) {
            this.model = Objects.requireNonNull(value, "model");
            return this;
        }

        /**
         * @param value what hears the engine's events; default none
         * @return this builder
         */
        public Builder listener(EngineListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /**
         * @param value a run recorder the engine feeds with agents' states and calls, for a
         *     {@link dev.outbound.pacing.report.RunReport}
         * @return this builder
         */
        public Builder recorder(RunRecorder value) {
            this.recorder = Objects.requireNonNull(value, "recorder");
            return this;
        }

        /**
         * Chooses each call's caller id with a selector (a DID pool, a strategy such as local
         * presence, caps per DID) instead of {@link EngineSettings#callerId()}: the engine asks it
         * for every call it places, with the number called and the instant, puts the number in
         * the {@link CallRequest} and in the call's {@link Interaction}, and tells the listener
         * why ({@link EngineListener#onCallerId}). The selector belongs to this engine, which
         * calls it from one thread at a time.
         *
         * @param value the caller-id selector; default none: the settings' fixed caller id
         * @return this builder
         */
        public Builder callerIds(CallerIdSelector value) {
            this.callerIds = Objects.requireNonNull(value, "callerIds");
            return this;
        }

        /**
         * @return the engine, not started
         * @throws IllegalStateException if a required service is missing, a pacer was given for
         *     a mode that does not use one, or both a caller-id selector and the settings' fixed
         *     caller id were given
         */
        public DialerEngine build() {
            List<String> missing = new ArrayList<>();
            if (store == null) {
                missing.add("recordStore");
            }
            if (telephony == null) {
                missing.add("telephony");
            }
            if (routing == null) {
                missing.add("agentRouting");
            }
            if (scheduler == null) {
                missing.add("scheduler");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("the dialer engine for " + campaign + " needs " + missing);
            }
            if (pacer != null && (settings.mode() == DialMode.PREVIEW || settings.mode() == DialMode.PROGRESSIVE)) {
                throw new IllegalStateException("a pacer decides dials in predictive and power modes only, not in "
                        + settings.mode());
            }
            if (callerIds != null && settings.callerId().isPresent()) {
                throw new IllegalStateException("both callerIds (a selector) and the settings' callerId "
                        + settings.callerId().get() + " were given; the selector's pool has a campaign default"
                        + " for that");
            }
            if (model == null) {
                model = PacingModel.withDefaults();
            }
            return new DialerEngine(this);
        }
    }
}
