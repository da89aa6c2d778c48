package dev.outbound.spi.jdbc;

import dev.outbound.core.record.Callback;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordPhone;
import dev.outbound.core.record.RecordStatus;
import dev.outbound.spi.store.PhoneMatch;
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

    private RecordRows() {
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

    /** Adds one batch entry of {@code INSERT INTO outbound_phone VALUES (campaign, ref, position, digits, reversed)} per number. */
    static void bindPhones(PreparedStatement ps, Record r) throws SQLException {
        int position = 0;
        for (RecordPhone p : r.phones()) {
            String digits = PhoneMatch.digitsOf(p.number());
            ps.setString(1, r.campaign().value());
            ps.setString(2, r.ref().value());
            ps.setShort(3, (short) position++);
            ps.setString(4, digits);
            ps.setString(5, new StringBuilder(digits).reverse().toString());
            ps.addBatch();
        }
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
