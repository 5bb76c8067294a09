package dev.tandem.advisory.cvss;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** CVSS v2 base score, per the FIRST CVSS v2 Complete Guide, section 3.2.1. */
final class Cvss2 {

    private static final List<String> BASE = List.of("AV", "AC", "Au", "C", "I", "A");

    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("AV", Set.of("L", "A", "N")),
            Map.entry("AC", Set.of("H", "M", "L")),
            Map.entry("Au", Set.of("M", "S", "N")),
            Map.entry("C", Set.of("N", "P", "C")),
            Map.entry("I", Set.of("N", "P", "C")),
            Map.entry("A", Set.of("N", "P", "C")),
            Map.entry("E", Set.of("U", "POC", "F", "H", "ND")),
            Map.entry("RL", Set.of("OF", "TF", "W", "U", "ND")),
            Map.entry("RC", Set.of("UC", "UR", "C", "ND")),
            Map.entry("CDP", Set.of("N", "L", "LM", "MH", "H", "ND")),
            Map.entry("TD", Set.of("N", "L", "M", "H", "ND")),
            Map.entry("CR", Set.of("L", "M", "H", "ND")),
            Map.entry("IR", Set.of("L", "M", "H", "ND")),
            Map.entry("AR", Set.of("L", "M", "H", "ND")));

    private Cvss2() {
    }

    static double baseScore(String body) throws MalformedVectorException {
        Map<String, String> m = CvssVector.parse(body, ALLOWED, BASE);
        double accessVector = switch (m.get("AV")) {
            case "L" -> 0.395;
            case "A" -> 0.646;
            default -> 1.0;
        };
        double accessComplexity = switch (m.get("AC")) {
            case "H" -> 0.35;
            case "M" -> 0.61;
            default -> 0.71;
        };
        double authentication = switch (m.get("Au")) {
            case "M" -> 0.45;
            case "S" -> 0.56;
            default -> 0.704;
        };
        double impact = 10.41 * (1 - (1 - impact(m.get("C"))) * (1 - impact(m.get("I"))) * (1 - impact(m.get("A"))));
        double exploitability = 20 * accessVector * accessComplexity * authentication;
        double f = impact == 0 ? 0 : 1.176;
        double base = ((0.6 * impact) + (0.4 * exploitability) - 1.5) * f;
        // The guide rounds to one decimal; BigDecimal of the double's decimal form avoids 4.4999… artefacts.
        return BigDecimal.valueOf(base).setScale(1, RoundingMode.HALF_UP).max(BigDecimal.ZERO).doubleValue();
    }

    private static double impact(String value) {
        return switch (value) {
            case "P" -> 0.275;
            case "C" -> 0.660;
            default -> 0.0;
        };
    }
}
