package dev.tandem.advisory.cvss;

import java.util.List;

/** CVSS v3.0 and v3.1 base scores, per the FIRST specifications (section 7.1 and Appendix A of 3.1). */
final class Cvss3 {

    // Metric positions in GRAMMAR; a value is read as 1 + its position in the metric's row.
    private static final int AV = 0;
    private static final int AC = 1;
    private static final int PR = 2;
    private static final int UI = 3;
    private static final int S = 4;
    private static final int C = 5;
    private static final int I = 6;
    private static final int A = 7;

    private static final CvssVector GRAMMAR = new CvssVector(new String[][] {
            {"AV", "N", "A", "L", "P"}, {"AC", "L", "H"}, {"PR", "N", "L", "H"}, {"UI", "N", "R"}, {"S", "U", "C"},
            {"C", "H", "L", "N"}, {"I", "H", "L", "N"}, {"A", "H", "L", "N"},
            {"E", "X", "U", "P", "F", "H"}, {"RL", "X", "O", "T", "W", "U"}, {"RC", "X", "U", "R", "C"},
            {"CR", "X", "L", "M", "H"}, {"IR", "X", "L", "M", "H"}, {"AR", "X", "L", "M", "H"},
            {"MAV", "X", "N", "A", "L", "P"}, {"MAC", "X", "L", "H"}, {"MPR", "X", "N", "L", "H"}, {"MUI", "X", "N", "R"},
            {"MS", "X", "U", "C"}, {"MC", "X", "H", "L", "N"}, {"MI", "X", "H", "L", "N"}, {"MA", "X", "H", "L", "N"}},
            List.of("AV", "AC", "PR", "UI", "S", "C", "I", "A"));

    // The weights of section 7.4, by value position (1-based, as GRAMMAR reads them).
    private static final double[] ATTACK_VECTOR = {Double.NaN, 0.85, 0.62, 0.55, 0.2};
    private static final double[] ATTACK_COMPLEXITY = {Double.NaN, 0.77, 0.44};
    private static final double[] PRIVILEGES_UNCHANGED = {Double.NaN, 0.85, 0.62, 0.27};
    private static final double[] PRIVILEGES_CHANGED = {Double.NaN, 0.85, 0.68, 0.5};
    private static final double[] USER_INTERACTION = {Double.NaN, 0.85, 0.62};
    private static final double[] CIA = {Double.NaN, 0.56, 0.22, 0.0};
    private static final int SCOPE_CHANGED = 2;

    private Cvss3() {
    }

    /**
     * The base score of the vector {@code text} from {@code from} to {@code to} (without its prefix).
     *
     * @param minor 0 or 1: v3.0 rounds up with a plain ceiling, v3.1 with the float-safe Roundup of Appendix A
     */
    static double baseScore(String text, int from, int to, int minor) throws MalformedVectorException {
        byte[] m = new byte[GRAMMAR.size()];
        GRAMMAR.parse(text, from, to, m);
        boolean changed = m[S] == SCOPE_CHANGED;
        double attackVector = ATTACK_VECTOR[m[AV]];
        double attackComplexity = ATTACK_COMPLEXITY[m[AC]];
        double privileges = changed ? PRIVILEGES_CHANGED[m[PR]] : PRIVILEGES_UNCHANGED[m[PR]];
        double userInteraction = USER_INTERACTION[m[UI]];
        double iss = 1 - (1 - CIA[m[C]]) * (1 - CIA[m[I]]) * (1 - CIA[m[A]]);
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

    /** CVSS v3.1 Appendix A: the smallest one-decimal number not below the input, immune to float noise. */
    private static double roundUp31(double input) {
        long intInput = Math.round(input * 100_000);
        if (intInput % 10_000 == 0) {
            return intInput / 100_000.0;
        }
        return (Math.floor(intInput / 10_000.0) + 1) / 10.0;
    }
}
