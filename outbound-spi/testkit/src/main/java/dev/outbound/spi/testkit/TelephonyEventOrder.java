package dev.outbound.spi.testkit;

import dev.outbound.spi.telephony.CallEvent;
import dev.outbound.spi.telephony.CallId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The order of a call's events that {@link CallEvent} states, as a checker: every test of the kit
 * judges event sequences with it, and so can an implementation's own tests or a simulator.
 *
 * <p>The grammar: {@code Ringing}* then one of {@code Busy}, {@code NoAnswer}, {@code Rejected},
 * {@code InvalidNumber}, {@code Failed}, {@code Cancelled}; or {@code Ringing}* {@code Answered}
 * [{@code Connected}] then {@code HungUp} or {@code Failed}. Besides, every event carries the
 * call's id and the instants never decrease.
 */
public final class TelephonyEventOrder {
    private TelephonyEventOrder() {
    }

    /** Where a call stands after the events read so far. */
    private enum Stage {
        BEFORE_ANSWER, ANSWERED, CONNECTED, ENDED
    }

    /**
     * @param call the call the events should be of
     * @param events its events, in the order they were received
     * @param complete whether the call should have ended: if so, a sequence without a terminal
     *     event is a violation; if not, any legal beginning of a sequence passes
     * @return what is wrong, one line per problem; empty when the sequence is legal
     */
    public static List<String> violations(CallId call, List<? extends CallEvent> events, boolean complete) {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(events, "events");
        List<String> problems = new ArrayList<>();
        Stage stage = Stage.BEFORE_ANSWER;
        CallEvent previous = null;
        for (int i = 0; i < events.size(); i++) {
            CallEvent e = events.get(i);
            String where = "event " + i + " (" + e + ")";
            if (!call.equals(e.call())) {
                problems.add(where + " carries call id " + e.call() + ", expected " + call);
            }
            if (previous != null && e.at().isBefore(previous.at())) {
                problems.add(where + " is at " + e.at() + ", before the previous event's " + previous.at());
            }
            previous = e;
            Stage next = next(stage, e);
            if (next == null) {
                problems.add(where + " may not follow " + describe(stage));
            } else {
                stage = next;
            }
        }
        if (complete && stage != Stage.ENDED) {
            problems.add("no terminal event: the call " + describe(stage) + " and never ended");
        }
        return problems;
    }

    /**
     * Fails unless the events are the complete, legal sequence of a call.
     *
     * @param call the call
     * @param events its events, in the order received
     * @throws AssertionError naming every problem and listing the events
     */
    public static void assertComplete(CallId call, List<? extends CallEvent> events) {
        fail(call, events, violations(call, events, true));
    }

    /**
     * Fails unless the events are a legal beginning of a call's sequence (the call may still be up).
     *
     * @param call the call
     * @param events its events so far, in the order received
     * @throws AssertionError naming every problem and listing the events
     */
    public static void assertLegalSoFar(CallId call, List<? extends CallEvent> events) {
        fail(call, events, violations(call, events, false));
    }

    private static void fail(CallId call, List<? extends CallEvent> events, List<String> problems) {
        if (problems.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("illegal event sequence for call ").append(call).append(':');
        for (String p : problems) {
            message.append("\n  - ").append(p);
        }
        message.append("\n  events:");
        for (CallEvent e : events) {
            message.append("\n    ").append(e);
        }
        throw new AssertionError(message.toString());
    }

    /** @return the stage after {@code e}, or null if {@code e} may not come in {@code stage} */
    private static Stage next(Stage stage, CallEvent e) {
        switch (stage) {
            case BEFORE_ANSWER:
                if (e instanceof CallEvent.Ringing) {
                    return Stage.BEFORE_ANSWER;
                }
                if (e instanceof CallEvent.Answered) {
                    return Stage.ANSWERED;
                }
                if (e instanceof CallEvent.Busy || e instanceof CallEvent.NoAnswer || e instanceof CallEvent.Rejected
                        || e instanceof CallEvent.InvalidNumber || e instanceof CallEvent.Failed
                        || e instanceof CallEvent.Cancelled) {
                    return Stage.ENDED;
                }
                return null;
            case ANSWERED:
                if (e instanceof CallEvent.Connected) {
                    return Stage.CONNECTED;
                }
                return endsAnswered(e) ? Stage.ENDED : null;
            case CONNECTED:
                return endsAnswered(e) ? Stage.ENDED : null;
            default:
                return null;
        }
    }

    private static boolean endsAnswered(CallEvent e) {
        return e instanceof CallEvent.HungUp || e instanceof CallEvent.Failed;
    }

    private static String describe(Stage stage) {
        switch (stage) {
            case BEFORE_ANSWER:
                return "was not answered yet";
            case ANSWERED:
                return "was answered and not connected";
            case CONNECTED:
                return "was connected";
            default:
                return "had ended";
        }
    }
}
