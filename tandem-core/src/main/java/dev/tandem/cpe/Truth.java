package dev.tandem.cpe;

/**
 * Three-valued (Kleene) truth: what an SBOM says about a node of a configuration. UNKNOWN is a
 * platform the SBOM does not list: it may or may not be there.
 */
public enum Truth {
    FALSE, UNKNOWN, TRUE;

    Truth and(Truth other) {
        return values()[Math.min(ordinal(), other.ordinal())];
    }

    Truth or(Truth other) {
        return values()[Math.max(ordinal(), other.ordinal())];
    }

    Truth not() {
        return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
    }
}
