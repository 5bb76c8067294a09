package dev.tandem.snapshot;

import java.util.Arrays;

/**
 * The snapshot's string table while encoding: texts numbered in order of first use (the order is
 * the file's format: two builds of the same inputs must number alike), index 0 the empty text, and
 * the strings section they end as.
 */
final class StringTable {

    private final StringIndex numbers;
    private String[] texts;
    private int count;

    /** Room for {@code expected} distinct texts before a resize. */
    StringTable(int expected) {
        numbers = new StringIndex(expected);
        texts = new String[Math.max(16, expected)];
        number(""); // index 0 is the empty string: absent optional texts cost one byte
    }

    /** The number of {@code text} (null is the empty text), numbering it if it is new. */
    int number(String text) {
        String value = text == null ? "" : text;
        int existing = numbers.putIfAbsent(value, count);
        if (existing != StringIndex.ABSENT) {
            return existing;
        }
        return append(value);
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

    /** {count, offsets[count + 1], UTF-8 bytes}: string i is bytes[offsets[i], offsets[i + 1]). */
    PayloadWriter section() {
        long chars = 0;
        for (int i = 0; i < count; i++) {
            chars += texts[i].length();
        }
        // UTF-8 never takes fewer bytes than chars: an ASCII table is exactly this long.
        long size = 4 + 4L * (count + 1) + chars;
        if (size > SnapshotFormat.MAX_PAYLOAD) {
            throw new IllegalStateException("the string table would exceed " + SnapshotFormat.MAX_PAYLOAD + " bytes");
        }
        PayloadWriter out = new PayloadWriter((int) size);
        out.i32(count);
        int offsets = out.reserve(4 * (count + 1));
        int start = out.size();
        for (int i = 0; i < count; i++) {
            out.i32At(offsets + 4 * i, out.size() - start);
            out.utf8(texts[i]);
        }
        out.i32At(offsets + 4 * count, out.size() - start);
        return out;
    }
}
