package dev.outbound.csv.did;

import dev.outbound.core.callerid.Did;
import dev.outbound.core.callerid.DidPool;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.csv.RowProblem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a DID import read: the DIDs of the rows it accepted, in file order, and a problem for each
 * row it refused. Every data row is either a DID or an error: {@code rows == dids.size() +
 * errors}.
 *
 * @param rows the data rows read (blank lines not counted)
 * @param dids the DIDs, in file order, each number once
 * @param problems the rows refused, each with its row, line, column, code and message
 * @param stoppedEarly why the file was not read to its end, if it was not (see
 *     {@link dev.outbound.csv.read.CsvSource#stoppedEarly()})
 */
public record DidImportResult(long rows, List<Did> dids, List<RowProblem> problems, Optional<String> stoppedEarly) {

    /**
     * Copies the lists.
     *
     * @param rows the data rows read
     * @param dids the DIDs
     * @param problems the problems
     * @param stoppedEarly why the file was not read to its end, if it was not
     */
    public DidImportResult {
        dids = List.copyOf(Objects.requireNonNull(dids, "dids"));
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
        Objects.requireNonNull(stoppedEarly, "stoppedEarly");
    }

    /**
     * @param campaignDefault the number presented when no DID fits
     * @return a pool of the imported DIDs, in file order
     */
    public DidPool toPool(PhoneNumber campaignDefault) {
        return DidPool.of(campaignDefault, dids);
    }
}
