package dev.tandem.pqc.inventory;

import java.util.List;

/** CycloneDX {@code algorithmProperties}: the fields that decide a classification. */
public record AlgorithmProperties(String primitive, String parameterSetIdentifier, String curve, String mode,
        String padding, List<String> cryptoFunctions, Integer classicalSecurityLevel,
        Integer nistQuantumSecurityLevel) {

    public static final AlgorithmProperties NONE = new AlgorithmProperties(null, null, null, null, null, List.of(), null, null);

    public AlgorithmProperties {
        cryptoFunctions = cryptoFunctions == null ? List.of() : List.copyOf(cryptoFunctions);
    }
}
