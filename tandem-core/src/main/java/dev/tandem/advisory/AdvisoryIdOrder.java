package dev.tandem.advisory;

import java.util.Comparator;
import java.util.Locale;

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
    public int compare(String a, String b) {
        String x = a.toUpperCase(Locale.ROOT);
        String y = b.toUpperCase(Locale.ROOT);
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            char cx = x.charAt(i);
            char cy = y.charAt(j);
            if (Character.isDigit(cx) && Character.isDigit(cy)) {
                int endX = digitsEnd(x, i);
                int endY = digitsEnd(y, j);
                int startX = skipZeros(x, i, endX);
                int startY = skipZeros(y, j, endY);
                int lengths = Integer.compare(endX - startX, endY - startY);
                if (lengths != 0) {
                    return lengths;
                }
                int digits = x.substring(startX, endX).compareTo(y.substring(startY, endY));
                if (digits != 0) {
                    return digits;
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
        return rest != 0 ? rest : a.compareTo(b);
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
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
