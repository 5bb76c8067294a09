package dev.tandem.pqc.catalog;

import java.time.LocalDate;
import java.util.List;

/** A milestone for the product as a whole (start the transition, acquisitions), per market and sector. */
public record ProductMilestone(String id, String market, List<String> sectors, LocalDate date, String label,
        String source, List<String> caveats) {

    public ProductMilestone {
        sectors = sectors == null ? List.of() : List.copyOf(sectors);
        caveats = caveats == null ? List.of() : List.copyOf(caveats);
    }
}
