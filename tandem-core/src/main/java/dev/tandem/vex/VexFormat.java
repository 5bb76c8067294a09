package dev.tandem.vex;

/** The VEX formats Tandem reads and writes. */
public enum VexFormat {
    CSAF("CSAF VEX"), CYCLONEDX("CycloneDX VEX"), OPENVEX("OpenVEX");

    private final String label;

    VexFormat(String label) {
        this.label = label;
    }

    /** "CSAF VEX", for messages. */
    public String label() {
        return label;
    }
}
