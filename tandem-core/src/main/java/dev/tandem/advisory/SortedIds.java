package dev.tandem.advisory;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An unchangeable set of ids in their natural order, held in one array: a vulnerability's aliases.
 * A {@link TreeSet} behind an unmodifiable view took 80 bytes for an empty set and 32 more per
 * alias; half a million vulnerabilities held in a scan made that about 45 MB (issue 20). Equal to,
 * and iterated like, the {@code TreeSet} of the same ids.
 */
final class SortedIds extends AbstractSet<String> implements SortedSet<String> {

    private static final SortedIds EMPTY = new SortedIds(new String[0]);

    private final String[] ids;

    private SortedIds(String[] ids) {
        this.ids = ids;
    }

    /** The distinct ids of {@code ids}, sorted; null ids are refused as {@link TreeSet} refuses them. */
    static SortedSet<String> of(Collection<String> ids) {
        if (ids instanceof SortedIds same) {
            return same;
        }
        if (ids.isEmpty()) {
            return EMPTY;
        }
        String[] sorted = ids.toArray(String[]::new);
        for (String id : sorted) {
            if (id == null) {
                throw new NullPointerException("an alias is null");
            }
        }
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (distinct == 0 || !sorted[distinct - 1].equals(sorted[i])) {
                sorted[distinct++] = sorted[i];
            }
        }
        return new SortedIds(distinct == sorted.length ? sorted : Arrays.copyOf(sorted, distinct));
    }

    @Override
    public Iterator<String> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < ids.length;
            }

            @Override
            public String next() {
                if (next >= ids.length) {
                    throw new NoSuchElementException();
                }
                return ids[next++];
            }
        };
    }

    @Override
    public int size() {
        return ids.length;
    }

    @Override
    public boolean contains(Object o) {
        return o instanceof String id && Arrays.binarySearch(ids, id) >= 0;
    }

    @Override
    public Comparator<? super String> comparator() {
        return null;
    }

    @Override
    public String first() {
        if (ids.length == 0) {
            throw new NoSuchElementException();
        }
        return ids[0];
    }

    @Override
    public String last() {
        if (ids.length == 0) {
            throw new NoSuchElementException();
        }
        return ids[ids.length - 1];
    }

    // Ranges are rare (no caller of the scan's path takes one): a view of a copy, as unchangeable.
    @Override
    public SortedSet<String> subSet(String fromElement, String toElement) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(this).subSet(fromElement, toElement));
    }

    @Override
    public SortedSet<String> headSet(String toElement) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(this).headSet(toElement));
    }

    @Override
    public SortedSet<String> tailSet(String fromElement) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(this).tailSet(fromElement));
    }
}
