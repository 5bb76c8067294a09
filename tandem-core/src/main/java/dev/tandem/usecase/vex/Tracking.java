package dev.tandem.usecase.vex;

import dev.tandem.input.InputDocument;

/**
 * How a CSAF document is tracked. Every field may be null for its default.
 *
 * @param id       {@code /document/tracking/id}; derived from the product, the kind and the date by default
 * @param status   draft, interim or final (the default, unless the publisher's namespace is unknown: then draft)
 * @param title    the document title; derived from the products by default
 * @param tlp      TLP 1.0 label as CSAF 2.0 has it: WHITE (default), GREEN, AMBER, RED
 * @param previous the previously published version of this document: its revision history is continued
 *                 and its version raised
 * @param summary  what changed in this revision
 */
public record Tracking(String id, String status, String title, String tlp, InputDocument previous, String summary) {

    /** Every default. */
    public static final Tracking DEFAULT = new Tracking(null, null, null, null, null, null);
}
