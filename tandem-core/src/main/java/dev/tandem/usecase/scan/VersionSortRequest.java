package dev.tandem.usecase.scan;

import dev.tandem.input.InputDocument;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Versions to sort, one per line as given (blank lines allowed), the name errors give the lines,
 * and the ecosystem whose ordering applies.
 */
public record VersionSortRequest(String ecosystem, String source, List<String> lines) {

    public VersionSortRequest {
        Objects.requireNonNull(ecosystem, "ecosystem");
        Objects.requireNonNull(source, "source");
        lines = List.copyOf(lines);
    }

    /** The lines of a document (LF or CRLF). */
    public static VersionSortRequest of(String ecosystem, InputDocument document) {
        String text = new String(document.content(), StandardCharsets.UTF_8);
        List<String> lines = text.isEmpty() ? List.of() : List.of(text.split("\r?\n", -1));
        // A final line break ends the last line; it does not start an empty one.
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty() && text.endsWith("\n")) {
            lines = lines.subList(0, lines.size() - 1);
        }
        return new VersionSortRequest(ecosystem, document.source(), lines);
    }
}
