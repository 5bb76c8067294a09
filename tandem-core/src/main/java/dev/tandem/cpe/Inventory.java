package dev.tandem.cpe;

/**
 * What a product is made of, as CPE names (given by the SBOM or inferred): the platforms against
 * which the other nodes of a configuration are judged.
 */
public interface Inventory {

    /**
     * What the inventory says about one criterion: TRUE when a name matches it; FALSE when names
     * of that product are listed but none matches; UNKNOWN when the product is not listed at all or
     * a listed name lacks the version needed to decide.
     */
    Truth test(CpeMatch match);
}
