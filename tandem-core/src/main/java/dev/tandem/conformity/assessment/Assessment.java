package dev.tandem.conformity.assessment;

import dev.tandem.conformity.classification.Classification;
import java.util.List;

/**
 * The whole assessment of one product profile: its class, the regimes and their requirements, the gaps,
 * the contradictions between directly assessed evidence and what the crosswalks imply, the edition of each
 * versioned standard it was assessed against, the CRA route, the support period and the SBOMs.
 */
public record Assessment(String product, String version, String manufacturer, List<String> markets,
        List<RegimeResult> regimes, List<Gap> gaps, RouteResult conformityRoute, SupportPeriodResult supportPeriod,
        List<SbomReferenceResult> sbom, List<String> warnings, Classification classification,
        List<Contradiction> contradictions, List<EditionChoice> assessedAgainst) {
    public Assessment {
        markets = List.copyOf(markets);
        regimes = List.copyOf(regimes);
        gaps = List.copyOf(gaps);
        sbom = List.copyOf(sbom);
        warnings = List.copyOf(warnings);
        contradictions = List.copyOf(contradictions);
        assessedAgainst = List.copyOf(assessedAgainst);
    }

    /** True when some requirement of a regime the product is sold in is not met. */
    public boolean hasGaps() {
        return !gaps.isEmpty();
    }

    /** True when directly assessed evidence contradicts what a crosswalk implies from other evidence. */
    public boolean hasContradictions() {
        return !contradictions.isEmpty();
    }

    /** The regime of a catalog, if it was assessed. */
    public java.util.Optional<RegimeResult> regime(String id) {
        return regimes.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
