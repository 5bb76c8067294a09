package dev.tandem.pqc.catalog;

import dev.tandem.pqc.Classification;
import java.util.List;

/**
 * A crypto library recognised in an ordinary SBOM, as weaker evidence: what it offers and the
 * classification that follows (quantum-vulnerable unless it offers no public-key algorithms).
 */
public record CryptoLibrary(String id, String label, List<String> names, Classification classification, String offers,
        String pqcSince, String pqcSource) {

    public CryptoLibrary {
        names = names == null ? List.of() : List.copyOf(names);
        classification = classification == null ? Classification.QUANTUM_VULNERABLE : classification;
        offers = offers == null ? "quantum-vulnerable public-key algorithms (RSA, ECDH, ECDSA or X25519/Ed25519)" : offers;
    }
}
