package dev.tandem.reporting.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The whole reporting catalog, cross-checked on load; lookups by id. */
public final class ReportingCatalog {

    private final Map<String, Framework> frameworks = new LinkedHashMap<>();
    private final Map<String, FieldDefinition> fields = new LinkedHashMap<>();
    private final Map<String, CountingRule> countingRules = new LinkedHashMap<>();
    private final Map<String, CalendarDefinition> calendars = new LinkedHashMap<>();
    private final Map<String, Notice> notices = new LinkedHashMap<>();
    private final Map<String, Role> roles = new LinkedHashMap<>();
    private final Map<String, StageKind> stageKinds = new LinkedHashMap<>();
    private final Map<String, EventFlag> flags = new LinkedHashMap<>();
    private final MemberStateZones memberStateZones;
    private final RoleHierarchy roleHierarchy;

    public ReportingCatalog(List<Framework> frameworks, List<FieldDefinition> fields, List<CountingRule> countingRules,
            List<CalendarDefinition> calendars, List<Notice> notices, List<Role> roles, List<StageKind> stageKinds,
            List<EventFlag> flags, MemberStateZones memberStateZones) {
        frameworks.forEach(f -> put(this.frameworks, f.id(), f, "framework"));
        fields.forEach(f -> put(this.fields, f.id(), f, "field"));
        countingRules.forEach(r -> put(this.countingRules, r.id(), r, "counting rule"));
        calendars.forEach(c -> put(this.calendars, c.id(), c, "calendar"));
        notices.forEach(n -> put(this.notices, n.id(), n, "notice"));
        roles.forEach(r -> put(this.roles, r.id(), r, "role"));
        stageKinds.forEach(k -> put(this.stageKinds, k.id(), k, "stage kind"));
        flags.forEach(f -> put(this.flags, f.id(), f, "event flag"));
        this.memberStateZones = memberStateZones;
        this.roleHierarchy = new RoleHierarchy(roles);
        new CatalogConsistency(this).check();
    }

    private static <T> void put(Map<String, T> map, String id, T value, String kind) {
        if (id == null || id.isBlank()) {
            throw new IllegalStateException("catalog: a " + kind + " without id");
        }
        if (map.putIfAbsent(id, value) != null) {
            throw new IllegalStateException("catalog: duplicate " + kind + " id '" + id + "'");
        }
    }

    public List<Framework> frameworks() {
        return List.copyOf(frameworks.values());
    }

    public Optional<Framework> framework(String id) {
        return Optional.ofNullable(frameworks.get(id));
    }

    public List<FieldDefinition> fields() {
        return List.copyOf(fields.values());
    }

    public Optional<FieldDefinition> field(String id) {
        return Optional.ofNullable(fields.get(id));
    }

    public Optional<CountingRule> countingRule(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(countingRules.get(id));
    }

    public List<CountingRule> countingRules() {
        return List.copyOf(countingRules.values());
    }

    public Optional<CalendarDefinition> calendar(String id) {
        return Optional.ofNullable(calendars.get(id));
    }

    public List<CalendarDefinition> calendars() {
        return List.copyOf(calendars.values());
    }

    public Optional<Notice> notice(String id) {
        return Optional.ofNullable(notices.get(id));
    }

    public List<Notice> notices() {
        return List.copyOf(notices.values());
    }

    public List<Role> roles() {
        return List.copyOf(roles.values());
    }

    public boolean knowsRole(String id) {
        return roles.containsKey(id);
    }

    public Optional<Role> role(String id) {
        return Optional.ofNullable(roles.get(id));
    }

    /** The roles as a hierarchy: which roles each implies. */
    public RoleHierarchy roleHierarchy() {
        return roleHierarchy;
    }

    /** The event flags a record may set, in documentation order. */
    public List<EventFlag> flags() {
        return List.copyOf(flags.values());
    }

    public Optional<EventFlag> flag(String id) {
        return Optional.ofNullable(flags.get(id));
    }

    public Optional<StageKind> stageKind(String id) {
        return Optional.ofNullable(stageKinds.get(id));
    }

    public List<StageKind> stageKinds() {
        return List.copyOf(stageKinds.values());
    }

    public MemberStateZones memberStateZones() {
        return memberStateZones;
    }
}
