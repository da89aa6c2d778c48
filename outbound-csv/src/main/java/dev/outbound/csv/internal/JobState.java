package dev.outbound.csv.internal;

import dev.outbound.csv.imports.ImportProgress;
import dev.outbound.csv.imports.ImportStatus;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The life of an import job, shared by lead and Do-Not-Call imports: its status, whether it has
 * run, a cancel request and its progress. Every method is thread-safe: the job's run writes,
 * any thread reads and cancels.
 */
public final class JobState {
    private final AtomicReference<ImportStatus> status = new AtomicReference<>(ImportStatus.PENDING);
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean cancelRequested;
    private volatile long rowsRead;
    private volatile long bytesRead;
    /** The input's size, or -1 while unknown. */
    private volatile long size = -1;

    /** @return the current status */
    public ImportStatus status() {
        return status.get();
    }

    /** @param value the status the job is in now */
    public void status(ImportStatus value) {
        status.set(value);
    }

    /** @return how far the job has got; all zero before it runs */
    public ImportProgress progress() {
        long s = size;
        return new ImportProgress(rowsRead, bytesRead, s < 0 ? OptionalLong.empty() : OptionalLong.of(s));
    }

    /**
     * Records a cancel request; a pending job becomes {@code CANCELLED} at once.
     *
     * @return whether this call cancelled a pending job
     */
    public boolean cancelPending() {
        cancelRequested = true;
        return status.compareAndSet(ImportStatus.PENDING, ImportStatus.CANCELLED);
    }

    /** @return whether a cancel was requested */
    public boolean cancelRequested() {
        return cancelRequested;
    }

    /** @return whether this is the job's first run: later calls return false */
    public boolean firstRun() {
        return started.compareAndSet(false, true);
    }

    /** @return whether the job went from pending to running (false when it was cancelled first) */
    public boolean begin() {
        return status.compareAndSet(ImportStatus.PENDING, ImportStatus.RUNNING);
    }

    /**
     * @param rows rows read so far
     * @param bytes bytes read so far
     */
    public void rowRead(long rows, long bytes) {
        rowsRead = rows;
        bytesRead = bytes;
    }

    /** @param bytes the input's size, or -1 when unknown */
    public void size(long bytes) {
        size = bytes;
    }
}
