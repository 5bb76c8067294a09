package dev.tandem.advisory;

import java.time.Instant;

/**
 * One load's table of the values that recur across advisories: strings (package names, range and
 * listed versions, aliases, ecosystems, reference URLs) and small immutable values (timestamps,
 * range events). An equal value read again is answered with the one already held, so half a
 * million advisories keep one copy of {@code "0"}, of a package's name or of a publication day
 * instead of one per record (issue 20: 16 strings per held advisory were a third of
 * {@code scan --advisories}' heap).
 *
 * <p>A fixed array indexed by hash, a newer value taking the slot of an older one: no entry
 * objects, a few megabytes whatever the corpus, and a value that recurs often is soon held again
 * after it was pushed out (a value is shared with the records read while it is held). Shared by the parsing threads without locks: a slot holds a whole,
 * immutable value (its fields are final, so a racing reader sees it complete); a lost
 * race only costs a copy. What a caller gets is always equal to what was read.
 */
public final class RepeatedValues {

    /** 2^20 slots: 8 MB (references and hashes); on the 500k corpus most repeats are found. */
    private static final int DEFAULT_BITS = 20;

    /** Longer texts rarely recur and would only push shorter ones out. */
    static final int MAX_LENGTH = 256;

    private final String[] slots;
    /**
     * Each slot's string hash, beside it: a lookup that finds another value's hash makes its string
     * without reaching for the held one (a String and its bytes anywhere in a large heap: two cache
     * misses, most of this table's cost in {@code db build}). A hash is only a filter: a match is
     * still compared character by character, so a slot half-written by another thread costs a copy.
     */
    private final int[] hashes;
    private final int mask;
    private final Object[] values;
    private final int[] valueHashes;
    private final int valueMask;
    /**
     * Timestamps apart from the other values: 500,000 records state a million of them but only some thousands
     * distinct (publication days), which the small table of other values, filled with range events, kept few of
     * (800,000 {@link Instant}s held by a snapshot's load, each copied once by the collector). Found by the epoch
     * second, so a repeat is answered before an {@code Instant} is made.
     */
    private final Instant[] instants;
    private final int instantShift;

    /** A table for one load. */
    public RepeatedValues() {
        this(DEFAULT_BITS);
    }

    /** 2^12 slots (16 KB and the strings they hold): small enough to stay in the processor's cache. */
    static final int CACHED_BITS = 12;

    /**
     * The table for a bulk load that keeps {@code retention}. A load for a snapshot
     * ({@link AdvisoryRetention#SNAPSHOT}) shares only what recurs within a few thousand values (the
     * ecosystems, {@code "0"}, a package's versions while its records are read): its advisories live only
     * until they are encoded, and answering a repeat from the full table cost more than the copies it saves
     * (a held string and its bytes are two cache misses in a large heap; docs/performance.md, "Build, wave 7:
     * OSV decode"). A scan holds its advisories until it ends: it gets the full table.
     */
    public static RepeatedValues forLoad(AdvisoryRetention retention) {
        return retention == AdvisoryRetention.SNAPSHOT ? new RepeatedValues(CACHED_BITS) : new RepeatedValues();
    }

    /** A table sized for documents of {@code bytes} in all (an upload of one record needs no 4 MB table). */
    public static RepeatedValues forBytes(long bytes) {
        int bits = 10;
        while (bits < DEFAULT_BITS && (1L << bits) * 64 < bytes) {
            bits++;
        }
        return new RepeatedValues(bits);
    }

    RepeatedValues(int bits) {
        if (bits < 1 || bits > 28) {
            throw new IllegalArgumentException("bits must be 1..28, was " + bits);
        }
        slots = new String[1 << bits];
        hashes = new int[slots.length];
        mask = slots.length - 1;
        values = new Object[1 << Math.max(1, bits - 2)];
        valueHashes = new int[values.length];
        valueMask = values.length - 1;
        int instantBits = Math.min(bits + 4, INSTANT_BITS);
        instants = new Instant[1 << instantBits];
        instantShift = 64 - instantBits;
    }

    /**
     * At most 2^16 timestamp slots (256 KB of references): the 500k corpus states 4,314 distinct timestamps,
     * and with 2^13 slots the pairs that shared a slot took it from each other 100,000 times.
     */
    private static final int INSTANT_BITS = 16;

    /**
     * The held instant at {@code seconds} and {@code nanos} after the epoch, made (and held) when there is none.
     * A slot holds a whole {@code Instant} (final fields), checked on every hit: a race costs a copy, never a
     * wrong value.
     */
    public Instant instant(long seconds, int nanos) {
        // The top bits of a Fibonacci hash: midnights (multiples of 86,400 s) spread over every slot.
        int slot = (int) ((seconds * 1_000_000_007L + nanos) * 0x9E3779B97F4A7C15L >>> instantShift);
        Instant held = instants[slot];
        if (held != null && held.getEpochSecond() == seconds && held.getNano() == nanos) {
            return held;
        }
        Instant made = Instant.ofEpochSecond(seconds, nanos);
        instants[slot] = made;
        return made;
    }

    /**
     * The held value equal to {@code value} (by {@code equals}), or {@code value} itself, then held:
     * for immutable values only (an {@link java.time.Instant}, a record of strings and enums).
     */
    @SuppressWarnings("unchecked")
    public <T> T of(T value) {
        if (value == null) {
            return null;
        }
        int hash = value.hashCode();
        int slot = spread(hash) & valueMask;
        if (valueHashes[slot] == hash) {
            Object held = values[slot];
            if (value.equals(held)) {
                return (T) held;
            }
        }
        values[slot] = value;
        valueHashes[slot] = hash;
        return value;
    }

    /** The held string equal to {@code chars[offset, offset + length)}, made (and held) when there is none. */
    public String of(char[] chars, int offset, int length) {
        if (length > MAX_LENGTH) {
            return new String(chars, offset, length);
        }
        int hash = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            hash = 31 * hash + chars[i];
        }
        int slot = spread(hash) & mask;
        if (hashes[slot] == hash) {
            String held = slots[slot];
            if (held != null && held.length() == length && sameChars(held, chars, offset)) {
                return held;
            }
        }
        String made = new String(chars, offset, length);
        slots[slot] = made;
        hashes[slot] = hash;
        return made;
    }

    /** The held string equal to {@code text}, or {@code text} itself, then held. */
    public String text(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return text;
        }
        // String.hashCode is the same polynomial as of(char[], ...) computes.
        int hash = text.hashCode();
        int slot = spread(hash) & mask;
        if (hashes[slot] == hash) {
            String held = slots[slot];
            if (text.equals(held)) {
                return held;
            }
        }
        slots[slot] = text;
        hashes[slot] = hash;
        return text;
    }

    /** How many strings the table can hold at once. */
    int capacity() {
        return slots.length;
    }

    private static boolean sameChars(String held, char[] chars, int offset) {
        for (int i = 0, n = held.length(); i < n; i++) {
            if (held.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }

    /** Mixes the high bits in: version strings differ mostly in their last characters. */
    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
