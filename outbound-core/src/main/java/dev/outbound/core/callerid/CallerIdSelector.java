package dev.outbound.core.callerid;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Chooses the caller id of each call: the campaign's {@link CallerIdStrategy} over its
 * {@link DidPool}, under caps on the calls per DID per hour and per day.
 *
 * <h2>Caps</h2>
 * A cap counts the DID's choices in a rolling window that ends at the instant of the call: a DID
 * chosen {@code maxPerHour} times in the hour up to now (the call an hour ago exactly no longer
 * counts) is skipped until the oldest of them leaves the window, and likewise for the day (24
 * hours). So no DID is ever chosen more than its cap within any span shorter than the window. When
 * every DID that would fit is at its cap, the strategy falls back to the campaign default, which
 * has no cap. The {@linkplain CallerIdStrategy#fixed fixed} strategy's number has no cap either.
 *
 * <h2>Time and threads</h2>
 * The selector reads no clock: each call brings its instant. Instants are expected in order; one
 * earlier than a previous selection is taken as that previous instant (a wall clock stepping back
 * neither breaks a cap nor fails the call). The selector keeps counts and a rotation and is not
 * thread-safe: the dialer engine calls it from its one thread at a time.
 *
 * <h2>History</h2>
 * The counts live in the selector. So that the caps survive a restart, a host records each choice
 * ({@link Builder#onChoice}, for instance into a {@code DidStore}) and gives the uses of the last
 * day to the next selector ({@link Builder#history}): they count against the caps as if this
 * selector had made them.
 */
public final class CallerIdSelector {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    private DidPool pool;
    private final CallerIdStrategy strategy;
    private final OptionalInt maxPerHour;
    private final OptionalInt maxPerDay;
    /** The instants each DID was chosen, oldest first, within the longest capped window. */
    private final Map<PhoneNumber, ArrayDeque<Instant>> chosen = new HashMap<>();
    private Instant latest = Instant.MIN;
    private final Consumer<DidUse> onChoice;

    private CallerIdSelector(Builder b) {
        this.pool = b.pool;
        this.strategy = b.strategy;
        this.maxPerHour = b.maxPerHour;
        this.maxPerDay = b.maxPerDay;
        this.onChoice = b.onChoice;
        if (maxPerHour.isPresent() || maxPerDay.isPresent()) {
            List<DidUse> past = new java.util.ArrayList<>(b.history);
            past.sort(java.util.Comparator.comparing(DidUse::at));
            for (DidUse u : past) {
                chosen.computeIfAbsent(u.number(), n -> new ArrayDeque<>()).addLast(u.at());
            }
        }
    }

    /**
     * @param pool the campaign's DIDs and default
     * @return a builder: round robin, no caps, unless set
     */
    public static Builder newBuilder(DidPool pool) {
        return new Builder(Objects.requireNonNull(pool, "pool"));
    }

    /**
     * Chooses the caller id for a call and counts it against the DID's caps.
     *
     * @param callee the number to be called
     * @param at the instant of the call
     * @return the number to present and why
     * @throws IllegalStateException when the strategy returns a number it may not (a retired or
     *     capped DID, or a number outside the pool that is not its fixed number)
     */
    public CallerIdChoice select(PhoneNumber callee, Instant at) {
        Objects.requireNonNull(callee, "callee");
        Objects.requireNonNull(at, "at");
        Instant now = at.isBefore(latest) ? latest : at;
        latest = now;
        DidPool current = pool;
        CallerIdChoice choice = Objects.requireNonNull(
                strategy.choose(callee, current, d -> usable(d, now)), "the strategy's choice");
        check(choice, current, now);
        if (maxPerHour.isPresent() || maxPerDay.isPresent()) {
            chosen.computeIfAbsent(choice.number(), n -> new ArrayDeque<>()).addLast(now);
        }
        onChoice.accept(new DidUse(choice.number(), now));
        return choice;
    }

    private void check(CallerIdChoice choice, DidPool current, Instant now) {
        switch (choice.reason()) {
            case FIXED:
                return;
            case DEFAULT:
                if (!choice.number().equals(current.campaignDefault())) {
                    throw new IllegalStateException("strategy " + strategy + " gave " + choice
                            + " but the campaign default is " + current.campaignDefault().e164());
                }
                return;
            default:
                Did did = current.find(choice.number()).orElseThrow(() -> new IllegalStateException(
                        "strategy " + strategy + " gave " + choice + ", which is not a DID of the pool"));
                if (!usable(did, now)) {
                    throw new IllegalStateException("strategy " + strategy + " gave " + choice
                            + ", which is retired or at its cap");
                }
        }
    }

    /** Whether a DID may be chosen at an instant: not retired, and under its caps. */
    private boolean usable(Did did, Instant now) {
        if (!did.isActive()) {
            return false;
        }
        ArrayDeque<Instant> times = chosen.get(did.number());
        if (times == null) {
            return true;
        }
        Instant dayStart = now.minus(DAY);
        while (!times.isEmpty() && !times.peekFirst().isAfter(maxPerDay.isPresent() ? dayStart : now.minus(HOUR))) {
            times.pollFirst();
        }
        if (maxPerDay.isPresent() && times.size() >= maxPerDay.getAsInt()) {
            return false;
        }
        if (maxPerHour.isPresent()) {
            Instant hourStart = now.minus(HOUR);
            int inHour = 0;
            Iterator<Instant> newestFirst = times.descendingIterator();
            while (newestFirst.hasNext() && newestFirst.next().isAfter(hourStart)) {
                inHour++;
            }
            return inHour < maxPerHour.getAsInt();
        }
        return true;
    }

    /**
     * Retires a DID: it is never chosen again; its past calls stay in the history.
     *
     * @param number the DID's number
     * @throws InvalidValueException when the pool has no such DID
     */
    public void retire(PhoneNumber number) {
        pool = pool.retire(number);
    }

    /** @return the pool as it is now, retirements included */
    public DidPool pool() {
        return pool;
    }

    /** @return the most calls per DID in any rolling hour, or empty for no such cap */
    public OptionalInt maxPerHour() {
        return maxPerHour;
    }

    /** @return the most calls per DID in any rolling day (24 hours), or empty for no such cap */
    public OptionalInt maxPerDay() {
        return maxPerDay;
    }

    @Override
    public String toString() {
        return "CallerIdSelector[" + strategy + ", " + pool + ", per hour "
                + (maxPerHour.isPresent() ? String.valueOf(maxPerHour.getAsInt()) : "unlimited") + ", per day "
                + (maxPerDay.isPresent() ? String.valueOf(maxPerDay.getAsInt()) : "unlimited") + "]";
    }

    /** Builds a {@link CallerIdSelector}. Setting a value twice is refused, so that none is silently lost. */
    public static final class Builder {
        private final DidPool pool;
        private CallerIdStrategy strategy;
        private OptionalInt maxPerHour = OptionalInt.empty();
        private OptionalInt maxPerDay = OptionalInt.empty();
        private List<DidUse> history = List.of();
        private Consumer<DidUse> onChoice = u -> { };
        private final Set<String> set = new HashSet<>();

        private Builder(DidPool pool) {
            this.pool = pool;
        }

        private void once(String setting) {
            if (!set.add(setting)) {
                throw new IllegalStateException(setting + " is already set");
            }
        }

        /**
         * @param value how caller ids are chosen; default {@link CallerIdStrategy#roundRobin()}
         * @return this builder
         */
        public Builder strategy(CallerIdStrategy value) {
            once("strategy");
            this.strategy = Objects.requireNonNull(value, "strategy");
            return this;
        }

        /**
         * @param calls the most calls per DID in any rolling hour, 1 to 100000
         * @return this builder
         */
        public Builder maxPerHour(int calls) {
            once("maxPerHour");
            this.maxPerHour = OptionalInt.of(cap("calls per DID per hour", calls));
            return this;
        }

        /**
         * @param calls the most calls per DID in any rolling day (24 hours), 1 to 1000000
         * @return this builder
         */
        public Builder maxPerDay(int calls) {
            once("maxPerDay");
            this.maxPerDay = OptionalInt.of(cap("calls per DID per day", calls, 1_000_000));
            return this;
        }

        /**
         * Past choices, made before this selector (by the selector of an earlier run, or of
         * another node), that count against the caps as if this selector had made them: a DID used
         * {@code maxPerHour} times in the last hour is at its cap from the first call. Uses older
         * than the capped windows are dropped as the selector goes; without caps they are ignored.
         *
         * @param uses the past uses, in any order
         * @return this builder
         */
        public Builder history(List<DidUse> uses) {
            once("history");
            this.history = List.copyOf(Objects.requireNonNull(uses, "uses"));
            return this;
        }

        /**
         * Tells a host of each choice the selector makes, with its instant, so that it can keep
         * them (in a {@code DidStore}, to give them back through {@link #history}) or count them.
         * Called by {@link CallerIdSelector#select}, on its thread, after the choice is counted;
         * it should be quick and must not call the selector.
         *
         * @param observer what to call with each use; default none
         * @return this builder
         */
        public Builder onChoice(Consumer<DidUse> observer) {
            once("onChoice");
            this.onChoice = Objects.requireNonNull(observer, "observer");
            return this;
        }

        private static int cap(String name, int calls) {
            return cap(name, calls, 100_000);
        }

        private static int cap(String name, int calls, int max) {
            if (calls < 1 || calls > max) {
                throw new InvalidValueException(name, "1 - " + max, calls);
            }
            return calls;
        }

        /**
         * @return the selector
         * @throws InvalidValueException when the hourly cap is above the daily one
         */
        public CallerIdSelector build() {
            if (maxPerHour.isPresent() && maxPerDay.isPresent() && maxPerHour.getAsInt() > maxPerDay.getAsInt()) {
                throw new InvalidValueException("calls per DID per hour", "at most the calls per DID per day ("
                        + maxPerDay.getAsInt() + ")", maxPerHour.getAsInt());
            }
            if (strategy == null) {
                strategy = CallerIdStrategy.roundRobin();
            }
            return new CallerIdSelector(this);
        }
    }
}
