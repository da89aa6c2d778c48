package dev.outbound.core.record;

import static dev.outbound.core.record.Fixtures.CAMPAIGN;
import static dev.outbound.core.record.Fixtures.GB_E164;
import static dev.outbound.core.record.Fixtures.T0;
import static dev.outbound.core.record.Fixtures.T1;
import static dev.outbound.core.record.Fixtures.US_E164;
import static dev.outbound.core.record.Fixtures.components;
import static dev.outbound.core.record.Fixtures.phone;
import static dev.outbound.core.record.Fixtures.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.field.CustomFields;
import dev.outbound.core.field.FieldValue;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.phone.PhoneState;
import dev.outbound.core.zone.TimeZones;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class RecordTest {

    private static final Record BASE = record("C-1", phone(PhoneField.MOBILE, US_E164));

    /** Applies the change and checks: a new value, the original unchanged, only the named part differs. */
    private static Record assertOnlyChanges(Record before, UnaryOperator<Record> change, String... parts) {
        Map<String, Object> snapshot = components(before);
        Record after = change.apply(before);
        assertThat(after).isNotSameAs(before);
        assertThat(components(before)).isEqualTo(snapshot);
        Map<String, Object> now = components(after);
        Set<String> differing = new HashSet<>();
        snapshot.forEach((k, v) -> {
            if (!v.equals(now.get(k))) {
                differing.add(k);
            }
        });
        assertThat(differing).containsExactlyInAnyOrder(parts);
        assertThat(after).isNotEqualTo(before);
        return after;
    }

    @Test
    void of_givesPendingRecordOnDefaultListDueWhenMade() {
        assertThat(BASE.campaign()).isEqualTo(CAMPAIGN);
        assertThat(BASE.ref()).isEqualTo(CustomerRef.of("C-1"));
        assertThat(BASE.status()).isEqualTo(RecordStatus.PENDING);
        assertThat(BASE.list()).isEqualTo(ListId.DEFAULT);
        assertThat(BASE.priority()).isZero();
        assertThat(BASE.agent()).isEmpty();
        assertThat(BASE.timeZone()).isEmpty();
        assertThat(BASE.scheduledFor()).isEmpty();
        assertThat(BASE.createdAt()).isEqualTo(T0);
        assertThat(BASE.updatedAt()).isEqualTo(T0);
        assertThat(BASE.nextDialableAt()).isEqualTo(T0);
        assertThat(BASE.dueAt()).isEqualTo(T0);
        assertThat(BASE.fields().isEmpty()).isTrue();
        assertThat(BASE.fieldText()).isEmpty();
    }

    @Test
    void of_noNumbers_allowed() {
        assertThat(record("C-2").phones()).isEmpty();
    }

    @Test
    void of_twoNumbersForOneField_refused() {
        assertThatThrownBy(() -> record("C-1", phone(PhoneField.MOBILE, US_E164), phone(PhoneField.MOBILE, GB_E164)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for phones of record C-1 (one number per phone field): two numbers for field mobile");
    }

    @Test
    void phones_keepGivenOrderAndAreUnmodifiable() {
        Record r = record("C-1", phone(PhoneField.WORK, US_E164), phone(PhoneField.HOME, GB_E164));
        assertThat(r.phones()).extracting(RecordPhone::field).containsExactly(PhoneField.WORK, PhoneField.HOME);
        assertThat(r.phone(PhoneField.HOME)).map(p -> p.number().e164()).contains(GB_E164);
        assertThat(r.phone(PhoneField.MOBILE)).isEmpty();
        assertThatThrownBy(() -> r.phones().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    // ------------------------------------------------------------------ with-ers

    @Test
    void withAgent_changesOnlyTheAgent() {
        Record r = assertOnlyChanges(BASE, b -> b.withAgent(Optional.of(AgentEmail.of("ann@example.com"))), "agent");
        assertThat(r.agent()).contains(AgentEmail.of("ann@example.com"));
        assertThat(assertOnlyChanges(r, b -> b.withAgent(Optional.empty()), "agent")).isEqualTo(BASE);
    }

    @Test
    void withPhone_sameField_replacesInPlace() {
        Record two = record("C-1", phone(PhoneField.MOBILE, US_E164), phone(PhoneField.WORK, US_E164));
        RecordPhone replacement = phone(PhoneField.MOBILE, GB_E164).withAttempts(2);
        Record r = assertOnlyChanges(two, b -> b.withPhone(replacement), "phones");
        assertThat(r.phones()).containsExactly(replacement, two.phones().get(1));
    }

    @Test
    void withPhone_newField_appended() {
        RecordPhone home = phone(PhoneField.HOME, GB_E164);
        Record r = assertOnlyChanges(BASE, b -> b.withPhone(home), "phones");
        assertThat(r.phones()).containsExactly(BASE.phones().get(0), home);
    }

    @Test
    void withoutPhone_removesThatFieldOnly() {
        Record two = record("C-1", phone(PhoneField.MOBILE, US_E164), phone(PhoneField.WORK, GB_E164));
        Record r = assertOnlyChanges(two, b -> b.withoutPhone(PhoneField.MOBILE), "phones");
        assertThat(r.phones()).extracting(RecordPhone::field).containsExactly(PhoneField.WORK);
    }

    @Test
    void withPhone_stateChange_visibleOnlyInNewRecord() {
        RecordPhone blocked = BASE.phones().get(0).withState(PhoneState.BLOCKED);
        Record r = assertOnlyChanges(BASE, b -> b.withPhone(blocked), "phones");
        assertThat(r.phone(PhoneField.MOBILE)).map(RecordPhone::state).contains(PhoneState.BLOCKED);
        assertThat(BASE.phone(PhoneField.MOBILE)).map(RecordPhone::state).contains(PhoneState.ACTIVE);
    }

    @Test
    void withScheduledFor_changesOnlyTheScheduleAndTakesPrecedence() {
        Record r = assertOnlyChanges(BASE, b -> b.withScheduledFor(Optional.of(T1)), "scheduledFor");
        assertThat(r.dueAt()).isEqualTo(T1);
        assertThat(r.nextDialableAt()).isEqualTo(T0);
    }

    @Test
    void dueAt_scheduledEarlierThanNextDialable_stillTheSchedule() {
        Instant early = T0.minusSeconds(3600);
        Record r = BASE.withNextDialableAt(T1).withScheduledFor(Optional.of(early));
        assertThat(r.dueAt()).isEqualTo(early);
        assertThat(r.withScheduledFor(Optional.empty()).dueAt()).isEqualTo(T1);
    }

    @Test
    void withNextDialableAt_changesOnlyThatTime() {
        Record r = assertOnlyChanges(BASE, b -> b.withNextDialableAt(T1), "nextDialableAt");
        assertThat(r.dueAt()).isEqualTo(T1);
    }

    @Test
    void withStatus_changesOnlyTheStatus() {
        assertThat(assertOnlyChanges(BASE, b -> b.withStatus(RecordStatus.PROCESSING), "status").status())
                .isEqualTo(RecordStatus.PROCESSING);
    }

    @Test
    void withList_changesOnlyTheList() {
        assertThat(assertOnlyChanges(BASE, b -> b.withList(ListId.of("spring leads")), "list").list())
                .isEqualTo(ListId.of("spring leads"));
    }

    @Test
    void withTimeZone_changesOnlyTheExplicitZoneNotTheNumbersZones() {
        Record r = assertOnlyChanges(BASE, b -> b.withTimeZone(Optional.of(TimeZones.parse("Europe/London"))), "timeZone");
        assertThat(r.phones()).isEqualTo(BASE.phones());
        assertThat(r.timeZone()).map(z -> z.canonical()).contains("Europe/London");
    }

    @Test
    void withFields_changesFieldsAndTheirText() {
        CustomFields fields = CustomFields.of(Map.of("State", FieldValue.text("FL")));
        Record r = assertOnlyChanges(BASE, b -> b.withFields(fields), "fields", "fieldText");
        assertThat(r.fieldText()).isEqualTo(Map.of("state", "FL"));
    }

    @Test
    void fieldText_typedValuesAsCanonicalText_keyedInLowerCase() {
        LinkedHashMap<String, FieldValue> values = new LinkedHashMap<>();
        values.put("State", FieldValue.text("FL"));
        values.put("Due", FieldValue.date(LocalDate.of(2024, 5, 1)));
        Record r = BASE.withFields(CustomFields.of(values));
        assertThat(r.fieldText()).containsOnlyKeys("state", "due").containsEntry("due", "2024-05-01");
        assertThat(r.fieldText().get("state")).isEqualTo("FL");
        assertThatThrownBy(() -> r.fieldText().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void withUpdatedAt_changesOnlyThatTime() {
        assertThat(assertOnlyChanges(BASE, b -> b.withUpdatedAt(T1), "updatedAt").updatedAt()).isEqualTo(T1);
    }

    @Test
    void withUpdatedAt_beforeCreatedAt_refused() {
        Instant before = T0.minusMillis(1);
        assertThatThrownBy(() -> BASE.withUpdatedAt(before))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for updatedAt (not before createdAt " + T0 + "): " + before);
    }

    @Test
    void withUpdatedAt_equalToCreatedAt_accepted() {
        assertThat(BASE.withUpdatedAt(T0)).isEqualTo(BASE);
    }

    @Test
    void withPriority_bounds_acceptedAndBeyondRefused() {
        assertThat(assertOnlyChanges(BASE, b -> b.withPriority(Record.MAX_PRIORITY), "priority").priority())
                .isEqualTo(9_999);
        assertThat(BASE.withPriority(5).withPriority(Record.MIN_PRIORITY).priority()).isZero();
        assertThatThrownBy(() -> BASE.withPriority(10_000))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for priority (valid values 0 - 9999): 10000");
        assertThatThrownBy(() -> BASE.withPriority(-1))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for priority (valid values 0 - 9999): -1");
    }

    @Test
    void withPriority_refused_leavesOriginalUnchanged() {
        assertThatThrownBy(() -> BASE.withPriority(-5)).isInstanceOf(InvalidValueException.class);
        assertThat(BASE.priority()).isZero();
    }

    @Test
    void withers_nullArguments_refused() {
        assertThatThrownBy(() -> BASE.withStatus(null)).hasMessage("newStatus");
        assertThatThrownBy(() -> BASE.withList(null)).hasMessage("newList");
        assertThatThrownBy(() -> BASE.withFields(null)).hasMessage("newFields");
        assertThatThrownBy(() -> BASE.withNextDialableAt(null)).hasMessage("time");
        assertThatThrownBy(() -> BASE.withPhone(null)).hasMessage("phone");
    }

    @Test
    void equals_sameParts_equalWithSameHash() {
        Record a = record("C-1", phone(PhoneField.MOBILE, US_E164)).withPriority(3);
        Record b = record("C-1", phone(PhoneField.MOBILE, US_E164)).withPriority(3);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(b.withPriority(4));
        assertThat(a).isNotEqualTo(record("C-2", phone(PhoneField.MOBILE, US_E164)).withPriority(3));
        assertThat(a.toString()).contains("renewals/C-1", "PENDING", "phones 1");
    }

    @Test
    void of_nullParts_refused() {
        List<RecordPhone> none = List.of();
        assertThatThrownBy(() -> Record.of(null, CustomerRef.of("C"), none, CustomFields.empty(), T0)).hasMessage("campaign");
        assertThatThrownBy(() -> Record.of(CAMPAIGN, null, none, CustomFields.empty(), T0)).hasMessage("ref");
        assertThatThrownBy(() -> Record.of(CAMPAIGN, CustomerRef.of("C"), null, CustomFields.empty(), T0)).hasMessage("phones");
        assertThatThrownBy(() -> Record.of(CAMPAIGN, CustomerRef.of("C"), none, null, T0)).hasMessage("fields");
        assertThatThrownBy(() -> Record.of(CAMPAIGN, CustomerRef.of("C"), none, CustomFields.empty(), null))
                .isInstanceOf(NullPointerException.class);
    }
}
