package dev.outbound.spi.jdbc;

import dev.outbound.core.record.Callback;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordStatus;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;
import java.util.Optional;

/**
 * How a record maps to a row of {@code outbound_record} and rows of {@code outbound_phone}: the
 * columns that selection and filters use, beside the exact record in {@code body}.
 */
final class RecordRows {
    /** The columns an insert or update writes, in the order {@link #bind} binds them. */
    static final String COLUMNS = "campaign, ref, status, dialable, shared_class, due_at, priority, list, agent, "
            + "callback_agent, callback_pref, callback_at, last_contacted, wrap_code, reason_major, reason_minor, "
            + "fields, body";
    /** As many parameters as {@link #COLUMNS}, the JSON one cast. */
    static final String PARAMS = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?";
    /** The assignments of an upsert's update from the proposed row, the version bumped. */
    static final String UPDATE_FROM_EXCLUDED = "status = EXCLUDED.status, dialable = EXCLUDED.dialable, "
            + "shared_class = EXCLUDED.shared_class, due_at = EXCLUDED.due_at, priority = EXCLUDED.priority, "
            + "list = EXCLUDED.list, agent = EXCLUDED.agent, callback_agent = EXCLUDED.callback_agent, "
            + "callback_pref = EXCLUDED.callback_pref, callback_at = EXCLUDED.callback_at, "
            + "last_contacted = EXCLUDED.last_contacted, wrap_code = EXCLUDED.wrap_code, "
            + "reason_major = EXCLUDED.reason_major, reason_minor = EXCLUDED.reason_minor, fields = EXCLUDED.fields, "
            + "body = EXCLUDED.body";

    /** A {@code SELECT} of {@link #COLUMNS} from arrays, one per column, that {@link #bindArrays} binds. */
    static final String UNNEST = "SELECT u.campaign, u.ref, u.status, u.dialable, u.shared_class, u.due_at, u.priority, "
            + "u.list, u.agent, u.callback_agent, u.callback_pref, u.callback_at, u.last_contacted, u.wrap_code, "
            + "u.reason_major, u.reason_minor, u.fields::jsonb, u.body FROM unnest(?::text[], ?::text[], ?::text[], "
            + "?::bool[], ?::int2[], ?::int8[], ?::int4[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int8[], "
            + "?::int8[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bytea[]) AS u(campaign, ref, status, dialable, "
            + "shared_class, due_at, priority, list, agent, callback_agent, callback_pref, callback_at, last_contacted, "
            + "wrap_code, reason_major, reason_minor, fields, body)";

    private RecordRows() {
    }

    /** Binds {@link #UNNEST}'s arrays: the columns of the records, one element per record. */
    static void bindArrays(java.sql.Connection c, PreparedStatement ps, java.util.List<Record> rs) throws SQLException {
        int n = rs.size();
        String[] campaign = new String[n];
        String[] ref = new String[n];
        String[] status = new String[n];
        Boolean[] dialable = new Boolean[n];
        Integer[] sharedClass = new Integer[n];
        Long[] due = new Long[n];
        Integer[] priority = new Integer[n];
        String[] list = new String[n];
        String[] agent = new String[n];
        String[] cbAgent = new String[n];
        String[] cbPref = new String[n];
        Long[] cbAt = new Long[n];
        Long[] contacted = new Long[n];
        String[] wrap = new String[n];
        String[] major = new String[n];
        String[] minor = new String[n];
        String[] fields = new String[n];
        byte[][] body = new byte[n][];
        for (int i = 0; i < n; i++) {
            Record r = rs.get(i);
            campaign[i] = r.campaign().value();
            ref[i] = r.ref().value();
            status[i] = r.status().name();
            dialable[i] = r.status().isDialable();
            sharedClass[i] = sharedClass(r.status());
            due[i] = RecordCodec.nanos(r.dueAt());
            priority[i] = r.priority();
            list[i] = r.list().value();
            agent[i] = r.agent().map(a -> a.value()).orElse(null);
            Optional<Callback> cb = r.callback();
            cbAgent[i] = cb.flatMap(Callback::agent).map(a -> a.value()).orElse(null);
            cbPref[i] = cb.map(x -> x.preference().name()).orElse(null);
            cbAt[i] = cb.map(x -> RecordCodec.nanos(x.at())).orElse(null);
            contacted[i] = r.progress().lastContactedAt().map(RecordCodec::nanos).orElse(null);
            wrap[i] = r.progress().wrapCode().orElse(null);
            major[i] = r.reasonCode().map(x -> x.major()).orElse(null);
            minor[i] = r.reasonCode().flatMap(x -> x.minor()).orElse(null);
            fields[i] = fieldsJson(r);
            body[i] = RecordCodec.encode(r);
        }
        int i = 1;
        ps.setArray(i++, c.createArrayOf("text", campaign));
        ps.setArray(i++, c.createArrayOf("text", ref));
        ps.setArray(i++, c.createArrayOf("text", status));
        ps.setArray(i++, c.createArrayOf("bool", dialable));
        ps.setArray(i++, c.createArrayOf("int4", sharedClass));
        ps.setArray(i++, c.createArrayOf("int8", due));
        ps.setArray(i++, c.createArrayOf("int4", priority));
        ps.setArray(i++, c.createArrayOf("text", list));
        ps.setArray(i++, c.createArrayOf("text", agent));
        ps.setArray(i++, c.createArrayOf("text", cbAgent));
        ps.setArray(i++, c.createArrayOf("text", cbPref));
        ps.setArray(i++, c.createArrayOf("int8", cbAt));
        ps.setArray(i++, c.createArrayOf("int8", contacted));
        ps.setArray(i++, c.createArrayOf("text", wrap));
        ps.setArray(i++, c.createArrayOf("text", major));
        ps.setArray(i++, c.createArrayOf("text", minor));
        ps.setArray(i++, c.createArrayOf("text", fields));
        ps.setArray(i, c.createArrayOf("bytea", body));
    }

    /**
     * The load class of a record that no agent holds, as {@link dev.outbound.core.lifecycle.LoadClass}
     * ranks it: 1 rescheduled by the dialer (or ready), 2 rescheduled by an agent (or call
     * immediately), 3 not assigned; 0 for a status that is not dialable.
     */
    static int sharedClass(RecordStatus status) {
        switch (status) {
            case READY:
            case RESCHEDULED_BY_DIALER:
                return 1;
            case RESCHEDULED_BY_AGENT:
            case CALL_IMMEDIATELY:
                return 2;
            case PENDING:
                return 3;
            default:
                return 0;
        }
    }

    /** Binds {@link #COLUMNS} from parameter 1 on. */
    static void bind(PreparedStatement ps, Record r, byte[] body) throws SQLException {
        int i = 1;
        ps.setString(i++, r.campaign().value());
        ps.setString(i++, r.ref().value());
        ps.setString(i++, r.status().name());
        ps.setBoolean(i++, r.status().isDialable());
        ps.setShort(i++, (short) sharedClass(r.status()));
        ps.setLong(i++, RecordCodec.nanos(r.dueAt()));
        ps.setInt(i++, r.priority());
        ps.setString(i++, r.list().value());
        setString(ps, i++, r.agent().map(a -> a.value()));
        Optional<Callback> cb = r.callback();
        setString(ps, i++, cb.flatMap(Callback::agent).map(a -> a.value()));
        setString(ps, i++, cb.map(c -> c.preference().name()));
        if (cb.isPresent()) {
            ps.setLong(i++, RecordCodec.nanos(cb.get().at()));
        } else {
            ps.setNull(i++, Types.BIGINT);
        }
        if (r.progress().lastContactedAt().isPresent()) {
            ps.setLong(i++, RecordCodec.nanos(r.progress().lastContactedAt().get()));
        } else {
            ps.setNull(i++, Types.BIGINT);
        }
        setString(ps, i++, r.progress().wrapCode());
        setString(ps, i++, r.reasonCode().map(c -> c.major()));
        setString(ps, i++, r.reasonCode().flatMap(c -> c.minor()));
        ps.setString(i++, fieldsJson(r));
        ps.setBytes(i, body);
    }

    private static void setString(PreparedStatement ps, int i, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            ps.setString(i, value.get());
        } else {
            ps.setNull(i, Types.VARCHAR);
        }
    }

    /** The custom fields as a JSON object of their canonical texts: what field filters compare. */
    static String fieldsJson(Record r) {
        Map<String, String> text = r.fields().asTextMap();
        if (text.isEmpty()) {
            return "{}";
        }
        StringBuilder b = new StringBuilder(32 * text.size());
        b.append('{');
        boolean first = true;
        for (Map.Entry<String, String> f : text.entrySet()) {
            if (!first) {
                b.append(',');
            }
            first = false;
            json(b, f.getKey());
            b.append(':');
            json(b, f.getValue());
        }
        return b.append('}').toString();
    }

    /** Appends a JSON string literal. */
    static void json(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        b.append('"');
    }
}
