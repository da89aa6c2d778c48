package dev.outbound.csv.process;

import java.util.List;
import java.util.Optional;

/**
 * Where a {@link ListProcesses} keeps its processes' snapshots, and where a request to cancel a
 * process reaches it: in memory by default ({@link #inMemory()}); a host (or the command line's
 * job directory) implements it to persist them and to let another process cancel a running one.
 * Implementations must be thread-safe: a running process saves from the scheduler's thread while
 * callers list and cancel from theirs.
 */
public interface ProcessStore {
    /**
     * Keeps a snapshot, replacing the one with the same id.
     *
     * @param snapshot the process as it is now
     */
    void save(ProcessSnapshot snapshot);

    /**
     * @param id a process id
     * @return its latest snapshot, if the store holds it
     */
    Optional<ProcessSnapshot> get(String id);

    /** @return every process's latest snapshot, by scheduled instant and then id */
    List<ProcessSnapshot> list();

    /**
     * Records a request to cancel a process, which its runner sees between batches (through
     * {@link #cancelRequested}), wherever it runs.
     *
     * @param id the process id
     */
    void requestCancel(String id);

    /**
     * @param id a process id
     * @return whether cancelling it was requested
     */
    boolean cancelRequested(String id);

    /** @return a new store that keeps the snapshots in memory */
    static ProcessStore inMemory() {
        return new InMemoryProcessStore();
    }
}
