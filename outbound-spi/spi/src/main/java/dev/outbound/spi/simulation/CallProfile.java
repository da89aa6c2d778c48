package dev.outbound.spi.simulation;

import dev.outbound.core.InvalidValueException;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the simulated customers behave: the chance of each outcome of a call, and how long each
 * phase lasts. {@link SimulatedTelephony} draws one outcome and one duration of each kind per
 * call.
 *
 * <p>The times of a call, counted from when it is placed:
 * <ol>
 * <li>{@code postDialDelay} until it rings ({@code Ringing});
 * <li>then {@code ringTime} until a person or a machine answers, or {@code resultTime} until the
 *     network says busy, rejected, invalid or failed; if that is later than the request's ring
 *     timeout (counted from placing, like a dialer's timer), the call ends {@code NoAnswer} at the
 *     timeout instead, as it does for the {@link Outcome#NO_ANSWER} outcome;
 * <li>a person who answered waits {@code patience} for an agent, then hangs up: the abandoned
 *     call; once connected they talk for {@code talkTime}, then hang up;
 * <li>a machine that answered plays its greeting and records for {@code machineMessageTime},
 *     then hangs up.
 * </ol>
 *
 * @param outcomes the chance of each outcome, each 0 to 1, summing to 1 within 1e-9; an outcome
 *     left out has chance 0
 * @param postDialDelay from placing the call until it rings
 * @param ringTime from ringing until answered
 * @param resultTime from ringing until busy, rejected, invalid number or failed
 * @param talkTime from being connected to an agent until the customer hangs up
 * @param machineMessageTime from a machine's answer until it hangs up
 * @param patience from a person's answer until they hang up if no agent is connected
 */
public record CallProfile(Map<Outcome, Double> outcomes, Distribution postDialDelay, Distribution ringTime,
        Distribution resultTime, Distribution talkTime, Distribution machineMessageTime, Distribution patience) {

    /** How far the outcome probabilities may sum from 1. */
    public static final double SUM_TOLERANCE = 1e-9;

    /** What happens to a call, as drawn when it is placed. */
    public enum Outcome {
        /** A person answers. */
        HUMAN,
        /** An answering machine or voice mail answers. */
        MACHINE,
        /** The number is busy. */
        BUSY,
        /** It rings until the ring timeout. */
        NO_ANSWER,
        /** The customer declines the call. */
        REJECTED,
        /** The number does not exist. */
        INVALID_NUMBER,
        /** The network fails the call. */
        FAILED
    }

    /**
     * Checks the probabilities and copies them.
     *
     * @param outcomes the chance of each outcome
     * @param postDialDelay until ringing
     * @param ringTime until answered
     * @param resultTime until another result
     * @param talkTime talk time
     * @param machineMessageTime a machine's message time
     * @param patience a person's patience
     */
    public CallProfile {
        Objects.requireNonNull(outcomes, "outcomes");
        Objects.requireNonNull(postDialDelay, "postDialDelay");
        Objects.requireNonNull(ringTime, "ringTime");
        Objects.requireNonNull(resultTime, "resultTime");
        Objects.requireNonNull(talkTime, "talkTime");
        Objects.requireNonNull(machineMessageTime, "machineMessageTime");
        Objects.requireNonNull(patience, "patience");
        EnumMap<Outcome, Double> copy = new EnumMap<>(Outcome.class);
        double sum = 0;
        for (Outcome outcome : Outcome.values()) {
            Double p = outcomes.getOrDefault(outcome, 0.0);
            Objects.requireNonNull(p, "probability of " + outcome);
            if (!(p >= 0 && p <= 1)) {
                throw new InvalidValueException("probability of " + outcome, "0 - 1", p);
            }
            copy.put(outcome, p);
            sum += p;
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new InvalidValueException("outcome probabilities", "sum of 1 within " + SUM_TOLERANCE,
                    "sum " + sum + " of " + copy);
        }
        outcomes = Collections.unmodifiableMap(copy);
    }

    /**
     * Figures for consumer calling in business hours, in line with what dialler vendors and
     * regulators report; a starting point to tune, not a measurement:
     * <ul>
     * <li>outcomes: person 25 %, machine 20 %, busy 5 %, no answer 35 %, rejected 5 %,
     *     invalid number 7 %, failed 3 %;
     * <li>post-dial delay uniform 0.5 - 2.5 s;
     * <li>ring time log-normal, median 10 s, 90 % within 20 s (about 2 to 4 rings);
     * <li>busy, rejected, invalid and failed results uniform 1 - 5 s after ringing;
     * <li>talk time log-normal, median 3 min, 90 % within 8 min (mean about 4 min);
     * <li>machine greeting and recording uniform 10 - 40 s;
     * <li>patience log-normal, median 3 s, 90 % within 8 s: a person meeting silence hangs up
     *     fast, which is why regulators allow about 2 s to connect an agent.
     * </ul>
     * With the usual 30 s ring timeout, about 2.5 % of the answers come too late and end
     * {@code NoAnswer} instead: 20,000 calls give about 24.5 % people and 36 % no answer.
     *
     * @return the typical profile
     */
    public static CallProfile typical() {
        EnumMap<Outcome, Double> outcomes = new EnumMap<>(Outcome.class);
        outcomes.put(Outcome.HUMAN, 0.25);
        outcomes.put(Outcome.MACHINE, 0.20);
        outcomes.put(Outcome.BUSY, 0.05);
        outcomes.put(Outcome.NO_ANSWER, 0.35);
        outcomes.put(Outcome.REJECTED, 0.05);
        outcomes.put(Outcome.INVALID_NUMBER, 0.07);
        outcomes.put(Outcome.FAILED, 0.03);
        return new CallProfile(outcomes,
                Distribution.uniform(Duration.ofMillis(500), Duration.ofMillis(2500)),
                Distribution.logNormal(Duration.ofSeconds(10), Duration.ofSeconds(20)),
                Distribution.uniform(Duration.ofSeconds(1), Duration.ofSeconds(5)),
                Distribution.logNormal(Duration.ofMinutes(3), Duration.ofMinutes(8)),
                Distribution.uniform(Duration.ofSeconds(10), Duration.ofSeconds(40)),
                Distribution.logNormal(Duration.ofSeconds(3), Duration.ofSeconds(8)));
    }

    /**
     * The {@link #typical()} times with one certain outcome: for a number that is always busy, or
     * always answered by a person.
     *
     * @param outcome the outcome every call gets
     * @return the profile
     */
    public static CallProfile always(Outcome outcome) {
        return typical().withOutcomes(Map.of(Objects.requireNonNull(outcome, "outcome"), 1.0));
    }

    /**
     * @param outcome an outcome
     * @return its probability
     */
    public double probability(Outcome outcome) {
        return outcomes.get(Objects.requireNonNull(outcome, "outcome"));
    }

    /**
     * @param chances the chance of each outcome, summing to 1; outcomes left out have chance 0
     * @return this profile with those chances
     */
    public CallProfile withOutcomes(Map<Outcome, Double> chances) {
        return new CallProfile(chances, postDialDelay, ringTime, resultTime, talkTime, machineMessageTime, patience);
    }

    /**
     * @param delay from placing until ringing
     * @return this profile with it
     */
    public CallProfile withPostDialDelay(Distribution delay) {
        return new CallProfile(outcomes, delay, ringTime, resultTime, talkTime, machineMessageTime, patience);
    }

    /**
     * @param time from ringing until answered
     * @return this profile with it
     */
    public CallProfile withRingTime(Distribution time) {
        return new CallProfile(outcomes, postDialDelay, time, resultTime, talkTime, machineMessageTime, patience);
    }

    /**
     * @param time from ringing until busy, rejected, invalid number or failed
     * @return this profile with it
     */
    public CallProfile withResultTime(Distribution time) {
        return new CallProfile(outcomes, postDialDelay, ringTime, time, talkTime, machineMessageTime, patience);
    }

    /**
     * @param time from being connected until the customer hangs up
     * @return this profile with it
     */
    public CallProfile withTalkTime(Distribution time) {
        return new CallProfile(outcomes, postDialDelay, ringTime, resultTime, time, machineMessageTime, patience);
    }

    /**
     * @param time from a machine's answer until it hangs up
     * @return this profile with it
     */
    public CallProfile withMachineMessageTime(Distribution time) {
        return new CallProfile(outcomes, postDialDelay, ringTime, resultTime, talkTime, time, patience);
    }

    /**
     * @param time from a person's answer until they hang up unconnected
     * @return this profile with it
     */
    public CallProfile withPatience(Distribution time) {
        return new CallProfile(outcomes, postDialDelay, ringTime, resultTime, talkTime, machineMessageTime, time);
    }
}
