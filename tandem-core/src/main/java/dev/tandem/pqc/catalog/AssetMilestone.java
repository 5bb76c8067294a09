package dev.tandem.pqc.catalog;

import dev.tandem.pqc.Classification;
import java.time.LocalDate;
import java.util.List;

/** A dated (or immediate) milestone that applies to assets meeting all of its conditions. */
public record AssetMilestone(String id, List<String> markets, List<Classification> classifications,
        List<String> tiers, Boolean broken, List<String> sectors, List<String> uses, Boolean highRisk,
        Boolean cnsaNonCompliant, Boolean immediate, LocalDate date, String label, String source,
        List<String> caveats) {

    public AssetMilestone {
        markets = markets == null ? List.of() : List.copyOf(markets);
        classifications = classifications == null ? List.of() : List.copyOf(classifications);
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        sectors = sectors == null ? List.of() : List.copyOf(sectors);
        uses = uses == null ? List.of() : List.copyOf(uses);
        caveats = caveats == null ? List.of() : List.copyOf(caveats);
    }

    public boolean isImmediate() {
        return Boolean.TRUE.equals(immediate);
    }
}
