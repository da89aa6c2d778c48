package dev.outbound.core.lifecycle;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.compliance.CallingPolicy;
import dev.outbound.core.record.CallResult;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A campaign's lifecycle settings: the calling policy (windows, closed dates, region rules,
 * Do-Not-Call), the lists, max repeat attempts and attempt delays (seed 001), the treatment of
 * each call result, the per-number failure limit (seed 003), rolling call caps, the quiet period
 * after an abandoned call, the contact timeout (seed 001) and the callback delay threshold (seed
 * 003), and the dispositions agents may save (wrap codes, Change user). Immutable; every setting
 * has a default, listed on its builder method.
 */
public final class DialingRules {
    private final CallingPolicy policy;
    private final CampaignLists lists;
    private final int maxRepeatAttempts;
    /** The delays before repeat attempts, growing as a {@link Treatment.Retry}'s do. */
    private final Treatment.Retry attemptDelays;
    /** The treatment of every result; every call outcome looks one up. */
    private final EnumMap<CallResult, Treatment> byResult;
    /** {@link #byResult}, read-only, for {@link #treatments()}. */
    private final Map<CallResult, Treatment> treatments;
    private final OptionalInt numberFailureLimit;
    private final OptionalInt maxCallsPerRecordPerDay;
    private final OptionalInt maxCallsPerNumberPerDay;
    private final Duration abandonQuietPeriod;
    private final Duration contactTimeout;
    private final Duration callbackDelayedAfter;
    private final DispositionRules dispositions;

    private DialingRules(Builder b) {
        this.policy = b.policy;
        this.lists = b.lists;
        this.maxRepeatAttempts = b.maxRepeatAttempts;
        this.attemptDelays = b.attemptDelays;
        EnumMap<CallResult, Treatment> t = new EnumMap<>(DEFAULT_TREATMENTS);
        t.putAll(b.treatments);
        this.byResult = t;
        this.treatments = java.util.Collections.unmodifiableMap(t);
        this.numberFailureLimit = b.numberFailureLimit;
        this.maxCallsPerRecordPerDay = b.maxCallsPerRecordPerDay;
        this.maxCallsPerNumberPerDay = b.maxCallsPerNumberPerDay;
        this.abandonQuietPeriod = b.abandonQuietPeriod;
        this.contactTimeout = b.contactTimeout;
        this.callbackDelayedAfter = b.callbackDelayedAfter;
        this.dispositions = b.dispositions;
    }

    /** The treatment of each result unless the campaign sets another. */
    private static final Map<CallResult, Treatment> DEFAULT_TREATMENTS;

    static {
        EnumMap<CallResult, Treatment> d = new EnumMap<>(CallResult.class);
        d.put(CallResult.HUMAN_ANSWER, new Treatment.AwaitAgent());
        d.put(CallResult.ANSWERING_MACHINE, new Treatment.NextNumber());
        d.put(CallResult.BUSY, new Treatment.NextNumber());
        d.put(CallResult.NO_ANSWER, new Treatment.NextNumber());
        d.put(CallResult.REJECTED, new Treatment.NextNumber());
        d.put(CallResult.INVALID_NUMBER, new Treatment.ExcludeNumber());
        d.put(CallResult.NETWORK_FAILURE, Treatment.Retry.after(Duration.ofMinutes(5)));
        d.put(CallResult.ABANDONED, new Treatment.NextNumber());
        d.put(CallResult.FAX, new Treatment.ExcludeNumber());
        DEFAULT_TREATMENTS = java.util.Collections.unmodifiableMap(d);
    }

    /** @return a builder with every default */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** @return the rules with every default */
    public static DialingRules defaults() {
        return new Builder().build();
    }

    /** @return the calling policy: windows, closed dates, region rules and Do-Not-Call lists */
    public CallingPolicy policy() {
        return policy;
    }

    /** @return the campaign's lists, which are enabled and their weights */
    public CampaignLists lists() {
        return lists;
    }

    /** @return how many repeat attempts a record gets after its first call */
    public int maxRepeatAttempts() {
        return maxRepeatAttempts;
    }

    /**
     * @return the delays before repeat attempts: the {@code k}-th repeat attempt waits
     *     {@code attemptDelays[min(k, size - 1)]} after the round before it completed
     */
    public List<Duration> attemptDelays() {
        return attemptDelays.delays();
    }

    /**
     * @param repeatAttempts repeat attempts made so far
     * @return the delay before the next one
     */
    public Duration attemptDelay(int repeatAttempts) {
        return attemptDelays.delayFor(repeatAttempts);
    }

    /**
     * @param result a call result
     * @return its treatment
     */
    public Treatment treatment(CallResult result) {
        return byResult.get(Objects.requireNonNull(result, "result"));
    }

    /** @return the treatment of every result */
    public Map<CallResult, Treatment> treatments() {
        return treatments;
    }

    /** @return after how many failed calls a number is excluded while the record goes on, if limited */
    public OptionalInt numberFailureLimit() {
        return numberFailureLimit;
    }

    /** @return the most calls to one record in any rolling 24 hours, if capped */
    public OptionalInt maxCallsPerRecordPerDay() {
        return maxCallsPerRecordPerDay;
    }

    /** @return the most calls to one number in any rolling 24 hours, if capped */
    public OptionalInt maxCallsPerNumberPerDay() {
        return maxCallsPerNumberPerDay;
    }

    /**
     * @return how long after an abandoned call a record is not called again unless an agent is
     *     guaranteed (UK rule: 72 hours); zero for no quiet period
     */
    public Duration abandonQuietPeriod() {
        return abandonQuietPeriod;
    }

    /**
     * @return how long after its time a callback stays with its agent before anyone may take it
     *     (seed 001's contact timeout)
     */
    public Duration contactTimeout() {
        return contactTimeout;
    }

    /** @return how long after its time a callback not yet delivered counts as delayed (seed 003) */
    public Duration callbackDelayedAfter() {
        return callbackDelayedAfter;
    }

    /** @return the campaign's wrap codes and whether Change user is allowed */
    public DispositionRules dispositions() {
        return dispositions;
    }

    /**
     * @return the longest window the lifecycle looks back over: what a record's recent calls must
     *     cover
     */
    public Duration lookBack() {
        Duration day = Duration.ofDays(1);
        return abandonQuietPeriod.compareTo(day) > 0 ? abandonQuietPeriod : day;
    }

    @Override
    public String toString() {
        return "DialingRules[maxRepeatAttempts=" + maxRepeatAttempts + ", attemptDelays=" + attemptDelays.delays()
                + ", treatments=" + treatments + ", numberFailureLimit=" + numberFailureLimit
                + ", maxCallsPerRecordPerDay=" + maxCallsPerRecordPerDay + ", maxCallsPerNumberPerDay="
                + maxCallsPerNumberPerDay + ", abandonQuietPeriod=" + abandonQuietPeriod + ", contactTimeout="
                + contactTimeout + ", callbackDelayedAfter=" + callbackDelayedAfter + ", lists=" + lists
                + (dispositions.equals(DispositionRules.none()) ? "" : ", dispositions=" + dispositions) + "]";
    }

    /** Builds {@link DialingRules}. Setting a value twice is refused, so that no setting is silently lost. */
    public static final class Builder {
        private CallingPolicy policy = CallingPolicy.newBuilder().build();
        private CampaignLists lists = CampaignLists.allEnabled();
        private int maxRepeatAttempts = 3;
        private Treatment.Retry attemptDelays = Treatment.Retry.after(Duration.ofHours(1));
        private final EnumMap<CallResult, Treatment> treatments = new EnumMap<>(CallResult.class);
        private OptionalInt numberFailureLimit = OptionalInt.empty();
        private OptionalInt maxCallsPerRecordPerDay = OptionalInt.empty();
        private OptionalInt maxCallsPerNumberPerDay = OptionalInt.empty();
        private Duration abandonQuietPeriod = Duration.ofHours(72);
        private Duration contactTimeout = Duration.ofMinutes(15);
        private Duration callbackDelayedAfter = Duration.ofMinutes(15);
        private DispositionRules dispositions = DispositionRules.none();
        private final java.util.Set<String> set = new java.util.HashSet<>();

        private Builder() {
        }

        private void once(String setting) {
            if (!set.add(setting)) {
                throw new IllegalStateException(setting + " is already set");
            }
        }

        /**
         * @param callingPolicy windows, closed dates, region rules, DNC; default: the policy with
         *     every default ({@link CallingPolicy.Builder})
         * @return this builder
         */
        public Builder policy(CallingPolicy callingPolicy) {
            once("policy");
            this.policy = Objects.requireNonNull(callingPolicy, "callingPolicy");
            return this;
        }

        /**
         * @param campaignLists the lists; default: every list enabled, no weighting
         * @return this builder
         */
        public Builder lists(CampaignLists campaignLists) {
            once("lists");
            this.lists = Objects.requireNonNull(campaignLists, "campaignLists");
            return this;
        }

        /**
         * @param n repeat attempts after the first call, 0 to 1000; default 3
         * @return this builder
         */
        public Builder maxRepeatAttempts(int n) {
            once("maxRepeatAttempts");
            if (n < 0 || n > 1000) {
                throw new InvalidValueException("maxRepeatAttempts", "0 to 1000", n);
            }
            this.maxRepeatAttempts = n;
            return this;
        }

        /**
         * @param first the delay before the first repeat attempt; default 1 hour
         * @param later delays before later repeat attempts; the last one repeats
         * @return this builder
         */
        public Builder attemptDelays(Duration first, Duration... later) {
            once("attemptDelays");
            this.attemptDelays = Treatment.Retry.after(first, later);
            return this;
        }

        /**
         * @param result a call result
         * @param treatment what to do after it; defaults: human answer awaits the agent, invalid
         *     number and fax exclude the number, network failure retries after 5 minutes, every
         *     other result goes on with the next number
         * @return this builder
         */
        public Builder treat(CallResult result, Treatment treatment) {
            once("treatment of " + result);
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(treatment, "treatment");
            if (result == CallResult.HUMAN_ANSWER && !(treatment instanceof Treatment.AwaitAgent)
                    && !(treatment instanceof Treatment.Finish)) {
                throw new InvalidValueException("treatment of HUMAN_ANSWER", "AwaitAgent or Finish", treatment);
            }
            treatments.put(result, treatment);
            return this;
        }

        /**
         * @param failures failed calls after which a number is excluded, 1 to 1000; default: no limit
         * @return this builder
         */
        public Builder numberFailureLimit(int failures) {
            once("numberFailureLimit");
            this.numberFailureLimit = OptionalInt.of(positive("numberFailureLimit", failures));
            return this;
        }

        /**
         * @param calls most calls to one record in any rolling 24 hours, 1 to 1000; default: no cap
         * @return this builder
         */
        public Builder maxCallsPerRecordPerDay(int calls) {
            once("maxCallsPerRecordPerDay");
            this.maxCallsPerRecordPerDay = OptionalInt.of(positive("maxCallsPerRecordPerDay", calls));
            return this;
        }

        /**
         * @param calls most calls to one number in any rolling 24 hours, 1 to 1000; default: no cap
         * @return this builder
         */
        public Builder maxCallsPerNumberPerDay(int calls) {
            once("maxCallsPerNumberPerDay");
            this.maxCallsPerNumberPerDay = OptionalInt.of(positive("maxCallsPerNumberPerDay", calls));
            return this;
        }

        /**
         * @param quiet no repeat call this long after an abandoned one unless an agent is
         *     guaranteed, 0 to 30 days; default 72 hours (UK rule); zero turns it off
         * @return this builder
         */
        public Builder abandonQuietPeriod(Duration quiet) {
            once("abandonQuietPeriod");
            this.abandonQuietPeriod = bounded("abandonQuietPeriod", quiet, Duration.ofDays(30));
            return this;
        }

        /**
         * @param timeout how long a callback stays with its agent after its time, 0 to 7 days;
         *     default 15 minutes
         * @return this builder
         */
        public Builder contactTimeout(Duration timeout) {
            once("contactTimeout");
            this.contactTimeout = bounded("contactTimeout", timeout, Duration.ofDays(7));
            return this;
        }

        /**
         * @param threshold how long after its time an undelivered callback is delayed, 0 to 7
         *     days; default 15 minutes
         * @return this builder
         */
        public Builder callbackDelayedAfter(Duration threshold) {
            once("callbackDelayedAfter");
            this.callbackDelayedAfter = bounded("callbackDelayedAfter", threshold, Duration.ofDays(7));
            return this;
        }

        /**
         * @param rules the wrap codes agents choose from and whether Change user is allowed;
         *     default {@link DispositionRules#none()}: any wrap code or none, Change user off
         * @return this builder
         */
        public Builder dispositions(DispositionRules rules) {
            once("dispositions");
            this.dispositions = Objects.requireNonNull(rules, "rules");
            return this;
        }

        private static int positive(String field, int value) {
            if (value < 1 || value > 1000) {
                throw new InvalidValueException(field, "1 to 1000", value);
            }
            return value;
        }

        private static Duration bounded(String field, Duration value, Duration max) {
            Objects.requireNonNull(value, field);
            if (value.isNegative() || value.compareTo(max) > 0) {
                throw new InvalidValueException(field, "0 to " + max, value);
            }
            return value;
        }

        /** @return the rules */
        public DialingRules build() {
            return new DialingRules(this);
        }
    }
}
