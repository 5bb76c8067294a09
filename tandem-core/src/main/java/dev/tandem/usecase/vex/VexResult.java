package dev.tandem.usecase.vex;

import dev.tandem.match.Finding;
import dev.tandem.sbom.Subject;
import dev.tandem.triage.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a VEX document states: per finding (component and vulnerability of one product) the decisive
 * triage decision, or none (the finding is then under investigation), with the author, the time and
 * the producing tool, and warnings.
 *
 * @param author the publisher's name; {@code authorContact} its namespace or contact, "" when unknown
 */
public record VexResult(String toolVersion, Instant at, String author, String authorContact, List<Entry> entries,
        List<String> warnings) {

    public VexResult {
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(author, "author");
        authorContact = authorContact == null ? "" : authorContact;
        entries = List.copyOf(entries);
        warnings = List.copyOf(warnings);
    }

    /** One finding with the product it is in and its decision (null: not yet decided, under investigation). */
    public record Entry(Finding finding, Subject product, String sbom, Statement decision) {
        public Entry {
            Objects.requireNonNull(finding, "finding");
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(sbom, "sbom");
        }
    }
}
