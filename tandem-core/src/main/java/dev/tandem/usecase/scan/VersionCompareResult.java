package dev.tandem.usecase.scan;

/**
 * How version {@code a} orders against {@code b} in an ecosystem.
 *
 * @param order -1 when a sorts before b, 0 when they are equal in that ecosystem, 1 when a sorts after b
 */
public record VersionCompareResult(String ecosystem, String a, String b, int order) {

    public VersionCompareResult {
        order = Integer.signum(order);
    }

    /** {@code <}, {@code =} or {@code >}. */
    public String symbol() {
        return order < 0 ? "<" : order == 0 ? "=" : ">";
    }
}
