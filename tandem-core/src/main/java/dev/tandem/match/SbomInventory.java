package dev.tandem.match;

import dev.tandem.cpe.CpeMatch;
import dev.tandem.cpe.CpeName;
import dev.tandem.cpe.CpePart;
import dev.tandem.cpe.Inventory;
import dev.tandem.cpe.Truth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPEs of one SBOM's components (given and inferred) as the {@link Inventory} configurations
 * are judged against: a platform criterion holds when some component matches it.
 */
final class SbomInventory implements Inventory {

    private final Map<String, List<CpeName>> byProduct = new HashMap<>();
    private final List<CpeName> all = new ArrayList<>();

    void add(CpeName name) {
        byProduct.computeIfAbsent(name.productKey(), k -> new ArrayList<>(1)).add(name);
        all.add(name);
    }

    @Override
    public Truth test(CpeMatch match) {
        CpeName criteria = match.name();
        boolean exact = criteria.part() != CpePart.ANY && criteria.vendor().isValue() && !criteria.vendor().hasWildcards()
                && criteria.product().isValue() && !criteria.product().hasWildcards();
        List<CpeName> candidates = exact ? byProduct.get(criteria.productKey()) : all;
        if (candidates == null || candidates.isEmpty()) {
            return Truth.UNKNOWN; // the SBOM does not list the product: it may be there or not
        }
        boolean listed = false;
        boolean undecided = false;
        for (CpeName name : candidates) {
            switch (match.test(name)) {
                case CpeMatch.Outcome.Match m -> {
                    return Truth.TRUE;
                }
                case CpeMatch.Outcome.Undecided u -> undecided = true;
                case CpeMatch.Outcome.NoMatch n -> listed |= exact;
            }
        }
        return undecided || !listed ? Truth.UNKNOWN : Truth.FALSE;
    }
}
