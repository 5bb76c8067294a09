package dev.tandem.conformity.assessment;

import java.util.List;

/** The whole assessment of one product profile. */
public record Assessment(String product, String version, String manufacturer, List<String> markets,
        List<RegimeResult> regimes, List<Gap> gaps, RouteResult conformityRoute, SupportPeriodResult supportPeriod,
        List<SbomReferenceResult> sbom, List<String> warnings) {
    public Assessment {
        markets = List.copyOf(markets);
        regimes = List.copyOf(regimes);
        gaps = List.copyOf(gaps);
        sbom = List.copyOf(sbom);
        warnings = List.copyOf(warnings);
    }

    /** True when some requirement of a regime the product is sold in is not met. */
    public boolean hasGaps() {
        return !gaps.isEmpty();
    }
}
