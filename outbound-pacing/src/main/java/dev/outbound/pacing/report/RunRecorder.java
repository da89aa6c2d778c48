package dev.outbound.pacing.report;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.internal.Json;
import dev.outbound.pacing.abandon.AbandonCounts;
import dev.outbound.pacing.abandon.AbandonRule;
import dev.outbound.pacing.abandon.AbandonStats;
import dev.outbound.spi.agent.AgentState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Records what happens during one dialer run (a simulated or a real shift) and makes its
 * {@link RunReport}. The engine feeds it events as they happen: agents logging in and out and
 * changing {@link AgentState state}, and calls being dialed, answered by a person (then connected
 * to an agent or abandoned) or taken for a machine. {@link #finish(Instant)} closes the run.
 *
 * <h2>Events</h2>
 * <ul>
 * <li>Agent events ({@link #agentLoggedIn}, {@link #agentState}, {@link #agentLoggedOut}) must come
 *     in time order: each at or after the previous agent event. A logged-in agent's time is
 *     counted in the state it is in, from the event that put it there to the next one (or to the
 *     end of the run if it is still logged in then).
 * <li>Call events ({@link #dialed}, {@link #connected}, {@link #abandoned},
 *     {@link #machineDetected}) may come in any order, so that an abandon that is only known when
 *     the connect limit runs out can be recorded at the instant of the answer, as
 *     {@link AbandonStats} wants. Every live answer is recorded once, as either {@code connected}
 *     or {@code abandoned}: as in {@link AbandonStats}, an abandoned call is a live answer too.
 * <li>Every event is at or after the run's start, and the run's end is at or after every event.
 * </ul>
 *
 * <h2>Memory</h2>
 * Counts are kept per clock minute (epoch minutes, i.e. UTC minutes) and, for the abandon figures,
 * per clock hour by an {@link AbandonStats}; besides those, memory grows with the number of agents
 * logged in at once, never with the number of events.
 *
 * <p>Not thread-safe: the engine that owns the run feeds it from one thread.
 */
public final class RunRecorder {
    /** Indexes of a minute's fields in {@link #buckets}. */
    static final int DIALS = 0;
    static final int CONNECTED = 1;
    static final int ABANDONED = 2;
    static final int MACHINE = 3;
    /** Nanoseconds spent in each state, {@code STATE_NANOS + state.ordinal()}. */
    static final int STATE_NANOS = 4;
    static final int STRIDE = STATE_NANOS + AgentState.values().length;

    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final AbandonRule rule;
    private final ZoneId zone;
    private final Instant start;
    private final String title;
    private final Map<String, Object> parameters;
    private final AbandonStats stats;
    /** The epoch minute that holds the start: minute index 0. */
    private final long firstMinute;
    /** Per-minute counts, {@link #STRIDE} longs a minute. */
    private long[] buckets = new long[STRIDE * 64];
    /** Minutes that hold events so far. */
    private int usedMinutes;
    private final Map<String, Agent> agents = new HashMap<>();
    private final long[] stateNanos = new long[AgentState.values().length];
    private long dials;
    private long waits;
    private long waitNanos;
    /** The latest agent event, as nanoseconds since the start of minute 0. */
    private long lastAgentEvent;
    /** The latest event of any kind, as nanoseconds since the start of minute 0. */
    private long lastEvent;
    private boolean finished;

    /** One logged-in agent. */
    private static final class Agent {
        AgentState state;
        long since;
        /** When the current wait after a call began, or -1 when the agent is not in such a wait. */
        long waitStart = -1;

        Agent(AgentState state, long since) {
            this.state = state;
            this.since = since;
        }
    }

    private RunRecorder(Builder b) {
        this.rule = b.rule;
        this.zone = b.zone;
        this.start = b.start;
        this.title = b.title;
        this.parameters = b.parameters;
        this.stats = AbandonStats.of(rule, zone);
        this.firstMinute = Math.floorDiv(start.getEpochSecond(), 60);
        this.lastAgentEvent = nanos(start);
        this.lastEvent = lastAgentEvent;
    }

    /**
     * A recorder with the defaults: clock hours in UTC, the title {@value Builder#DEFAULT_TITLE}
     * and no parameters.
     *
     * @param rule the abandon rule whose formula and target the report uses
     * @param start when the run starts
     * @return the recorder
     */
    public static RunRecorder start(AbandonRule rule, Instant start) {
        return newBuilder().rule(rule).start(start).build();
    }

    /** @return a builder for a recorder with a zone, a title or parameters */
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * Records that an agent logged in; it starts {@link AgentState#AVAILABLE}. To start in another
     * state, record that state at the same instant.
     *
     * @param agent the agent's id, not blank
     * @param at when; not before the previous agent event
     * @throws IllegalStateException when the agent is already logged in or the run is finished
     */
    public void agentLoggedIn(String agent, Instant at) {
        checkAgent(agent);
        long t = agentTime(at);
        if (agents.containsKey(agent)) {
            throw new IllegalStateException("Agent " + agent + " logged in at " + at + " but is already logged in");
        }
        agents.put(agent, new Agent(AgentState.AVAILABLE, t));
    }

    /**
     * Records that a logged-in agent changed state. A state equal to the current one changes
     * nothing.
     *
     * @param agent the agent's id
     * @param state the new state
     * @param at when; not before the previous agent event
     * @throws IllegalStateException when the agent is not logged in or the run is finished
     */
    public void agentState(String agent, AgentState state, Instant at) {
        checkAgent(agent);
        Objects.requireNonNull(state, "state");
        long t = agentTime(at);
        Agent a = loggedIn(agent, "changed to ", state, at);
        if (a.state == state) {
            return;
        }
        close(a, t);
        if (state == AgentState.ON_CALL && a.state == AgentState.AVAILABLE && a.waitStart >= 0) {
            waits++;
            waitNanos += t - a.waitStart;
        }
        boolean afterCall = state == AgentState.AVAILABLE
                && (a.state == AgentState.WRAP_UP || a.state == AgentState.ON_CALL);
        a.waitStart = afterCall ? t : -1;
        a.state = state;
    }

    /**
     * Records that a logged-in agent logged out; a wait in progress is not counted.
     *
     * @param agent the agent's id
     * @param at when; not before the previous agent event
     * @throws IllegalStateException when the agent is not logged in or the run is finished
     */
    public void agentLoggedOut(String agent, Instant at) {
        checkAgent(agent);
        long t = agentTime(at);
        close(loggedIn(agent, "logged out", "", at), t);
        agents.remove(agent);
    }

    /**
     * Records a call placed.
     *
     * @param at when it was dialed
     */
    public void dialed(Instant at) {
        count(at, DIALS);
        dials++;
    }

    /**
     * Records a live answer connected to an agent within the rule's connect limit.
     *
     * @param at when the call was answered
     */
    public void connected(Instant at) {
        count(at, CONNECTED);
        stats.connected(at);
    }

    /**
     * Records a live answer that was not connected to an agent within the connect limit: it counts
     * as a live answer and as an abandon, as in {@link AbandonStats#abandoned(Instant)}.
     *
     * @param at when the call was answered
     */
    public void abandoned(Instant at) {
        count(at, ABANDONED);
        stats.abandoned(at);
    }

    /**
     * Records a call that answering-machine detection classified as a machine and dropped.
     *
     * @param at when the call was answered
     */
    public void machineDetected(Instant at) {
        count(at, MACHINE);
        stats.machineDetected(at);
    }

    /**
     * Ends the run and works out its report. Agents still logged in are counted up to the end. The
     * recorder takes no events afterwards.
     *
     * @param end when the run ends: after the start and not before any recorded event
     * @return the report
     * @throws IllegalStateException when the run is already finished
     */
    public RunReport finish(Instant end) {
        checkOpen();
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new InvalidValueException("end", "after the run's start at " + start, end);
        }
        long t = nanos(end);
        if (t < lastEvent) {
            throw new InvalidValueException("end", "not before the latest event at " + instant(lastEvent), end);
        }
        for (Agent a : agents.values()) {
            close(a, t);
        }
        finished = true;

        // Every minute that overlaps [start, end), and any minute after it that holds a call
        // recorded at exactly the end.
        int minutes = Math.max((int) ((t - 1) / MINUTE_NANOS) + 1, usedMinutes);
        ensureMinute(minutes - 1);
        List<RunReport.Minute> rows = new ArrayList<>(minutes);
        long cumLive = 0;
        long cumAbandoned = 0;
        long cumMachine = 0;
        long hourLive = 0;
        long hourAbandoned = 0;
        long hourMachine = 0;
        for (int m = 0; m < minutes; m++) {
            int at = m * STRIDE;
            long live = buckets[at + CONNECTED] + buckets[at + ABANDONED];
            cumLive += live;
            cumAbandoned += buckets[at + ABANDONED];
            cumMachine += buckets[at + MACHINE];
            hourLive += live;
            hourAbandoned += buckets[at + ABANDONED];
            hourMachine += buckets[at + MACHINE];
            if (m >= 60) {
                int old = (m - 60) * STRIDE;
                hourLive -= buckets[old + CONNECTED] + buckets[old + ABANDONED];
                hourAbandoned -= buckets[old + ABANDONED];
                hourMachine -= buckets[old + MACHINE];
            }
            rows.add(new RunReport.Minute(Instant.ofEpochSecond((firstMinute + m) * 60),
                    buckets[at + DIALS], live, buckets[at + ABANDONED], buckets[at + MACHINE],
                    time(at, AgentState.ON_CALL), time(at, AgentState.WRAP_UP),
                    time(at, AgentState.AVAILABLE), time(at, AgentState.PAUSED),
                    rule.rate(AbandonCounts.of(cumLive, cumAbandoned, cumMachine)),
                    rule.rate(AbandonCounts.of(hourLive, hourAbandoned, hourMachine))));
        }
        buckets = new long[0];
        return new RunReport(title, rule, zone, start, end, parameters, dials, stats.total(),
                total(AgentState.ON_CALL), total(AgentState.WRAP_UP), total(AgentState.AVAILABLE),
                total(AgentState.PAUSED), waits, waitNanos, stats.rate(), stats.worstHour(), stats.hours(), rows);
    }

    private Duration time(int minuteAt, AgentState state) {
        return Duration.ofNanos(buckets[minuteAt + STATE_NANOS + state.ordinal()]);
    }

    private Duration total(AgentState state) {
        return Duration.ofNanos(stateNanos[state.ordinal()]);
    }

    /** Adds an agent's time in its state from its last event to {@code t}, split over minutes. */
    private void close(Agent a, long t) {
        long from = a.since;
        int field = STATE_NANOS + a.state.ordinal();
        stateNanos[a.state.ordinal()] += t - from;
        while (from < t) {
            int minute = (int) (from / MINUTE_NANOS);
            long to = Math.min(t, (minute + 1) * MINUTE_NANOS);
            ensureMinute(minute);
            buckets[minute * STRIDE + field] += to - from;
            from = to;
        }
        a.since = t;
    }

    private void count(Instant at, int field) {
        checkOpen();
        long t = eventTime(at);
        int minute = (int) (t / MINUTE_NANOS);
        ensureMinute(minute);
        buckets[minute * STRIDE + field]++;
    }

    private void ensureMinute(int minute) {
        if ((minute + 1) * STRIDE > buckets.length) {
            buckets = Arrays.copyOf(buckets, Math.max((minute + 1) * STRIDE, buckets.length * 2));
        }
        usedMinutes = Math.max(usedMinutes, minute + 1);
    }

    /** The agent's record; {@code what} and {@code detail} say what it did, joined only for the error. */
    private Agent loggedIn(String agent, String what, Object detail, Instant at) {
        Agent a = agents.get(agent);
        if (a == null) {
            throw new IllegalStateException("Agent " + agent + " " + what + detail + " at " + at
                    + " but is not logged in");
        }
        return a;
    }

    private long agentTime(Instant at) {
        checkOpen();
        long t = eventTime(at);
        if (t < lastAgentEvent) {
            throw new InvalidValueException("at", "agent events in time order, not before the previous one at "
                    + instant(lastAgentEvent), at);
        }
        lastAgentEvent = t;
        return t;
    }

    /** The instant as nanoseconds since the start of minute 0, checked to be in the run. */
    private long eventTime(Instant at) {
        Objects.requireNonNull(at, "at");
        if (at.isBefore(start)) {
            throw new InvalidValueException("at", "not before the run's start at " + start, at);
        }
        long t = nanos(at);
        lastEvent = Math.max(lastEvent, t);
        return t;
    }

    private long nanos(Instant at) {
        try {
            long t = Math.addExact(Math.multiplyExact(Math.subtractExact(at.getEpochSecond(), firstMinute * 60),
                    1_000_000_000L), at.getNano());
            if (t / MINUTE_NANOS >= Integer.MAX_VALUE / STRIDE) {
                throw new ArithmeticException();
            }
            return t;
        } catch (ArithmeticException tooFar) {
            throw new InvalidValueException("at", "within 290 years of the run's start at " + start, at);
        }
    }

    private Instant instant(long nanos) {
        return Instant.ofEpochSecond(firstMinute * 60).plusNanos(nanos);
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("The run was already finished; start a new recorder for another run");
        }
    }

    private static void checkAgent(String agent) {
        Objects.requireNonNull(agent, "agent");
        if (agent.isBlank()) {
            throw new InvalidValueException("agent", "an agent id, not blank", "'" + agent + "'");
        }
    }

    /**
     * Configures a {@link RunRecorder}. The rule and the start are required; setting an option
     * twice fails.
     */
    public static final class Builder {
        /** The chart's title when none is given. */
        public static final String DEFAULT_TITLE = "Pacing run";

        private AbandonRule rule;
        private Instant start;
        private ZoneId zone;
        private String title;
        private Map<String, Object> parameters;

        private Builder() {
        }

        /**
         * Sets the abandon rule: its formula works out the abandon rates and its target is drawn
         * on the chart. Required.
         *
         * @param rule the rule
         * @return this builder
         */
        public Builder rule(AbandonRule rule) {
            this.rule = once("rule", this.rule, rule);
            return this;
        }

        /**
         * Sets when the run starts. Required.
         *
         * @param start the first instant of the run
         * @return this builder
         */
        public Builder start(Instant start) {
            this.start = once("start", this.start, start);
            return this;
        }

        /**
         * Sets the zone whose clock hours the abandon figures, the time series and the chart use.
         * UTC when not set.
         *
         * @param zone the zone
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = once("zone", this.zone, zone);
            return this;
        }

        /**
         * Sets the chart's title. {@value #DEFAULT_TITLE} when not set.
         *
         * @param title not blank
         * @return this builder
         */
        public Builder title(String title) {
            Objects.requireNonNull(title, "title");
            if (title.isBlank()) {
                throw new InvalidValueException("title", "not blank", "'" + title + "'");
            }
            this.title = once("title", this.title, title);
            return this;
        }

        /**
         * Sets what describes the run, such as the seed, the pacing strategy and its settings. The
         * report does not read them; it writes them into the summary under {@code parameters},
         * sorted by name.
         *
         * @param parameters names to values: strings, numbers (finite), booleans, or lists and
         *     maps with string keys of those
         * @return this builder
         */
        public Builder parameters(Map<String, ?> parameters) {
            Objects.requireNonNull(parameters, "parameters");
            Map<String, Object> copy = new TreeMap<>();
            for (Map.Entry<String, ?> e : parameters.entrySet()) {
                String name = Objects.requireNonNull(e.getKey(), "parameter name");
                if (!Json.isWritable(e.getValue())) {
                    throw new InvalidValueException("parameters." + name,
                            "a string, a finite number, a boolean, or a list or map of those", e.getValue());
                }
                copy.put(name, e.getValue());
            }
            this.parameters = once("parameters", this.parameters, Collections.unmodifiableMap(copy));
            return this;
        }

        /**
         * Makes the recorder.
         *
         * @return the recorder, ready for the run's first event
         * @throws IllegalStateException when the rule or the start is not set
         */
        public RunRecorder build() {
            if (rule == null || start == null) {
                throw new IllegalStateException("A run recorder needs " + (rule == null ? "a rule" : "a start")
                        + "; set it with " + (rule == null ? "rule(...)" : "start(...)"));
            }
            if (zone == null) {
                zone = ZoneOffset.UTC;
            }
            if (title == null) {
                title = DEFAULT_TITLE;
            }
            if (parameters == null) {
                parameters = Map.of();
            }
            return new RunRecorder(this);
        }

        private static <T> T once(String option, T current, T value) {
            Objects.requireNonNull(value, option);
            if (current != null) {
                throw new IllegalStateException("The " + option + " is set twice: first " + current + ", then " + value);
            }
            return value;
        }
    }
}
