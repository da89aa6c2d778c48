package dev.outbound.csv.imports;

import dev.outbound.csv.RowProblem;
import java.util.ArrayList;
import java.util.List;

/** The first {@value ImportResult#MAX_PROBLEMS} problems and how many there were in all. */
final class ProblemLog {
    private final List<RowProblem> first = new ArrayList<>();
    private long count;

    void add(RowProblem p) {
        count++;
        if (first.size() < ImportResult.MAX_PROBLEMS) {
            first.add(p);
        }
    }

    void addAll(List<RowProblem> ps) {
        for (RowProblem p : ps) {
            add(p);
        }
    }

    long count() {
        return count;
    }

    List<RowProblem> first() {
        return List.copyOf(first);
    }
}
