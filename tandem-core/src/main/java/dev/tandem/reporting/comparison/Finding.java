package dev.tandem.reporting.comparison;

import java.util.List;

/** An alignment or divergence statement and the catalog entries it was derived from. */
public record Finding(String id, FindingKind kind, String text, List<Evidence> evidence) {

    public Finding {
        evidence = List.copyOf(evidence);
    }
}
