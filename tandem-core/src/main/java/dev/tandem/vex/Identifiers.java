package dev.tandem.vex;

import dev.tandem.input.InputException;
import dev.tandem.input.JsonTree;
import dev.tandem.triage.ComponentSelector;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Package URLs, CPEs and timestamps as VEX documents write them, read into Tandem's types with positioned errors. */
final class Identifiers {

    private Identifiers() {
    }

    /** The selector of a purl or CPE; empty for any other text (a product name, a bom-ref). */
    static Optional<ComponentSelector> selector(JsonTree tree, String text, String pointer) throws InputException {
        String value = text == null ? "" : text.strip();
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        if (!lower.startsWith("pkg:") && !lower.startsWith("cpe:")) {
            return Optional.empty();
        }
        try {
            return Optional.of(ComponentSelector.of(value));
        } catch (IllegalArgumentException e) {
            throw tree.error(pointer, e.getMessage());
        }
    }

    /** An RFC 3339 timestamp (or a bare date, as midnight UTC); null when {@code text} is empty. */
    static Instant instant(JsonTree tree, String text, String pointer) throws InputException {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text.strip()).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw tree.error(pointer, "expected a date and time such as 2026-11-03T10:00:00Z, found '" + shorten(text) + "'");
            }
        }
    }

    /** The first timestamp given (a statement's own, else its document's), null when none is. */
    static Instant firstGiven(Instant... instants) {
        for (Instant instant : instants) {
            if (instant != null) {
                return instant;
            }
        }
        return null;
    }

    static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    /** "vex.json:12", the source a statement names: the document and the line where it is written. */
    static String located(JsonTree tree, String pointer) {
        int line = tree.position(pointer).line();
        return line > 0 ? tree.source() + ":" + line : tree.source();
    }
}
