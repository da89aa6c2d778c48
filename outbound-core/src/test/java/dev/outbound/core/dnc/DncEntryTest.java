package dev.outbound.core.dnc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneNumber;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DncEntryTest {

    @Test
    void prefix_withOrWithoutPlus_keepsDigitsOnly() {
        assertThat(DncEntry.prefix("+1201").key()).isEqualTo(new DncEntry.PrefixKey("1201"));
        assertThat(((DncEntry.PrefixKey) DncEntry.prefix("1201").key()).digits()).isEqualTo("1201");
        assertThat(((DncEntry.PrefixKey) DncEntry.prefix("1201").key()).e164Prefix()).isEqualTo("+1201");
    }

    @Test
    void prefix_empty_isRefusedNamingFieldRuleAndValue() {
        assertThatThrownBy(() -> DncEntry.prefix("+"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for prefix (1 to 15 digits, optionally after '+'): '+'");
        assertThatThrownBy(() -> DncEntry.prefix(""))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for prefix (1 to 15 digits, optionally after '+'): ''");
    }

    @Test
    void prefix_nonDigit_isRefusedWithPosition() {
        assertThatThrownBy(() -> DncEntry.prefix("+1 201"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for prefix (digits only after an optional '+', found ' ' at position 3): '+1 201'")
                .satisfies(e -> {
                    InvalidValueException ive = (InvalidValueException) e;
                    assertThat(ive.field()).isEqualTo("prefix");
                    assertThat(ive.value()).isEqualTo("'+1 201'");
                });
        assertThatThrownBy(() -> DncEntry.prefix("++1"))
                .hasMessageContaining("found '+' at position 2");
    }

    @Test
    void prefix_sixteenDigits_isRefused_fifteenAccepted() {
        assertThat(DncEntry.prefix("+123456789012345").key()).isInstanceOf(DncEntry.PrefixKey.class);
        assertThatThrownBy(() -> DncEntry.prefix("+1234567890123456"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for prefix (at most 15 digits, found 16): '+1234567890123456'");
    }

    @Test
    void prefix_leadingZero_isRefused() {
        assertThatThrownBy(() -> DncEntry.prefix("+0044"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for prefix (must not start with 0, as no country code does): '+0044'");
    }

    @Test
    void customer_blank_isRefused() {
        assertThatThrownBy(() -> DncEntry.customer("  "))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for customerRef (non-blank text): '  '");
    }

    @Test
    void source_blank_isRefused() {
        DncEntry entry = DncEntry.customer("C-1");
        assertThatThrownBy(() -> entry.withSource(""))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for source (non-blank text when present): ''");
        assertThatThrownBy(() -> entry.withReason(" "))
                .hasMessage("Invalid value for reason (non-blank text when present): ' '");
    }

    @Test
    void withers_setEachPart_andKeepTheOthers() {
        Instant expiry = Instant.parse("2030-01-01T00:00:00Z");
        DncEntry entry = DncEntry.prefix("+1201")
                .withSource("national registry")
                .withReason("consumer request")
                .withExpiry(expiry);
        assertThat(entry.key()).isEqualTo(new DncEntry.PrefixKey("1201"));
        assertThat(entry.source()).contains("national registry");
        assertThat(entry.reason()).contains("consumer request");
        assertThat(entry.expiresAt()).contains(expiry);
        assertThat(entry.withoutExpiry().expiresAt()).isEmpty();
        assertThat(entry.withoutExpiry().source()).contains("national registry");
    }

    @Test
    void expiry_isTruncatedToTheSecond() {
        DncEntry entry = DncEntry.customer("C-1").withExpiry(Instant.parse("2030-01-01T00:00:00.900Z"));
        assertThat(entry.expiresAt()).contains(Instant.parse("2030-01-01T00:00:00Z"));
    }

    @Test
    void appliesAt_isExclusiveOfTheExpiry() {
        Instant t = Instant.parse("2030-01-01T00:00:00Z");
        DncEntry entry = DncEntry.customer("C-1").withExpiry(t);
        assertThat(entry.appliesAt(t.minusSeconds(1))).isTrue();
        assertThat(entry.appliesAt(t.minusNanos(1))).isTrue();
        assertThat(entry.appliesAt(t)).isFalse();
        assertThat(entry.appliesAt(t.plusSeconds(1))).isFalse();
        assertThat(DncEntry.customer("C-1").appliesAt(Instant.MAX)).isTrue();
    }

    @Test
    void numberKey_dropsTheExtension() {
        PhoneNumber withExtension = PhoneNumber.parse("+1 201-555-0123 x12", PhoneNumber.NO_REGION);
        assertThat(withExtension.extension()).isEqualTo("12");
        DncEntry.NumberKey key = (DncEntry.NumberKey) DncEntry.number(withExtension).key();
        assertThat(key.number().extension()).isEmpty();
        assertThat(key).isEqualTo(DncEntry.number(TestNumbers.e164("+12015550123")).key());
    }

    @Test
    void of_hasNoMetadataAndNoExpiry() {
        DncEntry entry = DncEntry.of(new DncEntry.CustomerKey("C-9"));
        assertThat(entry.source()).isEqualTo(Optional.empty());
        assertThat(entry.reason()).isEmpty();
        assertThat(entry.expiresAt()).isEmpty();
    }
}
