package dev.tandem.feed;

import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What an NVD {@code .meta} file says of its feed: lines {@code key:value} with
 * {@code lastModifiedDate}, {@code size} (of the uncompressed JSON), {@code gzSize} and
 * {@code sha256} (of the uncompressed JSON, hexadecimal). A download is checked against it.
 *
 * @param size   the uncompressed size, or -1 when not stated
 * @param gzSize the size of the {@code .json.gz}, or -1 when not stated
 */
public record FeedMeta(String lastModified, long size, long gzSize, String sha256) {

    /** Reads a meta file; a file without a 64-digit {@code sha256} line is not one. */
    public static FeedMeta read(String source, byte[] content) throws InputException {
        String text = new String(content, java.nio.charset.StandardCharsets.UTF_8);
        if (content.length > 4096) {
            throw new InputException(source, InputPosition.UNKNOWN, "not an NVD meta file: " + content.length + " bytes");
        }
        Map<String, String> values = new HashMap<>();
        int lineNumber = 0;
        for (String line : text.split("\r?\n")) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new InputException(source, InputPosition.at(lineNumber, 1),
                        "not an NVD meta file: expected key:value lines, found '" + abbreviate(line) + "'");
            }
            String key = line.substring(0, colon).strip();
            if (values.putIfAbsent(key, line.substring(colon + 1).strip()) != null) {
                throw new InputException(source, InputPosition.at(lineNumber, 1), "'" + key + "' is given twice");
            }
        }
        String sha256 = values.getOrDefault("sha256", "").toLowerCase(Locale.ROOT);
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new InputException(source, InputPosition.UNKNOWN, "not an NVD meta file: no sha256 of 64 hexadecimal digits");
        }
        return new FeedMeta(values.get("lastModifiedDate"), number(source, values, "size"), number(source, values, "gzSize"),
                sha256);
    }

    private static long number(String source, Map<String, String> values, String key) throws InputException {
        String value = values.get(key);
        if (value == null) {
            return -1;
        }
        if (!value.matches("\\d{1,15}")) {
            throw new InputException(source, InputPosition.UNKNOWN, "'" + key + "' is not a size in bytes: " + abbreviate(value));
        }
        return Long.parseLong(value);
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
