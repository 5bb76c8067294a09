package dev.tandem.feed;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/** Where a feed is read from: a URL (HTTP or HTTPS) or a local path. */
public sealed interface FeedSource {

    /** How outputs name it: the URL or the path as resolved. */
    String text();

    /** A feed fetched over HTTP(S). */
    record Remote(URI uri) implements FeedSource {
        public Remote {
            Objects.requireNonNull(uri, "uri");
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw new IllegalArgumentException("a feed URL is http or https: " + uri);
            }
        }

        @Override
        public String text() {
            return uri.toString();
        }

        /** This URL with {@code segment} appended as one path segment (percent-encoded). */
        public Remote child(String segment) {
            String base = uri.toString().endsWith("/") ? uri.toString() : uri + "/";
            return new Remote(URI.create(base + encode(segment)));
        }

        private static String encode(String segment) {
            StringBuilder out = new StringBuilder();
            for (byte b : segment.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                int c = b & 0xFF;
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                    out.append((char) c);
                } else {
                    out.append('%').append(String.format(Locale.ROOT, "%02X", c));
                }
            }
            return out.toString();
        }
    }

    /** A feed read from a file or folder on this machine. */
    record Local(Path path) implements FeedSource {
        public Local {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String text() {
            return path.toString();
        }
    }

    /**
     * Reads a feed location: {@code http://} or {@code https://} is a URL, {@code file:} a file URI,
     * anything else a path, relative ones resolved against {@code folder} (the feeds file's folder).
     */
    static FeedSource parse(String text, Path folder) {
        String value = text.strip();
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            return new Remote(URI.create(value));
        }
        if (lower.startsWith("file:")) {
            return new Local(Path.of(URI.create(value)));
        }
        if (lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
            throw new IllegalArgumentException("a feed is an http(s) URL or a local path, not " + value);
        }
        Path path = Path.of(value);
        return new Local(path.isAbsolute() || folder == null ? path : folder.resolve(path));
    }
}
