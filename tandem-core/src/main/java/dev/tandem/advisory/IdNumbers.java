package dev.tandem.advisory;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Advisory ids numbered 0, 1, 2… in order of first sight, two ids being the same when their
 * stripped, upper-cased ({@link Locale#ROOT}) forms are equal: the alias merge's node numbers and
 * the database's look-up by any id. Built by one thread, then read by any.
 *
 * <p>An open-addressing table of ints over the strings the caller already holds: the upper-cased
 * key of an ASCII id is never made (its hash and its comparison upper-case as they read), so
 * numbering the million ids of 500,000 advisories allocates nothing per id. An id with a non-ASCII
 * character is upper-cased by {@link String#toUpperCase(Locale)} first (which may change its length
 * or give ASCII: {@code ß} is {@code SS}); when its key still holds a non-ASCII character it is kept
 * in a small map by that key, apart from the table, so a case-blind comparison never meets a
 * character such as the Kelvin sign, which {@link String#equalsIgnoreCase} finds equal to {@code k}
 * but which upper-cases to itself.
 */
final class IdNumbers {

    private static final int GOLDEN = 0x9E3779B9;
    /** {@link #cveOrder(int)} of an id that is not a CVE id. */
    static final long NOT_CVE = -2;
    /** {@link #cveOrder(int)} of a CVE id that {@link CveKey} does not number (a leading zero, a suffix). */
    static final long CVE_UNNUMBERED = -1;

    private long[] slots; // hash << 32 | node + 1; 0 is a free slot
    private int shift;
    private int inTable;
    private String[] forms; // per node: the stripped id first seen (ASCII), or its upper-cased key; a CVE id's key
    private long[] cves; // per node while building: NOT_CVE, CVE_UNNUMBERED or the CveKey of a CVE id
    private int size;
    private final Map<String, Integer> nonAscii = new HashMap<>();

    /** A table for about {@code expected} ids before it grows. */
    IdNumbers(int expected) {
        int capacity = Math.max(16, expected);
        forms = new String[capacity];
        cves = new long[capacity];
        resize(tableSize(capacity));
    }

    /** Room for {@code more} ids beyond those numbered in the per-id arrays (the table grows as it fills). */
    void reserve(long more) {
        int wanted = (int) Math.min(Integer.MAX_VALUE - 16L, size + more);
        if (wanted > forms.length) {
            forms = Arrays.copyOf(forms, wanted);
            cves = Arrays.copyOf(cves, wanted);
        }
    }

    /** Drops what only numbering needs; {@link #find} and {@link #findKey} still answer. */
    void doneNumbering() {
        cves = null;
        if (forms.length > size + (size >> 3) + 16) {
            forms = Arrays.copyOf(forms, size);
        }
    }

    /** How many ids are numbered. */
    int size() {
        return size;
    }

    /** True when the id numbered {@code node} is a CVE id: its upper-cased key starts with {@code CVE-}. */
    boolean isCve(int node) {
        return cves[node] != NOT_CVE;
    }

    /**
     * The {@link CveKey} of the CVE id numbered {@code node} (the keys sort as the ids do), or
     * {@link #CVE_UNNUMBERED} or {@link #NOT_CVE}: worked out when the id is numbered, while its text
     * is at hand.
     */
    long cveOrder(int node) {
        return cves[node];
    }

    /** The upper-cased key of the CVE id numbered {@code node}. */
    String cveKey(int node) {
        return forms[node];
    }

    /** The number of {@code id} (stripped, any case), numbering it when it is new. */
    int number(String id) {
        return lookup(id.strip(), true);
    }

    /** The number of {@code id} (stripped, any case), or -1. */
    int find(String id) {
        return lookup(id.strip(), false);
    }

    /** The number of the id whose stripped, upper-cased form is exactly {@code key}, or -1. */
    int findKey(String key) {
        if (!key.equals(key.strip()) || !key.equals(key.toUpperCase(Locale.ROOT))) {
            return -1;
        }
        return find(key);
    }

    private int lookup(String stripped, boolean add) {
        int hash = 0;
        boolean lower = false;
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (c >= 0x80) {
                return nonAscii(stripped.toUpperCase(Locale.ROOT), add);
            }
            if (c >= 'a' && c <= 'z') {
                lower = true;
                c -= 'a' - 'A';
            }
            hash = 31 * hash + c;
        }
        return ascii(stripped, hash, add, lower);
    }

    private int nonAscii(String key, boolean add) {
        if (isAscii(key)) {
            return ascii(key, key.hashCode(), add, false);
        }
        Integer known = nonAscii.get(key);
        if (known != null) {
            return known;
        }
        if (!add) {
            return -1;
        }
        int node = newNode(key, key.regionMatches(true, 0, "CVE-", 0, 4) ? CVE_UNNUMBERED : NOT_CVE);
        nonAscii.put(key, node);
        return node;
    }

    private int ascii(String id, int hash, boolean add, boolean lower) {
        int mask = slots.length - 1;
        int i = (hash * GOLDEN) >>> shift;
        while (true) {
            long slot = slots[i];
            if (slot == 0) {
                if (!add) {
                    return -1;
                }
                int node;
                if (isCve(id)) {
                    String key = lower ? id.toUpperCase(Locale.ROOT) : id;
                    long order = CveKey.of(key);
                    node = newNode(key, order >= 0 ? order : CVE_UNNUMBERED);
                } else {
                    node = newNode(id, NOT_CVE);
                }
                slots[i] = (long) hash << 32 | (node + 1);
                if (++inTable > slots.length >>> 1) {
                    resize(slots.length << 1);
                }
                return node;
            }
            int node = (int) slot - 1;
            if ((int) (slot >>> 32) == hash && sameAscii(forms[node], id)) {
                return node;
            }
            i = (i + 1) & mask;
        }
    }

    private int newNode(String form, long cve) {
        if (size == forms.length) {
            int grown = forms.length + (forms.length >> 1) + 1;
            forms = Arrays.copyOf(forms, grown);
            cves = Arrays.copyOf(cves, grown);
        }
        forms[size] = form;
        cves[size] = cve;
        return size++;
    }

    private void resize(int capacity) {
        long[] old = slots;
        slots = new long[capacity];
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
        if (old == null) {
            return;
        }
        int mask = capacity - 1;
        for (long slot : old) {
            if (slot != 0) {
                int i = ((int) (slot >>> 32) * GOLDEN) >>> shift;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = slot;
            }
        }
    }

    /** A power of two at least twice {@code ids}: linear probing stays short at half full. */
    private static int tableSize(int ids) {
        return Integer.highestOneBit(Math.max(8, Math.min(1 << 29, ids)) * 2 - 1) << 1;
    }

    // Both ASCII: equal upper-cased, character by character.
    private static boolean sameAscii(String a, String b) {
        if (a == b) {
            return true;
        }
        int length = a.length();
        if (length != b.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y && upper(x) != upper(y)) {
                return false;
            }
        }
        return true;
    }

    // ASCII: the upper-cased key starts with "CVE-" when these four characters do, upper-cased.
    private static boolean isCve(String id) {
        return id.length() >= 4 && upper(id.charAt(0)) == 'C' && upper(id.charAt(1)) == 'V' && upper(id.charAt(2)) == 'E'
                && id.charAt(3) == '-';
    }

    private static char upper(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
