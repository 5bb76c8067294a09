package dev.tandem.pqc.catalog;

import java.util.List;
import java.util.Locale;

/** A sector that selects sector-specific milestones (EU high-risk, CNSA 2.0 categories), with the other words for it. */
public record Sector(String id, String label, List<String> aliases, String aliasSource) {

    public Sector {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** True when {@code word} is this sector's id or one of its aliases (case-insensitive). */
    public boolean isCalled(String word) {
        String w = word.strip().toLowerCase(Locale.ROOT);
        return id.equals(w) || aliases.contains(w);
    }
}
