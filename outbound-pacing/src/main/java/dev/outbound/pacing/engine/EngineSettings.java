package dev.outbound.pacing.engine;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.pacing.abandon.AbandonRule;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A campaign's dialing settings, beyond its {@link dev.outbound.core.lifecycle.DialingRules}: the
 * mode, seed 001's queue settings (form load time, pauses after calls, calls per agent), the ring
 * timeout, the abandon rule, and how the engine holds records. Immutable; made by
 * {@link #newBuilder()}, where every setting has a default.
 */
public final class EngineSettings {
    /** The default ring timeout: 25 s, about five rings. */
    public static final Duration DEFAULT_RING_TIMEOUT = Duration.ofSeconds(25);
    /** The default number of lines (calls ringing at once) for the campaign. */
    public static final int DEFAULT_MAX_LINES = 500;
    /** The default lease on a claimed record while it is dialled. */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);
    /** The default lease on a record whose call was answered, until the agent saves it. */
    public static final Duration DEFAULT_ANSWERED_LEASE = Duration.ofHours(2);
    /** The default interval between pacing decisions when nothing else prompts one. */
    public static final Duration DEFAULT_PACING_INTERVAL = Duration.ofSeconds(1);
    /** The default wait before asking the store again when nothing was due. */
    public static final Duration DEFAULT_IDLE_POLL = Duration.ofSeconds(5);
    /** The default wait before checking again a record held back for a reason with no end in sight. */
    public static final Duration DEFAULT_RECHECK_HELD = Duration.ofHours(1);

    private final DialMode mode;
    private final double powerRatio;
    private final Duration formLoad;
    private final Duration pauseAfterAnswered;
    private final Duration pauseAfterUnanswered;
    private final Duration ringTimeout;
    private final int maxLines;
    private final OptionalInt callsPerAgent;
    private final Duration leaseFor;
    private final Duration answeredLease;
    private final Duration pacingInterval;
    private final Duration idlePoll;
    private final Duration recheckHeld;
    private final AbandonRule abandonRule;
    private final Optional<PhoneNumber> callerId;
    private final String owner;

    private EngineSettings(Builder b) {
        this.mode = b.mode;
        this.powerRatio = b.powerRatio;
        this.formLoad = b.formLoad;
        this.pauseAfterAnswered = b.pauseAfterAnswered;
        this.pauseAfterUnanswered = b.pauseAfterUnanswered;
        this.ringTimeout = b.ringTimeout;
        this.maxLines = b.maxLines;
        this.callsPerAgent = b.callsPerAgent;
        this.leaseFor = b.leaseFor;
        this.answeredLease = b.answeredLease;
        this.pacingInterval = b.pacingInterval;
        this.idlePoll = b.idlePoll;
        this.recheckHeld = b.recheckHeld;
        this.abandonRule = b.abandonRule;
        this.callerId = b.callerId;
        this.owner = b.owner;
    }

    /** @return a builder with the defaults */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** @return the defaults: predictive, FCC abandon rule */
    public static EngineSettings defaults() {
        return newBuilder().build();
    }

    /** @return the dialing mode; default {@link DialMode#PREDICTIVE} */
    public DialMode mode() {
        return mode;
    }

    /** @return lines per available agent in {@link DialMode#POWER}; default 2 */
    public double powerRatio() {
        return powerRatio;
    }

    /** @return how long a record is shown to its agent before the progressive call (seed 001); default 0 */
    public Duration formLoad() {
        return formLoad;
    }

    /** @return how long an agent rests after saving an answered call's record (seed 001); default 0 */
    public Duration pauseAfterAnswered() {
        return pauseAfterAnswered;
    }

    /** @return how long an agent rests after an unanswered call placed for them (seed 001); default 0 */
    public Duration pauseAfterUnanswered() {
        return pauseAfterUnanswered;
    }

    /** @return how long a call rings before it is given up as not answered; default 25 s */
    public Duration ringTimeout() {
        return ringTimeout;
    }

    /** @return the most calls ringing at once for the campaign; default {@value #DEFAULT_MAX_LINES} */
    public int maxLines() {
        return maxLines;
    }

    /**
     * @return seed 001's "Calls per agent": the most calls ringing at once per agent logged in and
     *     not paused; empty for no such cap (the default)
     */
    public OptionalInt callsPerAgent() {
        return callsPerAgent;
    }

    /** @return the lease on a claimed record while it is dialled; default 5 min */
    public Duration leaseFor() {
        return leaseFor;
    }

    /**
     * @return the term of the lease on an answered call's record; the engine renews it while the
     *     call and its wrap-up last, once less than half of it is left; default 2 h
     */
    public Duration answeredLease() {
        return answeredLease;
    }

    /** @return the interval between pacing decisions when no event prompts one; default 1 s */
    public Duration pacingInterval() {
        return pacingInterval;
    }

    /** @return the wait before asking the store again when nothing was due; default 5 s */
    public Duration idlePoll() {
        return idlePoll;
    }

    /**
     * @return how long a record held back for a reason with no known end (a blocked number, an
     *     unknown zone) is set aside before it is checked again; default 1 h
     */
    public Duration recheckHeld() {
        return recheckHeld;
    }

    /** @return the abandoned-call rule the engine holds; default {@link AbandonRule#fcc()} */
    public AbandonRule abandonRule() {
        return abandonRule;
    }

    /**
     * @return the caller id presented on every call, or empty for the trunk's default; an engine
     *     with a {@linkplain DialerEngine.Builder#callerIds caller-id selector} chooses per call
     *     instead, and then this must be empty
     */
    public Optional<PhoneNumber> callerId() {
        return callerId;
    }

    /** @return the name this engine's leases carry (a node's name); default {@code "outbound"} */
    public String owner() {
        return owner;
    }

    @Override
    public String toString() {
        return "EngineSettings[" + mode + (mode == DialMode.POWER ? " ratio " + powerRatio : "") + ", form load "
                + formLoad + ", pauses " + pauseAfterAnswered + "/" + pauseAfterUnanswered + ", ring timeout "
                + ringTimeout + ", lines " + maxLines + ", calls per agent "
                + (callsPerAgent.isPresent() ? String.valueOf(callsPerAgent.getAsInt()) : "unlimited") + ", "
                + abandonRule.name() + "]";
    }

    /** Builds {@link EngineSettings}. Setting a value twice is refused, so that no setting is silently lost. */
    public static final class Builder {
        private DialMode mode = DialMode.PREDICTIVE;
        private double powerRatio = 2;
        private Duration formLoad = Duration.ZERO;
        private Duration pauseAfterAnswered = Duration.ZERO;
        private Duration pauseAfterUnanswered = Duration.ZERO;
        private Duration ringTimeout = DEFAULT_RING_TIMEOUT;
        private int maxLines = DEFAULT_MAX_LINES;
        private OptionalInt callsPerAgent = OptionalInt.empty();
        private Duration leaseFor = DEFAULT_LEASE;
        private Duration answeredLease = DEFAULT_ANSWERED_LEASE;
        private Duration pacingInterval = DEFAULT_PACING_INTERVAL;
        private Duration idlePoll = DEFAULT_IDLE_POLL;
        private Duration recheckHeld = DEFAULT_RECHECK_HELD;
        private AbandonRule abandonRule = AbandonRule.fcc();
        private Optional<PhoneNumber> callerId = Optional.empty();
        private String owner = "outbound";
        private final Set<String> set = new HashSet<>();

        private Builder() {
        }

        private void once(String setting) {
            if (!set.add(setting)) {
                throw new IllegalStateException(setting + " is already set");
            }
        }

        private static Duration within(String name, Duration value, Duration min, Duration max) {
            Objects.requireNonNull(value, name);
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new InvalidValueException(name, min + " - " + max, value);
            }
            return value;
        }

        /**
         * @param value the dialing mode
         * @return this builder
         */
        public Builder mode(DialMode value) {
            once("mode");
            this.mode = Objects.requireNonNull(value, "mode");
            return this;
        }

        /**
         * @param lines lines per available agent in power mode, 1 to 20
         * @return this builder
         */
        public Builder powerRatio(double lines) {
            once("powerRatio");
            if (!(lines >= 1 && lines <= 20)) {
                throw new InvalidValueException("power ratio", "1 - 20 lines per available agent", lines);
            }
            this.powerRatio = lines;
            return this;
        }

        /**
         * @param value the form load time, 0 to 10 min
         * @return this builder
         */
        public Builder formLoad(Duration value) {
            once("formLoad");
            this.formLoad = within("form load time", value, Duration.ZERO, Duration.ofMinutes(10));
            return this;
        }

        /**
         * @param value the pause after an answered call, 0 to 1 h
         * @return this builder
         */
        public Builder pauseAfterAnswered(Duration value) {
            once("pauseAfterAnswered");
            this.pauseAfterAnswered = within("pause after answered call", value, Duration.ZERO, Duration.ofHours(1));
            return this;
        }

        /**
         * @param value the pause after an unanswered call, 0 to 1 h
         * @return this builder
         */
        public Builder pauseAfterUnanswered(Duration value) {
            once("pauseAfterUnanswered");
            this.pauseAfterUnanswered = within("pause after unanswered call", value, Duration.ZERO,
                    Duration.ofHours(1));
            return this;
        }

        /**
         * @param value the ring timeout, 1 s to 10 min
         * @return this builder
         */
        public Builder ringTimeout(Duration value) {
            once("ringTimeout");
            this.ringTimeout = within("ring timeout", value, Duration.ofSeconds(1), Duration.ofMinutes(10));
            return this;
        }

        /**
         * @param lines the most calls ringing at once, 1 to 100,000
         * @return this builder
         */
        public Builder maxLines(int lines) {
            once("maxLines");
            if (lines < 1 || lines > 100_000) {
                throw new InvalidValueException("max lines", "1 - 100000", lines);
            }
            this.maxLines = lines;
            return this;
        }

        /**
         * @param calls seed 001's calls per agent, 1 to 100
         * @return this builder
         */
        public Builder callsPerAgent(int calls) {
            once("callsPerAgent");
            if (calls < 1 || calls > 100) {
                throw new InvalidValueException("calls per agent", "1 - 100", calls);
            }
            this.callsPerAgent = OptionalInt.of(calls);
            return this;
        }

        /**
         * @param value the lease while dialling, 1 min to 1 day; longer than the ring timeout
         * @return this builder
         */
        public Builder leaseFor(Duration value) {
            once("leaseFor");
            this.leaseFor = within("lease", value, Duration.ofMinutes(1), Duration.ofDays(1));
            return this;
        }

        /**
         * @param value the lease of an answered call's record, 1 min to 1 day
         * @return this builder
         */
        public Builder answeredLease(Duration value) {
            once("answeredLease");
            this.answeredLease = within("answered lease", value, Duration.ofMinutes(1), Duration.ofDays(1));
            return this;
        }

        /**
         * @param value the interval between pacing decisions, 10 ms to 1 min
         * @return this builder
         */
        public Builder pacingInterval(Duration value) {
            once("pacingInterval");
            this.pacingInterval = within("pacing interval", value, Duration.ofMillis(10), Duration.ofMinutes(1));
            return this;
        }

        /**
         * @param value the wait after finding nothing due, 100 ms to 1 h
         * @return this builder
         */
        public Builder idlePoll(Duration value) {
            once("idlePoll");
            this.idlePoll = within("idle poll", value, Duration.ofMillis(100), Duration.ofHours(1));
            return this;
        }

        /**
         * @param value how long a record held back with no known end is set aside, 1 min to 7 days
         * @return this builder
         */
        public Builder recheckHeld(Duration value) {
            once("recheckHeld");
            this.recheckHeld = within("recheck held records", value, Duration.ofMinutes(1), Duration.ofDays(7));
            return this;
        }

        /**
         * @param rule the abandoned-call rule to hold
         * @return this builder
         */
        public Builder abandonRule(AbandonRule rule) {
            once("abandonRule");
            this.abandonRule = Objects.requireNonNull(rule, "abandonRule");
            return this;
        }

        /**
         * @param number the caller id to present
         * @return this builder
         */
        public Builder callerId(PhoneNumber number) {
            once("callerId");
            this.callerId = Optional.of(Objects.requireNonNull(number, "callerId"));
            return this;
        }

        /**
         * @param name the lease owner name, 1 to 128 characters
         * @return this builder
         */
        public Builder owner(String name) {
            once("owner");
            Objects.requireNonNull(name, "owner");
            if (name.isBlank() || name.length() > 128) {
                throw new InvalidValueException("engine owner", "1 - 128 characters, not blank", name);
            }
            this.owner = name;
            return this;
        }

        /**
         * @return the settings
         * @throws InvalidValueException if the lease is not longer than the ring timeout
         */
        public EngineSettings build() {
            if (leaseFor.compareTo(ringTimeout.plus(formLoad)) <= 0) {
                throw new InvalidValueException("lease", "longer than the form load plus ring timeout "
                        + ringTimeout.plus(formLoad), leaseFor);
            }
            return new EngineSettings(this);
        }
    }
}
