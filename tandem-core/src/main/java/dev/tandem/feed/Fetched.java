package dev.tandem.feed;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One feed after a fetch: where it came from, the file that now holds it (the cached copy, or the
 * local path itself), what happened, its size and SHA-256, and the server digests it was checked
 * against.
 *
 * @param etag         the server's ETag for the next conditional request, null when none
 * @param lastModified the server's Last-Modified for the next conditional request, null when none
 * @param verified     the integrity checks the download passed, e.g. {@code md5}, {@code crc32c}, {@code length}
 */
public record Fetched(String feed, String source, Path file, Status status, long size, String sha256, String etag,
        String lastModified, List<String> verified) {

    public Fetched {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(status, "status");
        verified = List.copyOf(verified);
    }

    /** What a fetch did. */
    public enum Status {
        /** Downloaded: the server sent new content. */
        DOWNLOADED("downloaded"),
        /** The server answered 304 Not Modified: the cached copy is current. */
        NOT_MODIFIED("not modified"),
        /** The server sent the content again, identical to the cached copy. */
        UNCHANGED("unchanged"),
        /** A local file or folder, read where it is. */
        LOCAL("local");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
