package dev.outbound.spi.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.CampaignId;
import dev.outbound.spi.directory.DncListing;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryDncDirectoryTest {
    private static final PhoneNumber NUMBER = PhoneNumber.ofE164("+15305550147");
    private static final CampaignId SALES = CampaignId.of("sales");
    private static final CampaignId SERVICE = CampaignId.of("service");

    private final InMemoryDncDirectory directory = InMemoryDncDirectory.named("CRM opt-outs");

    @Test
    void add_withReason_listingGivesSourceAndReason() {
        directory.add(NUMBER, "customer asked by e-mail");

        assertThat(directory.lookUp(NUMBER, SALES))
                .contains(new DncListing("CRM opt-outs", Optional.of("customer asked by e-mail")));
        assertThat(directory.name()).isEqualTo("CRM opt-outs");
    }

    @Test
    void add_againWithoutReason_reasonDropped() {
        directory.add(NUMBER, "customer asked by e-mail");

        directory.add(NUMBER);

        assertThat(directory.lookUp(NUMBER, SALES)).contains(DncListing.of("CRM opt-outs"));
    }

    @Test
    void addForCampaign_listedForThatCampaignOnly() {
        directory.addForCampaign(SALES, NUMBER);

        assertThat(directory.lookUp(NUMBER, SALES)).contains(DncListing.of("CRM opt-outs"));
        assertThat(directory.lookUp(NUMBER, SERVICE)).isEmpty();
    }

    @Test
    void addForCampaign_alsoListedEverywhere_everywhereListingWins() {
        directory.addForCampaign(SALES, NUMBER);
        directory.add(NUMBER, "national registry");

        assertThat(directory.lookUp(NUMBER, SALES)).contains(new DncListing("CRM opt-outs", Optional.of("national registry")));
        assertThat(directory.lookUp(NUMBER, SERVICE)).contains(new DncListing("CRM opt-outs", Optional.of("national registry")));
    }

    @Test
    void remove_listedEverywhereAndForCampaign_unlistedForAll() {
        directory.addForCampaign(SERVICE, NUMBER);
        directory.add(NUMBER);

        assertThat(directory.remove(NUMBER)).isTrue();

        assertThat(directory.lookUp(NUMBER, SALES)).isEmpty();
        assertThat(directory.lookUp(NUMBER, SERVICE)).isEmpty();
        assertThat(directory.remove(NUMBER)).isFalse();
    }

    @Test
    void lookUp_sameLineWithExtension_listed() {
        directory.add(NUMBER);

        PhoneNumber withExtension = PhoneNumber.parse("(530) 555-0147 x12", "US");

        assertThat(withExtension.extension()).isEqualTo("12");
        assertThat(directory.lookUp(withExtension, SALES)).isPresent();
    }

    @Test
    void named_blankSource_rejected() {
        assertThatThrownBy(() -> InMemoryDncDirectory.named(" "))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("source");
    }

    @Test
    void add_blankReason_rejected() {
        assertThatThrownBy(() -> directory.add(NUMBER, ""))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("reason");
        assertThat(directory.lookUp(NUMBER, SALES)).isEmpty();
    }
}
