package dev.tandem.advisory;

/**
 * Where an {@link Advisory} was published: an OSV database, the NVD (CVE API 2.0 or the retired
 * JSON 1.1 feeds), or the CVE List (CVE JSON 5 records with their ADP containers). OSV advisories
 * name packages; NVD and CVE records name products by CPE.
 */
public enum AdvisoryFeed {
    OSV("OSV"), NVD("NVD"), CVE("CVE List");

    private final String label;

    AdvisoryFeed(String label) {
        this.label = label;
    }

    /** The name outputs give the feed. */
    public String label() {
        return label;
    }

    /** True for the feeds whose records identify products by CPE. */
    public boolean isCveRecord() {
        return this != OSV;
    }
}
