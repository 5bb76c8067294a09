package dev.tandem.advisory;

import java.util.Comparator;

/**
 * The order of advisory ids: case-insensitive, with digit runs compared as numbers, so
 * {@code CVE-2021-999 < CVE-2021-1000} and {@code GO-2020-0001 < GO-2020-0010}; ties fall back to
 * plain string order so the order is total.
 */
public final class AdvisoryIdOrder implements Comparator<String> {

    /** The shared instance. */
    public static final AdvisoryIdOrder INSTANCE = new AdvisoryIdOrder();

    private AdvisoryIdOrder() {
    }

    @Override
    public int compare(String x, String y) {
        // Allocation-free: this runs millions of times when half a million vulnerabilities are sorted.
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            char cx = Character.toUpperCase(x.charAt(i));
            char cy = Character.toUpperCase(y.charAt(j));
            if (isDigit(cx) && isDigit(cy)) {
                int endX = digitsEnd(x, i);
                int endY = digitsEnd(y, j);
                int startX = skipZeros(x, i, endX);
                int startY = skipZeros(y, j, endY);
                int lengths = Integer.compare(endX - startX, endY - startY);
                if (lengths != 0) {
                    return lengths;
                }
                for (int k = 0; k < endX - startX; k++) {
                    int digit = Character.compare(x.charAt(startX + k), y.charAt(startY + k));
                    if (digit != 0) {
                        return digit;
                    }
                }
                i = endX;
                j = endY;
            } else {
                if (cx != cy) {
                    return Character.compare(cx, cy);
                }
                i++;
                j++;
            }
        }
        int rest = Integer.compare(x.length() - i, y.length() - j);
        return rest != 0 ? rest : x.compareTo(y);
    }

    /**
     * A string whose plain {@link String#compareTo} order equals this order (up to the final
     * tie-break on the raw id): upper-cased, each digit run written as '0', its length, its digits
     * without leading zeros. Sorting by precomputed keys is many times faster for large sets.
     */
    public static String sortKey(String id) {
        StringBuilder key = new StringBuilder(id.length() + 8);
        appendSortKey(key, id);
        return key.toString();
    }

    /** Appends {@link #sortKey(String) the sort key} of {@code id} to {@code key}. */
    static void appendSortKey(StringBuilder key, String id) {
        int i = 0;
        while (i < id.length()) {
            char c = id.charAt(i);
            if (isDigit(c)) {
                int end = digitsEnd(id, i);
                int start = skipZeros(id, i, end);
                // Every digit compares the same way against any non-digit, so '0' stands for the run.
                key.append('0').append((char) (end - start)).append(id, start, end);
                i = end;
            } else {
                key.append(Character.toUpperCase(c));
                i++;
            }
        }
    }

    /**
     * Writes the sort key of an ASCII {@code id} as Latin-1 bytes into {@code out} from {@code at}
     * ({@code out} holds at least three bytes per character left); returns where it ends, or -1
     * when the id holds a non-ASCII character or a digit run longer than 255 (the caller then uses
     * {@link #appendSortKey}).
     */
    static int sortKeyBytes(String id, byte[] out, int at) {
        int i = 0;
        int length = id.length();
        while (i < length) {
            char c = id.charAt(i);
            if (c >= 0x80) {
                return -1;
            }
            if (isDigit(c)) {
                int end = digitsEnd(id, i);
                int start = skipZeros(id, i, end);
                if (end - start > 0xFF) {
                    return -1;
                }
                out[at++] = '0';
                out[at++] = (byte) (end - start);
                for (int d = start; d < end; d++) {
                    out[at++] = (byte) id.charAt(d);
                }
                i = end;
            } else {
                out[at++] = (byte) (c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c);
                i++;
            }
        }
        return at;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    private static int skipZeros(String s, int from, int end) {
        int start = from;
        while (start < end - 1 && s.charAt(start) == '0') {
            start++;
        }
        return start;
    }
}
