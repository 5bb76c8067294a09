package dev.tandem.sbom;

/**
 * What the SBOM describes: the product, its version and its manufacturer (CycloneDX
 * {@code metadata.component} / {@code metadata.manufacturer}; SPDX {@code documentDescribes}).
 * Fields are empty strings when the document does not say.
 */
public record Subject(String name, String version, String manufacturer, String purl, String bomRef) {

    public static final Subject UNKNOWN = new Subject("", "", "", "", "");

    public Subject {
        name = name == null ? "" : name;
        version = version == null ? "" : version;
        manufacturer = manufacturer == null ? "" : manufacturer;
        purl = purl == null ? "" : purl;
        bomRef = bomRef == null ? "" : bomRef;
    }
}
