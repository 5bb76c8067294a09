package dev.tandem.csaf;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * CSAF 2.0 §5.1: a document's file name is its {@code /document/tracking/id} in lower case, every run of
 * characters other than {@code a-z}, {@code 0-9}, {@code +}, {@code -} replaced by one {@code _}, and
 * {@code .json}.
 */
public final class CsafFileNames {

    private static final Pattern OTHER = Pattern.compile("[^+\\-a-z0-9]+");

    private CsafFileNames() {
    }

    public static String of(String trackingId) {
        return OTHER.matcher(trackingId.toLowerCase(Locale.ROOT)).replaceAll("_") + ".json";
    }
}
