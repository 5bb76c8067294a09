package dev.tandem.pqc.inventory;

/** The product a document describes (its metadata component, or the file name when it names none). */
public record Product(String name, String version) {

    /** A product a document does not name: the last part of the document's name stands in for it. */
    static Product namedAfter(String source) {
        int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
        return new Product(source.substring(slash + 1), null);
    }

    /** "name version", or the name alone. */
    public String label() {
        return version == null || version.isBlank() ? name : name + " " + version;
    }
}
