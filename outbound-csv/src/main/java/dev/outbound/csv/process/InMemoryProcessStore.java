package dev.outbound.csv.process;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The default {@link ProcessStore}: two concurrent maps. */
final class InMemoryProcessStore implements ProcessStore {
    static final Comparator<ProcessSnapshot> ORDER = Comparator.comparing(ProcessSnapshot::scheduledFor)
            .thenComparing(ProcessSnapshot::id);

    private final Map<String, ProcessSnapshot> snapshots = new ConcurrentHashMap<>();
    private final Set<String> cancels = ConcurrentHashMap.newKeySet();

    @Override
    public void save(ProcessSnapshot snapshot) {
        snapshots.put(snapshot.id(), Objects.requireNonNull(snapshot, "snapshot"));
    }

    @Override
    public Optional<ProcessSnapshot> get(String id) {
        return Optional.ofNullable(snapshots.get(Objects.requireNonNull(id, "id")));
    }

    @Override
    public List<ProcessSnapshot> list() {
        List<ProcessSnapshot> all = new ArrayList<>(snapshots.values());
        all.sort(ORDER);
        return List.copyOf(all);
    }

    @Override
    public void requestCancel(String id) {
        cancels.add(Objects.requireNonNull(id, "id"));
    }

    @Override
    public boolean cancelRequested(String id) {
        return cancels.contains(Objects.requireNonNull(id, "id"));
    }
}
