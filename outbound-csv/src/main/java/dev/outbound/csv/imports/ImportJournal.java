package dev.outbound.csv.imports;

import dev.outbound.core.record.Record;
import dev.outbound.spi.store.UpsertMode;
import dev.outbound.spi.store.UpsertResult;
import java.time.Instant;
import java.util.List;

/**
 * Where an import notes how far it got, so that a run that died half way can be resumed (or
 * undone) without writing a row twice: a store binding that can write a batch and the job's
 * checkpoint in one transaction provides it (the PostgreSQL binding's
 * {@code PostgresImportJournal}). Give it to {@link LeadImport.Builder#journal}; it takes effect
 * for imports whose rules are plain upserts ({@link ImportRules#upsertOnly()}).
 *
 * <p>A run {@linkplain #begin begins} its job, which says how many source rows earlier runs of
 * the same job committed; the run reads those rows again (to know the references they used, for
 * duplicate detection) but neither writes nor counts them, and its result counts only the rows
 * after them. Each batch is then {@linkplain #write written} with the source row it ends at, in
 * one step: after a crash the checkpoint is the last batch that was written, never a batch that
 * was not.
 */
public interface ImportJournal {
    /**
     * Starts a job, or resumes one that did not finish.
     *
     * @param jobId the job's id: the same for every run of one import
     * @param source what is imported (the file), for the job's record
     * @return how many source rows earlier runs of the job wrote; 0 for a new job
     * @throws IllegalStateException if the job has already finished or been rolled back
     */
    long begin(String jobId, String source);

    /**
     * Upserts a batch and notes that the source rows up to {@code rowsThrough} are done, both or
     * neither.
     *
     * @param jobId the job
     * @param batch the records, in row order
     * @param mode what happens to a key the store holds
     * @param at the instant of the write
     * @param rowsThrough the source row the batch ends at (1-based)
     * @return the upsert's outcomes
     */
    UpsertResult write(String jobId, List<Record> batch, UpsertMode mode, Instant at, long rowsThrough);

    /**
     * The run has ended; a job that did not finish can be begun again.
     *
     * @param jobId the job
     * @param status how the run ended
     */
    void end(String jobId, ImportStatus status);
}
