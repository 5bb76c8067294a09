package dev.tandem.snapshot;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * The snapshot's string table while encoding: texts numbered in order of first use (the order is
 * the file's format: two builds of the same inputs must number alike), index 0 the empty text, and
 * the strings section they end as. With {@link #encodeAlongside()} the texts are turned into UTF-8
 * on a second thread while the caller goes on numbering: work done once either way (the bytes of
 * text i never depend on later texts), a sixth of a build's encoding moved off the thread that
 * numbers.
 */
final class StringTable {

    /**
     * The dictionary: open addressing with linear probing, one long per slot holding a text's hash
     * (high half) and its number + 1 (low half; 0 is an empty slot). A probe reads one slot and
     * compares hashes there; only on a match does it read the text, {@code texts[number]}, by
     * reference first. A new text costs one slot, read and written in the same cache line, and no
     * reference stored at random (half a build's look-ups number a new text).
     */
    private long[] slots;
    private int numbered;
    private String[] texts;
    private int count;

    /** How many texts the encoding thread may read (it reads {@code texts} after this). */
    private volatile int published;
    private volatile boolean finished;
    private Thread alongside;
    private Throwable failure;

    /** UTF-8 of texts [0, encoded), and where each ends. */
    private final PayloadWriter utf8;
    private int[] ends;
    private int encoded;

    /** Room for {@code expected} distinct texts before a resize. */
    StringTable(int expected) {
        int capacity = 16;
        while (capacity < expected * 2L && capacity < 1 << 29) {
            capacity <<= 1;
        }
        slots = new long[capacity];
        // An eighth more room than expected for the texts: growing them copies millions of references and,
        // late in an encoding, deoptimises every compiled method that inlined the append (the 500k
        // corpus numbers 2.69 million texts where its writer expects 2.64 million).
        texts = new String[Math.max(16, expected + expected / 8)];
        ends = new int[texts.length];
        // Texts average some 34 bytes in OSV feeds (91 MB for 2.69 million on the 500k corpus, whose
        // writer expects 2.64 million): sized so a corpus's table is not copied to grow.
        utf8 = new PayloadWriter((int) Math.min(SnapshotFormat.MAX_PAYLOAD, Math.max(16, expected) * 38L));
        number(""); // index 0 is the empty string: absent optional texts cost one byte
    }

    /** The number of {@code text} (null is the empty text), numbering it if it is new. */
    int number(String text) {
        String value = text == null ? "" : text;
        int hash = value.hashCode();
        long[] table = slots;
        int mask = table.length - 1;
        int slot = spread(hash) & mask;
        long held;
        while ((held = table[slot]) != 0) {
            if ((int) (held >>> 32) == hash) {
                int number = (int) held - 1;
                String key = texts[number];
                if (key == value || key.equals(value)) {
                    return number;
                }
            }
            slot = (slot + 1) & mask;
        }
        int number = append(value);
        table[slot] = (long) hash << 32 | (number + 1L);
        if (++numbered * 2L > table.length) {
            grow();
        }
        return number;
    }

    /** Doubles the dictionary, reusing the stored hashes (no text is hashed twice). */
    private void grow() {
        if (slots.length >= 1 << 29) {
            throw new IllegalStateException("more than " + (1 << 28) + " distinct texts");
        }
        long[] old = slots;
        long[] table = new long[old.length * 2];
        int mask = table.length - 1;
        for (long held : old) {
            if (held != 0) {
                int slot = spread((int) (held >>> 32)) & mask;
                while (table[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = held;
            }
        }
        slots = table;
    }

    /** String hashes of similar texts differ in their low bits only a little: mix before masking. */
    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /**
     * A text that is (nearly) unique per advisory (source file, summary, details headline): stored
     * without the dictionary, which on half a million advisories costs more than the few duplicates
     * it would save; a later {@link #number} of the same text gets its own index.
     */
    int unique(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        return append(text);
    }

    private int append(String text) {
        if (count == texts.length) {
            texts = Arrays.copyOf(texts, count * 2);
        }
        texts[count] = text;
        return count++;
    }

    int count() {
        return count;
    }

    String text(int index) {
        return texts[index];
    }

    /** Starts turning the texts into UTF-8 on another thread, as {@link #publish()} hands them over. */
    void encodeAlongside() {
        alongside = Thread.ofPlatform().daemon().name("snapshot-strings").start(() -> {
            try {
                while (true) {
                    boolean last = finished;
                    int upTo = published;
                    if (encoded < upTo) {
                        encode(upTo);
                    } else if (last) {
                        return;
                    } else {
                        LockSupport.parkNanos(200_000);
                    }
                }
            } catch (Throwable e) { // handed to the caller by section()
                failure = e;
            }
        });
    }

    /** Hands the texts numbered so far to the encoding thread (a volatile write: cheap, call it often). */
    void publish() {
        if (alongside != null) {
            published = count;
        }
    }

    /**
     * Stops the encoding thread without waiting for the rest (the encoding failed elsewhere); does
     * nothing once {@link #section()} has answered.
     */
    void abandon() {
        if (alongside != null) {
            published = 0;
            finished = true;
            alongside = null;
        }
    }

    private void encode(int upTo) {
        String[] all = texts;
        if (ends.length < upTo) {
            ends = Arrays.copyOf(ends, Math.max(upTo, ends.length * 2));
        }
        for (int i = encoded; i < upTo; i++) {
            utf8.utf8(all[i]);
            ends[i] = utf8.size();
        }
        encoded = upTo;
    }

    /** {count, offsets[count + 1], UTF-8 bytes}: string i is bytes[offsets[i], offsets[i + 1]). */
    EncodedSection section() {
        if (alongside != null) {
            published = count;
            finished = true;
            try {
                alongside.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while encoding the string table", e);
            }
            alongside = null;
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            } else if (failure instanceof Error error) {
                throw error;
            } else if (failure != null) {
                throw new IllegalStateException(failure);
            }
        }
        encode(count);
        long size = 4 + 4L * (count + 1) + utf8.size();
        if (size > SnapshotFormat.MAX_PAYLOAD) {
            throw new IllegalStateException("the string table would exceed " + SnapshotFormat.MAX_PAYLOAD + " bytes");
        }
        return new Section(count, ends, utf8);
    }

    /** The strings section, laid out straight into the file: no copy of the texts' bytes but that one. */
    record Section(int count, int[] ends, PayloadWriter utf8) implements EncodedSection {

        @Override
        public int size() {
            return 4 + 4 * (count + 1) + utf8.size();
        }

        @Override
        public void copyTo(byte[] file, int at) {
            PayloadWriter table = new PayloadWriter(4 + 4 * (count + 1));
            table.i32(count);
            table.i32(0);
            for (int i = 0; i < count; i++) {
                table.i32(ends[i]);
            }
            table.copyTo(file, at);
            utf8.copyTo(file, at + table.size());
        }
    }
}
