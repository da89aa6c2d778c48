package dev.outbound.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.csv.imports.ImportResult;
import dev.outbound.csv.imports.LeadImport;
import dev.outbound.spi.memory.InMemoryRecordStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's import example, as written there, on a small file. */
class ReadmeImportExampleTest {
    @TempDir
    Path dir;

    @Test
    void readmeImport_countsEveryRow() throws IOException {
        Path leads = dir.resolve("leads.csv");
        Files.write(leads, List.of("customer_reference_id,mobile", "C-1,(212) 555-0147", "C-2,nonsense",
                "C-1,(212) 555-0100"));
        Path report = dir.resolve("report");

        // As in the README, with the paths of this test.
        RecordFactory factory = RecordFactory.newBuilder(CampaignId.of("spring")).defaultRegion("US").build();
        ImportResult result = LeadImport.newBuilder(factory, InMemoryRecordStore.create())
                .resultDirectory(report).build()
                .newJob(leads).run();

        assertThat(result.counts().total()).isEqualTo(3);
        assertThat(result.counts().imported()).isEqualTo(1);
        assertThat(result.counts().invalid()).isEqualTo(1);
        assertThat(result.counts().duplicates()).isEqualTo(1);
        assertThat(report.resolve("summary.json")).exists();
    }
}
