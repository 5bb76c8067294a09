package dev.tandem.csaf;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A CSAF 2.0 document, the fields Tandem writes, in the names and order of the OASIS JSON schema
 * (csaf_json_schema.json). Absent values are null or empty lists and are left out of the JSON.
 */
public record CsafDocument(Document document, @JsonProperty("product_tree") ProductTree productTree,
        List<Vulnerability> vulnerabilities) {

    public CsafDocument {
        vulnerabilities = vulnerabilities == null ? List.of() : List.copyOf(vulnerabilities);
    }

    /** §3.2.1: the document-level metadata. */
    public record Document(String category, @JsonProperty("csaf_version") String csafVersion, Distribution distribution,
            String lang, List<Note> notes, Publisher publisher, List<Reference> references, String title,
            Tracking tracking) {
        public Document {
            notes = notes == null ? List.of() : List.copyOf(notes);
            references = references == null ? List.of() : List.copyOf(references);
        }
    }

    /** §3.2.1.5: the TLP label (CSAF 2.0 uses TLP 1.0: WHITE, GREEN, AMBER, RED). */
    public record Distribution(String text, Tlp tlp) {
    }

    /** The TLP label and the definition it refers to. */
    public record Tlp(String label, String url) {
    }

    /** §3.2.1.8: who issues the document. */
    public record Publisher(String category, @JsonProperty("contact_details") String contactDetails,
            @JsonProperty("issuing_authority") String issuingAuthority, String name, String namespace) {
    }

    /** §3.2.1.12: tracking: id, status, version and the revision history. */
    public record Tracking(@JsonProperty("current_release_date") String currentReleaseDate, Generator generator,
            String id, @JsonProperty("initial_release_date") String initialReleaseDate,
            @JsonProperty("revision_history") List<Revision> revisionHistory, String status, String version) {
        public Tracking {
            revisionHistory = List.copyOf(revisionHistory);
        }
    }

    /** The tool that generated the document. */
    public record Generator(String date, Engine engine) {
    }

    /** The generating engine's name and version. */
    public record Engine(String name, String version) {
    }

    /** One entry of the revision history. */
    public record Revision(String date, String number, String summary) {
    }

    /** §3.1.6 note: a category (description, details, faq, general, legal_disclaimer, other, summary), title and text. */
    public record Note(String category, String text, String title) {
    }

    /** §3.1.10 reference: {@code external} (the default) or {@code self}. */
    public record Reference(String category, String summary, String url) {
    }

    /** §3.2.2: the products the document speaks of. */
    public record ProductTree(List<Branch> branches, @JsonProperty("full_product_names") List<FullProductName> fullProductNames,
            List<Relationship> relationships) {
        public ProductTree {
            branches = branches == null ? List.of() : List.copyOf(branches);
            fullProductNames = fullProductNames == null ? List.of() : List.copyOf(fullProductNames);
            relationships = relationships == null ? List.of() : List.copyOf(relationships);
        }
    }

    /** A branch: vendor, product_name, product_version…; a leaf carries a product. */
    public record Branch(List<Branch> branches, String category, String name, FullProductName product) {
        public Branch {
            branches = branches == null ? List.of() : List.copyOf(branches);
        }
    }

    /** A product with its id and, where known, the package URL or CPE that identifies it. */
    public record FullProductName(String name, @JsonProperty("product_id") String productId,
            @JsonProperty("product_identification_helper") Helper helper) {
    }

    /** §3.1.3.3: how to recognise the product. */
    public record Helper(String cpe, String purl) {
    }

    /** §3.2.2.4: a product made of two others, e.g. a component as part of a release. */
    public record Relationship(String category, @JsonProperty("full_product_name") FullProductName fullProductName,
            @JsonProperty("product_reference") String productReference,
            @JsonProperty("relates_to_product_reference") String relatesToProductReference) {
    }

    /** §3.2.3: one vulnerability and its status per product. */
    public record Vulnerability(String cve, List<Flag> flags, List<Id> ids, List<Note> notes,
            @JsonProperty("product_status") ProductStatus productStatus, List<Reference> references,
            List<Remediation> remediations, List<Score> scores, List<Threat> threats, String title) {
        public Vulnerability {
            flags = flags == null ? List.of() : List.copyOf(flags);
            ids = ids == null ? List.of() : List.copyOf(ids);
            notes = notes == null ? List.of() : List.copyOf(notes);
            references = references == null ? List.of() : List.copyOf(references);
            remediations = remediations == null ? List.of() : List.copyOf(remediations);
            scores = scores == null ? List.of() : List.copyOf(scores);
            threats = threats == null ? List.of() : List.copyOf(threats);
        }
    }

    /** §3.2.3.5: a machine-readable justification (the CISA labels) for products. */
    public record Flag(String label, @JsonProperty("product_ids") List<String> productIds) {
    }

    /** §3.2.3.4: another id of the vulnerability (GHSA, RUSTSEC, GO…). */
    public record Id(@JsonProperty("system_name") String systemName, String text) {
    }

    /** §3.2.3.9: product ids per status. */
    public record ProductStatus(@JsonProperty("first_affected") List<String> firstAffected,
            @JsonProperty("first_fixed") List<String> firstFixed, List<String> fixed,
            @JsonProperty("known_affected") List<String> knownAffected,
            @JsonProperty("known_not_affected") List<String> knownNotAffected,
            @JsonProperty("last_affected") List<String> lastAffected, List<String> recommended,
            @JsonProperty("under_investigation") List<String> underInvestigation) {
    }

    /** §3.2.3.12: what to do: vendor_fix, workaround, mitigation, no_fix_planned, none_available. */
    public record Remediation(String category, String details, @JsonProperty("product_ids") List<String> productIds,
            String url) {
    }

    /** §3.2.3.13: CVSS scores for products. */
    public record Score(@JsonProperty("cvss_v2") Cvss cvssV2, @JsonProperty("cvss_v3") Cvss cvssV3, List<String> products) {
    }

    /** The base metrics of a FIRST CVSS JSON object (v2.0, v3.0, v3.1). */
    public record Cvss(String version, String vectorString, double baseScore, String baseSeverity) {
    }

    /** §3.2.3.14: impact, exploit_status or target_set, for products. */
    public record Threat(String category, String details, @JsonProperty("product_ids") List<String> productIds) {
    }
}
