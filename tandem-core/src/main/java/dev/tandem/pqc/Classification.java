package dev.tandem.pqc;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** How a quantum computer affects an asset, from harmless to broken; declared in severity order. */
public enum Classification {
    /** Standardised post-quantum or symmetric/hash at NIST category 3 and up. */
    QUANTUM_RESISTANT("quantum-resistant"),
    /** Not identified: the name and properties match no catalog entry. */
    UNKNOWN("unknown"),
    /** Grover or quantum collision search leaves a thin margin, or already broken classically. */
    WEAKENED("weakened"),
    /** Shor's algorithm breaks it at every key size. */
    QUANTUM_VULNERABLE("quantum-vulnerable");

    private final String id;

    Classification(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** True when this classification is at or above {@code threshold} (unknown is never at or above weakened). */
    public boolean atOrAbove(Classification threshold) {
        if (this == UNKNOWN) {
            return threshold == UNKNOWN;
        }
        return ordinal() >= threshold.ordinal();
    }

    @JsonCreator
    public static Classification of(String id) {
        for (Classification value : values()) {
            if (value.id.equals(id)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown classification '" + id + "', expected one of "
                + Arrays.stream(values()).map(Classification::id).collect(Collectors.joining(", ")));
    }
}
