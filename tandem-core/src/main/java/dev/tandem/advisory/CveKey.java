package dev.tandem.advisory;

/**
 * A CVE id as one sortable number, {@code year << 40 | sequence}: EPSS tables keep hundreds of
 * thousands of ids as fixed-width keys and find one by binary search, in memory and in snapshots.
 */
public final class CveKey {

    /** Sequence numbers below 2^40 fit; real ones have at most 8 digits. */
    private static final long MAX_SEQUENCE = (1L << 40) - 1;

    private CveKey() {
    }

    /** The key of {@code CVE-YYYY-NNNN…} (any case, surrounding blanks ignored), or -1 when it is not a CVE id that fits. */
    public static long of(String id) {
        if (id == null) {
            return -1;
        }
        String text = id.strip();
        if (text.length() < 13 || !text.regionMatches(true, 0, "CVE-", 0, 4) || text.charAt(8) != '-') {
            return -1;
        }
        long year = 0;
        for (int i = 4; i < 8; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            year = year * 10 + (c - '0');
        }
        if (text.length() - 9 > 13) {
            return -1;
        }
        long sequence = 0;
        for (int i = 9; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            sequence = sequence * 10 + (c - '0');
        }
        // Leading zeros beyond four digits would give two ids one key (CVE-2021-01234 and CVE-2021-1234).
        if (sequence > MAX_SEQUENCE || (text.length() - 9 > 4 && text.charAt(9) == '0')) {
            return -1;
        }
        return year << 40 | sequence;
    }

    /** The id of a key: {@code CVE-YYYY-NNNN}, the sequence written with at least four digits. */
    public static String text(long key) {
        long year = key >>> 40;
        long sequence = key & MAX_SEQUENCE;
        String digits = Long.toString(sequence);
        return "CVE-" + year + "-" + "0".repeat(Math.max(0, 4 - digits.length())) + digits;
    }
}
