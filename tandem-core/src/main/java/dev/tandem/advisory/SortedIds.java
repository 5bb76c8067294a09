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
 * An unchangeable set of ids in one array, in the order of the set it was made from (its comparator,
 * else the natural order): a vulnerability's aliases.
 * A {@link TreeSet} behind an unmodifiable view took 80 bytes for an empty set and 32 more per
 * alias; half a million vulnerabilities held in a scan made that about 45 MB (issue 20). Equal to,
 * and iterated like, the {@code TreeSet} of the same ids.
 */
final class SortedIds extends AbstractSet<String> implements SortedSet<String> {

    private static final SortedIds EMPTY = new SortedIds(new String[0], null);

    private final String[] ids;
    private final Comparator<? super String> comparator;

    private SortedIds(String[] ids, Comparator<? super String> comparator) {
        this.ids = ids;
        this.comparator = comparator;
    }

    /**
     * The ids of {@code ids} as {@code new TreeSet<>(ids)} holds them: a sorted set's comparator kept
     * (the alias merge orders ids its own way), else the natural order; ids the order finds equal
     * kept once; null ids refused.
     */
    static SortedSet<String> of(Collection<String> ids) {
        if (ids instanceof SortedIds same) {
            return same;
        }
        Comparator<? super String> comparator = ids instanceof SortedSet<String> sorted ? sorted.comparator() : null;
        if (ids.isEmpty()) {
            return comparator == null ? EMPTY : new SortedIds(EMPTY.ids, comparator);
        }
        String[] sorted = ids.toArray(String[]::new);
        for (String id : sorted) {
            if (id == null) {
                throw new NullPointerException("an alias is null");
            }
        }
        Arrays.sort(sorted, comparator);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (distinct == 0 || compare(comparator, sorted[distinct - 1], sorted[i]) != 0) {
                sorted[distinct++] = sorted[i];
            }
        }
        return new SortedIds(distinct == sorted.length ? sorted : Arrays.copyOf(sorted, distinct), comparator);
    }

    /**
     * The set of {@code ids}, which are already sorted by {@code comparator} and distinct under it
     * (the alias merge sorts each group's ids once): the array is kept, not copied.
     */
    static SortedSet<String> ofSorted(String[] ids, Comparator<? super String> comparator) {
        return new SortedIds(ids.length == 0 ? EMPTY.ids : ids, comparator);
    }

    private static int compare(Comparator<? super String> comparator, String a, String b) {
        return comparator == null ? a.compareTo(b) : comparator.compare(a, b);
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
        return o instanceof String id && Arrays.binarySearch(ids, id, comparator) >= 0;
    }

    @Override
    public Comparator<? super String> comparator() {
        return comparator;
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
