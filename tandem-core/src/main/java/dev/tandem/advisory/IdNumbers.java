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

    private int[] slots; // node + 1; 0 is a free slot
    private int shift;
    private int inTable;
    private String[] forms; // per node: the stripped id first seen (ASCII), or its upper-cased key
    private int[] hashes; // per node: the hash of its upper-cased key (String.hashCode)
    private int size;
    private final Map<String, Integer> nonAscii = new HashMap<>();

    /** A table for about {@code expected} ids before it grows. */
    IdNumbers(int expected) {
        int capacity = Math.max(16, expected);
        forms = new String[capacity];
        hashes = new int[capacity];
        resize(tableSize(capacity));
    }

    /** Room for {@code more} ids beyond those numbered, so the table does not grow on the way. */
    void reserve(long more) {
        int wanted = (int) Math.min(Integer.MAX_VALUE - 16L, size + more);
        if (wanted > forms.length) {
            forms = Arrays.copyOf(forms, wanted);
            hashes = Arrays.copyOf(hashes, wanted);
        }
        int table = tableSize(wanted);
        if (table > slots.length) {
            resize(table);
        }
    }

    /** How many ids are numbered. */
    int size() {
        return size;
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
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (c >= 0x80) {
                return nonAscii(stripped.toUpperCase(Locale.ROOT), add);
            }
            hash = 31 * hash + (c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c);
        }
        return ascii(stripped, hash, add);
    }

    private int nonAscii(String key, boolean add) {
        if (isAscii(key)) {
            return ascii(key, key.hashCode(), add);
        }
        Integer known = nonAscii.get(key);
        if (known != null) {
            return known;
        }
        if (!add) {
            return -1;
        }
        int node = newNode(key, key.hashCode());
        nonAscii.put(key, node);
        return node;
    }

    private int ascii(String id, int hash, boolean add) {
        int mask = slots.length - 1;
        int i = (hash * GOLDEN) >>> shift;
        while (true) {
            int slot = slots[i];
            if (slot == 0) {
                if (!add) {
                    return -1;
                }
                int node = newNode(id, hash);
                slots[i] = node + 1;
                if (++inTable > slots.length >>> 1) {
                    resize(slots.length << 1);
                }
                return node;
            }
            int node = slot - 1;
            if (hashes[node] == hash && sameAscii(forms[node], id)) {
                return node;
            }
            i = (i + 1) & mask;
        }
    }

    private int newNode(String form, int hash) {
        if (size == forms.length) {
            int grown = forms.length + (forms.length >> 1) + 1;
            forms = Arrays.copyOf(forms, grown);
            hashes = Arrays.copyOf(hashes, grown);
        }
        forms[size] = form;
        hashes[size] = hash;
        return size++;
    }

    private void resize(int capacity) {
        int[] old = slots;
        slots = new int[capacity];
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
        if (old == null) {
            return;
        }
        int mask = capacity - 1;
        for (int slot : old) {
            if (slot != 0) {
                int i = (hashes[slot - 1] * GOLDEN) >>> shift;
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
