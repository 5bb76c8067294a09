package dev.tandem.match;

import dev.tandem.sbom.Component;
import dev.tandem.sbom.Sbom;
import java.util.List;

/**
 * One component of a portfolio that an advisory reaches: the SBOM (and its position in the
 * portfolio), the component, and the verdict's wording — the rule that matched, or for an
 * undecided hit the reason it could not be decided.
 */
public record PortfolioHit(int sbomIndex, Sbom sbom, Component component, String advisoryId, String matchedBy,
        List<String> fixedIn, String note) {

    public PortfolioHit {
        fixedIn = List.copyOf(fixedIn);
        note = note == null ? "" : note;
    }
}
