package dev.outbound.pacing.engine;

import dev.outbound.spi.directory.Agent;
import dev.outbound.spi.telephony.CallEvent;
import dev.outbound.spi.telephony.CallId;
import dev.outbound.spi.telephony.CallListener;
import dev.outbound.spi.telephony.CallRequest;
import dev.outbound.spi.telephony.Telephony;
import dev.outbound.spi.time.VirtualTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A telephony the test drives: calls ring until the test answers or ends them; the engine's
 * actions (cancel, hang up, connect) answer with their events. Every event is delivered through
 * the scheduler at the current instant, as a real telephony's would come on its own thread.
 */
final class ScriptedTelephony implements Telephony {
    private final VirtualTime time;
    final Map<CallId, CallListener> listeners = new LinkedHashMap<>();
    final List<CallId> calls = new ArrayList<>();
    /** The requests placed, in order: {@code requests.get(n - 1)} is {@code call(n)}'s. */
    final List<CallRequest> requests = new ArrayList<>();
    final List<String> actions = new ArrayList<>();
    private final Set<CallId> answered = new HashSet<>();
    private final Set<CallId> ended = new HashSet<>();

    ScriptedTelephony(VirtualTime time) {
        this.time = time;
    }

    @Override
    public CallId place(CallRequest request, CallListener listener) {
        CallId id = CallId.of("call-" + (calls.size() + 1));
        calls.add(id);
        requests.add(request);
        listeners.put(id, listener);
        return id;
    }

    CallId call(int n) {
        return calls.get(n - 1);
    }

    void answer(CallId id, CallEvent.AnsweredBy by) {
        answered.add(id);
        emit(new CallEvent.Answered(id, time.now(), by));
    }

    void busy(CallId id) {
        emit(new CallEvent.Busy(id, time.now(), Optional.empty()));
    }

    void noAnswer(CallId id) {
        emit(new CallEvent.NoAnswer(id, time.now(), Optional.empty()));
    }

    void customerHangsUp(CallId id) {
        emit(new CallEvent.HungUp(id, time.now(), CallEvent.Party.REMOTE));
    }

    @Override
    public void cancel(CallId call) {
        actions.add("cancel " + call);
        if (!answered.contains(call)) {
            emit(new CallEvent.Cancelled(call, time.now()));
        }
    }

    @Override
    public void hangUp(CallId call) {
        actions.add("hangUp " + call);
        if (answered.contains(call)) {
            emit(new CallEvent.HungUp(call, time.now(), CallEvent.Party.LOCAL));
        }
    }

    @Override
    public void connect(CallId call, Agent agent) {
        actions.add("connect " + call + " " + agent.email());
        if (answered.contains(call)) {
            emit(new CallEvent.Connected(call, time.now(), agent.email()));
        }
    }

    private void emit(CallEvent event) {
        CallId id = event.call();
        if (ended.contains(id)) {
            return;
        }
        if (event.isTerminal()) {
            ended.add(id);
        }
        CallListener listener = listeners.get(id);
        time.schedule(time.now(), () -> listener.onEvent(event));
    }
}
