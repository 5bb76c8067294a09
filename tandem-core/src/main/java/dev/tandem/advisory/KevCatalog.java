package dev.tandem.advisory;

/** The known-exploited-vulnerabilities catalogues Tandem reads. */
public enum KevCatalog {
    /** CISA Known Exploited Vulnerabilities catalogue (US, BOD 22-01). */
    CISA("CISA KEV"),
    /** EU KEV list of the CSIRTs Network, published by ENISA. */
    EU("EU KEV");

    private final String label;

    KevCatalog(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
