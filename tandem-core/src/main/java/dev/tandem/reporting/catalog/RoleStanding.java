package dev.tandem.reporting.catalog;

import java.util.List;

/**
 * One role an entity holds: declared in the record, or implied through the catalog's hierarchy by
 * the declared roles in {@code impliedBy}, whose sources state the implication (a role may be both).
 */
public record RoleStanding(Role role, boolean declared, List<Role> impliedBy) {

    public RoleStanding {
        impliedBy = List.copyOf(impliedBy);
    }

    public String id() {
        return role.id();
    }

    /** The ids of the declared roles that imply this one. */
    public List<String> impliedByIds() {
        return impliedBy.stream().map(Role::id).toList();
    }
}
