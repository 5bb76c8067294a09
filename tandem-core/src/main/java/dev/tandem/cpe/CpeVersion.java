package dev.tandem.cpe;

import java.util.Comparator;
import java.util.Locale;

/**
 * The order CPE version bounds are evaluated in. NVD defines none ("version" is free text), so Tandem
 * uses one documented rule (docs/matching.md#cpe-versions), the one every case of the NVD test set
 * needs:
 *
 * <ol>
 *   <li>A version is split into runs of digits and runs of letters; every other character
 *       ({@code . - _ + ~ :} and so on) only separates runs. Letters compare without case.</li>
 *   <li>Runs are compared left to right: digit runs as numbers (leading zeros ignored), letter runs
 *       as text; a letter run sorts after a digit run at the same place ({@code 1.0.1 < 1.0a}).</li>
 *   <li>When one version runs out of runs, the rest of the other decides: trailing zero numbers
 *       change nothing ({@code 4.19 = 4.19.0}); anything else makes it the later version, so a
 *       letter suffix is a later release, as OpenSSL numbers them: {@code 1.0.2 < 1.0.2a < 1.0.2k <
 *       1.0.2z < 1.0.2za < 1.0.2zg}.</li>
 * </ol>
 *
 * The three rules make one total order (tested as a property): what follows a common start sorts
 * as nothing or zeros, then other numbers, then letters. rpmvercmp puts letters before numbers
 * instead; it also has no equal trailing zeros, and both cannot hold together.
 *
 * Pre-releases are not recognised in the version ({@code 1.0.0-rc1} sorts after {@code 1.0.0}):
 * CPE names carry them in the {@code update} attribute ({@code 2019.07:rc1}), which a version range
 * does not look at.
 */
public final class CpeVersion {

    /** The rule as a comparator of version texts. */
    public static final Comparator<String> ORDER = CpeVersion::compare;

    private CpeVersion() {
    }

    /** Negative, zero or positive as {@code a} sorts before, equal to or after {@code b}. */
    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (true) {
            i = skipSeparators(a, i);
            j = skipSeparators(b, j);
            boolean aDone = i >= a.length();
            boolean bDone = j >= b.length();
            if (aDone || bDone) {
                if (aDone && bDone) {
                    return 0;
                }
                return aDone ? (onlyZeros(b, j) ? 0 : -1) : (onlyZeros(a, i) ? 0 : 1);
            }
            boolean aDigit = isDigit(a.charAt(i));
            boolean bDigit = isDigit(b.charAt(j));
            int aEnd = runEnd(a, i, aDigit);
            int bEnd = runEnd(b, j, bDigit);
            int order;
            if (aDigit && bDigit) {
                order = compareNumbers(a, i, aEnd, b, j, bEnd);
            } else if (!aDigit && !bDigit) {
                order = a.substring(i, aEnd).toLowerCase(Locale.ROOT).compareTo(b.substring(j, bEnd).toLowerCase(Locale.ROOT));
            } else {
                order = aDigit ? -1 : 1;
            }
            if (order != 0) {
                return order;
            }
            i = aEnd;
            j = bEnd;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int skipSeparators(String text, int from) {
        int i = from;
        while (i < text.length() && !isDigit(text.charAt(i)) && !isLetter(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int runEnd(String text, int from, boolean digits) {
        int i = from;
        while (i < text.length() && (digits ? isDigit(text.charAt(i)) : isLetter(text.charAt(i)))) {
            i++;
        }
        return i;
    }

    /** True when what is left of {@code text} from {@code from} is separators and zero numbers only. */
    private static boolean onlyZeros(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isLetter(c) || (isDigit(c) && c != '0')) {
                return false;
            }
        }
        return true;
    }

    private static int compareNumbers(String a, int aFrom, int aTo, String b, int bFrom, int bTo) {
        while (aFrom < aTo - 1 && a.charAt(aFrom) == '0') {
            aFrom++;
        }
        while (bFrom < bTo - 1 && b.charAt(bFrom) == '0') {
            bFrom++;
        }
        int aLength = aTo - aFrom;
        int bLength = bTo - bFrom;
        if (aLength != bLength) {
            return Integer.compare(aLength, bLength);
        }
        for (int k = 0; k < aLength; k++) {
            int order = Character.compare(a.charAt(aFrom + k), b.charAt(bFrom + k));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }
}
