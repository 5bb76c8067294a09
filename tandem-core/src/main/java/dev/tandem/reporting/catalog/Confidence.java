package dev.tandem.reporting.catalog;

/** How well a catalog entry is established, as tagged in the research reference. */
public enum Confidence {
    /** Checked against the legal text, quoted word for word. */
    V("verified against the legal text"),
    /** Agreed by secondary sources; the official text was not seen. */
    S("secondary sources"),
    /** Recalled from the official text; not found in the sources reviewed. */
    R("recalled, to verify"),
    /** Not confirmed or sources conflict: never to be presented as certain. */
    U("UNCONFIRMED");

    private final String meaning;

    Confidence(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }

    /** "[V]", "[U: UNCONFIRMED]" — the tag shown next to a sourced statement. */
    public String tag() {
        return this == U ? "[U: UNCONFIRMED]" : "[" + name() + "]";
    }
}
