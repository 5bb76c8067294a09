package dev.tandem.usecase.scan;

import java.util.Objects;

/** Two versions to order by an ecosystem's own rules; the ecosystem named as OSV names it ({@code Debian:12}, {@code PyPI}). */
public record VersionCompareRequest(String ecosystem, String a, String b) {

    public VersionCompareRequest {
        Objects.requireNonNull(ecosystem, "ecosystem");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
    }
}
