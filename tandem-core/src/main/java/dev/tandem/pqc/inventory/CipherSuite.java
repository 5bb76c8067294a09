package dev.tandem.pqc.inventory;

import java.util.List;

/** A protocol's cipher suite: its name and the bom-refs of the algorithms it uses. */
public record CipherSuite(String name, List<String> algorithmRefs) {

    public CipherSuite {
        algorithmRefs = algorithmRefs == null ? List.of() : List.copyOf(algorithmRefs);
    }
}
