package dev.tandem.sbom;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The "depends on" edges of a document, keyed by the document's own identifiers (bom-ref, SPDXID),
 * and the classification of components as direct or transitive dependencies of the subject.
 */
final class DependencyGraph {

    private final Map<String, Set<String>> edges = new HashMap<>();
    /** Every identifier the document states a dependency relationship for (docs/commands/sbom-check.md). */
    private final Set<String> stated = new HashSet<>();

    /** Records that {@code from} depends on {@code to}: a relationship stated for both. */
    void add(String from, String to) {
        if (from.isEmpty() || to.isEmpty()) {
            return;
        }
        edges.computeIfAbsent(from, key -> new LinkedHashSet<>()).add(to);
        stated.add(from);
        stated.add(to);
    }

    /**
     * Records that the document states {@code id}'s dependencies even where it names none: a CycloneDX
     * {@code dependencies} entry without {@code dependsOn} ("components that do not have their own
     * dependencies MUST be declared as empty elements"), an SPDX {@code DEPENDS_ON NONE}.
     */
    void declare(String id) {
        if (!id.isEmpty()) {
            stated.add(id);
        }
    }

    /**
     * True when the document states a dependency relationship for {@code id}, as the component that
     * depends, as the one depended on, or as one declared to have no dependencies: the one rule for the
     * quality field "dependencies" in every format.
     */
    boolean isStated(String id) {
        return !id.isEmpty() && stated.contains(id);
    }

    boolean isEmpty() {
        return edges.isEmpty();
    }

    /**
     * Direct = an edge from a root; transitive = reachable from a root only through other nodes.
     * Walks breadth-first with a visited set, so cycles terminate and the shortest distance wins.
     */
    Map<String, DependencyKind> kindsFrom(Collection<String> roots) {
        Map<String, DependencyKind> kinds = new HashMap<>();
        Set<String> visited = new LinkedHashSet<>(roots);
        Deque<String> queue = new ArrayDeque<>();
        for (String root : roots) {
            for (String target : edges.getOrDefault(root, Set.of())) {
                if (visited.add(target)) {
                    kinds.put(target, DependencyKind.DIRECT);
                    queue.add(target);
                }
            }
        }
        while (!queue.isEmpty()) {
            for (String target : edges.getOrDefault(queue.poll(), Set.of())) {
                if (visited.add(target)) {
                    kinds.put(target, DependencyKind.TRANSITIVE);
                    queue.add(target);
                }
            }
        }
        return kinds;
    }

    /** Turns drafts into components, each with its kind relative to {@code roots}; UNKNOWN when not reachable. */
    List<Component> classify(List<ComponentDraft> drafts, Collection<String> roots) {
        Map<String, DependencyKind> kinds = roots.isEmpty() ? Map.of() : kindsFrom(roots);
        List<Component> components = new ArrayList<>(drafts.size());
        for (ComponentDraft draft : drafts) {
            components.add(draft.classify(kinds.getOrDefault(draft.bomRef(), DependencyKind.UNKNOWN)));
        }
        return components;
    }
}
