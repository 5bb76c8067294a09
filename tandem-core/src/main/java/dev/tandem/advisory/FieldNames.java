package dev.tandem.advisory;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The field names of every object open in one document, to find a key given twice. Jackson's own
 * detection ({@code STRICT_DUPLICATE_DETECTION}) gives each object of three fields or more a
 * {@link HashSet}: 4 % of {@code db build}'s decode (issue 20). An OSV object has a dozen fields or
 * fewer, compared here in a small array per open object; an object with more falls back to a set, so a
 * hostile object of a million keys still costs one look-up per key.
 */
final class FieldNames {

    /** Names compared one by one up to this many per object; beyond, the object's names go into a set. */
    static final int SMALL = 16;

    private String[][] names = new String[8][];
    private int[] counts = new int[8];
    private Set<?>[] large = new Set<?>[8];
    private int depth;

    /** Forgets every open object: a new document starts. */
    void reset() {
        depth = 0;
    }

    /** An object starts (a START_OBJECT token). */
    void open() {
        if (depth == names.length) {
            names = Arrays.copyOf(names, depth * 2);
            counts = Arrays.copyOf(counts, depth * 2);
            large = Arrays.copyOf(large, depth * 2);
        }
        counts[depth] = 0;
        large[depth] = null;
        depth++;
    }

    /** The innermost open object ends (an END_OBJECT token). */
    void close() {
        if (depth > 0) {
            large[--depth] = null;
        }
    }

    /** Adds a field name of the innermost open object; false when the object already has it. */
    @SuppressWarnings("unchecked")
    boolean add(String name) {
        if (depth == 0) {
            return true; // not inside an object: the parser would not have returned a name
        }
        int level = depth - 1;
        Set<String> set = (Set<String>) large[level];
        if (set != null) {
            return set.add(name);
        }
        String[] held = names[level];
        if (held == null) {
            held = names[level] = new String[SMALL];
        }
        int count = counts[level];
        int hash = name.hashCode();
        for (int i = 0; i < count; i++) {
            String other = held[i];
            // Jackson hands out one String per distinct name of a document: the same object, mostly.
            if (other == name || other.hashCode() == hash && other.equals(name)) {
                return false;
            }
        }
        if (count == SMALL) {
            Set<String> spill = new HashSet<>(Arrays.asList(held));
            large[level] = spill;
            return spill.add(name);
        }
        held[count] = name;
        counts[level] = count + 1;
        return true;
    }
}
