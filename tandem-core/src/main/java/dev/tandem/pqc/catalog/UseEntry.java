package dev.tandem.pqc.catalog;

import java.util.List;

/** What replaces a vulnerable or weakened asset for one use, in general and under CNSA 2.0. */
public record UseEntry(String id, String label, String replacement, String cnsa, List<String> sources) {

    public UseEntry {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
