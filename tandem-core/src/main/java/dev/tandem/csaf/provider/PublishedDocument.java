package dev.tandem.csaf.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.csaf.CsafFileNames;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import dev.tandem.input.JsonTree;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;

/**
 * A CSAF document to publish: its exact bytes and what the directory needs from it (tracking id, file
 * name, dates, title, TLP label, publisher, status).
 */
public record PublishedDocument(String source, byte[] bytes, String trackingId, String fileName, String title,
        Instant initialRelease, Instant currentRelease, String tlp, String status, JsonNode publisher) {

    public PublishedDocument {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(trackingId, "trackingId");
    }

    /** The folder of its TLP label: white, green, amber or red. */
    public String tlpFolder() {
        return tlp.toLowerCase(Locale.ROOT);
    }

    /** Where it lives under the directory: {@code white/2026/file.json}. */
    public String path() {
        return tlpFolder() + "/" + yearFolder() + "/" + fileName;
    }

    /** §7.1.11: the year of its initial release date. */
    public String yearFolder() {
        return Integer.toString(initialRelease.atOffset(java.time.ZoneOffset.UTC).getYear());
    }

    /** Reads what the directory needs; a document that is not CSAF 2.0 is refused with its position. */
    public static PublishedDocument read(InputDocument document) throws InputException {
        JsonTree tree = JsonTree.parse(document.source(), document.content(), InputLimits.DEFAULT);
        JsonNode meta = tree.object(tree.root(), "document", "");
        if (!tree.text(meta, "csaf_version", "/document").equals("2.0")) {
            throw tree.error("/document/csaf_version", "not a CSAF 2.0 document");
        }
        JsonNode tracking = tree.object(meta, "tracking", "/document");
        String id = tree.text(tracking, "id", "/document/tracking");
        if (id.isEmpty()) {
            throw tree.error("/document/tracking", "a CSAF document needs a tracking id");
        }
        String tlp = tree.text(tree.object(tree.object(meta, "distribution", "/document"), "tlp", "/document/distribution"),
                "label", "/document/distribution/tlp");
        JsonNode publisher = tree.object(meta, "publisher", "/document");
        if (publisher.isMissingNode()) {
            throw tree.error("/document", "a CSAF document needs a publisher");
        }
        return new PublishedDocument(document.source(), document.content(), id, CsafFileNames.of(id),
                tree.text(meta, "title", "/document"),
                instant(tree, tree.text(tracking, "initial_release_date", "/document/tracking"), "/document/tracking/initial_release_date"),
                instant(tree, tree.text(tracking, "current_release_date", "/document/tracking"), "/document/tracking/current_release_date"),
                tlp.isEmpty() ? "WHITE" : tlp.toUpperCase(Locale.ROOT), tree.text(tracking, "status", "/document/tracking"), publisher);
    }

    private static Instant instant(JsonTree tree, String text, String pointer) throws InputException {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw tree.error(pointer, "expected a date and time, found '" + text + "'");
        }
    }
}
