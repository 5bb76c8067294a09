package dev.tandem.snapshot;

import java.util.Arrays;

/**
 * The entries section while encoding. Entries arrive in vulnerability order, but the file keeps
 * each package's entries together in order of the packages' first appearance: every entry is
 * written once, where it arrives, into one buffer, each package's entries linked in arrival order,
 * and the section is laid out package by package straight into the file — one copy of each entry,
 * no buffer per package.
 */
final class PackageEntries implements EncodedSection {

    private final PayloadWriter bytes;
    /** Per entry: where it starts in {@code bytes}; it ends where the next one starts. */
    private int[] starts;
    /** Per entry: the next entry of the same package, -1 after its last. */
    private int[] next;
    private int entries;
    /** Per package: its first and last entry and how many it has. */
    private int[] first;
    private int[] last;
    private int[] counts;
    private int packages;

    PackageEntries(int expectedPackages, int expectedEntries, int expectedBytes) {
        bytes = new PayloadWriter(expectedBytes);
        starts = new int[Math.max(16, expectedEntries)];
        next = new int[starts.length];
        first = new int[Math.max(16, expectedPackages)];
        last = new int[first.length];
        counts = new int[first.length];
    }

    /** A new package without entries; answers its ordinal. */
    int addPackage() {
        if (packages == first.length) {
            first = Arrays.copyOf(first, packages * 2);
            last = Arrays.copyOf(last, packages * 2);
            counts = Arrays.copyOf(counts, packages * 2);
        }
        return packages++;
    }

    int packageCount() {
        return packages;
    }

    int entryCount() {
        return entries;
    }

    /** Starts an entry of {@code packageOrdinal}: its bytes are what is written next to the answered buffer. */
    PayloadWriter begin(int packageOrdinal) {
        if (entries == starts.length) {
            starts = Arrays.copyOf(starts, entries * 2);
            next = Arrays.copyOf(next, entries * 2);
        }
        starts[entries] = bytes.size();
        next[entries] = -1;
        if (counts[packageOrdinal] == 0) {
            first[packageOrdinal] = entries;
        } else {
            next[last[packageOrdinal]] = entries;
        }
        last[packageOrdinal] = entries;
        counts[packageOrdinal]++;
        entries++;
        return bytes;
    }

    /** How many entries {@code packageOrdinal} has. */
    int count(int packageOrdinal) {
        return counts[packageOrdinal];
    }

    /** Where each package's entries start in the section, in package order. */
    int[] offsets() {
        int[] offsets = new int[packages];
        int at = 0;
        for (int p = 0; p < packages; p++) {
            offsets[p] = at;
            for (int e = counts[p] == 0 ? -1 : first[p]; e >= 0; e = next[e]) {
                at += end(e) - starts[e];
            }
        }
        return offsets;
    }

    private int end(int entry) {
        return entry + 1 < entries ? starts[entry + 1] : bytes.size();
    }

    @Override
    public int size() {
        return bytes.size();
    }

    @Override
    public void copyTo(byte[] file, int at) {
        byte[] source = bytes.array();
        for (int p = 0; p < packages; p++) {
            int e = counts[p] == 0 ? -1 : first[p];
            while (e >= 0) {
                // Entries of a package written one after the other (one advisory listing it twice) go in one copy.
                int from = starts[e];
                int run = e;
                while (next[run] == run + 1) {
                    run++;
                }
                int length = end(run) - from;
                System.arraycopy(source, from, file, at, length);
                at += length;
                e = next[run];
            }
        }
    }
}
