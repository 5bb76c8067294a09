package dev.tandem.advisory.cvss;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CVSS v4.0 score (base, and threat/environmental metrics when the vector carries them), by the
 * MacroVector lookup and interpolation of FIRST's reference calculator ({@code cvss_score.js} of
 * github.com/FIRSTdotorg/cvss-v4-calculator, BSD-2-Clause), ported step by step so that the
 * floating-point operations happen in the same order and give the same results.
 */
final class Cvss4 {

    private static final List<String> BASE = List.of("AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA");
    private static final Map<String, Set<String>> ALLOWED = allowed();
    private static final Map<String, Double> MACRO_VECTOR_SCORES = loadLookup();

    // Severity levels of each metric value (cvss_score.js); lower is more severe.
    private static final Map<String, Map<String, Double>> LEVELS = Map.ofEntries(
            Map.entry("AV", Map.of("N", 0.0, "A", 0.1, "L", 0.2, "P", 0.3)),
            Map.entry("PR", Map.of("N", 0.0, "L", 0.1, "H", 0.2)),
            Map.entry("UI", Map.of("N", 0.0, "P", 0.1, "A", 0.2)),
            Map.entry("AC", Map.of("L", 0.0, "H", 0.1)),
            Map.entry("AT", Map.of("N", 0.0, "P", 0.1)),
            Map.entry("VC", Map.of("H", 0.0, "L", 0.1, "N", 0.2)),
            Map.entry("VI", Map.of("H", 0.0, "L", 0.1, "N", 0.2)),
            Map.entry("VA", Map.of("H", 0.0, "L", 0.1, "N", 0.2)),
            Map.entry("SC", Map.of("H", 0.1, "L", 0.2, "N", 0.3)),
            Map.entry("SI", Map.of("S", 0.0, "H", 0.1, "L", 0.2, "N", 0.3)),
            Map.entry("SA", Map.of("S", 0.0, "H", 0.1, "L", 0.2, "N", 0.3)),
            Map.entry("CR", Map.of("H", 0.0, "M", 0.1, "L", 0.2)),
            Map.entry("IR", Map.of("H", 0.0, "M", 0.1, "L", 0.2)),
            Map.entry("AR", Map.of("H", 0.0, "M", 0.1, "L", 0.2)));

    // The highest-severity vectors of each EQ level (max_composed.js); EQ3 is keyed by EQ3 then EQ6.
    private static final Map<Integer, List<String>> EQ1_MAXES = Map.of(
            0, List.of("AV:N/PR:N/UI:N"),
            1, List.of("AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"),
            2, List.of("AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"));
    private static final Map<Integer, List<String>> EQ2_MAXES = Map.of(
            0, List.of("AC:L/AT:N"),
            1, List.of("AC:H/AT:N", "AC:L/AT:P"));
    private static final Map<String, List<String>> EQ3_EQ6_MAXES = Map.of(
            "00", List.of("VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"),
            "01", List.of("VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M"),
            "10", List.of("VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"),
            "11", List.of("VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M",
                    "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M", "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H",
                    "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M"),
            "21", List.of("VC:L/VI:L/VA:L/CR:H/IR:H/AR:H"));
    private static final Map<Integer, List<String>> EQ4_MAXES = Map.of(
            0, List.of("SC:H/SI:S/SA:S"),
            1, List.of("SC:H/SI:H/SA:H"),
            2, List.of("SC:L/SI:L/SA:L"));
    private static final Map<Integer, List<String>> EQ5_MAXES = Map.of(
            0, List.of("E:A"), 1, List.of("E:P"), 2, List.of("E:U"));

    // Depth of each MacroVector in severity-distance steps (max_severity.js).
    private static final int[] EQ1_DEPTH = {1, 4, 5};
    private static final int[] EQ2_DEPTH = {1, 2};
    private static final int[][] EQ3_EQ6_DEPTH = {{7, 6}, {8, 8}, {0, 10}};
    private static final int[] EQ4_DEPTH = {6, 5, 4};

    private static final List<String> DISTANCE_METRICS =
            List.of("AV", "PR", "UI", "AC", "AT", "VC", "VI", "VA", "SC", "SI", "SA", "CR", "IR", "AR");

    private Cvss4() {
    }

    static double score(String body) throws MalformedVectorException {
        Map<String, String> selected = CvssVector.parse(body, ALLOWED, BASE);
        return score(selected);
    }

    private static double score(Map<String, String> s) {
        if (List.of("VC", "VI", "VA", "SC", "SI", "SA").stream().allMatch(metric -> m(s, metric).equals("N"))) {
            return 0.0;
        }
        String macro = macroVector(s);
        double value = MACRO_VECTOR_SCORES.get(macro);
        int eq1 = macro.charAt(0) - '0';
        int eq2 = macro.charAt(1) - '0';
        int eq3 = macro.charAt(2) - '0';
        int eq4 = macro.charAt(3) - '0';
        int eq5 = macro.charAt(4) - '0';
        int eq6 = macro.charAt(5) - '0';

        double scoreEq1NextLower = lookup(eq1 + 1, eq2, eq3, eq4, eq5, eq6);
        double scoreEq2NextLower = lookup(eq1, eq2 + 1, eq3, eq4, eq5, eq6);
        double scoreEq3Eq6NextLower;
        if (eq3 == 1 && eq6 == 1) {
            scoreEq3Eq6NextLower = lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6);
        } else if (eq3 == 0 && eq6 == 1) {
            scoreEq3Eq6NextLower = lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6);
        } else if (eq3 == 1 && eq6 == 0) {
            scoreEq3Eq6NextLower = lookup(eq1, eq2, eq3, eq4, eq5, eq6 + 1);
        } else if (eq3 == 0 && eq6 == 0) {
            // Two ways down (00 -> 01 and 00 -> 10): the reference takes the higher-scoring one.
            double left = lookup(eq1, eq2, eq3, eq4, eq5, eq6 + 1);
            double right = lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6);
            scoreEq3Eq6NextLower = left > right ? left : right;
        } else {
            scoreEq3Eq6NextLower = lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6 + 1);
        }
        double scoreEq4NextLower = lookup(eq1, eq2, eq3, eq4 + 1, eq5, eq6);
        double scoreEq5NextLower = lookup(eq1, eq2, eq3, eq4, eq5 + 1, eq6);

        List<Map<String, String>> maxVectors = new ArrayList<>();
        for (String a : EQ1_MAXES.get(eq1)) {
            for (String b : EQ2_MAXES.get(eq2)) {
                for (String c : EQ3_EQ6_MAXES.get("" + eq3 + eq6)) {
                    for (String d : EQ4_MAXES.get(eq4)) {
                        for (String e : EQ5_MAXES.get(eq5)) {
                            maxVectors.add(metrics(a + "/" + b + "/" + c + "/" + d + "/" + e));
                        }
                    }
                }
            }
        }

        // The first max vector that is at least as severe in every metric; like the reference,
        // the distances of the last candidate stay in effect when none qualifies.
        Map<String, Double> distance = new HashMap<>();
        for (Map<String, String> max : maxVectors) {
            boolean negative = false;
            for (String metric : DISTANCE_METRICS) {
                Map<String, Double> levels = LEVELS.get(metric);
                double d = levels.get(m(s, metric)) - levels.get(max.get(metric));
                distance.put(metric, d);
                negative |= d < 0;
            }
            if (!negative) {
                break;
            }
        }

        double currentEq1 = distance.get("AV") + distance.get("PR") + distance.get("UI");
        double currentEq2 = distance.get("AC") + distance.get("AT");
        double currentEq3Eq6 = distance.get("VC") + distance.get("VI") + distance.get("VA")
                + distance.get("CR") + distance.get("IR") + distance.get("AR");
        double currentEq4 = distance.get("SC") + distance.get("SI") + distance.get("SA");

        double step = 0.1;
        double availableEq1 = value - scoreEq1NextLower;
        double availableEq2 = value - scoreEq2NextLower;
        double availableEq3Eq6 = value - scoreEq3Eq6NextLower;
        double availableEq4 = value - scoreEq4NextLower;
        double availableEq5 = value - scoreEq5NextLower;

        double maxSeverityEq1 = EQ1_DEPTH[eq1] * step;
        double maxSeverityEq2 = EQ2_DEPTH[eq2] * step;
        double maxSeverityEq3Eq6 = EQ3_EQ6_DEPTH[eq3][eq6] * step;
        double maxSeverityEq4 = EQ4_DEPTH[eq4] * step;

        int existingLower = 0;
        double normalizedEq1 = 0;
        double normalizedEq2 = 0;
        double normalizedEq3Eq6 = 0;
        double normalizedEq4 = 0;
        double normalizedEq5 = 0;
        if (!Double.isNaN(availableEq1)) {
            existingLower++;
            normalizedEq1 = availableEq1 * (currentEq1 / maxSeverityEq1);
        }
        if (!Double.isNaN(availableEq2)) {
            existingLower++;
            normalizedEq2 = availableEq2 * (currentEq2 / maxSeverityEq2);
        }
        if (!Double.isNaN(availableEq3Eq6)) {
            existingLower++;
            normalizedEq3Eq6 = availableEq3Eq6 * (currentEq3Eq6 / maxSeverityEq3Eq6);
        }
        if (!Double.isNaN(availableEq4)) {
            existingLower++;
            normalizedEq4 = availableEq4 * (currentEq4 / maxSeverityEq4);
        }
        if (!Double.isNaN(availableEq5)) {
            // EQ5 has a single value per level, so its proportional distance is always 0.
            existingLower++;
            normalizedEq5 = availableEq5 * 0;
        }
        double meanDistance = existingLower == 0 ? 0
                : (normalizedEq1 + normalizedEq2 + normalizedEq3Eq6 + normalizedEq4 + normalizedEq5) / existingLower;
        value -= meanDistance;
        if (value < 0) {
            value = 0.0;
        }
        if (value > 10) {
            value = 10.0;
        }
        // Round half up, lifted by a small epsilon: the arithmetic can land one ULP below an x.x5
        // tie. RedHatProductSecurity/cvss (constants4.py EPSILON, the library FIRST's example
        // scores are generated with) does the same.
        return Math.round((value + 1e-6) * 10) / 10.0;
    }

    /** The effective value of a metric: modified metrics override base ones, X of E/CR/IR/AR means the worst case. */
    private static String m(Map<String, String> s, String metric) {
        String selected = s.getOrDefault(metric, "X");
        if (metric.equals("E") && selected.equals("X")) {
            return "A";
        }
        if ((metric.equals("CR") || metric.equals("IR") || metric.equals("AR")) && selected.equals("X")) {
            return "H";
        }
        String modified = s.get("M" + metric);
        if (modified != null && !modified.equals("X")) {
            return modified;
        }
        return selected;
    }

    private static String macroVector(Map<String, String> s) {
        String av = m(s, "AV");
        String pr = m(s, "PR");
        String ui = m(s, "UI");
        int eq1;
        if (av.equals("N") && pr.equals("N") && ui.equals("N")) {
            eq1 = 0;
        } else if ((av.equals("N") || pr.equals("N") || ui.equals("N")) && !av.equals("P")) {
            eq1 = 1;
        } else {
            eq1 = 2;
        }
        int eq2 = m(s, "AC").equals("L") && m(s, "AT").equals("N") ? 0 : 1;
        String vc = m(s, "VC");
        String vi = m(s, "VI");
        String va = m(s, "VA");
        int eq3;
        if (vc.equals("H") && vi.equals("H")) {
            eq3 = 0;
        } else if (vc.equals("H") || vi.equals("H") || va.equals("H")) {
            eq3 = 1;
        } else {
            eq3 = 2;
        }
        int eq4;
        if (m(s, "MSI").equals("S") || m(s, "MSA").equals("S")) {
            eq4 = 0;
        } else if (m(s, "SC").equals("H") || m(s, "SI").equals("H") || m(s, "SA").equals("H")) {
            eq4 = 1;
        } else {
            eq4 = 2;
        }
        int eq5 = switch (m(s, "E")) {
            case "A" -> 0;
            case "P" -> 1;
            default -> 2;
        };
        boolean eq6Zero = (m(s, "CR").equals("H") && vc.equals("H"))
                || (m(s, "IR").equals("H") && vi.equals("H"))
                || (m(s, "AR").equals("H") && va.equals("H"));
        int eq6 = eq6Zero ? 0 : 1;
        return "" + eq1 + eq2 + eq3 + eq4 + eq5 + eq6;
    }

    private static double lookup(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6) {
        Double score = MACRO_VECTOR_SCORES.get("" + eq1 + eq2 + eq3 + eq4 + eq5 + eq6);
        return score == null ? Double.NaN : score;
    }

    private static Map<String, String> metrics(String vector) {
        Map<String, String> metrics = new HashMap<>();
        for (String part : vector.split("/")) {
            int colon = part.indexOf(':');
            metrics.put(part.substring(0, colon), part.substring(colon + 1));
        }
        return metrics;
    }

    private static Map<String, Set<String>> allowed() {
        Set<String> hln = Set.of("H", "L", "N");
        Set<String> xhln = Set.of("X", "H", "L", "N");
        Set<String> xshln = Set.of("X", "S", "H", "L", "N");
        Set<String> xhml = Set.of("X", "H", "M", "L");
        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        allowed.put("AV", Set.of("N", "A", "L", "P"));
        allowed.put("AC", Set.of("L", "H"));
        allowed.put("AT", Set.of("N", "P"));
        allowed.put("PR", Set.of("N", "L", "H"));
        allowed.put("UI", Set.of("N", "P", "A"));
        for (String metric : List.of("VC", "VI", "VA", "SC", "SI", "SA")) {
            allowed.put(metric, hln);
        }
        allowed.put("E", Set.of("X", "A", "P", "U"));
        allowed.put("CR", xhml);
        allowed.put("IR", xhml);
        allowed.put("AR", xhml);
        allowed.put("MAV", Set.of("X", "N", "A", "L", "P"));
        allowed.put("MAC", Set.of("X", "L", "H"));
        allowed.put("MAT", Set.of("X", "N", "P"));
        allowed.put("MPR", Set.of("X", "N", "L", "H"));
        allowed.put("MUI", Set.of("X", "N", "P", "A"));
        allowed.put("MVC", xhln);
        allowed.put("MVI", xhln);
        allowed.put("MVA", xhln);
        allowed.put("MSC", xhln);
        allowed.put("MSI", xshln);
        allowed.put("MSA", xshln);
        allowed.put("S", Set.of("X", "N", "P"));
        allowed.put("AU", Set.of("X", "N", "Y"));
        allowed.put("R", Set.of("X", "A", "U", "I"));
        allowed.put("V", Set.of("X", "D", "C"));
        allowed.put("RE", Set.of("X", "L", "M", "H"));
        allowed.put("U", Set.of("X", "Clear", "Green", "Amber", "Red"));
        return Map.copyOf(allowed);
    }

    private static Map<String, Double> loadLookup() {
        Map<String, Double> table = new HashMap<>();
        try (InputStream in = Cvss4.class.getResourceAsStream("cvss4-macrovectors.txt")) {
            if (in == null) {
                throw new IllegalStateException("cvss4-macrovectors.txt is missing from the jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.trim().split("\\s+");
                table.put(parts[0], Double.parseDouble(parts[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (table.size() != 270) {
            throw new IllegalStateException("the CVSS v4.0 MacroVector table must have 270 entries, has " + table.size());
        }
        return Map.copyOf(table);
    }
}
