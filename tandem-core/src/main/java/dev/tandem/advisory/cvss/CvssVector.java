package dev.tandem.advisory.cvss;

import java.util.Arrays;
import java.util.List;

/**
 * The metric grammar of one CVSS version: metric names, each one's allowed values, the mandatory
 * base metrics. {@link #parse} reads a vector ({@code AV:N/AC:L/...}) into one byte per metric
 * without a string or map per metric (issue 20: the decode scores every advisory's vectors), and
 * checks it as the specifications ask: every metric at most once, mandatory metrics present.
 */
final class CvssVector {

    /** The value of a metric the vector does not state. */
    static final byte ABSENT = 0;

    private static final int NAME_SLOTS = 64;

    private final String[] names;
    private final long[][] valueKeys;
    private final int[] mandatory;
    private final long[] slotKeys = new long[NAME_SLOTS];
    private final byte[] slotMetrics = new byte[NAME_SLOTS];

    /**
     * @param metrics   each metric's name followed by its allowed values; a metric's value is read as
     *                  1 + the value's position here, {@link #ABSENT} when not stated
     * @param mandatory the metrics the base score needs, in the order a missing one is reported
     */
    CvssVector(String[][] metrics, List<String> mandatory) {
        names = new String[metrics.length];
        valueKeys = new long[metrics.length][];
        Arrays.fill(slotKeys, -1);
        for (int m = 0; m < metrics.length; m++) {
            String name = metrics[m][0];
            names[m] = name;
            valueKeys[m] = new long[metrics[m].length - 1];
            for (int v = 1; v < metrics[m].length; v++) {
                valueKeys[m][v - 1] = key(metrics[m][v], 0, metrics[m][v].length());
            }
            int slot = slot(key(name, 0, name.length()));
            while (slotKeys[slot] != -1) {
                slot = (slot + 1) & (NAME_SLOTS - 1);
            }
            slotKeys[slot] = key(name, 0, name.length());
            slotMetrics[slot] = (byte) m;
        }
        // Plain loops, no streams or lambdas: this runs in the first scoring call of a process.
        this.mandatory = new int[mandatory.size()];
        for (int i = 0; i < this.mandatory.length; i++) {
            this.mandatory[i] = metric(mandatory.get(i));
        }
    }

    /** The number of metrics of the version: the length of the array {@link #parse} fills. */
    int size() {
        return names.length;
    }

    /** The position of a metric by name (set-up only). */
    int metric(String name) {
        for (int m = 0; m < names.length; m++) {
            if (names[m].equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no metric " + name);
    }

    /**
     * Parses {@code text} from {@code from} to {@code to} (the vector without its {@code CVSS:x.y/}
     * prefix) into {@code values}: per metric 1 + the position of its value, {@link #ABSENT} when
     * the vector does not state it. The first fault in reading order is reported, as splitting at
     * every {@code /} and checking each part would report it.
     */
    void parse(String text, int from, int to, byte[] values) throws MalformedVectorException {
        if (from >= to) {
            throw new MalformedVectorException("the vector has no metrics");
        }
        int start = from;
        while (true) {
            // One pass over the part: the name's characters packed into a number up to the first
            // ':', then the value's up to the next '/'.
            int at = start;
            long name = 0;
            int nameBits = 0;
            char c = 0;
            while (at < to && (c = text.charAt(at)) != ':' && c != '/') {
                name = name << 8 | c;
                nameBits |= c;
                at++;
            }
            int colon = at < to && c == ':' ? at : -1;
            long value = 0;
            int valueBits = 0;
            if (colon >= 0) {
                at++;
                while (at < to && (c = text.charAt(at)) != '/') {
                    value = value << 8 | c;
                    valueBits |= c;
                    at++;
                }
            }
            int end = at;
            if (colon <= start || colon == end - 1) {
                throw new MalformedVectorException("\"" + shorten(text.substring(start, end)) + "\" is not a METRIC:VALUE pair");
            }
            int metric = lookup(packed(name, nameBits, colon - start));
            if (metric < 0) {
                throw new MalformedVectorException("unknown metric \"" + shorten(text.substring(start, colon)) + "\"");
            }
            long valueKey = packed(value, valueBits, end - colon - 1);
            long[] allowed = valueKeys[metric];
            int found = -1;
            for (int v = 0; v < allowed.length; v++) {
                if (allowed[v] == valueKey) {
                    found = v;
                    break;
                }
            }
            if (found < 0) {
                throw new MalformedVectorException("metric " + names[metric] + " has no value \""
                        + shorten(text.substring(colon + 1, end)) + "\"");
            }
            if (values[metric] != ABSENT) {
                throw new MalformedVectorException("metric " + names[metric] + " appears more than once");
            }
            values[metric] = (byte) (found + 1);
            if (end == to) {
                break;
            }
            start = end + 1;
        }
        for (int m : mandatory) {
            if (values[m] == ABSENT) {
                throw new MalformedVectorException("the base metric " + names[m] + " is missing");
            }
        }
    }

    private int lookup(long key) {
        if (key == -1) {
            return -1;
        }
        int slot = slot(key);
        while (true) {
            long found = slotKeys[slot];
            if (found == key) {
                return slotMetrics[slot];
            }
            if (found == -1) {
                return -1;
            }
            slot = (slot + 1) & (NAME_SLOTS - 1);
        }
    }

    private static int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 58);
    }

    /**
     * A name or value of 1 to 7 ASCII characters as one number (its length, then its characters);
     * -1 for anything else, which no metric name or value is.
     */
    private static long key(String text, int from, int to) {
        int length = to - from;
        if (length < 1 || length > 7) {
            return -1;
        }
        long key = length;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return -1;
            }
            key = key << 8 | c;
        }
        return key;
    }

    /**
     * {@link #key} of {@code length} characters a scan packed into {@code chars} (each shifted in by
     * 8 bits, the last lowest) and OR-ed into {@code bits}.
     */
    private static long packed(long chars, int bits, int length) {
        if (length < 1 || length > 7 || bits >= 0x80) {
            return -1;
        }
        return (long) length << (8 * length) | chars;
    }

    static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
