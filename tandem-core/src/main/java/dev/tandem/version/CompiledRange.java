package dev.tandem.version;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One SEMVER or ECOSYSTEM range with its events parsed and sorted (stable: events at equal
 * versions keep their document order), evaluated by the OSV specification's event walk.
 */
final class CompiledRange {

    private final RangeType type;
    private final String problem;
    private final Event[] events;
    /** Parsed limits; empty means the implicit limit "*". */
    private final Version[] limits;
    private final boolean unlimited;
    private final List<String> fixedVersions;
    private final List<Version> fixedParsed;
    /** For each introduced event, the interval it opens, described once at compile time. */
    private final String[] descriptions;

    private CompiledRange(RangeType type, String problem, Event[] events, Version[] limits, boolean unlimited,
                          List<Version> fixedParsed) {
        this.type = type;
        this.problem = problem;
        this.events = events;
        this.limits = limits;
        this.unlimited = unlimited;
        this.fixedParsed = fixedParsed;
        this.fixedVersions = fixedParsed.stream().map(Version::text).toList();
        this.descriptions = new String[events.length];
        for (int i = 0; i < events.length; i++) {
            if (events[i].kind() == RangeEvent.Kind.INTRODUCED) {
                descriptions[i] = describe(i);
            }
        }
    }

    /** A parsed event; {@code version} is null for {@code introduced: "0"}, which sorts before everything. */
    private record Event(RangeEvent.Kind kind, String text, Version version) {
    }

    static CompiledRange of(VersionRange range, VersionScheme scheme) {
        if (scheme == null) {
            return failed(range.type(), "no version ordering is known for this ecosystem, so its ECOSYSTEM range cannot be evaluated");
        }
        List<Event> walk = new ArrayList<>();
        List<Version> limits = new ArrayList<>();
        boolean unlimited = false;
        for (RangeEvent e : range.events()) {
            String v = e.version().strip();
            if (e.kind() == RangeEvent.Kind.LIMIT) {
                if (v.contains("*")) {
                    unlimited = true;
                    continue;
                }
            } else if (e.kind() == RangeEvent.Kind.INTRODUCED && v.equals("0")) {
                walk.add(new Event(e.kind(), v, null));
                continue;
            }
            Version parsed;
            try {
                parsed = scheme.parse(v);
            } catch (InvalidVersionException ex) {
                return failed(range.type(), "the advisory's " + range.type() + " range has an unusable "
                        + e.kind().osvKey() + " bound: " + ex.getMessage());
            }
            if (e.kind() == RangeEvent.Kind.LIMIT) {
                limits.add(parsed);
            } else {
                walk.add(new Event(e.kind(), v, parsed));
            }
        }
        walk.sort(Comparator.comparing(Event::version, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<Version> fixed = walk.stream().filter(e -> e.kind() == RangeEvent.Kind.FIXED).map(Event::version).toList();
        return new CompiledRange(range.type(), null, walk.toArray(Event[]::new), limits.toArray(Version[]::new),
                unlimited || limits.isEmpty(), fixed);
    }

    private static CompiledRange failed(RangeType type, String problem) {
        return new CompiledRange(type, problem, new Event[0], new Version[0], true, List.of());
    }

    RangeType type() {
        return type;
    }

    /** Why this range cannot be evaluated at all, or null. */
    String problem() {
        return problem;
    }

    /** The fixed versions of this range, ascending. */
    List<String> fixedVersions() {
        return fixedVersions;
    }

    /** The fixed versions of this range, parsed, ascending. */
    List<Version> fixedParsed() {
        return fixedParsed;
    }

    /** A description of the interval containing {@code v}, or null when the range does not contain it. */
    String match(Version v) {
        if (!beforeLimits(v)) {
            return null;
        }
        boolean vulnerable = false;
        int openedBy = -1;
        // The events are sorted by version: once one lies above v, so do all the rest, and none of
        // them can change the walk's state (each needs v at or above its version), so the walk stops.
        for (int i = 0; i < events.length; i++) {
            Event e = events[i];
            int c = e.version() == null ? 1 : v.compareTo(e.version());
            if (c < 0) {
                break;
            }
            switch (e.kind()) {
                case INTRODUCED -> {
                    vulnerable = true;
                    openedBy = i;
                }
                case FIXED -> vulnerable = false;
                case LAST_AFFECTED -> {
                    if (c > 0) {
                        vulnerable = false;
                    }
                }
                case LIMIT -> {
                    // limits are checked up front
                }
            }
        }
        return vulnerable ? descriptions[openedBy] : null;
    }

    private boolean beforeLimits(Version v) {
        if (unlimited) {
            return true;
        }
        for (Version limit : limits) {
            if (v.compareTo(limit) < 0) {
                return true;
            }
        }
        return false;
    }

    // When the walk ends "vulnerable", no fixed/last_affected event after the last opening
    // introduced event lies at or below the version, so the interval ends at the first of them.
    private String describe(int openedBy) {
        StringBuilder b = new StringBuilder(type.name()).append(" range [").append(events[openedBy].text()).append(", ");
        String end = "*)";
        for (int i = openedBy + 1; i < events.length; i++) {
            Event e = events[i];
            if (e.kind() == RangeEvent.Kind.FIXED) {
                end = e.text() + ")";
                break;
            }
            if (e.kind() == RangeEvent.Kind.LAST_AFFECTED) {
                end = e.text() + "]";
                break;
            }
        }
        b.append(end);
        if (!unlimited) {
            b.append(" below limit ");
            for (int i = 0; i < limits.length; i++) {
                b.append(i == 0 ? "" : " or ").append(limits[i].text());
            }
        }
        return b.toString();
    }
}
