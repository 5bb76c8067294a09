package dev.tandem.pqc.inventory;

/** What kind of document an inventory was read from, which says how strong its evidence is. */
public enum DocumentKind {
    /** A CycloneDX document with cryptographic assets: direct evidence. */
    CYCLONEDX_CBOM("CycloneDX CBOM"),
    /** A CycloneDX document without cryptographic assets: only its libraries say anything. */
    CYCLONEDX_SBOM("CycloneDX SBOM"),
    /** An SPDX 2.x JSON document: only its packages say anything. */
    SPDX_SBOM("SPDX SBOM");

    private final String label;

    DocumentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
