package dev.tandem.pqc.classification;

import com.fasterxml.jackson.annotation.JsonValue;

/** How strong the evidence for an asset is. */
public enum Evidence {
    /** A cryptographic asset of a CBOM, identified from the catalog. */
    CBOM("cbom", "a cryptographic asset listed in a CBOM"),
    /** A CBOM asset the catalog does not know, classified from the nistQuantumSecurityLevel the CBOM declares. */
    CBOM_DECLARED_LEVEL("cbom-declared-level", "the CBOM's own nistQuantumSecurityLevel (the catalog does not know the algorithm)"),
    /** A crypto library named in an ordinary SBOM: weaker evidence, the algorithms in use are not stated. */
    SBOM_LIBRARY("sbom-library", "weaker evidence: a crypto library named in an SBOM; which algorithms the product uses is not stated");

    private final String id;
    private final String meaning;

    Evidence(String id, String meaning) {
        this.id = id;
        this.meaning = meaning;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public String meaning() {
        return meaning;
    }

    public boolean isWeaker() {
        return this != CBOM;
    }
}
