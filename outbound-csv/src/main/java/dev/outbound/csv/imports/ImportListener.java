package dev.outbound.csv.imports;

/**
 * Told what an {@link ImportJob} is doing, on the thread that runs it (or, for a job cancelled
 * before it ran, the thread that cancelled it): each change of status and,
 * between batches, how far it has got. Progress comes at most once per batch and at most every
 * 100 ms, except that the first batch and the end are always reported, so a progress bar can
 * follow without slowing the import. A listener may {@linkplain ImportJob#cancel() cancel} the
 * job; it should return quickly and must not run the job.
 */
public interface ImportListener {
    /**
     * The job's status changed. A job that runs reports {@code RUNNING} and then one end; a job
     * cancelled before it ran reports {@code CANCELLED} alone.
     *
     * @param job the job
     * @param status its new status
     */
    default void statusChanged(ImportJob job, ImportStatus status) {
    }

    /**
     * The job has read further.
     *
     * @param job the job
     * @param progress how far it has got
     */
    default void progress(ImportJob job, ImportProgress progress) {
    }
}
