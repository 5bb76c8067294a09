package dev.tandem.sbom;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
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

    /** Records that {@code from} depends on {@code to}. */
    void add(String from, String to) {
        if (from.isEmpty() || to.isEmpty()) {
            return;
        }
        edges.computeIfAbsent(from, key -> new LinkedHashSet<>()).add(to);
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
