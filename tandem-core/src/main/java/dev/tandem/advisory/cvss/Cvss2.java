package dev.tandem.advisory.cvss;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** CVSS v2 base score, per the FIRST CVSS v2 Complete Guide, section 3.2.1. */
final class Cvss2 {

    // Metric positions in GRAMMAR; a value is read as 1 + its position in the metric's row.
    private static final int AV = 0;
    private static final int AC = 1;
    private static final int AU = 2;
    private static final int C = 3;
    private static final int I = 4;
    private static final int A = 5;

    private static final CvssVector GRAMMAR = new CvssVector(new String[][] {
            {"AV", "L", "A", "N"}, {"AC", "H", "M", "L"}, {"Au", "M", "S", "N"},
            {"C", "N", "P", "C"}, {"I", "N", "P", "C"}, {"A", "N", "P", "C"},
            {"E", "U", "POC", "F", "H", "ND"}, {"RL", "OF", "TF", "W", "U", "ND"}, {"RC", "UC", "UR", "C", "ND"},
            {"CDP", "N", "L", "LM", "MH", "H", "ND"}, {"TD", "N", "L", "M", "H", "ND"},
            {"CR", "L", "M", "H", "ND"}, {"IR", "L", "M", "H", "ND"}, {"AR", "L", "M", "H", "ND"}},
            List.of("AV", "AC", "Au", "C", "I", "A"));

    // The weights of section 3.2.1, by value position (1-based, as GRAMMAR reads them).
    private static final double[] ACCESS_VECTOR = {Double.NaN, 0.395, 0.646, 1.0};
    private static final double[] ACCESS_COMPLEXITY = {Double.NaN, 0.35, 0.61, 0.71};
    private static final double[] AUTHENTICATION = {Double.NaN, 0.45, 0.56, 0.704};
    private static final double[] IMPACT = {Double.NaN, 0.0, 0.275, 0.660};

    private Cvss2() {
    }

    /** The base score of the vector {@code text} from {@code from} to {@code to} (without prefix or parentheses). */
    static double baseScore(String text, int from, int to) throws MalformedVectorException {
        byte[] m = new byte[GRAMMAR.size()];
        GRAMMAR.parse(text, from, to, m);
        double accessVector = ACCESS_VECTOR[m[AV]];
        double accessComplexity = ACCESS_COMPLEXITY[m[AC]];
        double authentication = AUTHENTICATION[m[AU]];
        double impact = 10.41 * (1 - (1 - IMPACT[m[C]]) * (1 - IMPACT[m[I]]) * (1 - IMPACT[m[A]]));
        double exploitability = 20 * accessVector * accessComplexity * authentication;
        double f = impact == 0 ? 0 : 1.176;
        double base = ((0.6 * impact) + (0.4 * exploitability) - 1.5) * f;
        // The guide rounds to one decimal; BigDecimal of the double's decimal form avoids 4.4999… artefacts.
        return BigDecimal.valueOf(base).setScale(1, RoundingMode.HALF_UP).max(BigDecimal.ZERO).doubleValue();
    }
}
