package dev.outbound.spi.memory;

import dev.outbound.core.record.Record;
import dev.outbound.spi.store.Interaction;
import dev.outbound.spi.store.Lease;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One stored record of a {@link StorePartition}: the record, the lease that holds it (or null),
 * and its history. Guarded by the partition's lock.
 */
final class StoreEntry {
    /** The record as stored. */
    Record record;
    /** The lease that holds the record, or null; a lease is dropped as soon as it ends. */
    Lease lease;
    /**
     * The history, ascending by instant and, among equal instants, in append order; null until
     * the first append. Kept in that order so that the newest come off the end without sorting:
     * interactions mostly arrive in time order, so an append costs O(1) then.
     */
    private ArrayList<Interaction> history;
    /**
     * The ids' hash codes, position for position with {@link #history}: the scan for a repeated
     * id reads this array and looks at an interaction only when its hash matches.
     */
    private int[] idHashes;

    StoreEntry(Record record) {
        this.record = record;
    }

    /**
     * Adds an interaction after every interaction of the same instant or earlier, unless the
     * history holds its id.
     *
     * @return whether it was added
     */
    boolean append(Interaction interaction) {
        if (history == null) {
            history = new ArrayList<>(4);
            idHashes = new int[4];
        }
        int n = history.size();
        int hash = interaction.id().hashCode();
        // A history is a few dozen entries: a scan for the id costs less than an index beside it.
        for (int i = n - 1; i >= 0; i--) {
            if (idHashes[i] == hash && history.get(i).id().equals(interaction.id())) {
                return false;
            }
        }
        if (n == idHashes.length) {
            idHashes = Arrays.copyOf(idHashes, n * 2);
        }
        int lo = 0;
        int hi = n;
        // Most interactions come in time order: the common case is the end of the list.
        if (hi == 0 || !history.get(hi - 1).at().isAfter(interaction.at())) {
            history.add(interaction);
            idHashes[n] = hash;
            return true;
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (history.get(mid).at().isAfter(interaction.at())) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        history.add(lo, interaction);
        System.arraycopy(idHashes, lo, idHashes, lo + 1, n - lo);
        idHashes[lo] = hash;
        return true;
    }

    /** @return up to {@code limit} interactions, newest first, the later appended first among equal instants */
    List<Interaction> latest(int limit) {
        if (history == null) {
            return List.of();
        }
        int n = Math.min(limit, history.size());
        List<Interaction> out = new ArrayList<>(n);
        for (int i = history.size() - 1; out.size() < n; i--) {
            out.add(history.get(i));
        }
        return List.copyOf(out);
    }
}
