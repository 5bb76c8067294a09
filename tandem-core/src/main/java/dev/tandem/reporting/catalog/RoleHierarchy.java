package dev.tandem.reporting.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The roles of {@code roles.yaml} as a declared hierarchy: each role implies its parents, and
 * theirs. Built on load; an unknown parent or a cycle is a catalog defect.
 */
public final class RoleHierarchy {

    private final Map<String, Role> roles = new LinkedHashMap<>();
    private final Map<String, Set<String>> ancestors = new LinkedHashMap<>();

    RoleHierarchy(Collection<Role> roles) {
        roles.forEach(r -> this.roles.put(r.id(), r));
        List<String> problems = new ArrayList<>();
        for (Role role : roles) {
            for (String parent : role.implies()) {
                if (!this.roles.containsKey(parent)) {
                    problems.add("role " + role.id() + " implies unknown role " + parent);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("catalog is inconsistent: " + String.join("; ", problems));
        }
        for (Role role : roles) {
            ancestors.put(role.id(), walk(role.id(), new LinkedHashSet<>(List.of(role.id()))));
        }
    }

    private Set<String> walk(String id, Set<String> path) {
        Set<String> found = new LinkedHashSet<>();
        for (String parent : roles.get(id).implies()) {
            if (path.contains(parent)) {
                throw new IllegalStateException("catalog is inconsistent: roles imply each other in a cycle: "
                        + String.join(" -> ", path) + " -> " + parent);
            }
            found.add(parent);
            Set<String> deeper = new LinkedHashSet<>(path);
            deeper.add(parent);
            found.addAll(walk(parent, deeper));
        }
        return found;
    }

    /** Every role {@code role} implies, directly or through its parents (not the role itself); empty for an unknown role. */
    public Set<String> ancestors(String role) {
        return Set.copyOf(ancestors.getOrDefault(role, Set.of()));
    }

    /** The declared roles with every role they imply, declared ones first in their order, then implied ones in catalog order. */
    public List<String> closure(Collection<String> declared) {
        return expand(declared).stream().map(RoleStanding::id).toList();
    }

    /** Each role the entity holds, with whether it was declared and which declared roles imply it. */
    public List<RoleStanding> expand(Collection<String> declared) {
        Map<String, List<Role>> impliedBy = new LinkedHashMap<>();
        for (String role : new LinkedHashSet<>(declared)) {
            for (String ancestor : ancestors.getOrDefault(role, Set.of())) {
                impliedBy.computeIfAbsent(ancestor, a -> new ArrayList<>()).add(roles.get(role));
            }
        }
        List<RoleStanding> standings = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String role : declared) {
            if (roles.containsKey(role) && seen.add(role)) {
                standings.add(new RoleStanding(roles.get(role), true, impliedBy.getOrDefault(role, List.of())));
            }
        }
        for (String role : roles.keySet()) {
            if (impliedBy.containsKey(role) && seen.add(role)) {
                standings.add(new RoleStanding(roles.get(role), false, impliedBy.get(role)));
            }
        }
        return standings;
    }
}
