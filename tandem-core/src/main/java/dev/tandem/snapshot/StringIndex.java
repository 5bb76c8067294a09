package dev.tandem.snapshot;

/**
 * A map from texts to non-negative numbers, open addressing with linear probing over two
 * parallel arrays (the texts; each text's hash beside its number), the encoder's dictionaries. A
 * look-up compares the reference first — the decoder shares the String of a text seen twice, so
 * most hits end there — then the cached {@link String#hashCode()}, and calls {@code equals} only
 * on a hash match. No node, box or entry object per text: a snapshot of half a million advisories looks up
 * tens of millions of texts and keeps millions.
 */
final class StringIndex {

    /** What {@link #get} answers for a text it does not hold. */
    static final int ABSENT = -1;

    private String[] keys;
    /** Per slot of {@code keys}: the text's hash, then its number (one cache line for both). */
    private int[] slots;
    private int size;

    /** Room for {@code expected} texts before the first resize. */
    StringIndex(int expected) {
        int capacity = 16;
        while (capacity < expected * 2L && capacity < 1 << 28) {
            capacity <<= 1;
        }
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new String[capacity];
        slots = new int[2 * capacity];
    }

    int size() {
        return size;
    }

    /** The number of {@code text}, or {@link #ABSENT}. */
    int get(String text) {
        int slot = slotOf(text, text.hashCode());
        return keys[slot] == null ? ABSENT : slots[2 * slot + 1];
    }

    /** The slot that holds {@code text}, or the empty slot where it would go. */
    private int slotOf(String text, int hash) {
        int mask = keys.length - 1;
        int slot = spread(hash) & mask;
        while (true) {
            String key = keys[slot];
            if (key == null || key == text || slots[2 * slot] == hash && key.equals(text)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * The number of {@code text} if it is held; otherwise {@code text} is added with
     * {@code value} and {@link #ABSENT} is answered.
     */
    int putIfAbsent(String text, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative value " + value);
        }
        int hash = text.hashCode();
        int slot = slotOf(text, hash);
        if (keys[slot] != null) {
            return slots[2 * slot + 1];
        }
        keys[slot] = text;
        slots[2 * slot] = hash;
        slots[2 * slot + 1] = value;
        if (++size * 2L > keys.length) {
            grow();
        }
        return ABSENT;
    }

    /** Doubles the table, reusing the stored hashes (no text is hashed twice). */
    private void grow() {
        if (keys.length >= 1 << 29) {
            throw new IllegalStateException("more than " + (1 << 28) + " distinct texts");
        }
        String[] oldKeys = keys;
        int[] oldSlots = slots;
        allocate(oldKeys.length * 2);
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = spread(oldSlots[2 * i]) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                slots[2 * slot] = oldSlots[2 * i];
                slots[2 * slot + 1] = oldSlots[2 * i + 1];
            }
        }
    }

    /** String hashes of similar texts differ in their low bits only a little: mix before masking. */
    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
