package dev.tandem.pqc.catalog;

import java.util.List;

/** A general-purpose crypto library recognised in an ordinary SBOM, as weaker evidence. */
public record CryptoLibrary(String id, String label, List<String> names, String pqcSince, String pqcSource) {

    public CryptoLibrary {
        names = names == null ? List.of() : List.copyOf(names);
    }
}
