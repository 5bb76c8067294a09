package dev.tandem.feed;

/** Told how a refresh proceeds, for a progress bar; every method may be called from the fetching thread. */
public interface FeedListener {

    /** A listener that ignores progress. */
    FeedListener NONE = new FeedListener() {
    };

    /** A download of {@code feed} starts; {@code totalBytes} is -1 when the server does not say. */
    default void started(String feed, long totalBytes) {
    }

    /** {@code bytes} of {@code feed} have arrived so far. */
    default void progressed(String feed, long bytes) {
    }

    /** The fetch of {@code feed} ended (downloaded, not modified, local, or failed). */
    default void finished(String feed) {
    }

    /**
     * {@code feed} is the one that failed: its download (an HTTP error, retries exhausted, a checksum or
     * length that does not match) or the reading of what it fetched (malformed content).
     */
    default void failed(String feed, dev.tandem.input.InputException error) {
    }
}
