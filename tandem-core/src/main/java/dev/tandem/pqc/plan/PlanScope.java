package dev.tandem.pqc.plan;

import java.util.List;

/** The markets ({@code eu}, {@code us}) and sectors ({@code general}, {@code nss}, ...) a plan is made for. */
public record PlanScope(List<String> markets, List<String> sectors) {

    public static final PlanScope DEFAULT = new PlanScope(List.of("eu", "us"), List.of("general"));

    public PlanScope {
        markets = List.copyOf(markets);
        sectors = List.copyOf(sectors);
        if (markets.isEmpty()) {
            throw new IllegalArgumentException("at least one market is needed");
        }
    }

    /** True when the plan is for a US national security system, so CNSA 2.0 choices replace the general ones. */
    public boolean cnsa() {
        return markets.contains("us") && sectors.stream().anyMatch(s -> s.equals("nss") || s.startsWith("nss-"));
    }
}
