package dev.tandem.pqc.plan;

import dev.tandem.pqc.Classification;
import dev.tandem.pqc.catalog.Source;
import java.util.List;

/** The result of {@link PqcPlanner}: products with readiness, every asset ordered by deadline, the sources cited. */
public record PqcReport(PlanScope scope, List<ProductReadiness> products, List<PlanItem> items, List<Source> sources) {

    public PqcReport {
        products = List.copyOf(products);
        items = List.copyOf(items);
        sources = List.copyOf(sources);
    }

    /** True when some asset is at or above {@code threshold} (unknown assets never are). */
    public boolean anyAtOrAbove(Classification threshold) {
        return items.stream().anyMatch(item -> item.asset().classification().atOrAbove(threshold));
    }
}
