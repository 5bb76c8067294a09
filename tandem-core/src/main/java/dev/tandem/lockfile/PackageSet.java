package dev.tandem.lockfile;

import dev.tandem.sbom.ComponentScope;
import dev.tandem.sbom.DependencyKind;
import dev.tandem.sbom.Hash;
import dev.tandem.sbom.SbomFormat;
import dev.tandem.sbom.Subject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The packages of one lockfile as a reader collects them: one entry per ref (a package named twice is
 * merged, never listed twice), the edges between them, and the classification of each as a direct or
 * transitive dependency of the project and of its scope, from the graph where the format gives one.
 */
final class PackageSet {

    private final Map<String, LockedPackage> packages = new LinkedHashMap<>();
    private final Map<String, Set<String>> edges = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    /** Adds a package, or merges it into the package with the same ref; returns the ref. */
    String add(LockedPackage added) {
        packages.merge(added.ref(), added, PackageSet::merge);
        return added.ref();
    }

    /** Replaces the package with the same ref (a reader correcting what it added). */
    void replace(LockedPackage replacement) {
        packages.put(replacement.ref(), replacement);
    }

    boolean contains(String ref) {
        return packages.containsKey(ref);
    }

    LockedPackage get(String ref) {
        return packages.get(ref);
    }

    Collection<LockedPackage> packages() {
        return packages.values();
    }

    /** Records that {@code from} depends on {@code to} (both refs; {@code from} may be the subject's ref). */
    void edge(String from, String to) {
        if (!from.equals(to)) {
            edges.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
        }
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    /**
     * Direct = a package of {@code direct}; transitive = reachable from one of them along the edges;
     * unknown = not reachable (an extraneous entry). Only for formats that say which are direct.
     */
    void classify(Collection<String> direct) {
        Map<String, DependencyKind> kinds = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String ref : direct) {
            if (packages.containsKey(ref) && kinds.putIfAbsent(ref, DependencyKind.DIRECT) == null) {
                queue.add(ref);
            }
        }
        while (!queue.isEmpty()) {
            for (String next : edges.getOrDefault(queue.poll(), Set.of())) {
                if (packages.containsKey(next) && kinds.putIfAbsent(next, DependencyKind.TRANSITIVE) == null) {
                    queue.add(next);
                }
            }
        }
        packages.replaceAll((ref, p) -> p.withKind(kinds.getOrDefault(ref, DependencyKind.UNKNOWN)));
    }

    /**
     * Scopes from the project's direct dependencies and how each is declared: a package reachable from a
     * required root along required edges is required; else reachable through an optional root or edge,
     * optional; else reachable only from development roots, development. Packages reachable from no
     * root keep the scope they have.
     *
     * @param roots         each direct dependency's declared scope
     * @param optionalEdges edges ({@code from + "\n" + to}) that are optional dependencies
     */
    void scopeFrom(Map<String, ComponentScope> roots, Set<String> optionalEdges) {
        Map<String, ComponentScope> best = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        roots.forEach((ref, scope) -> {
            if (packages.containsKey(ref) && improves(best, ref, scope)) {
                queue.add(ref);
            }
        });
        while (!queue.isEmpty()) {
            String from = queue.poll();
            ComponentScope scope = best.get(from);
            for (String to : edges.getOrDefault(from, Set.of())) {
                ComponentScope along = scope == ComponentScope.REQUIRED && optionalEdges.contains(from + "\n" + to)
                        ? ComponentScope.OPTIONAL : scope;
                if (packages.containsKey(to) && improves(best, to, along)) {
                    queue.add(to);
                }
            }
        }
        packages.replaceAll((ref, p) -> best.containsKey(ref) ? p.withScope(best.get(ref)) : p);
    }

    private static boolean improves(Map<String, ComponentScope> best, String ref, ComponentScope scope) {
        ComponentScope known = best.get(ref);
        if (known == null || scope.ordinal() < known.ordinal()) {
            best.put(ref, scope);
            return true;
        }
        return false;
    }

    /** The lockfile: packages in the order first added, edges limited to refs that are packages (or the subject). */
    Lockfile build(String source, SbomFormat format, String formatVersion, Subject subject) {
        Map<String, List<String>> dependencies = new LinkedHashMap<>();
        edges.forEach((from, to) -> {
            if (!packages.containsKey(from) && !from.equals(subject.bomRef())) {
                return;
            }
            List<String> targets = to.stream().filter(packages::containsKey).toList();
            if (!targets.isEmpty()) {
                dependencies.put(from, targets);
            }
        });
        return new Lockfile(source, format, formatVersion, subject, new ArrayList<>(packages.values()), dependencies,
                warnings);
    }

    /**
     * One package named twice: a production occurrence makes it production (no groups), as npm merges
     * dependency groups; otherwise the groups are joined. The stronger scope and kind win, the first line
     * and non-empty fields stay, hashes and licences are joined.
     */
    static LockedPackage merge(LockedPackage a, LockedPackage b) {
        List<String> groups;
        if (a.groups().isEmpty() || b.groups().isEmpty()) {
            groups = List.of();
        } else {
            Set<String> joined = new TreeSet<>(a.groups());
            joined.addAll(b.groups());
            groups = List.copyOf(joined);
        }
        ComponentScope scope = a.scope().ordinal() <= b.scope().ordinal() ? a.scope() : b.scope();
        DependencyKind kind = a.kind().ordinal() <= b.kind().ordinal() ? a.kind() : b.kind();
        Set<Hash> hashes = new LinkedHashSet<>(a.hashes());
        hashes.addAll(b.hashes());
        Set<String> licenses = new LinkedHashSet<>(a.licenses());
        licenses.addAll(b.licenses());
        int line = a.line() == 0 ? b.line() : b.line() == 0 ? a.line() : Math.min(a.line(), b.line());
        return new LockedPackage(a.ref(), a.name(), a.group(), a.version(), a.purl(), scope, groups, kind,
                a.commit().isEmpty() ? b.commit() : a.commit(), a.origin().isEmpty() ? b.origin() : a.origin(),
                List.copyOf(hashes), List.copyOf(licenses), line);
    }
}
