package dev.outbound.spi.time;

import java.time.Clock;
import java.time.Instant;

/** Placeholder: being written. */
public final class VirtualTime implements Scheduler {
    private VirtualTime() {
    }

    @Override
    public Clock clock() {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public Scheduled schedule(Instant at, Runnable task) {
        throw new UnsupportedOperationException("not yet");
    }
}
