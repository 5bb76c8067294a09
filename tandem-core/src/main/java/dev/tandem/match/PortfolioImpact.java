package dev.tandem.match;

import dev.tandem.advisory.Vulnerability;
import java.util.List;

/** What one vulnerability does to a portfolio: the affected components and those it names but cannot decide. */
public record PortfolioImpact(Vulnerability vulnerability, List<PortfolioHit> affected, List<PortfolioHit> undecided) {

    public PortfolioImpact {
        affected = List.copyOf(affected);
        undecided = List.copyOf(undecided);
    }

    /** How many distinct SBOMs (products) have at least one affected component. */
    public long affectedSboms() {
        return affected.stream().mapToInt(PortfolioHit::sbomIndex).distinct().count();
    }
}
