package dev.outbound.core.lifecycle;

import static dev.outbound.core.lifecycle.OutcomeFixtures.CAMPAIGN;
import static dev.outbound.core.lifecycle.OutcomeFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.outbound.core.field.CustomFields;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.phone.PhoneState;
import dev.outbound.core.record.CallResult;
import dev.outbound.core.record.CustomerRef;
import dev.outbound.core.record.DoneReason;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordPhone;
import dev.outbound.core.record.RecordStatus;
import dev.outbound.core.zone.ZoneProvenance;
import dev.outbound.core.zone.ZoneResolution;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Random campaigns (repeat attempts 0 to 5, delays, one to three numbers in several zones, a
 * random treatment per result) and random sequences of calls, applied in order. A small model
 * written from the rules (seed 001's rounds and repeat attempts, seed 003's number states)
 * predicts every record; the invariants hold whatever the sequence.
 */
class OutcomeRulesPropertiesTest {

    private static final List<PhoneField> FIELDS = List.of(PhoneField.PRIMARY, PhoneField.HOME, PhoneField.MOBILE);
    private static final List<String> NUMBERS = List.of("+12015550101", "+12015550102", "+12015550103");
    /** Zones with and without daylight saving, one with a 30-minute shift (Lord Howe). */
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Etc/UTC"), ZoneId.of("America/New_York"),
            ZoneId.of("Asia/Kolkata"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Europe/Berlin"));
    private static final List<CallResult> UNANSWERED = List.of(CallResult.ANSWERING_MACHINE, CallResult.BUSY,
            CallResult.NO_ANSWER, CallResult.REJECTED, CallResult.INVALID_NUMBER, CallResult.NETWORK_FAILURE,
            CallResult.ABANDONED, CallResult.FAX);

    /** One call: its result, how the dialer picked the number, when it was placed and how long it took. */
    record Step(CallResult result, boolean followsOrder, int anyField, int gapMinutes, int gapSeconds, int seconds) {
    }

    record Scenario(int maxRepeats, List<Duration> attemptDelays, Integer failureLimit,
            Map<CallResult, Treatment> treatments, List<ZoneId> numberZones, List<Step> steps) {
    }

    private static int between(RandomnessSource in, int lo, int hi) {
        return Generate.range(lo, hi).generate(in);
    }

    private static <T> T pick(RandomnessSource in, List<T> from) {
        return from.get(between(in, 0, from.size() - 1));
    }

    private static List<Duration> delays(RandomnessSource in) {
        List<Duration> d = new ArrayList<>();
        for (int i = between(in, 1, 3); i > 0; i--) {
            d.add(Duration.ofMinutes(between(in, 0, 240)));
        }
        return d;
    }

    /** Times of day outside 00:00 - 03:59, where no zone of {@link #ZONES} changes its clocks. */
    private static LocalTime timeOfDay(RandomnessSource in) {
        return LocalTime.of(between(in, 4, 23), between(in, 0, 59));
    }

    private static Treatment unansweredTreatment(RandomnessSource in) {
        int k = between(in, 0, 11);
        switch (k) {
            case 0: case 1: case 2: case 3:
                return new Treatment.NextNumber();
            case 4: case 5:
                return new Treatment.Retry(delays(in));
            case 6:
                return new Treatment.ExcludeNumber();
            case 7:
                return new Treatment.AddToDoNotCall();
            case 8: case 9:
                return new Treatment.RescheduleAt(timeOfDay(in));
            case 10:
                return new Treatment.Finish(pick(in, List.of(DoneReason.values())));
            default:
                return new Treatment.NextNumber();
        }
    }

    private static final Gen<Scenario> SCENARIOS = in -> {
        Map<CallResult, Treatment> treatments = new EnumMap<>(CallResult.class);
        treatments.put(CallResult.HUMAN_ANSWER, between(in, 0, 3) == 0
                ? new Treatment.Finish(DoneReason.OBJECTIVE_REACHED) : new Treatment.AwaitAgent());
        for (CallResult r : UNANSWERED) {
            treatments.put(r, unansweredTreatment(in));
        }
        List<ZoneId> zones = new ArrayList<>();
        for (int i = between(in, 1, 3); i > 0; i--) {
            zones.add(pick(in, ZONES));
        }
        List<Step> steps = new ArrayList<>();
        for (int i = between(in, 1, 25); i > 0; i--) {
            CallResult result = between(in, 0, 9) == 0 ? CallResult.HUMAN_ANSWER : pick(in, UNANSWERED);
            steps.add(new Step(result, between(in, 0, 4) > 0, between(in, 0, 2), between(in, 0, 300),
                    between(in, 0, 59), between(in, 0, 400)));
        }
        Integer limit = between(in, 0, 2) == 0 ? between(in, 1, 6) : null;
        return new Scenario(between(in, 0, 5), delays(in), limit, treatments, zones, steps);
    };

    private static DialingRules rules(Scenario s) {
        DialingRules.Builder b = DialingRules.newBuilder().maxRepeatAttempts(s.maxRepeats())
                .attemptDelays(s.attemptDelays().get(0), s.attemptDelays().subList(1, s.attemptDelays().size())
                        .toArray(Duration[]::new));
        if (s.failureLimit() != null) {
            b.numberFailureLimit(s.failureLimit());
        }
        s.treatments().forEach(b::treat);
        return b.build();
    }

    private static Record record(Scenario s) {
        List<RecordPhone> phones = new ArrayList<>();
        for (int i = 0; i < s.numberZones().size(); i++) {
            phones.add(RecordPhone.of(FIELDS.get(i), PhoneNumber.ofE164(NUMBERS.get(i)),
                    ZoneResolution.Resolved.of(new ZoneProvenance.CampaignDefault(s.numberZones().get(i)))));
        }
        return Record.of(CAMPAIGN, CustomerRef.of("p-1"), phones, CustomFields.empty(), T0);
    }

    /** The next instant strictly after {@code end} whose wall clock in {@code zone} shows {@code time}, found minute by minute. */
    private static Instant scanFor(LocalTime time, ZoneId zone, Instant end) {
        Instant t = end.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        for (int i = 0; i < 3 * 24 * 60; i++, t = t.plus(Duration.ofMinutes(1))) {
            if (t.atZone(zone).toLocalTime().equals(time)) {
                return t;
            }
        }
        throw new AssertionError("no " + time + " in " + zone + " within three days of " + end);
    }

    /** The rules of the task, kept apart from the code under test. */
    static final class Model {
        final Scenario s;
        int repeats;
        final Set<PhoneField> tried = new HashSet<>();
        final Map<PhoneField, PhoneState> states = new LinkedHashMap<>();
        final Map<PhoneField, Integer> failures = new LinkedHashMap<>();
        RecordStatus status = RecordStatus.PENDING;
        DoneReason done;
        Instant due;
        int dncEffects;

        Model(Scenario s) {
            this.s = s;
            for (int i = 0; i < s.numberZones().size(); i++) {
                states.put(FIELDS.get(i), PhoneState.ACTIVE);
                failures.put(FIELDS.get(i), 0);
            }
        }

        List<PhoneField> active() {
            return states.keySet().stream().filter(f -> states.get(f) == PhoneState.ACTIVE).toList();
        }

        /** Which number the dialer calls: the first untried active one in the record's order, or any of the record's numbers. */
        PhoneField pick(Step step) {
            List<PhoneField> all = new ArrayList<>(states.keySet());
            if (step.followsOrder()) {
                for (PhoneField f : active()) {
                    if (!tried.contains(f)) {
                        return f;
                    }
                }
            }
            return all.get(step.anyField() % all.size());
        }

        Duration attemptDelay(int k) {
            List<Duration> d = s.attemptDelays();
            return d.get(Math.min(k, d.size() - 1));
        }

        void call(PhoneField field, CallResult result, Instant end) {
            Treatment t = s.treatments().get(result);
            if (result == CallResult.HUMAN_ANSWER) {
                if (t instanceof Treatment.Finish f) {
                    finish(f.reason());
                } else {
                    status = RecordStatus.PROCESSING;
                }
                due = null;
                return;
            }
            boolean beyond = false;
            if (tried.contains(field)) {
                tried.clear();
                if (repeats < s.maxRepeats()) {
                    repeats++;
                } else {
                    beyond = true;
                }
            }
            tried.add(field);
            int failed = failures.merge(field, 1, Integer::sum);
            if (t instanceof Treatment.AddToDoNotCall) {
                states.put(field, PhoneState.BLOCKED);
                dncEffects++;
            } else if (t instanceof Treatment.ExcludeNumber && states.get(field) == PhoneState.ACTIVE) {
                states.put(field, PhoneState.EXCLUDED);
            }
            if (s.failureLimit() != null && failed >= s.failureLimit() && states.get(field) == PhoneState.ACTIVE) {
                states.put(field, PhoneState.EXCLUDED);
            }
            ZoneId zone = s.numberZones().get(FIELDS.indexOf(field));
            due = null;
            if (t instanceof Treatment.Finish f) {
                finish(f.reason());
            } else if (active().isEmpty()) {
                finish(states.values().stream().allMatch(st -> st == PhoneState.BLOCKED)
                        ? DoneReason.DO_NOT_CALL : DoneReason.NO_NUMBER);
            } else if (beyond) {
                finish(DoneReason.ATTEMPTS_EXHAUSTED);
            } else if (!tried.containsAll(active())) {
                status = RecordStatus.RESCHEDULED_BY_DIALER;
                if (t instanceof Treatment.Retry r) {
                    due = end.plus(r.delays().get(Math.min(repeats, r.delays().size() - 1)));
                } else if (t instanceof Treatment.RescheduleAt at) {
                    due = scanFor(at.timeOfDay(), zone, end);
                } else {
                    due = end;
                }
            } else if (repeats >= s.maxRepeats()) {
                finish(DoneReason.ATTEMPTS_EXHAUSTED);
            } else {
                status = RecordStatus.RESCHEDULED_BY_DIALER;
                if (t instanceof Treatment.Retry r) {
                    due = end.plus(r.delays().get(Math.min(repeats, r.delays().size() - 1)));
                } else if (t instanceof Treatment.RescheduleAt at) {
                    due = scanFor(at.timeOfDay(), zone, end);
                } else {
                    due = end.plus(attemptDelay(repeats));
                }
                repeats++;
                tried.clear();
            }
        }

        void finish(DoneReason reason) {
            status = RecordStatus.DONE;
            done = reason;
        }
    }

    @Test
    void randomCallSequences_followTheRules_andKeepTheInvariants() {
        qt().withExamples(300).forAll(SCENARIOS).checkAssert(s -> {
            Lifecycle lifecycle = Lifecycle.of(rules(s));
            Record r = record(s);
            Model model = new Model(s);
            int numbers = s.numberZones().size();
            int counted = 0;
            int dncEffects = 0;
            Instant clock = T0;
            for (Step step : s.steps()) {
                PhoneField field = model.pick(step);
                Instant placed = (r.dueAt().isAfter(clock) ? r.dueAt() : clock)
                        .plus(Duration.ofMinutes(step.gapMinutes())).plusSeconds(step.gapSeconds());
                Instant end = placed.plusSeconds(step.seconds());
                CallOutcome outcome = CallOutcome.of(field, step.result(), placed, end);
                if (model.status == RecordStatus.DONE) {
                    Record doneRecord = r;
                    assertThatThrownBy(() -> lifecycle.apply(doneRecord, outcome))
                            .as("a done record accepts no more calls").isInstanceOf(IllegalStateException.class);
                    break;
                }
                Transition t = lifecycle.apply(r, outcome);
                r = t.record();
                model.call(field, step.result(), end);
                clock = end;
                if (step.result() != CallResult.HUMAN_ANSWER) {
                    counted++;
                }
                dncEffects += t.effects(Effect.AddToDoNotCall.class).size();

                assertThat(counted).as("counted calls").isLessThanOrEqualTo((s.maxRepeats() + 1) * numbers);
                assertThat(r.progress().repeatAttempts()).isLessThanOrEqualTo(s.maxRepeats())
                        .isEqualTo(model.repeats);
                assertThat(r.status()).isEqualTo(model.status);
                assertThat(r.doneReason()).isEqualTo(java.util.Optional.ofNullable(model.done));
                assertThat(r.dueAt()).as("due time after the call").isAfterOrEqualTo(end);
                if (model.due != null) {
                    assertThat(r.dueAt()).as("due time the rule gives").isEqualTo(model.due);
                }
                for (RecordPhone p : r.phones()) {
                    assertThat(p.state()).as("state of %s", p.field()).isEqualTo(model.states.get(p.field()));
                    assertThat(p.attempts()).as("failures of %s", p.field()).isEqualTo(model.failures.get(p.field()));
                }
                assertThat(r.progress().triedThisRound()).isEqualTo(
                        step.result() == CallResult.HUMAN_ANSWER ? r.progress().triedThisRound() : model.tried);
                assertThat(r.progress().lastCall()).hasValueSatisfying(c -> {
                    assertThat(c.at()).isEqualTo(placed);
                    assertThat(c.field()).isEqualTo(field);
                });
                assertThat(r.updatedAt()).isEqualTo(end);
            }
            assertThat(dncEffects).isEqualTo(model.dncEffects);
        });
    }

    @Test
    void doneRecord_refusesEveryResult_andAnyField() {
        qt().withExamples(50).forAll(SCENARIOS).checkAssert(s -> {
            Lifecycle lifecycle = Lifecycle.of(rules(s));
            Record done = lifecycle.changeStatus(record(s), RecordStatus.DONE, T0);
            for (Step step : s.steps()) {
                CallOutcome outcome = CallOutcome.of(FIELDS.get(step.anyField() % s.numberZones().size()), step.result(),
                        T0.plusSeconds(step.gapSeconds()), T0.plusSeconds(step.gapSeconds() + step.seconds()));
                assertThatThrownBy(() -> lifecycle.apply(done, outcome)).isInstanceOf(IllegalStateException.class);
            }
        });
    }
}
