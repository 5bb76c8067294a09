package dev.tandem.sbom;

/** The document formats Tandem reads. */
public enum SbomFormat {
    CYCLONEDX_JSON("CycloneDX JSON"),
    CYCLONEDX_XML("CycloneDX XML"),
    SPDX_JSON("SPDX JSON"),
    SPDX_TAG_VALUE("SPDX tag-value");

    private final String label;

    SbomFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
