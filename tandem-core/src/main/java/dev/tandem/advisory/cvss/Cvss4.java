package dev.tandem.advisory.cvss;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * CVSS v4.0 score (base, and threat/environmental metrics when the vector carries them), by the
 * MacroVector lookup and interpolation of FIRST's reference calculator ({@code cvss_score.js} of
 * github.com/FIRSTdotorg/cvss-v4-calculator, BSD-2-Clause), ported step by step so that the
 * floating-point operations happen in the same order and give the same results. The calculator's
 * maps are arrays here, indexed by metric and value position (issue 20: the decode scores every
 * advisory's vectors).
 */
final class Cvss4 {

    // Metric positions in GRAMMAR; a value is read as 1 + its position in the metric's row.
    private static final int AV = 0;
    private static final int AC = 1;
    private static final int AT = 2;
    private static final int PR = 3;
    private static final int UI = 4;
    private static final int VC = 5;
    private static final int VI = 6;
    private static final int VA = 7;
    private static final int SC = 8;
    private static final int SI = 9;
    private static final int SA = 10;
    private static final int E = 11;
    private static final int CR = 12;
    private static final int IR = 13;
    private static final int AR = 14;
    /** The modified metric of base metric {@code b} (AV to SA) is at {@code MODIFIED + b}. */
    private static final int MODIFIED = 15;

    private static final String[][] METRICS = {
            {"AV", "N", "A", "L", "P"}, {"AC", "L", "H"}, {"AT", "N", "P"}, {"PR", "N", "L", "H"}, {"UI", "N", "P", "A"},
            {"VC", "H", "L", "N"}, {"VI", "H", "L", "N"}, {"VA", "H", "L", "N"},
            {"SC", "H", "L", "N"}, {"SI", "H", "L", "N"}, {"SA", "H", "L", "N"},
            {"E", "X", "A", "P", "U"}, {"CR", "X", "H", "M", "L"}, {"IR", "X", "H", "M", "L"}, {"AR", "X", "H", "M", "L"},
            {"MAV", "X", "N", "A", "L", "P"}, {"MAC", "X", "L", "H"}, {"MAT", "X", "N", "P"}, {"MPR", "X", "N", "L", "H"},
            {"MUI", "X", "N", "P", "A"}, {"MVC", "X", "H", "L", "N"}, {"MVI", "X", "H", "L", "N"}, {"MVA", "X", "H", "L", "N"},
            {"MSC", "X", "H", "L", "N"}, {"MSI", "X", "S", "H", "L", "N"}, {"MSA", "X", "S", "H", "L", "N"},
            {"S", "X", "N", "P"}, {"AU", "X", "N", "Y"}, {"R", "X", "A", "U", "I"}, {"V", "X", "D", "C"},
            {"RE", "X", "L", "M", "H"}, {"U", "X", "Clear", "Green", "Amber", "Red"}};

    private static final CvssVector GRAMMAR = new CvssVector(METRICS,
            List.of("AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA"));

    /** The first letter of each value, by metric and value as GRAMMAR reads them (every value the score reads is one letter). */
    private static final char[][] LETTERS = letters();

    /** The metrics the distance to a MacroVector's highest-severity vectors is measured in, as cvss_score.js lists them. */
    private static final int[] DISTANCE_METRICS = {AV, PR, UI, AC, AT, VC, VI, VA, SC, SI, SA, CR, IR, AR};

    // Severity levels of each metric value (cvss_score.js); lower is more severe. By metric, then letter.
    private static final double[][] LEVELS = levels();

    /** MacroVector scores by {@link #macro}; NaN for the 54 combinations the table leaves out. */
    private static final double[] MACRO_VECTOR_SCORES = loadLookup();

    /**
     * The highest-severity vectors of each MacroVector (max_composed.js, in the calculator's nested
     * order), by {@link #macro}: per vector the level of each of {@link #DISTANCE_METRICS}.
     */
    private static final double[][][] MAX_VECTORS = maxVectors();

    // Depth of each MacroVector in severity-distance steps (max_severity.js).
    private static final int[] EQ1_DEPTH = {1, 4, 5};
    private static final int[] EQ2_DEPTH = {1, 2};
    private static final int[][] EQ3_EQ6_DEPTH = {{7, 6}, {8, 8}, {0, 10}};
    private static final int[] EQ4_DEPTH = {6, 5, 4};

    private Cvss4() {
    }

    /** The score of the vector {@code text} from {@code from} to {@code to} (without its {@code CVSS:4.0/} prefix). */
    static double score(String text, int from, int to) throws MalformedVectorException {
        byte[] selected = new byte[GRAMMAR.size()];
        GRAMMAR.parse(text, from, to, selected);
        return score(selected);
    }

    private static double score(byte[] s) {
        // The effective value letter of each base metric, and E, CR, IR, AR with X read as their worst case.
        char[] v = new char[AR + 1];
        for (int metric = AV; metric <= SA; metric++) {
            v[metric] = effective(s, metric);
        }
        v[E] = s[E] <= 1 ? 'A' : letter(E, s[E]);
        v[CR] = s[CR] <= 1 ? 'H' : letter(CR, s[CR]);
        v[IR] = s[IR] <= 1 ? 'H' : letter(IR, s[IR]);
        v[AR] = s[AR] <= 1 ? 'H' : letter(AR, s[AR]);
        if (v[VC] == 'N' && v[VI] == 'N' && v[VA] == 'N' && v[SC] == 'N' && v[SI] == 'N' && v[SA] == 'N') {
            return 0.0;
        }
        int eq1;
        if (v[AV] == 'N' && v[PR] == 'N' && v[UI] == 'N') {
            eq1 = 0;
        } else if ((v[AV] == 'N' || v[PR] == 'N' || v[UI] == 'N') && v[AV] != 'P') {
            eq1 = 1;
        } else {
            eq1 = 2;
        }
        int eq2 = v[AC] == 'L' && v[AT] == 'N' ? 0 : 1;
        int eq3;
        if (v[VC] == 'H' && v[VI] == 'H') {
            eq3 = 0;
        } else if (v[VC] == 'H' || v[VI] == 'H' || v[VA] == 'H') {
            eq3 = 1;
        } else {
            eq3 = 2;
        }
        int eq4;
        if (isSafety(s, MODIFIED + SI) || isSafety(s, MODIFIED + SA)) {
            eq4 = 0;
        } else if (v[SC] == 'H' || v[SI] == 'H' || v[SA] == 'H') {
            eq4 = 1;
        } else {
            eq4 = 2;
        }
        int eq5 = switch (v[E]) {
            case 'A' -> 0;
            case 'P' -> 1;
            default -> 2;
        };
        boolean eq6Zero = (v[CR] == 'H' && v[VC] == 'H') || (v[IR] == 'H' && v[VI] == 'H') || (v[AR] == 'H' && v[VA] == 'H');
        int eq6 = eq6Zero ? 0 : 1;

        int macro = macro(eq1, eq2, eq3, eq4, eq5, eq6);
        double value = MACRO_VECTOR_SCORES[macro];
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

        double[] level = new double[DISTANCE_METRICS.length];
        for (int i = 0; i < level.length; i++) {
            int metric = DISTANCE_METRICS[i];
            level[i] = LEVELS[metric][v[metric]];
        }
        // The first max vector that is at least as severe in every metric; like the reference,
        // the distances of the last candidate stay in effect when none qualifies. (For doubles,
        // a - b < 0 exactly when a < b.)
        double[][] candidates = MAX_VECTORS[macro];
        double[] max = candidates[candidates.length - 1];
        for (double[] candidate : candidates) {
            boolean negative = false;
            for (int i = 0; i < level.length; i++) {
                negative |= level[i] < candidate[i];
            }
            if (!negative) {
                max = candidate;
                break;
            }
        }
        // Positions in DISTANCE_METRICS: AV 0, PR 1, UI 2, AC 3, AT 4, VC 5, VI 6, VA 7, SC 8, SI 9, SA 10, CR 11, IR 12, AR 13.
        double currentEq1 = (level[0] - max[0]) + (level[1] - max[1]) + (level[2] - max[2]);
        double currentEq2 = (level[3] - max[3]) + (level[4] - max[4]);
        double currentEq3Eq6 = (level[5] - max[5]) + (level[6] - max[6]) + (level[7] - max[7])
                + (level[11] - max[11]) + (level[12] - max[12]) + (level[13] - max[13]);
        double currentEq4 = (level[8] - max[8]) + (level[9] - max[9]) + (level[10] - max[10]);

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

    /** The effective value of base metric {@code metric}: its modified metric overrides it unless absent or X. */
    private static char effective(byte[] s, int metric) {
        byte modified = s[MODIFIED + metric];
        return modified > 1 ? letter(MODIFIED + metric, modified) : letter(metric, s[metric]);
    }

    /** True when the modified subsequent-system metric at {@code metric} (MSI, MSA) says Safety. */
    private static boolean isSafety(byte[] s, int metric) {
        return s[metric] > 1 && letter(metric, s[metric]) == 'S';
    }

    private static char letter(int metric, byte value) {
        return LETTERS[metric][value];
    }

    private static char[][] letters() {
        char[][] letters = new char[METRICS.length][];
        for (int m = 0; m < METRICS.length; m++) {
            letters[m] = new char[METRICS[m].length];
            for (int v = 1; v < METRICS[m].length; v++) {
                letters[m][v] = METRICS[m][v].charAt(0);
            }
        }
        return letters;
    }

    /** The position of a MacroVector in the score and max-vector tables. */
    private static int macro(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6) {
        return ((((eq1 * 2 + eq2) * 3 + eq3) * 3 + eq4) * 3 + eq5) * 2 + eq6;
    }

    private static double lookup(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6) {
        if (eq1 > 2 || eq2 > 1 || eq3 > 2 || eq4 > 2 || eq5 > 2 || eq6 > 1) {
            return Double.NaN;
        }
        return MACRO_VECTOR_SCORES[macro(eq1, eq2, eq3, eq4, eq5, eq6)];
    }

    private static double[][] levels() {
        double[][] levels = new double[AR + 1][];
        levels[AV] = level("N", 0.0, "A", 0.1, "L", 0.2, "P", 0.3);
        levels[PR] = level("N", 0.0, "L", 0.1, "H", 0.2);
        levels[UI] = level("N", 0.0, "P", 0.1, "A", 0.2);
        levels[AC] = level("L", 0.0, "H", 0.1);
        levels[AT] = level("N", 0.0, "P", 0.1);
        levels[VC] = level("H", 0.0, "L", 0.1, "N", 0.2);
        levels[VI] = level("H", 0.0, "L", 0.1, "N", 0.2);
        levels[VA] = level("H", 0.0, "L", 0.1, "N", 0.2);
        levels[SC] = level("H", 0.1, "L", 0.2, "N", 0.3);
        levels[SI] = level("S", 0.0, "H", 0.1, "L", 0.2, "N", 0.3);
        levels[SA] = level("S", 0.0, "H", 0.1, "L", 0.2, "N", 0.3);
        levels[CR] = level("H", 0.0, "M", 0.1, "L", 0.2);
        levels[IR] = level("H", 0.0, "M", 0.1, "L", 0.2);
        levels[AR] = level("H", 0.0, "M", 0.1, "L", 0.2);
        return levels;
    }

    /** A level per letter ({@code letter, level, letter, level, ...}); NaN for letters the metric does not have. */
    private static double[] level(Object... pairs) {
        double[] byLetter = new double['Z' + 1];
        Arrays.fill(byLetter, Double.NaN);
        for (int i = 0; i < pairs.length; i += 2) {
            byLetter[((String) pairs[i]).charAt(0)] = (Double) pairs[i + 1];
        }
        return byLetter;
    }

    private static double[][][] maxVectors() {
        // Built once per process on the first v4 vector: no string concatenation, regular
        // expressions or lambdas (their first use costs milliseconds of bootstrap).
        String[][] eq1 = {{"AV:N/PR:N/UI:N"}, {"AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"},
                {"AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"}};
        String[][] eq2 = {{"AC:L/AT:N"}, {"AC:H/AT:N", "AC:L/AT:P"}};
        // By EQ3 then EQ6; EQ3 2 with EQ6 0 does not exist.
        String[][][] eq3eq6 = {
                {{"VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"}, {"VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M"}},
                {{"VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"},
                        {"VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M", "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M",
                                "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H", "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M"}},
                {{}, {"VC:L/VI:L/VA:L/CR:H/IR:H/AR:H"}}};
        String[][] eq4 = {{"SC:H/SI:S/SA:S"}, {"SC:H/SI:H/SA:H"}, {"SC:L/SI:L/SA:L"}};
        double[][][] table = new double[macro(2, 1, 2, 2, 2, 1) + 1][][];
        for (int e1 = 0; e1 < 3; e1++) {
            for (int e2 = 0; e2 < 2; e2++) {
                for (int e3 = 0; e3 < 3; e3++) {
                    for (int e6 = 0; e6 < 2; e6++) {
                        for (int e4 = 0; e4 < 3; e4++) {
                            List<double[]> candidates = new ArrayList<>();
                            for (String a : eq1[e1]) {
                                for (String b : eq2[e2]) {
                                    for (String c : eq3eq6[e3][e6]) {
                                        for (String d : eq4[e4]) {
                                            double[] levels = new double[DISTANCE_METRICS.length];
                                            levelsOf(a, levels);
                                            levelsOf(b, levels);
                                            levelsOf(c, levels);
                                            levelsOf(d, levels);
                                            candidates.add(levels);
                                        }
                                    }
                                }
                            }
                            for (int e5 = 0; e5 < 3; e5++) {
                                // EQ5's max vectors (E:A, E:P, E:U) hold no distance metric: one each, no effect.
                                table[macro(e1, e2, e3, e4, e5, e6)] = candidates.toArray(new double[0][]);
                            }
                        }
                    }
                }
            }
        }
        return table;
    }

    /** Sets the levels of the metrics a max vector part ({@code AV:N/PR:N/UI:N}) names. */
    private static void levelsOf(String vector, double[] levels) {
        int start = 0;
        while (start < vector.length()) {
            int colon = vector.indexOf(':', start);
            int slash = vector.indexOf('/', colon);
            int end = slash < 0 ? vector.length() : slash;
            int metric = GRAMMAR.metric(vector.substring(start, colon));
            int position = 0;
            while (DISTANCE_METRICS[position] != metric) {
                position++;
            }
            levels[position] = LEVELS[metric][vector.charAt(colon + 1)];
            start = end + 1;
        }
    }

    private static double[] loadLookup() {
        double[] table = new double[macro(2, 1, 2, 2, 2, 1) + 1];
        Arrays.fill(table, Double.NaN);
        int entries = 0;
        try (InputStream in = Cvss4.class.getResourceAsStream("cvss4-macrovectors.txt")) {
            if (in == null) {
                throw new IllegalStateException("cvss4-macrovectors.txt is missing from the jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                // "EQ1..EQ6 score": six digits within their levels' ranges, white space, the score.
                String entry = line.strip();
                int[] eq = new int[6];
                int[] levels = {3, 2, 3, 3, 3, 2};
                boolean valid = entry.length() > 7 && Character.isWhitespace(entry.charAt(6));
                for (int i = 0; i < 6 && valid; i++) {
                    eq[i] = entry.charAt(i) - '0';
                    valid = eq[i] >= 0 && eq[i] < levels[i];
                }
                if (!valid) {
                    throw new IllegalStateException("cvss4-macrovectors.txt: not a MacroVector entry: " + entry);
                }
                int at = macro(eq[0], eq[1], eq[2], eq[3], eq[4], eq[5]);
                if (!Double.isNaN(table[at])) {
                    throw new IllegalStateException("cvss4-macrovectors.txt: repeated MacroVector " + entry);
                }
                table[at] = Double.parseDouble(entry.substring(7).strip());
                entries++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (entries != 270) {
            throw new IllegalStateException("the CVSS v4.0 MacroVector table must have 270 entries, has " + entries);
        }
        return table;
    }
}
