package dev.tandem.reporting.catalog;

import dev.tandem.catalog.Confidence;
/** A sourced remark on a framework (exceptions, related duties, open questions). */
public record Note(String text, String source, Confidence confidence) {
}
