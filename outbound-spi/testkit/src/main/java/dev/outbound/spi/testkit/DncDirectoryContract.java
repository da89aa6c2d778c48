package dev.outbound.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.CampaignId;
import dev.outbound.spi.directory.DncDirectory;
import dev.outbound.spi.directory.DncListing;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link DncDirectory}: extend this class and return, from
 * {@link #dncDirectoryListing(List)}, your directory listing exactly the numbers given, for every
 * campaign; every rule the interface states is then checked against it.
 */
public abstract class DncDirectoryContract {
    private static final PhoneNumber LISTED = PhoneNumber.ofE164("+15305550147");
    private static final PhoneNumber ALSO_LISTED = PhoneNumber.ofE164("+441514960071");
    private static final PhoneNumber NOT_LISTED = PhoneNumber.ofE164("+15305550148");
    private static final CampaignId SALES = CampaignId.of("sales");
    private static final CampaignId SERVICE = CampaignId.of("service");

    /** For subclasses. */
    protected DncDirectoryContract() {
    }

    /**
     * Makes the directory under test. Called once per test.
     *
     * @param listed the numbers it lists, for every campaign; it lists no others; may be empty
     * @return the directory
     */
    protected abstract DncDirectory dncDirectoryListing(List<PhoneNumber> listed);

    /**
     * The source a listing of this directory names. By default its {@link DncDirectory#name()};
     * override when your listings name their source otherwise.
     *
     * @param directory the directory made by {@link #dncDirectoryListing(List)}
     * @return the expected {@link DncListing#source()}
     */
    protected String expectedSource(DncDirectory directory) {
        return directory.name();
    }

    @Test
    void lookUp_listedNumber_listingFromThisDirectory() {
        DncDirectory directory = dncDirectoryListing(List.of(LISTED, ALSO_LISTED));

        Optional<DncListing> listing = directory.lookUp(LISTED, SALES);

        assertThat(listing).isPresent();
        assertThat(listing.get().source()).isEqualTo(expectedSource(directory));
        assertThat(directory.lookUp(ALSO_LISTED, SALES)).isPresent();
    }

    @Test
    void lookUp_listedNumber_listedForEveryCampaign() {
        DncDirectory directory = dncDirectoryListing(List.of(LISTED));

        assertThat(directory.lookUp(LISTED, SALES)).isPresent();
        assertThat(directory.lookUp(LISTED, SERVICE)).isPresent();
    }

    @Test
    void lookUp_numberNotListed_empty() {
        DncDirectory directory = dncDirectoryListing(List.of(LISTED, ALSO_LISTED));

        assertThat(directory.lookUp(NOT_LISTED, SALES)).isEmpty();
    }

    @Test
    void lookUp_emptyDirectory_empty() {
        DncDirectory directory = dncDirectoryListing(List.of());

        assertThat(directory.lookUp(LISTED, SALES)).isEmpty();
    }

    @Test
    void name_notBlank() {
        DncDirectory directory = dncDirectoryListing(List.of());

        assertThat(directory.name()).isNotBlank();
    }
}
