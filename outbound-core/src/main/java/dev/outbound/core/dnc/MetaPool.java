package dev.outbound.core.dnc;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Interns the (source, reason) pairs of a list's entries, so that each entry stores a 4-byte id
 * instead of two references. Lists hold millions of entries but only a handful of distinct
 * sources and reasons ("national registry", "agent request", ...). Ids are never reused or
 * removed, so an id read from a table stays valid; free-text reasons that differ per entry make
 * the pool grow with the list, which costs memory but stays correct.
 *
 * <p>Writers need exclusive access. Readers without a lock go through {@link #get}, which stays
 * in range whatever it races with.
 */
final class MetaPool {

    /** A (source, reason) pair. */
    record Meta(Optional<String> source, Optional<String> reason) {
        static final Meta NONE = new Meta(Optional.empty(), Optional.empty());

        Meta {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(reason, "reason");
        }
    }

    private volatile Meta[] items = new Meta[] {Meta.NONE};
    private int count = 1;
    private final Map<Meta, Integer> ids = new HashMap<>();

    MetaPool() {
        ids.put(Meta.NONE, 0);
    }

    /** @return the id of the pair, adding it when new */
    int intern(Optional<String> source, Optional<String> reason) {
        if (source.isEmpty() && reason.isEmpty()) {
            return 0;
        }
        Meta meta = new Meta(source, reason);
        Integer id = ids.get(meta);
        if (id != null) {
            return id;
        }
        Meta[] current = items;
        if (count == current.length) {
            current = Arrays.copyOf(current, current.length * 2);
            current[count] = meta;
            items = current;
        } else {
            current[count] = meta;
        }
        ids.put(meta, count);
        return count++;
    }

    /** @return the pair with that id, or {@link Meta#NONE} for an id a racing read made up */
    Meta get(int id) {
        Meta[] current = items;
        if (id < 0 || id >= current.length) {
            return Meta.NONE;
        }
        Meta meta = current[id];
        return meta == null ? Meta.NONE : meta;
    }
}
