package dev.tandem.pqc.catalog;

import dev.tandem.catalog.Confidence;
/** A document behind a catalog entry, with how sure the catalog is of what it takes from it. */
public record Source(String id, String title, String url, Confidence confidence) {

    /** "[S] title" style label used by every renderer. */
    public String cite() {
        return "[" + confidence.letter() + "] " + title;
    }
}
