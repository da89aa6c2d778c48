package dev.outbound.core.record;

import static dev.outbound.core.record.Fixtures.NEW_YORK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.phone.PhoneState;
import dev.outbound.core.zone.ZoneProvenance;
import dev.outbound.core.zone.ZoneResolution;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypesTest {

    // ------------------------------------------------------------------ CampaignId

    @ParameterizedTest
    @ValueSource(strings = {"renewals", "A", "q1.2024_east-coast"})
    void campaignId_validNames_kept(String name) {
        assertThat(CampaignId.of(name).value()).isEqualTo(name);
        assertThat(CampaignId.of(name).toString()).isEqualTo(name);
    }

    @Test
    void campaignId_64Chars_acceptedAnd65Refused() {
        assertThat(CampaignId.of("c".repeat(64)).value()).hasSize(64);
        assertThatThrownBy(() -> CampaignId.of("c".repeat(65)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for campaign id (1 to 64 of A-Z a-z 0-9 . _ -): '" + "c".repeat(65) + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " renewals", "spring sale", "é", "a/b"})
    void campaignId_badNames_refusedNamingFieldAndValue(String name) {
        assertThatThrownBy(() -> CampaignId.of(name))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("campaign id");
                    assertThat(e.rule()).isEqualTo("1 to 64 of A-Z a-z 0-9 . _ -");
                    assertThat(e.value()).isEqualTo("'" + name + "'");
                });
    }

    @Test
    void campaignId_null_refused() {
        assertThatThrownBy(() -> CampaignId.of(null)).isInstanceOf(NullPointerException.class).hasMessage("value");
    }

    // ------------------------------------------------------------------ CustomerRef

    @Test
    void customerRef_of_stripsSurroundingSpaces() {
        assertThat(CustomerRef.of("  C-1001 \t").value()).isEqualTo("C-1001");
    }

    @Test
    void customerRef_constructor_refusesSurroundingSpaces() {
        assertThatThrownBy(() -> new CustomerRef(" C-1001"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for customer_reference_id "
                        + "(1 to 128 characters, no surrounding spaces or control characters): ' C-1001'");
    }

    @Test
    void customerRef_innerSpacesAndUnicode_kept() {
        assertThat(CustomerRef.of("Müller, Anna 7").value()).isEqualTo("Müller, Anna 7");
    }

    @Test
    void customerRef_128Chars_acceptedAnd129Refused() {
        assertThat(CustomerRef.of("r".repeat(CustomerRef.MAX_LENGTH)).value()).hasSize(128);
        assertThatThrownBy(() -> CustomerRef.of("r".repeat(129)))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("customer_reference_id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "C\u00011001", "C-1\n002", "tab\tinside"})
    void customerRef_blankOrControlCharacters_refused(String ref) {
        assertThatThrownBy(() -> CustomerRef.of(ref))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("customer_reference_id");
                    assertThat(e.value()).isEqualTo("'" + ref.strip() + "'");
                });
    }

    @Test
    void customerRef_compareTo_ordersByText() {
        assertThat(CustomerRef.of("A-2").compareTo(CustomerRef.of("A-10"))).isPositive();
        assertThat(CustomerRef.of("A-1").compareTo(CustomerRef.of("A-1"))).isZero();
        assertThat(CustomerRef.of("A-1")).isEqualTo(CustomerRef.of(" A-1 ")).hasToString("A-1");
    }

    // ------------------------------------------------------------------ AgentEmail

    @Test
    void agentEmail_of_lowerCasesAndStrips() {
        assertThat(AgentEmail.of("  Ann.Lee+sales@Example.COM ").value()).isEqualTo("ann.lee+sales@example.com");
        assertThat(AgentEmail.of("bob@mail.example.co.uk")).hasToString("bob@mail.example.co.uk");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ann", "ann@", "@example.com", "ann@example", "ann@@example.com", "ann @example.com",
            ".ann@example.com", "ann..lee@example.com", "ann@-example.com", "ann@example..com"})
    void agentEmail_malformed_refusedNamingAgent(String email) {
        assertThatThrownBy(() -> AgentEmail.of(email))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("agent");
                    assertThat(e.rule()).isEqualTo("the e-mail address of a user, e.g. ann@example.com");
                });
    }

    @Test
    void agentEmail_localPartEndingInDot_refused() {
        // RFC 5322 dot-atom: a dot may neither start nor end the local part.
        assertThatThrownBy(() -> AgentEmail.of("ann.@example.com")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void agentEmail_refused_messageShowsValueAsGiven() {
        assertThatThrownBy(() -> AgentEmail.of("Ann@@Example.com"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for agent (the e-mail address of a user, e.g. ann@example.com): 'Ann@@Example.com'");
    }

    @Test
    void agentEmail_254CharactersAcceptedAnd255Refused() {
        String domain = ("d".repeat(60) + ".").repeat(4) + "com"; // 4 * 61 + 3 = 247 characters
        assertThat(AgentEmail.of("abcdef@" + domain).value()).hasSize(254);
        assertThatThrownBy(() -> AgentEmail.of("abcdefg@" + domain)).isInstanceOf(InvalidValueException.class);
    }

    // ------------------------------------------------------------------ ListId

    @Test
    void listId_default_isNamedDefault() {
        assertThat(ListId.DEFAULT.value()).isEqualTo("default");
        assertThat(ListId.of("default")).isEqualTo(ListId.DEFAULT);
    }

    @Test
    void listId_innerSpaces_accepted() {
        assertThat(ListId.of("Spring leads 2024").value()).isEqualTo("Spring leads 2024");
    }

    @Test
    void listId_64Chars_acceptedAnd65Refused() {
        assertThat(ListId.of("l".repeat(64)).value()).hasSize(64);
        assertThatThrownBy(() -> ListId.of("l".repeat(65))).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " leads", "leads ", "leads/2024", "leads\t2"})
    void listId_badNames_refusedNamingList(String name) {
        assertThatThrownBy(() -> ListId.of(name))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for list (1 to 64 of A-Z a-z 0-9 . _ - and inner spaces): '" + name + "'");
    }

    // ------------------------------------------------------------------ RecordProblem

    @Test
    void recordProblem_message_namesFieldRuleAndValue() {
        RecordProblem p = new RecordProblem("agent", "an e-mail", "'x'");
        assertThat(p.message()).isEqualTo("Invalid value for agent (an e-mail): 'x'");
    }

    @Test
    void recordProblem_nullComponents_refused() {
        assertThatThrownBy(() -> new RecordProblem(null, "r", "v")).hasMessage("field");
        assertThatThrownBy(() -> new RecordProblem("f", null, "v")).hasMessage("rule");
        assertThatThrownBy(() -> new RecordProblem("f", "r", null)).hasMessage("value");
    }

    // ------------------------------------------------------------------ InvalidRecordException

    @Test
    void invalidRecordException_message_listsEveryProblem() {
        List<RecordProblem> problems = new ArrayList<>(List.of(
                new RecordProblem("agent", "an e-mail", "'x'"),
                new RecordProblem("priority", "valid values 0 - 9999", "-1")));
        InvalidRecordException e = new InvalidRecordException("C-1", problems);
        problems.clear();
        assertThat(e.ref()).isEqualTo("C-1");
        assertThat(e.problems()).hasSize(2);
        assertThat(e).hasMessage("Record 'C-1' is invalid: Invalid value for agent (an e-mail): 'x'; "
                + "Invalid value for priority (valid values 0 - 9999): -1");
    }

    @Test
    void invalidRecordException_serialized_keepsItsProblems() throws Exception {
        InvalidRecordException e = new InvalidRecordException("C-1",
                List.of(new RecordProblem("phone", "at least one phone number", "none given")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(e);
        }
        Object back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = in.readObject();
        }
        assertThat(back).isInstanceOfSatisfying(InvalidRecordException.class, copy -> {
            assertThat(copy.ref()).isEqualTo("C-1");
            assertThat(copy.problems())
                    .containsExactly(new RecordProblem("phone", "at least one phone number", "none given"));
            assertThat(copy).hasMessage(e.getMessage());
        });
    }

    // ------------------------------------------------------------------ RecordPhone

    private static final ZoneResolution NY = ZoneResolution.Resolved.of(new ZoneProvenance.CampaignDefault(NEW_YORK));
    private static final ZoneResolution CHICAGO =
            ZoneResolution.Resolved.of(new ZoneProvenance.CampaignDefault(ZoneId.of("America/Chicago")));

    @Test
    void recordPhone_of_isActiveAndNeverCalled() {
        RecordPhone p = RecordPhone.of(PhoneField.MOBILE, PhoneNumber.ofE164(Fixtures.US_E164), NY);
        assertThat(p.state()).isEqualTo(PhoneState.ACTIVE);
        assertThat(p.attempts()).isZero();
        assertThat(p.zones()).isEqualTo(NY);
    }

    @Test
    void recordPhone_negativeAttempts_refusedNamingTheField() {
        RecordPhone p = RecordPhone.of(PhoneField.MOBILE, PhoneNumber.ofE164(Fixtures.US_E164), NY);
        assertThatThrownBy(() -> p.withAttempts(-1))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for attempts of mobile (0 or more): -1");
    }

    @Test
    void recordPhone_withNumber_reactivatesClearsAttemptsAndTakesNewZones() {
        RecordPhone used = RecordPhone.of(PhoneField.WORK, PhoneNumber.ofE164(Fixtures.US_E164), NY)
                .withState(PhoneState.INACTIVE).withAttempts(7);
        PhoneNumber other = PhoneNumber.ofE164(Fixtures.GB_E164);
        RecordPhone edited = used.withNumber(other, CHICAGO);
        assertThat(edited).isEqualTo(new RecordPhone(PhoneField.WORK, other, PhoneState.ACTIVE, 0, CHICAGO));
        assertThat(used.state()).isEqualTo(PhoneState.INACTIVE);
        assertThat(used.attempts()).isEqualTo(7);
    }

    @Test
    void recordPhone_withStateAndAttempts_changeOnlyThatPart() {
        RecordPhone p = RecordPhone.of(PhoneField.HOME, PhoneNumber.ofE164(Fixtures.US_E164), NY);
        assertThat(p.withState(PhoneState.BLOCKED))
                .isEqualTo(new RecordPhone(PhoneField.HOME, p.number(), PhoneState.BLOCKED, 0, NY));
        assertThat(p.withAttempts(3))
                .isEqualTo(new RecordPhone(PhoneField.HOME, p.number(), PhoneState.ACTIVE, 3, NY));
    }

    @Test
    void recordPhone_nullComponents_refused() {
        PhoneNumber n = PhoneNumber.ofE164(Fixtures.US_E164);
        assertThatThrownBy(() -> new RecordPhone(null, n, PhoneState.ACTIVE, 0, NY)).hasMessage("field");
        assertThatThrownBy(() -> new RecordPhone(PhoneField.HOME, null, PhoneState.ACTIVE, 0, NY)).hasMessage("number");
        assertThatThrownBy(() -> new RecordPhone(PhoneField.HOME, n, null, 0, NY)).hasMessage("state");
        assertThatThrownBy(() -> new RecordPhone(PhoneField.HOME, n, PhoneState.ACTIVE, 0, null)).hasMessage("zones");
    }
}
