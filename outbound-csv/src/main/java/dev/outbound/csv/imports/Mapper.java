package dev.outbound.csv.imports;

import dev.outbound.csv.mapping.ColumnMapping;
import dev.outbound.csv.mapping.RowMapper;
import dev.outbound.csv.mapping.RowOutcome;
import dev.outbound.csv.mapping.Target;
import dev.outbound.csv.read.SourceRow;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the pipeline needs of a mapping: the row function (thread-safe, so that an import with
 * several threads can call it from each), and the column names problems and result files use.
 *
 * @param map turns a row into a record or its reasons
 * @param refColumn the column holding the customer reference id, named in duplicate problems
 * @param agentColumn the column holding the agent, named in {@code AGENT_UNKNOWN} problems
 * @param customFields the custom fields {@code success.csv} gets columns for, in order
 */
record Mapper(Function<SourceRow, RowOutcome> map, Optional<String> refColumn, Optional<String> agentColumn,
        List<String> customFields) {
    Mapper {
        Objects.requireNonNull(map, "map");
        Objects.requireNonNull(refColumn, "refColumn");
        Objects.requireNonNull(agentColumn, "agentColumn");
        customFields = List.copyOf(customFields);
    }

    /**
     * @param mapping the column mapping
     * @param rows its row mapper
     * @param schemaFields the campaign's custom fields, first in {@code success.csv}
     * @return the mapper; custom fields are the schema's, then the mapping's other custom targets
     */
    static Mapper of(ColumnMapping mapping, RowMapper rows, List<String> schemaFields) {
        Set<String> fields = new LinkedHashSet<>(schemaFields);
        for (int i = 0; i < mapping.header().size(); i++) {
            for (Target t : mapping.targets(i)) {
                if (t instanceof Target.Custom) {
                    fields.add(((Target.Custom) t).name());
                }
            }
        }
        return new Mapper(rows::map, mapping.columnFor(new Target.CustomerRef()),
                mapping.columnFor(new Target.Agent()), new ArrayList<>(fields));
    }
}
