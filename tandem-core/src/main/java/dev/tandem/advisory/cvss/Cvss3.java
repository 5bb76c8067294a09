package dev.tandem.advisory.cvss;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** CVSS v3.0 and v3.1 base scores, per the FIRST specifications (section 7.1 and Appendix A of 3.1). */
final class Cvss3 {

    private static final List<String> BASE = List.of("AV", "AC", "PR", "UI", "S", "C", "I", "A");
    private static final Set<String> HLN = Set.of("H", "L", "N");
    private static final Set<String> XHLN = Set.of("X", "H", "L", "N");
    private static final Set<String> XLMH = Set.of("X", "L", "M", "H");

    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("AV", Set.of("N", "A", "L", "P")),
            Map.entry("AC", Set.of("L", "H")),
            Map.entry("PR", Set.of("N", "L", "H")),
            Map.entry("UI", Set.of("N", "R")),
            Map.entry("S", Set.of("U", "C")),
            Map.entry("C", HLN), Map.entry("I", HLN), Map.entry("A", HLN),
            Map.entry("E", Set.of("X", "U", "P", "F", "H")),
            Map.entry("RL", Set.of("X", "O", "T", "W", "U")),
            Map.entry("RC", Set.of("X", "U", "R", "C")),
            Map.entry("CR", XLMH), Map.entry("IR", XLMH), Map.entry("AR", XLMH),
            Map.entry("MAV", Set.of("X", "N", "A", "L", "P")),
            Map.entry("MAC", Set.of("X", "L", "H")),
            Map.entry("MPR", Set.of("X", "N", "L", "H")),
            Map.entry("MUI", Set.of("X", "N", "R")),
            Map.entry("MS", Set.of("X", "U", "C")),
            Map.entry("MC", XHLN), Map.entry("MI", XHLN), Map.entry("MA", XHLN));

    private Cvss3() {
    }

    /** @param minor 0 or 1: v3.0 rounds up with a plain ceiling, v3.1 with the float-safe Roundup of Appendix A */
    static double baseScore(String body, int minor) throws MalformedVectorException {
        Map<String, String> m = CvssVector.parse(body, ALLOWED, BASE);
        boolean changed = m.get("S").equals("C");
        double attackVector = switch (m.get("AV")) {
            case "N" -> 0.85;
            case "A" -> 0.62;
            case "L" -> 0.55;
            default -> 0.2;
        };
        double attackComplexity = m.get("AC").equals("L") ? 0.77 : 0.44;
        double privileges = switch (m.get("PR")) {
            case "N" -> 0.85;
            case "L" -> changed ? 0.68 : 0.62;
            default -> changed ? 0.5 : 0.27;
        };
        double userInteraction = m.get("UI").equals("N") ? 0.85 : 0.62;
        double iss = 1 - (1 - cia(m.get("C"))) * (1 - cia(m.get("I"))) * (1 - cia(m.get("A")));
        double impact = changed
                ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15)
                : 6.42 * iss;
        double exploitability = 8.22 * attackVector * attackComplexity * privileges * userInteraction;
        if (impact <= 0) {
            return 0.0;
        }
        double raw = changed ? Math.min(1.08 * (impact + exploitability), 10) : Math.min(impact + exploitability, 10);
        return minor == 0 ? Math.ceil(raw * 10) / 10 : roundUp31(raw);
    }

    private static double cia(String value) {
        return switch (value) {
            case "H" -> 0.56;
            case "L" -> 0.22;
            default -> 0.0;
        };
    }

    /** CVSS v3.1 Appendix A: the smallest one-decimal number not below the input, immune to float noise. */
    private static double roundUp31(double input) {
        long intInput = Math.round(input * 100_000);
        if (intInput % 10_000 == 0) {
            return intInput / 100_000.0;
        }
        return (Math.floor(intInput / 10_000.0) + 1) / 10.0;
    }
}
