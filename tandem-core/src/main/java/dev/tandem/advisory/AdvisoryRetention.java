package dev.tandem.advisory;

import java.util.List;

/**
 * What of a parsed advisory a bulk load keeps. A load of half a million advisories holds every one
 * until they are merged; for a snapshot, the texts it does not store (references, {@code related},
 * details beyond their first line) were most of that memory, so the parsing thread drops them at once.
 */
public enum AdvisoryRetention {

    /** Everything the record states (uploads, tools that show whole advisories). */
    ALL,

    /**
     * What a scan reports: {@code related} dropped; details and references kept (CSAF documents made
     * from a scan quote each advisory's details as a description and list its references).
     */
    SCAN,

    /**
     * What a snapshot stores (docs/formats/snapshot.md): also without references, and with only the
     * part of the details that gives the same {@link Advisory#headline(String) headline}.
     */
    SNAPSHOT;

    /** The advisory with what this retention drops left out; the same object when nothing is dropped. */
    public Advisory apply(Advisory advisory) {
        if (this == ALL) {
            return advisory;
        }
        String details = this == SCAN ? advisory.details()
                : advisory.summary().isBlank() ? headlineSource(advisory.details()) : "";
        List<String> references = this == SNAPSHOT ? List.of() : advisory.references();
        if (details.equals(advisory.details()) && advisory.related().isEmpty()
                && references.size() == advisory.references().size()) {
            return advisory;
        }
        return new Advisory(advisory.id(), advisory.source(), advisory.summary(), details, advisory.published(),
                advisory.modified(), advisory.withdrawn(), advisory.aliases(), List.of(), advisory.severities(),
                advisory.affected(), references, advisory.feed());
    }

    /**
     * A short text with the same headline as {@code details}: the first line (at most
     * {@link Advisory#HEADLINE_LENGTH} characters) of the stripped text, followed, when the text
     * went on, by a line break and a full stop, so stripping it again changes nothing before the break.
     */
    static String headlineSource(String details) {
        String text = details.strip();
        int end = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                end = i;
                break;
            }
        }
        end = Math.min(end, Advisory.HEADLINE_LENGTH);
        if (end == text.length()) {
            return text.equals(details) ? details : text;
        }
        return text.substring(0, end) + "\n.";
    }
}
