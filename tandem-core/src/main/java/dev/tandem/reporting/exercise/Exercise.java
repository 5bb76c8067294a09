package dev.tandem.reporting.exercise;

import dev.tandem.reporting.catalog.Framework;
import dev.tandem.reporting.incident.Submission;
import dev.tandem.reporting.obligation.Obligation;
import dev.tandem.reporting.obligation.ObligationEngine;
import dev.tandem.reporting.obligation.ObligationResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Replays scenarios through the obligations engine, evaluated at the end of the exercise. */
public final class Exercise {

    private static final String EU = "EU";
    private static final String US = "US";
    private final ObligationEngine engine;

    public Exercise(ObligationEngine engine) {
        this.engine = engine;
    }

    /** Replays {@code base}, and {@code shifted} (the same scenario with one event moved) when given. */
    public ExerciseRun run(Scenario base, Shift shift, Scenario shifted) {
        Replay first = replay(base);
        if (shift == null || shifted == null) {
            return new ExerciseRun(base, first, null, null, List.of());
        }
        Replay second = replay(shifted);
        return new ExerciseRun(base, first, shift, second, changes(first, second));
    }

    public Replay replay(Scenario scenario) {
        ObligationResult result = engine.evaluate(scenario.incident(), scenario.until(), Duration.ZERO);
        List<TimelineEntry> entries = new ArrayList<>();
        scenario.incident().record().timeline().events().forEach((event, at) ->
                entries.add(new TimelineEntry(at.toInstant(), "event", "", null, null, event, null, true, false)));
        for (Submission submission : scenario.incident().record().submissions()) {
            if (!submission.at().toInstant().isAfter(scenario.until())) {
                entries.add(new TimelineEntry(submission.at().toInstant(), "submission", side(submission.framework()),
                        submission.framework(), submission.stage(), "submitted " + submission.framework() + " " + submission.stage(),
                        null, true, false));
            }
        }
        for (Obligation o : result.obligations()) {
            boolean asap = o.due() == null && o.waitingFor() == null && o.clockStart() != null;
            entries.add(new TimelineEntry(asap ? o.clockStart() : o.due(), "due", side(o.framework()), o.framework(), o.stage(),
                    asap ? o.framework() + " " + o.stage() + " owed from here, no fixed period"
                            : o.due() == null ? o.framework() + " " + o.stage() + " waits for " + o.waitingFor()
                            : o.framework() + " " + o.stage() + " due",
                    outcome(o, scenario.until()), o.inForce(), o.provisional()));
        }
        entries.sort(Comparator.comparing(TimelineEntry::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return new Replay(result, entries, divergences(result, scenario.until()));
    }

    static Outcome outcome(Obligation o, Instant until) {
        if (o.submittedAt() != null) {
            return o.late() ? Outcome.LATE : Outcome.MET;
        }
        if (o.due() == null) {
            // A duty without a fixed period is owed from its clock start and never "missed" by a date.
            return o.waitingFor() == null && o.clockStart() != null ? Outcome.OPEN : Outcome.WAITING;
        }
        return o.due().isBefore(until) ? Outcome.MISSED : Outcome.OPEN;
    }

    private String side(String framework) {
        return engine.catalog().framework(framework).map(Framework::jurisdiction).orElse("");
    }

    private List<String> divergences(ObligationResult result, Instant until) {
        List<String> lines = new ArrayList<>();
        Map<String, Obligation> first = new LinkedHashMap<>();
        for (Obligation o : result.obligations()) {
            if (o.due() != null && o.inForce()) {
                first.merge(side(o.framework()), o, (a, b) -> a.due().isAfter(b.due()) ? b : a);
            }
        }
        Obligation eu = first.get(EU);
        Obligation us = first.get(US);
        if (eu != null && us != null) {
            Duration gap = Duration.between(eu.due(), us.due()).abs();
            String earlier = eu.due().isBefore(us.due()) ? "the EU one" : us.due().isBefore(eu.due()) ? "the US one" : "neither";
            lines.add("First in-force report due: EU " + eu.due() + " (" + eu.framework() + "/" + eu.stage() + "), US " + us.due()
                    + " (" + us.framework() + "/" + us.stage() + "); " + earlier + " comes first, " + hours(gap) + " apart.");
        } else if (eu != null || us != null) {
            Obligation only = eu != null ? eu : us;
            lines.add("Only " + side(only.framework()) + " reports are owed and in force (first: " + only.framework() + "/"
                    + only.stage() + " due " + only.due() + ").");
        }
        for (String side : Framework.JURISDICTIONS) {
            Map<Outcome, Integer> counts = new LinkedHashMap<>();
            Set<String> clocks = new LinkedHashSet<>();
            Set<String> notInForce = new LinkedHashSet<>();
            for (Obligation o : result.obligations()) {
                if (side(o.framework()).equals(side)) {
                    counts.merge(outcome(o, until), 1, Integer::sum);
                    if (!o.inForce()) {
                        notInForce.add(o.framework());
                    }
                    clocks.add(o.clockStartEvent() == null ? "" : o.clockStartEvent().replaceAll(" \\(.*", ""));
                }
            }
            if (!counts.isEmpty()) {
                StringBuilder line = new StringBuilder(side).append(": ");
                counts.forEach((outcome, n) -> line.append(n).append(' ').append(outcome.id()).append(", "));
                line.setLength(line.length() - 2);
                if (!notInForce.isEmpty()) {
                    // Counted for planning, but a missed report of a regime not in force is no breach.
                    line.append(" (including ").append(String.join(", ", notInForce)).append(", not in force)");
                }
                line.append("; clocks started by ").append(String.join(", ", clocks.stream().filter(c -> !c.isEmpty()).toList())).append('.');
                lines.add(line.toString());
            }
        }
        Map<String, Set<String>> kinds = new LinkedHashMap<>();
        for (Obligation o : result.obligations()) {
            engine.catalog().framework(o.framework()).flatMap(f -> f.stage(o.stage())).ifPresent(stage ->
                    kinds.computeIfAbsent(stage.kind(), k -> new LinkedHashSet<>()).add(side(o.framework())));
        }
        boolean bothSides = result.obligations().stream().map(o -> side(o.framework())).distinct().count() == 2;
        kinds.forEach((kind, sides) -> {
            if (bothSides && sides.size() == 1) {
                lines.add("Stage kind '" + kind + "' is owed on the " + sides.iterator().next() + " side only.");
            }
        });
        return lines;
    }

    private static String hours(Duration gap) {
        long minutes = gap.toMinutes();
        return minutes % 60 == 0 ? (minutes / 60) + " h" : String.format(java.util.Locale.ROOT, "%.1f h", minutes / 60.0);
    }

    private static List<Change> changes(Replay before, Replay after) {
        Map<String, Obligation> a = index(before.result());
        Map<String, Obligation> b = index(after.result());
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        List<Change> changes = new ArrayList<>();
        Instant untilA = before.result().at();
        Instant untilB = after.result().at();
        for (String key : keys) {
            Obligation x = a.get(key);
            Obligation y = b.get(key);
            Instant dueX = x == null ? null : x.due();
            Instant dueY = y == null ? null : y.due();
            Outcome outX = x == null ? null : outcome(x, untilA);
            Outcome outY = y == null ? null : outcome(y, untilB);
            if (!Objects.equals(dueX, dueY) || outX != outY) {
                Obligation any = x != null ? x : y;
                changes.add(new Change(any.framework(), any.stage(), dueX, dueY, outX, outY));
            }
        }
        return changes;
    }

    private static Map<String, Obligation> index(ObligationResult result) {
        Map<String, Obligation> map = new LinkedHashMap<>();
        result.obligations().forEach(o -> map.put(o.framework() + "/" + o.stage(), o));
        return map;
    }
}
