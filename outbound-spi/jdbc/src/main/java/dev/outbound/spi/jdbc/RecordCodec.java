package dev.outbound.spi.jdbc;

import dev.outbound.core.field.CustomFields;
import dev.outbound.core.field.FieldValue;
import dev.outbound.core.phone.LineType;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.phone.PhoneState;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CallAttempt;
import dev.outbound.core.record.CallResult;
import dev.outbound.core.record.Callback;
import dev.outbound.core.record.CallbackPreference;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.CustomerRef;
import dev.outbound.core.record.DialProgress;
import dev.outbound.core.record.DoneReason;
import dev.outbound.core.record.ListId;
import dev.outbound.core.record.ReasonCode;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordPhone;
import dev.outbound.core.record.RecordStatus;
import dev.outbound.core.zone.ZoneName;
import dev.outbound.core.zone.ZoneProvenance;
import dev.outbound.core.zone.ZoneResolution;
import dev.outbound.core.zone.ZoneRule;
import dev.outbound.spi.store.Interaction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a record (and an interaction) to bytes and reads it back equal: the lossless copy that a
 * row keeps beside its queryable columns. Every component is written, in a fixed order, behind a
 * format version byte, so that a later format can still read rows written by this one.
 */
final class RecordCodec {
    private static final int FORMAT = 1;

    private RecordCodec() {
    }

    // ------------------------------------------------------------------ records

    static byte[] encode(Record r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(r.campaign().value());
            out.writeUTF(r.ref().value());
            writeOpt(out, r.agent().map(AgentEmail::value));
            out.writeShort(r.phones().size());
            for (RecordPhone p : r.phones()) {
                writePhone(out, p);
            }
            out.writeBoolean(r.timeZone().isPresent());
            if (r.timeZone().isPresent()) {
                writeZoneName(out, r.timeZone().get());
            }
            writeOptInstant(out, r.scheduledFor());
            writeInstant(out, r.nextDialableAt());
            out.writeUTF(r.status().name());
            writeOpt(out, r.doneReason().map(Enum::name));
            out.writeBoolean(r.reasonCode().isPresent());
            if (r.reasonCode().isPresent()) {
                out.writeUTF(r.reasonCode().get().major());
                writeOpt(out, r.reasonCode().get().minor());
            }
            out.writeBoolean(r.callback().isPresent());
            if (r.callback().isPresent()) {
                Callback c = r.callback().get();
                writeInstant(out, c.at());
                out.writeUTF(c.preference().name());
                writeOpt(out, c.agent().map(AgentEmail::value));
                writeOptInstant(out, c.expiresAt());
            }
            writeProgress(out, r.progress());
            out.writeInt(r.priority());
            out.writeUTF(r.list().value());
            Map<String, FieldValue> fields = r.fields().asMap();
            out.writeInt(fields.size());
            for (Map.Entry<String, FieldValue> f : fields.entrySet()) {
                out.writeUTF(f.getKey());
                writeField(out, f.getValue());
            }
            writeInstant(out, r.createdAt());
            writeInstant(out, r.updatedAt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Record decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT) {
                throw new IllegalStateException("stored record in format " + format + ", this version reads " + FORMAT);
            }
            CampaignId campaign = new CampaignId(in.readUTF());
            CustomerRef ref = new CustomerRef(in.readUTF());
            Optional<AgentEmail> agent = readOpt(in).map(AgentEmail::new);
            int nPhones = in.readUnsignedShort();
            List<RecordPhone> phones = new ArrayList<>(nPhones);
            for (int i = 0; i < nPhones; i++) {
                phones.add(readPhone(in));
            }
            Optional<ZoneName> zone = in.readBoolean() ? Optional.of(readZoneName(in)) : Optional.empty();
            Optional<Instant> scheduledFor = readOptInstant(in);
            Instant nextDialableAt = readInstant(in);
            RecordStatus status = RecordStatus.valueOf(in.readUTF());
            Optional<DoneReason> doneReason = readOpt(in).map(DoneReason::valueOf);
            Optional<ReasonCode> reason = Optional.empty();
            if (in.readBoolean()) {
                reason = Optional.of(new ReasonCode(in.readUTF(), readOpt(in)));
            }
            Optional<Callback> callback = Optional.empty();
            if (in.readBoolean()) {
                Instant at = readInstant(in);
                CallbackPreference pref = CallbackPreference.valueOf(in.readUTF());
                Optional<AgentEmail> cbAgent = readOpt(in).map(AgentEmail::new);
                callback = Optional.of(new Callback(at, pref, cbAgent, readOptInstant(in)));
            }
            DialProgress progress = readProgress(in);
            int priority = in.readInt();
            ListId list = new ListId(in.readUTF());
            int nFields = in.readInt();
            Map<String, FieldValue> fields = new LinkedHashMap<>();
            for (int i = 0; i < nFields; i++) {
                String name = in.readUTF();
                fields.put(name, readField(in));
            }
            Instant createdAt = readInstant(in);
            Instant updatedAt = readInstant(in);

            Record r = Record.of(campaign, ref, phones, CustomFields.of(fields), createdAt)
                    .withAgent(agent)
                    .withTimeZone(zone);
            r = callback.isPresent() ? r.withCallback(callback.get()) : r.withScheduledFor(scheduledFor);
            r = r.withProgress(progress).withNextDialableAt(nextDialableAt);
            r = status == RecordStatus.DONE ? r.done(doneReason.orElseThrow()) : r.withStatus(status);
            return r.withReasonCode(reason).withPriority(priority).withList(list).withUpdatedAt(updatedAt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writePhone(DataOutputStream out, RecordPhone p) throws IOException {
        out.writeUTF(p.field().name());
        writeNumber(out, p.number());
        out.writeUTF(p.state().name());
        out.writeInt(p.attempts());
        ZoneResolution z = p.zones();
        if (z instanceof ZoneResolution.Resolved resolved) {
            out.writeByte(1);
            writeProvenance(out, resolved.provenance());
        } else {
            ZoneResolution.Unresolved unresolved = (ZoneResolution.Unresolved) z;
            out.writeByte(0);
            writeStrings(out, unresolved.tried());
        }
    }

    private static RecordPhone readPhone(DataInputStream in) throws IOException {
        PhoneField field = new PhoneField(in.readUTF());
        PhoneNumber number = readNumber(in);
        PhoneState state = PhoneState.valueOf(in.readUTF());
        int attempts = in.readInt();
        ZoneResolution zones = in.readUnsignedByte() == 1 ? ZoneResolution.Resolved.of(readProvenance(in))
                : new ZoneResolution.Unresolved(readStrings(in));
        return new RecordPhone(field, number, state, attempts, zones);
    }

    private static void writeProvenance(DataOutputStream out, ZoneProvenance p) throws IOException {
        if (p instanceof ZoneProvenance.Explicit explicit) {
            out.writeByte(0);
            writeZoneName(out, explicit.name());
        } else if (p instanceof ZoneProvenance.FieldRule rule) {
            out.writeByte(1);
            out.writeUTF(rule.rule().field());
            out.writeUTF(rule.rule().value());
            writeZones(out, rule.rule().zones());
        } else if (p instanceof ZoneProvenance.AreaCode area) {
            out.writeByte(2);
            out.writeUTF(area.prefix());
            writeZones(out, area.zones());
        } else if (p instanceof ZoneProvenance.NumberPrefix prefix) {
            out.writeByte(3);
            out.writeUTF(prefix.prefix());
            writeZones(out, prefix.zones());
        } else {
            out.writeByte(4);
            out.writeUTF(((ZoneProvenance.CampaignDefault) p).zone().getId());
        }
    }

    private static ZoneProvenance readProvenance(DataInputStream in) throws IOException {
        int kind = in.readUnsignedByte();
        switch (kind) {
            case 0:
                return new ZoneProvenance.Explicit(readZoneName(in));
            case 1:
                return new ZoneProvenance.FieldRule(new ZoneRule(in.readUTF(), in.readUTF(), readZones(in)));
            case 2:
                return new ZoneProvenance.AreaCode(in.readUTF(), readZones(in));
            case 3:
                return new ZoneProvenance.NumberPrefix(in.readUTF(), readZones(in));
            case 4:
                return new ZoneProvenance.CampaignDefault(ZoneId.of(in.readUTF()));
            default:
                throw new IllegalStateException("unknown zone provenance kind " + kind);
        }
    }

    private static void writeZoneName(DataOutputStream out, ZoneName z) throws IOException {
        out.writeUTF(z.given());
        out.writeUTF(z.id());
        out.writeUTF(z.canonical());
        out.writeUTF(z.zone().getId());
    }

    private static ZoneName readZoneName(DataInputStream in) throws IOException {
        return new ZoneName(in.readUTF(), in.readUTF(), in.readUTF(), ZoneId.of(in.readUTF()));
    }

    private static void writeZones(DataOutputStream out, List<ZoneId> zones) throws IOException {
        out.writeShort(zones.size());
        for (ZoneId z : zones) {
            out.writeUTF(z.getId());
        }
    }

    private static List<ZoneId> readZones(DataInputStream in) throws IOException {
        int n = in.readUnsignedShort();
        List<ZoneId> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(ZoneId.of(in.readUTF()));
        }
        return out;
    }

    private static void writeNumber(DataOutputStream out, PhoneNumber n) throws IOException {
        out.writeUTF(n.e164());
        out.writeInt(n.countryCode());
        out.writeUTF(n.regionCode());
        out.writeUTF(n.type().name());
        out.writeUTF(n.extension());
    }

    private static PhoneNumber readNumber(DataInputStream in) throws IOException {
        return new PhoneNumber(in.readUTF(), in.readInt(), in.readUTF(), LineType.valueOf(in.readUTF()), in.readUTF());
    }

    private static void writeProgress(DataOutputStream out, DialProgress p) throws IOException {
        out.writeInt(p.repeatAttempts());
        out.writeShort(p.triedThisRound().size());
        for (PhoneField f : p.triedThisRound()) {
            out.writeUTF(f.name());
        }
        out.writeBoolean(p.countsAttempts());
        out.writeInt(p.recentCalls().size());
        for (CallAttempt c : p.recentCalls()) {
            writeAttempt(out, c);
        }
        out.writeBoolean(p.lastCall().isPresent());
        if (p.lastCall().isPresent()) {
            writeAttempt(out, p.lastCall().get());
        }
        writeOptInstant(out, p.lastContactedAt());
        writeOpt(out, p.wrapCode());
    }

    private static DialProgress readProgress(DataInputStream in) throws IOException {
        int repeat = in.readInt();
        int nTried = in.readUnsignedShort();
        Set<PhoneField> tried = new LinkedHashSet<>();
        for (int i = 0; i < nTried; i++) {
            tried.add(new PhoneField(in.readUTF()));
        }
        boolean counts = in.readBoolean();
        int nRecent = in.readInt();
        List<CallAttempt> recent = new ArrayList<>(nRecent);
        for (int i = 0; i < nRecent; i++) {
            recent.add(readAttempt(in));
        }
        Optional<CallAttempt> last = in.readBoolean() ? Optional.of(readAttempt(in)) : Optional.empty();
        return new DialProgress(repeat, tried, counts, recent, last, readOptInstant(in), readOpt(in));
    }

    private static void writeAttempt(DataOutputStream out, CallAttempt c) throws IOException {
        writeInstant(out, c.at());
        out.writeUTF(c.field().name());
        out.writeUTF(c.result().name());
    }

    private static CallAttempt readAttempt(DataInputStream in) throws IOException {
        return new CallAttempt(readInstant(in), new PhoneField(in.readUTF()), CallResult.valueOf(in.readUTF()));
    }

    private static void writeField(DataOutputStream out, FieldValue v) throws IOException {
        if (v instanceof FieldValue.Text t) {
            out.writeByte(0);
            writeLongUtf(out, t.value());
        } else if (v instanceof FieldValue.IntegerValue i) {
            out.writeByte(1);
            out.writeLong(i.value());
        } else if (v instanceof FieldValue.DecimalValue d) {
            out.writeByte(2);
            out.writeUTF(d.value().toString());
        } else if (v instanceof FieldValue.DateValue d) {
            out.writeByte(3);
            out.writeUTF(d.value().toString());
        } else if (v instanceof FieldValue.DateTimeValue d) {
            out.writeByte(4);
            out.writeUTF(d.value().toString());
        } else if (v instanceof FieldValue.BooleanValue b) {
            out.writeByte(5);
            out.writeBoolean(b.value());
        } else {
            out.writeByte(6);
            writeLongUtf(out, ((FieldValue.Choice) v).value());
        }
    }

    private static FieldValue readField(DataInputStream in) throws IOException {
        int kind = in.readUnsignedByte();
        switch (kind) {
            case 0:
                return FieldValue.text(readLongUtf(in));
            case 1:
                return FieldValue.integer(in.readLong());
            case 2:
                return FieldValue.decimal(new BigDecimal(in.readUTF()));
            case 3:
                return FieldValue.date(LocalDate.parse(in.readUTF()));
            case 4:
                return FieldValue.dateTime(LocalDateTime.parse(in.readUTF()));
            case 5:
                return FieldValue.bool(in.readBoolean());
            case 6:
                return FieldValue.choice(readLongUtf(in));
            default:
                throw new IllegalStateException("unknown custom field kind " + kind);
        }
    }

    // ------------------------------------------------------------------ interactions

    static byte[] encode(Interaction i) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(i.id());
            writeInstant(out, i.at());
            writeNumber(out, i.called());
            out.writeBoolean(i.callerId().isPresent());
            if (i.callerId().isPresent()) {
                writeNumber(out, i.callerId().get());
            }
            writeOpt(out, i.agent().map(AgentEmail::value));
            out.writeUTF(i.outcome().name());
            writeOpt(out, i.wrapCode());
            out.writeBoolean(i.notes().isPresent());
            if (i.notes().isPresent()) {
                writeLongUtf(out, i.notes().get());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Interaction decodeInteraction(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT) {
                throw new IllegalStateException("stored interaction in format " + format + ", this version reads "
                        + FORMAT);
            }
            String id = in.readUTF();
            Instant at = readInstant(in);
            PhoneNumber called = readNumber(in);
            Optional<PhoneNumber> callerId = in.readBoolean() ? Optional.of(readNumber(in)) : Optional.empty();
            Optional<AgentEmail> agent = readOpt(in).map(AgentEmail::new);
            CallResult outcome = CallResult.valueOf(in.readUTF());
            Optional<String> wrap = readOpt(in);
            Optional<String> notes = in.readBoolean() ? Optional.of(readLongUtf(in)) : Optional.empty();
            return new Interaction(id, at, called, callerId, agent, outcome, wrap, notes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ primitives

    /** Epoch nanoseconds, saturated at the ends of a long (years 1677 and 2262): the sortable form of an instant in SQL. */
    static long nanos(Instant t) {
        long s = t.getEpochSecond();
        if (s >= Long.MAX_VALUE / 1_000_000_000L) {
            return Long.MAX_VALUE;
        }
        if (s <= Long.MIN_VALUE / 1_000_000_000L) {
            return Long.MIN_VALUE;
        }
        return s * 1_000_000_000L + t.getNano();
    }

    private static void writeInstant(DataOutputStream out, Instant t) throws IOException {
        out.writeLong(t.getEpochSecond());
        out.writeInt(t.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static void writeOptInstant(DataOutputStream out, Optional<Instant> t) throws IOException {
        out.writeBoolean(t.isPresent());
        if (t.isPresent()) {
            writeInstant(out, t.get());
        }
    }

    private static Optional<Instant> readOptInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Optional.of(readInstant(in)) : Optional.empty();
    }

    private static void writeOpt(DataOutputStream out, Optional<String> s) throws IOException {
        out.writeBoolean(s.isPresent());
        if (s.isPresent()) {
            writeLongUtf(out, s.get());
        }
    }

    private static Optional<String> readOpt(DataInputStream in) throws IOException {
        return in.readBoolean() ? Optional.of(readLongUtf(in)) : Optional.empty();
    }

    private static void writeStrings(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            writeLongUtf(out, s);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(readLongUtf(in));
        }
        return out;
    }

    /** A string of any length (writeUTF stops at 64 KiB of modified UTF-8). */
    private static void writeLongUtf(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readLongUtf(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
}
