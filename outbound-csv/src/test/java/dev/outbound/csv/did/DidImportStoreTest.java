package dev.outbound.csv.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.callerid.Did;
import dev.outbound.core.callerid.DidPool;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.CampaignId;
import dev.outbound.csv.read.ReadOptions;
import dev.outbound.spi.memory.InMemoryDidStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A DID file written into a DID store: upserted into the stored pool or replacing it, retired column honoured. */
class DidImportStoreTest {
    private static final CampaignId SALES = CampaignId.of("sales");
    private static final PhoneNumber DEFAULT = PhoneNumber.ofE164("+12025550100");
    private static final PhoneNumber SACRAMENTO = PhoneNumber.ofE164("+19165550101");
    private static final PhoneNumber CHICO = PhoneNumber.ofE164("+15305550102");
    private static final PhoneNumber NEW_YORK = PhoneNumber.ofE164("+12125550104");

    private static DidImportResult read(String text) throws IOException {
        return DidImport.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), ReadOptions.detect(),
                "US");
    }

    @Test
    void upsertInto_noPool_newPoolWithTheDefault_retiredRowRetired_badRowLeftOut() throws IOException {
        InMemoryDidStore store = InMemoryDidStore.create();
        DidImportResult r = read("number,label,retired\n916 555 0101,Sacramento,\n530 555 0102,,yes\nnope,,\n");

        DidPool pool = r.upsertInto(store, SALES, Optional.of(DEFAULT));

        DidPool expected = DidPool.of(DEFAULT, List.of(Did.of(SACRAMENTO, "Sacramento"),
                new Did(CHICO, Optional.empty(), true)));
        assertThat(pool).isEqualTo(expected);
        assertThat(store.pool(SALES)).contains(expected);
        assertThat(r.problems()).hasSize(1);
    }

    @Test
    void upsertInto_poolStored_mergedAndStoredDefaultKept() throws IOException {
        InMemoryDidStore store = InMemoryDidStore.create();
        store.putPool(SALES, DidPool.of(DEFAULT, List.of(Did.of(CHICO, "Chico"), Did.of(SACRAMENTO))));

        read("number,retired\n212 555 0104,\n916 555 0101,true\n").upsertInto(store, SALES,
                Optional.of(NEW_YORK));

        assertThat(store.pool(SALES)).contains(DidPool.of(DEFAULT, List.of(Did.of(CHICO, "Chico"),
                new Did(SACRAMENTO, Optional.empty(), true), Did.of(NEW_YORK))));
    }

    @Test
    void upsertInto_noPoolNoDefault_refusedNamingTheCampaign() throws IOException {
        InMemoryDidStore store = InMemoryDidStore.create();
        DidImportResult r = read("number\n916 555 0101\n");

        assertThatThrownBy(() -> r.upsertInto(store, SALES, Optional.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sales");
        assertThat(store.pool(SALES)).isEmpty();
    }

    @Test
    void replaceIn_dropsDidsNotInTheFile_andRevivesARetiredOne() throws IOException {
        InMemoryDidStore store = InMemoryDidStore.create();
        store.putPool(SALES, DidPool.of(DEFAULT, List.of(Did.of(NEW_YORK), new Did(CHICO, Optional.empty(), true))));

        read("number\n530 555 0102\n").replaceIn(store, SALES, DEFAULT);

        assertThat(store.pool(SALES)).contains(DidPool.of(DEFAULT, List.of(Did.of(CHICO))));
    }
}
