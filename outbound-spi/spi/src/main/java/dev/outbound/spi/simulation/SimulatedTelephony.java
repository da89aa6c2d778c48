package dev.outbound.spi.simulation;

import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.CallResult;
import dev.outbound.spi.directory.Agent;
import dev.outbound.spi.telephony.CallEvent;
import dev.outbound.spi.telephony.CallId;
import dev.outbound.spi.telephony.CallListener;
import dev.outbound.spi.telephony.CallRequest;
import dev.outbound.spi.telephony.Telephony;
import dev.outbound.spi.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Telephony} whose customers are drawn from a {@link CallProfile}, running on a
 * {@link Scheduler}: on {@link dev.outbound.spi.time.VirtualTime} it dials a day in a second, the
 * same way every time.
 *
 * <p><b>Reproducible.</b> Each call draws its outcome and its times from its own random stream,
 * made from the seed and the call's sequence number (the first call placed is 1). So the same
 * seed and the same sequence of {@link #place} calls give the same events at the same instants,
 * whatever is done to the calls and whenever.
 *
 * <p><b>A call's life</b> follows {@link CallProfile}'s times: {@code Ringing}, then the outcome.
 * A person who answered waits for {@link #connect} ({@code Connected} at once, then
 * {@code HungUp(REMOTE)} after the talk time) or, when their patience runs out first, hangs up
 * ({@code HungUp(REMOTE)}: the abandoned call). A machine hangs up ({@code HungUp(REMOTE)}) after
 * its message time, connected or not. {@link #cancel} before the answer gives {@code Cancelled};
 * {@link #hangUp} after it {@code HungUp(LOCAL)}; {@link #connect} reaches every agent, with or
 * without endpoint. Other actions, and actions on ended or unknown calls, are ignored.
 *
 * <p><b>Threads.</b> All methods are thread-safe. Actions take effect in a task scheduled for
 * the current instant, so their events, like all others, reach the call's listener from the
 * scheduler's tasks, in order, never after the call's terminal event. A listener that throws a
 * {@link RuntimeException} is logged and the call goes on. The exception is {@link #close()},
 * which ends live calls on the calling thread.
 */
public final class SimulatedTelephony implements Telephony {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedTelephony.class);
    // The reasons of the terminal failures, shared by every call.
    private static final Optional<String> BUSY_HERE = Optional.of("486 Busy Here");
    private static final Optional<String> RING_TIMEOUT = Optional.of("ring timeout");
    private static final Optional<String> DECLINE = Optional.of("603 Decline");
    private static final Optional<String> NOT_FOUND = Optional.of("404 Not Found");
    private static final Optional<String> UNAVAILABLE = Optional.of("503 Service Unavailable");

    private final Scheduler scheduler;
    private final Clock clock;
    private final long seed;
    private final CallProfile profile;
    private final OutcomeTable profileTable;
    private final Function<PhoneNumber, Optional<CallProfile>> profileFor;
    private final String idPrefix;

    private final AtomicLong placed = new AtomicLong();
    private final AtomicLongArray results = new AtomicLongArray(CallResult.values().length);
    private final AtomicLong cancelled = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();
    private final Map<CallId, Call> live = new ConcurrentHashMap<>();
    // place() holds the read lock, close() the write lock: no call slips in while closing.
    private final ReentrantReadWriteLock closing = new ReentrantReadWriteLock();
    private boolean closed;

    private SimulatedTelephony(Builder b) {
        this.scheduler = b.scheduler;
        this.clock = b.scheduler.clock();
        this.seed = b.seed;
        this.profile = b.profile;
        this.profileTable = new OutcomeTable(b.profile);
        this.profileFor = b.profileFor;
        this.idPrefix = b.idPrefix;
    }

    /**
     * @param scheduler the time the telephony runs on
     * @return a builder: seed 0, {@link CallProfile#typical()} for every number
     */
    public static Builder newBuilder(Scheduler scheduler) {
        return new Builder(Objects.requireNonNull(scheduler, "scheduler"));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if the telephony is closed
     */
    @Override
    public CallId place(CallRequest request, CallListener listener) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(listener, "listener");
        closing.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("SimulatedTelephony is closed: cannot call " + request.number());
            }
            long sequence = placed.incrementAndGet();
            CallProfile p = Objects.requireNonNull(profileFor.apply(request.number()), "profileFor result")
                    .orElse(profile);
            OutcomeTable table = p == profile ? profileTable : new OutcomeTable(p);
            Plan plan = Plan.draw(p, table, new SplittableRandom(streamSeed(seed, sequence)));
            Call call = new Call(CallId.of(idPrefix + sequence), sequence, listener, plan);
            Instant now = clock.instant();
            Instant deadline = now.plus(request.ringTimeout());
            Instant ringingAt = now.plus(plan.postDialDelay);
            Instant decidedAt = plan.outcome == CallProfile.Outcome.NO_ANSWER ? deadline
                    : ringingAt.plus(plan.answers() ? plan.ringTime : plan.resultTime);
            boolean timesOut = decidedAt.isAfter(deadline);
            Instant endOfRinging = timesOut ? deadline : decidedAt;
            CallProfile.Outcome outcome = timesOut ? CallProfile.Outcome.NO_ANSWER : plan.outcome;
            call.lock.lock();
            try {
                live.put(call.id, call);
                call.outcome = outcome;
                call.endOfRinging = endOfRinging;
                if (ringingAt.isBefore(endOfRinging)) {
                    arm(call, ringingAt, TimerStep.RING);
                } else {
                    arm(call, endOfRinging, TimerStep.DECIDE);
                }
            } finally {
                call.lock.unlock();
            }
            return call.id;
        } finally {
            closing.readLock().unlock();
        }
    }

    @Override
    public void cancel(CallId call) {
        act(call, c -> {
            if (c.state == State.PLACED) {
                cancelled.incrementAndGet();
                end(c, new CallEvent.Cancelled(c.id, at(c)));
            }
        });
    }

    @Override
    public void hangUp(CallId call) {
        act(call, c -> {
            if (c.state == State.ANSWERED || c.state == State.CONNECTED) {
                end(c, new CallEvent.HungUp(c.id, at(c), CallEvent.Party.LOCAL));
            }
        });
    }

    @Override
    public void connect(CallId call, Agent agent) {
        Objects.requireNonNull(agent, "agent");
        act(call, c -> {
            if (c.state != State.ANSWERED) {
                return;
            }
            c.state = State.CONNECTED;
            Instant at = at(c);
            // A person talks for the talk time; a machine goes on to the end of its message.
            Instant end = c.plan.outcome == CallProfile.Outcome.HUMAN ? at.plus(c.plan.talkTime) : c.machineEndsAt;
            arm(c, end, TimerStep.REMOTE_HANG_UP);
            emit(c, new CallEvent.Connected(c.id, at, agent.email()));
        });
    }

    /**
     * Ends the calls still up, on the calling thread: those not yet answered with
     * {@code Cancelled}, the answered ones with {@code HungUp(LOCAL)}, as a real telephony
     * withdraws and hangs up its calls when it shuts down. Their pending tasks are cancelled;
     * later {@link #place} calls fail, and later actions are ignored. Closing twice does nothing.
     */
    @Override
    public void close() {
        closing.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            closing.writeLock().unlock();
        }
        List<Call> calls = new ArrayList<>(live.values());
        calls.sort(Comparator.comparingLong((Call c) -> c.sequence));
        for (Call c : calls) {
            c.lock.lock();
            try {
                if (c.state == State.PLACED) {
                    cancelled.incrementAndGet();
                    end(c, new CallEvent.Cancelled(c.id, at(c)));
                } else if (c.state != State.ENDED) {
                    end(c, new CallEvent.HungUp(c.id, at(c), CallEvent.Party.LOCAL));
                }
            } finally {
                c.lock.unlock();
            }
        }
    }

    /** @return what the telephony has done so far */
    public Counts counts() {
        Map<CallResult, Long> byResult = new EnumMap<>(CallResult.class);
        for (CallResult r : CallResult.values()) {
            long n = results.get(r.ordinal());
            if (n > 0) {
                byResult.put(r, n);
            }
        }
        return new Counts(placed.get(), live.size(), byResult, cancelled.get(), abandoned.get());
    }

    @Override
    public String toString() {
        return "SimulatedTelephony[seed=" + seed + ", " + counts() + "]";
    }

    /**
     * What a simulated telephony has done, at one moment.
     *
     * @param placed calls placed
     * @param live calls placed and not yet ended
     * @param results how many calls got each result, as the lifecycle is told it
     *     ({@link CallEvent#result()} of {@code Answered} and of the terminal failures); results
     *     that did not occur are left out
     * @param cancelled calls ended {@code Cancelled}, by {@link #cancel} or {@link #close}
     * @param abandoned calls answered by a person that ended without being connected to an agent
     *     (their patience ran out, we hung up, or the telephony closed)
     */
    public record Counts(long placed, long live, Map<CallResult, Long> results, long cancelled, long abandoned) {
        /**
         * Copies the results.
         *
         * @param placed calls placed
         * @param live calls up
         * @param results calls by result
         * @param cancelled calls cancelled
         * @param abandoned calls abandoned
         */
        public Counts {
            EnumMap<CallResult, Long> copy = new EnumMap<>(CallResult.class);
            copy.putAll(results);
            results = Collections.unmodifiableMap(copy);
        }

        /**
         * @param result a result
         * @return how many calls got it
         */
        public long of(CallResult result) {
            return results.getOrDefault(Objects.requireNonNull(result, "result"), 0L);
        }
    }

    /** Configures a {@link SimulatedTelephony}; each option may be set once. */
    public static final class Builder {
        private final Scheduler scheduler;
        private long seed;
        private CallProfile profile = CallProfile.typical();
        private Function<PhoneNumber, Optional<CallProfile>> profileFor = n -> Optional.empty();
        private String idPrefix = "sim-";
        private final List<String> setTwice = new ArrayList<>();
        private final List<String> set = new ArrayList<>();

        private Builder(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        /**
         * @param value the seed every call's random stream is made from
         * @return this builder
         */
        public Builder seed(long value) {
            once("seed");
            this.seed = value;
            return this;
        }

        /**
         * @param value the profile of numbers {@link #profileFor} says nothing about
         * @return this builder
         */
        public Builder profile(CallProfile value) {
            once("profile");
            this.profile = Objects.requireNonNull(value, "profile");
            return this;
        }

        /**
         * A profile per number, for tests and scenarios: "this number is always busy"
         * ({@link CallProfile#always}). Asked once per call, when it is placed.
         *
         * @param value gives a number's profile, or empty for the default profile
         * @return this builder
         */
        public Builder profileFor(Function<PhoneNumber, Optional<CallProfile>> value) {
            once("profileFor");
            this.profileFor = Objects.requireNonNull(value, "profileFor");
            return this;
        }

        /**
         * Call ids are the prefix and the call's sequence number ({@code sim-1}, {@code sim-2}, ...
         * by default). Give each telephony its own prefix when several share one record store,
         * as the nodes of one campaign do, so that every call's id, and the history entry named
         * after it, stays unique as a real telephony's would.
         *
         * @param value the prefix, not blank, without control characters
         * @return this builder
         */
        public Builder idPrefix(String value) {
            once("idPrefix");
            Objects.requireNonNull(value, "idPrefix");
            if (value.isBlank() || value.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("idPrefix must not be blank or hold control characters: '"
                        + value.replaceAll("\\p{Cntrl}", "?") + "'");
            }
            this.idPrefix = value;
            return this;
        }

        /**
         * @return the telephony
         * @throws IllegalStateException if an option was set twice
         */
        public SimulatedTelephony build() {
            if (!setTwice.isEmpty()) {
                throw new IllegalStateException("SimulatedTelephony builder: each option may be set once, but "
                        + String.join(", ", setTwice) + " was set twice");
            }
            return new SimulatedTelephony(this);
        }

        private void once(String option) {
            if (set.contains(option)) {
                setTwice.add(option);
            } else {
                set.add(option);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** The states of a call; events are sent as it changes state. */
    private enum State {
        PLACED, ANSWERED, CONNECTED, ENDED
    }

    /** What a call will do, drawn when it is placed. */
    private static final class Plan {
        final CallProfile.Outcome outcome;
        final Duration postDialDelay;
        final Duration ringTime;
        final Duration resultTime;
        final Duration talkTime;
        final Duration machineMessageTime;
        final Duration patience;

        private Plan(CallProfile.Outcome outcome, SplittableRandom random, CallProfile p) {
            this.outcome = outcome;
            // Every duration is drawn, in a fixed order, whatever the outcome: the draws of one
            // part of the profile never shift those of another.
            this.postDialDelay = p.postDialDelay().sample(random);
            this.ringTime = p.ringTime().sample(random);
            this.resultTime = p.resultTime().sample(random);
            this.talkTime = p.talkTime().sample(random);
            this.machineMessageTime = p.machineMessageTime().sample(random);
            this.patience = p.patience().sample(random);
        }

        static Plan draw(CallProfile p, OutcomeTable table, SplittableRandom random) {
            double u = random.nextDouble();
            CallProfile.Outcome[] outcomes = table.outcomes;
            double[] cumulative = table.cumulative;
            CallProfile.Outcome chosen = null;
            for (int i = 0; i < outcomes.length; i++) {
                chosen = outcomes[i]; // the last possible outcome takes what rounding leaves over
                if (u < cumulative[i]) {
                    break;
                }
            }
            return new Plan(chosen, random, p);
        }

        boolean answers() {
            return outcome == CallProfile.Outcome.HUMAN || outcome == CallProfile.Outcome.MACHINE;
        }
    }

    /**
     * A profile's possible outcomes (chance above 0) in declaration order, with their running sums
     * added in that order: drawing against it picks what walking the profile's map would.
     */
    private static final class OutcomeTable {
        final CallProfile.Outcome[] outcomes;
        final double[] cumulative;

        OutcomeTable(CallProfile p) {
            List<CallProfile.Outcome> possible = new ArrayList<>();
            double[] sums = new double[CallProfile.Outcome.values().length];
            double sum = 0;
            for (CallProfile.Outcome o : CallProfile.Outcome.values()) {
                double chance = p.probability(o);
                if (chance <= 0) {
                    continue;
                }
                sum += chance;
                sums[possible.size()] = sum;
                possible.add(o);
            }
            this.outcomes = possible.toArray(new CallProfile.Outcome[0]);
            this.cumulative = Arrays.copyOf(sums, outcomes.length);
        }
    }

    /** A call that is up; its fields are guarded by its lock. */
    private static final class Call {
        final long sequence;
        final CallId id;
        final CallListener listener;
        final Plan plan;
        final ReentrantLock lock = new ReentrantLock();
        State state = State.PLACED;
        // Bumped whenever the pending timer is replaced, so that a timer task already taken by the
        // scheduler when it was cancelled finds out and does nothing.
        int epoch;
        Scheduler.Scheduled timer;
        Instant lastAt = Instant.MIN;
        Instant machineEndsAt = Instant.MIN;
        // Set when placed: the outcome at the end of the ringing (no answer if it times out first).
        CallProfile.Outcome outcome;
        Instant endOfRinging;

        Call(CallId id, long sequence, CallListener listener, Plan plan) {
            this.sequence = sequence;
            this.id = id;
            this.listener = listener;
            this.plan = plan;
        }
    }

    /** Something done to a call under its lock. */
    @FunctionalInterface
    private interface Step {
        void apply(Call call);
    }

    /** What a call's timer does when it fires. */
    private enum TimerStep {
        /** The call rings; the timer is re-armed for the end of the ringing. */
        RING,
        /** The ringing is over: the drawn outcome happens. */
        DECIDE,
        /** The customer (or machine) hangs up. */
        REMOTE_HANG_UP
    }

    /** A call's pending timer: one object per arming, not a task and a step. */
    private final class Timer implements Runnable {
        private final Call call;
        private final int epoch;
        private final TimerStep step;

        Timer(Call call, int epoch, TimerStep step) {
            this.call = call;
            this.epoch = epoch;
            this.step = step;
        }

        @Override
        public void run() {
            Call c = call;
            c.lock.lock();
            try {
                if (c.state != State.ENDED && c.epoch == epoch) {
                    c.timer = null;
                    fire(c, step);
                }
            } finally {
                c.lock.unlock();
            }
        }
    }

    /** Replaces the call's pending timer by one at {@code at}; the call's lock is held. */
    private void arm(Call c, Instant at, TimerStep step) {
        if (c.timer != null) {
            c.timer.cancel();
        }
        int epoch = ++c.epoch;
        c.timer = scheduler.schedule(at, new Timer(c, epoch, step));
    }

    /** Does what a timer armed with {@code step} does; the call's lock is held. */
    private void fire(Call c, TimerStep step) {
        switch (step) {
            case RING:
                Instant at = at(c);
                arm(c, c.endOfRinging, TimerStep.DECIDE);
                emit(c, new CallEvent.Ringing(c.id, at));
                break;
            case DECIDE:
                decide(c, c.outcome);
                break;
            case REMOTE_HANG_UP:
                end(c, new CallEvent.HungUp(c.id, at(c), CallEvent.Party.REMOTE));
                break;
            default:
                throw new IllegalStateException("unknown timer step " + step);
        }
    }

    /** Schedules an action on a call for the current instant. */
    private void act(CallId id, Step step) {
        Objects.requireNonNull(id, "call");
        Call c = live.get(id);
        if (c == null) {
            return; // ended, or never ours: ignored
        }
        scheduler.schedule(clock.instant(), () -> {
            c.lock.lock();
            try {
                if (c.state != State.ENDED) {
                    step.apply(c);
                }
            } finally {
                c.lock.unlock();
            }
        });
    }

    /** The ringing is over: the drawn outcome happens. */
    private void decide(Call c, CallProfile.Outcome outcome) {
        Instant at = at(c);
        switch (outcome) {
            case HUMAN:
                c.state = State.ANSWERED;
                arm(c, at.plus(c.plan.patience), TimerStep.REMOTE_HANG_UP);
                emit(c, new CallEvent.Answered(c.id, at, CallEvent.AnsweredBy.HUMAN));
                break;
            case MACHINE:
                c.state = State.ANSWERED;
                c.machineEndsAt = at.plus(c.plan.machineMessageTime);
                arm(c, c.machineEndsAt, TimerStep.REMOTE_HANG_UP);
                emit(c, new CallEvent.Answered(c.id, at, CallEvent.AnsweredBy.MACHINE));
                break;
            case BUSY:
                end(c, new CallEvent.Busy(c.id, at, BUSY_HERE));
                break;
            case NO_ANSWER:
                end(c, new CallEvent.NoAnswer(c.id, at, RING_TIMEOUT));
                break;
            case REJECTED:
                end(c, new CallEvent.Rejected(c.id, at, DECLINE));
                break;
            case INVALID_NUMBER:
                end(c, new CallEvent.InvalidNumber(c.id, at, NOT_FOUND));
                break;
            case FAILED:
                end(c, new CallEvent.Failed(c.id, at, UNAVAILABLE));
                break;
            default:
                throw new IllegalStateException("unknown outcome " + outcome);
        }
    }

    /** Ends the call with its terminal event; the call's lock is held. */
    private void end(Call c, CallEvent terminal) {
        if (c.state == State.ANSWERED && c.plan.outcome == CallProfile.Outcome.HUMAN) {
            abandoned.incrementAndGet();
        }
        c.state = State.ENDED;
        c.epoch++;
        if (c.timer != null) {
            c.timer.cancel();
            c.timer = null;
        }
        live.remove(c.id);
        emit(c, terminal);
    }

    /** The instant of the call's next event: now, but never before its last event. */
    private Instant at(Call c) {
        Instant now = clock.instant();
        if (now.isBefore(c.lastAt)) {
            now = c.lastAt;
        }
        c.lastAt = now;
        return now;
    }

    private void emit(Call c, CallEvent event) {
        Optional<CallResult> result = event.result();
        if (result.isPresent()) {
            results.incrementAndGet(result.get().ordinal());
        }
        try {
            c.listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("listener of call {} failed on {}; the call goes on", c.id, event, e);
        }
    }

    /** A well-mixed seed for call {@code sequence}'s stream (the SplitMix64 finaliser). */
    static long streamSeed(long seed, long sequence) {
        long z = seed + sequence * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
