package dev.tandem.pqc.catalog;

/** How sure the catalog is of a fact, as tagged in the research notes. */
public enum Confidence {
    /** Verified in a primary text or artefact. */
    V("verified"),
    /** Reported by secondary sources, consistent but not checked against the primary text. */
    S("secondary sources"),
    /** Recalled from general knowledge, not confirmed in a source: verify before relying on it. */
    R("recalled, verify"),
    /** Unconfirmed or contradicted in the sources found: never presented as certain. */
    U("unconfirmed");

    private final String meaning;

    Confidence(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
