package dev.outbound.spi.jdbc;

import dev.outbound.core.record.CustomerRef;
import dev.outbound.core.record.ListId;
import dev.outbound.core.record.RecordStatus;
import dev.outbound.spi.store.PhoneMatch;
import dev.outbound.spi.store.RecordQuery;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link RecordQuery} as a SQL condition on {@code outbound_record} (alias {@code r}): every
 * criterion has a column, so the database returns the matching records only, by the indexes of
 * the schema. The store still checks each row with {@link RecordQuery#matchesRecord} and
 * {@link RecordQuery#matchingPhones}, so that the SQL only ever has to find a superset.
 */
final class QueryFilter {
    final String where;
    private final List<Object> params;

    private QueryFilter(String where, List<Object> params) {
        this.where = where;
        this.params = params;
    }

    static QueryFilter of(RecordQuery q, String phoneTable) {
        List<String> c = new ArrayList<>();
        List<Object> p = new ArrayList<>();
        c.add("TRUE");
        if (q.campaign().isPresent()) {
            c.add("r.campaign = ?");
            p.add(q.campaign().get().value());
        }
        if (!q.refs().isEmpty()) {
            c.add("r.ref = ANY(?)");
            p.add(q.refs().stream().map(CustomerRef::value).toArray(String[]::new));
        }
        if (!q.lists().isEmpty()) {
            c.add("r.list = ANY(?)");
            p.add(q.lists().stream().map(ListId::value).toArray(String[]::new));
        }
        if (!q.statuses().isEmpty()) {
            c.add("r.status = ANY(?)");
            p.add(q.statuses().stream().map(RecordStatus::name).toArray(String[]::new));
        }
        if (q.agent().isPresent()) {
            c.add("r.agent = ?");
            p.add(q.agent().get().value());
        }
        if (q.unassigned()) {
            c.add("r.agent IS NULL");
        }
        if (q.contactedFrom().isPresent()) {
            c.add("r.last_contacted >= ?");
            p.add(RecordCodec.nanos(q.contactedFrom().get()));
        }
        if (q.contactedBefore().isPresent()) {
            // Saturated nanoseconds can only widen the range; the store checks each row exactly.
            c.add("r.last_contacted <= ?");
            p.add(RecordCodec.nanos(q.contactedBefore().get()));
        }
        if (q.wrapCode().isPresent()) {
            c.add("r.wrap_code = ?");
            p.add(q.wrapCode().get());
        }
        if (q.reasonMajor().isPresent()) {
            c.add("r.reason_major = ?");
            p.add(q.reasonMajor().get());
        }
        if (q.reasonMinor().isPresent()) {
            c.add("r.reason_minor = ?");
            p.add(q.reasonMinor().get());
        }
        if (!q.fields().isEmpty()) {
            StringBuilder json = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<String, String> f : q.fields().entrySet()) {
                if (!first) {
                    json.append(',');
                }
                first = false;
                RecordRows.json(json, f.getKey());
                json.append(':');
                RecordRows.json(json, f.getValue());
            }
            c.add("r.fields @> ?::jsonb");
            p.add(json.append('}').toString());
        }
        if (q.phone().isPresent()) {
            PhoneMatch m = q.phone().get();
            String condition;
            String value;
            switch (m.kind()) {
                case EXACT:
                    condition = "ph.digits = ?";
                    value = m.digits();
                    break;
                case PREFIX:
                    condition = "ph.digits LIKE ?";
                    value = m.digits() + "%";
                    break;
                case SUFFIX:
                    condition = "ph.reversed LIKE ?";
                    value = new StringBuilder(m.digits()).reverse() + "%";
                    break;
                default:
                    condition = "ph.digits LIKE ?";
                    value = "%" + m.digits() + "%";
                    break;
            }
            c.add("EXISTS (SELECT 1 FROM " + phoneTable + " ph WHERE ph.campaign = r.campaign AND ph.ref = r.ref AND "
                    + condition + ")");
            p.add(value);
        }
        return new QueryFilter(String.join(" AND ", c), p);
    }

    /** Binds the filter's parameters from {@code first} on; returns the next free index. */
    int bind(Connection c, PreparedStatement ps, int first) throws SQLException {
        int i = first;
        for (Object o : params) {
            if (o instanceof String[] values) {
                Array a = c.createArrayOf("text", values);
                ps.setArray(i++, a);
            } else if (o instanceof Long l) {
                ps.setLong(i++, l);
            } else {
                ps.setString(i++, (String) o);
            }
        }
        return i;
    }
}
