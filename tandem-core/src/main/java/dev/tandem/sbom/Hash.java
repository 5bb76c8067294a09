package dev.tandem.sbom;

import java.util.Objects;

/** A component hash: algorithm as the document names it (SHA-256, SHA1, …) and the hex value. */
public record Hash(String algorithm, String value) {
    public Hash {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(value, "value");
    }
}
