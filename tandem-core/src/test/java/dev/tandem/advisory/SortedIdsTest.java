package dev.tandem.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A vulnerability's aliases in one array: the same set, order and answers as the {@code TreeSet} it replaces. */
class SortedIdsTest {

    @Test
    void behavesAsTheTreeSetOfTheSameIds() {
        Random random = new Random(20);
        for (int round = 0; round < 2_000; round++) {
            List<String> ids = new ArrayList<>();
            int n = random.nextInt(6);
            for (int i = 0; i < n; i++) {
                ids.add(random.nextBoolean() ? "CVE-2024-" + random.nextInt(20) : "GHSA-" + random.nextInt(20));
            }
            TreeSet<String> expected = new TreeSet<>(ids);
            SortedSet<String> actual = SortedIds.of(ids);
            assertThat(actual).isEqualTo(expected).containsExactlyElementsOf(expected);
            assertThat(expected).isEqualTo(actual);
            assertThat(actual.hashCode()).isEqualTo(expected.hashCode());
            assertThat(actual.toString()).isEqualTo(expected.toString());
            assertThat(actual.size()).isEqualTo(expected.size());
            assertThat(actual.contains("CVE-2024-3")).isEqualTo(expected.contains("CVE-2024-3"));
            assertThat(actual.contains(3)).isFalse();
            if (!expected.isEmpty()) {
                assertThat(actual.first()).isEqualTo(expected.first());
                assertThat(actual.last()).isEqualTo(expected.last());
                assertThat(actual.headSet("GHSA-")).isEqualTo(expected.headSet("GHSA-"));
                assertThat(actual.tailSet("GHSA-")).isEqualTo(expected.tailSet("GHSA-"));
                assertThat(actual.subSet("CVE-2024-1", "GHSA-5")).isEqualTo(expected.subSet("CVE-2024-1", "GHSA-5"));
            }
        }
    }

    @Test
    void keepsTheOrderOfTheSortedSetItIsMadeFrom() {
        // As the alias merge orders ids: numbers by value, so -8803 before -141284.
        java.util.Comparator<String> byLength = java.util.Comparator.comparingInt(String::length)
                .thenComparing(java.util.Comparator.naturalOrder());
        Random random = new Random(21);
        for (int round = 0; round < 1_000; round++) {
            TreeSet<String> expected = new TreeSet<>(byLength);
            int n = random.nextInt(6);
            for (int i = 0; i < n; i++) {
                expected.add("UBUNTU-CVE-2024-1-" + random.nextInt(400_000));
            }
            SortedSet<String> actual = SortedIds.of(expected);
            assertThat(actual).containsExactlyElementsOf(expected).isEqualTo(expected);
            assertThat(actual.comparator()).isSameAs(byLength);
            assertThat(new TreeSet<>(actual)).containsExactlyElementsOf(expected);
            if (!expected.isEmpty()) {
                String probe = expected.first();
                assertThat(actual.contains(probe)).isTrue();
                assertThat(actual.headSet(probe)).isEmpty();
                assertThat(actual.tailSet(probe)).containsExactlyElementsOf(expected);
            }
        }
        TreeSet<String> ignoringCase = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        ignoringCase.addAll(List.of("ghsa-1", "CVE-1"));
        assertThat(new Vulnerability("X", ignoringCase, List.of(), null, List.of()).aliases())
                .containsExactly("CVE-1", "ghsa-1").contains("GHSA-1");
    }

    @Test
    void isUnchangeableAndRefusesNulls() {
        SortedSet<String> ids = SortedIds.of(List.of("GHSA-b", "CVE-1"));
        assertThat(ids.comparator()).isNull();
        assertThatThrownBy(() -> ids.add("X")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(ids::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ids.iterator().remove()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ids.headSet("Z").add("A")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> SortedIds.of(Collections.singletonList(null))).isInstanceOf(NullPointerException.class);
        SortedSet<String> none = SortedIds.of(List.of());
        assertThat(none).isEmpty();
        assertThatThrownBy(none::first).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> none.iterator().next()).isInstanceOf(NoSuchElementException.class);
        assertThat(SortedIds.of(ids)).isSameAs(ids);
        assertThat(new Vulnerability("CVE-1", new TreeSet<>(List.of("B", "A")), List.of(), null, List.of()).aliases())
                .containsExactly("A", "B");
    }
}
