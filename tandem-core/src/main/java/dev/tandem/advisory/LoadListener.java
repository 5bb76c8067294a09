package dev.tandem.advisory;

/**
 * Progress of {@link AdvisoryLoader#load}: {@code done} of {@code total} files or archive entries
 * parsed ({@code total} is -1 while unknown). Calls never overlap and {@code done} never decreases,
 * but they may come from a loader thread.
 */
@FunctionalInterface
public interface LoadListener {

    /** A listener that ignores progress. */
    LoadListener NONE = (done, total) -> { };

    void progress(long done, long total);
}
