package dev.outbound.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.CampaignId;
import dev.outbound.spi.directory.DncDirectory;
import dev.outbound.spi.directory.DncListing;
import dev.outbound.spi.memory.InMemoryDncDirectory;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryDncDirectoryContractTest extends DncDirectoryContract {
    @Override
    protected DncDirectory dncDirectoryListing(List<PhoneNumber> listed) {
        InMemoryDncDirectory directory = InMemoryDncDirectory.named("National registry");
        listed.forEach(directory::add);
        return directory;
    }

    /** Beside the contract: the listing names the directory it came from, as this subclass named it. */
    @Test
    void lookUp_listingNamesTheRegistry() {
        PhoneNumber listed = PhoneNumber.ofE164("+12125550147");
        DncDirectory d = dncDirectoryListing(List.of(listed));
        assertThat(d.name()).isEqualTo("National registry");
        assertThat(d.lookUp(listed, CampaignId.of("spring"))).map(DncListing::source).contains("National registry");
        assertThat(d.lookUp(PhoneNumber.ofE164("+12125550148"), CampaignId.of("spring"))).isEmpty();
    }
}
