package dev.outbound.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ImportLeadList} prints one line per row, saying what became of it, and the counts. */
class ImportLeadListTest {
    @TempDir
    Path dir;

    @Test
    void bundledList_everyRowImportedUpdatedOrRefusedWithItsReason() throws IOException {
        List<String> lines = ImportLeadList.run(ImportLeadList.bundledList()).lines();

        // Six data rows, then the counts.
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).startsWith("row 1  C-1001").endsWith("imported");
        assertThat(lines.get(1)).startsWith("row 2  C-1002").endsWith("imported");
        assertThat(lines.get(2)).startsWith("row 3  C-1003").endsWith("updated");
        assertThat(lines.get(3)).startsWith("row 4  C-1004").contains("refused  PHONE_INVALID")
                .contains("'not a number'");
        assertThat(lines.get(4)).startsWith("row 5  C-1001").contains("refused  DUPLICATE_IN_FILE")
                .contains("row 1");
        assertThat(lines.get(5)).startsWith("row 6  (no id)").contains("refused  REF_MISSING");
        assertThat(lines.get(6)).isEqualTo("6 rows: 2 imported, 1 updated, 0 unchanged, 2 invalid, 1 duplicates");
    }

    @Test
    void ownFile_readInsteadOfTheBundledOne() throws IOException {
        Path leads = dir.resolve("mine.csv");
        Files.write(leads, List.of("customer_reference_id,mobile", "M-1,(212) 555-0101", "C-1003,(212) 555-0100",
                "M-2,12"));

        ImportLeadList.Result r = ImportLeadList.run(leads);

        // C-1003 is in the store before the import; OVERWRITE replaces it with the row's record: updated.
        assertThat(r.lines()).hasSize(4);
        assertThat(r.lines().subList(0, 2)).containsExactly("row 1  M-1      imported", "row 2  C-1003   updated");
        assertThat(r.lines().get(2)).startsWith("row 3  M-2      refused  PHONE_INVALID");
        assertThat(r.lines().get(3)).isEqualTo("3 rows: 1 imported, 1 updated, 0 unchanged, 1 invalid, 0 duplicates");
        assertThat(r.result().counts().total()).isEqualTo(3);
    }
}
