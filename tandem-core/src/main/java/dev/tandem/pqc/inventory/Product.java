package dev.tandem.pqc.inventory;

/** The product a document describes (its metadata component, or the file name when it names none). */
public record Product(String name, String version) {

    /** "name version", or the name alone. */
    public String label() {
        return version == null || version.isBlank() ? name : name + " " + version;
    }
}
