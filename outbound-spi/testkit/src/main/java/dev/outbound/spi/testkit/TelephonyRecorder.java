package dev.outbound.spi.testkit;

import dev.outbound.spi.telephony.CallEvent;
import dev.outbound.spi.telephony.CallListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link CallListener} that keeps the events it is given, for tests; thread-safe, since a real
 * telephony calls it on its own threads. It also notices if it is called again before the last
 * call returned, which {@link CallListener} forbids for the events of one call.
 */
public final class TelephonyRecorder implements CallListener {
    private final List<CallEvent> events = new ArrayList<>();
    private final AtomicBoolean inCall = new AtomicBoolean();
    private volatile boolean overlapped;
    private final CallListener then;

    /** A recorder that only records. */
    public TelephonyRecorder() {
        this(e -> { });
    }

    /**
     * A recorder that also hands each event, once recorded, to another listener: a test that
     * acts on a call's events from inside the listener, as a dialer does.
     *
     * @param then the listener to call after recording
     */
    public TelephonyRecorder(CallListener then) {
        this.then = Objects.requireNonNull(then, "then");
    }

    @Override
    public void onEvent(CallEvent event) {
        if (!inCall.compareAndSet(false, true)) {
            overlapped = true;
        }
        try {
            synchronized (events) {
                events.add(event);
            }
            then.onEvent(event);
        } finally {
            inCall.set(false);
        }
    }

    /** @return the events so far, in the order received */
    public List<CallEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** @return whether a terminal event was received */
    public boolean ended() {
        return terminal().isPresent();
    }

    /** @return the first terminal event received, if any */
    public Optional<CallEvent> terminal() {
        return events().stream().filter(CallEvent::isTerminal).findFirst();
    }

    /**
     * @param <T> the kind of event
     * @param kind the kind of event
     * @return the first event of that kind, if one was received
     */
    public <T extends CallEvent> Optional<T> first(Class<T> kind) {
        return events().stream().filter(kind::isInstance).map(kind::cast).findFirst();
    }

    /**
     * @param kind a kind of event
     * @return whether an event of that kind was received
     */
    public boolean has(Class<? extends CallEvent> kind) {
        return first(kind).isPresent();
    }

    /** @return whether an event arrived while the listener was still handling another */
    public boolean overlapped() {
        return overlapped;
    }

    @Override
    public String toString() {
        return "TelephonyRecorder" + events();
    }

    /** @return the events as lines, for failure messages */
    String describe() {
        List<String> lines = new ArrayList<>();
        for (CallEvent e : events()) {
            lines.add("  " + e);
        }
        return lines.isEmpty() ? "  (no events)" : String.join("\n", lines);
    }
}
