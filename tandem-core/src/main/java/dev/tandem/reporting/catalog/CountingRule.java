package dev.tandem.reporting.catalog;

import java.util.List;

/** A legal rule on counting periods (e.g. Regulation 1182/71) that can give a later outer limit. */
public record CountingRule(String id, String name, String url, List<CountingPart> parts) {

    public CountingRule {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }
}
