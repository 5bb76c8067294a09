package dev.tandem.render.reporting;

import dev.tandem.render.html.Block;
import dev.tandem.render.html.Legends;
import dev.tandem.render.html.Page;
import dev.tandem.render.html.Section;
import dev.tandem.render.html.Text;
import dev.tandem.render.html.Timeline;
import dev.tandem.render.html.Tone;
import dev.tandem.reporting.exercise.Change;
import dev.tandem.reporting.exercise.Outcome;
import dev.tandem.reporting.exercise.Replay;
import dev.tandem.reporting.exercise.TimelineEntry;
import dev.tandem.reporting.obligation.Obligation;
import dev.tandem.usecase.reporting.ExerciseResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An exercise as a document: each replay as the same timeline the obligations page draws (a zoom on the
 * first 72 hours, the whole scenario, one shape per outcome, regimes not in force apart), the merged
 * timeline as a table, where the two sides diverge, and for a what-if every stage that moved.
 */
public final class ExercisePage {

    private static final String EVENTS = "Scenario events";

    private ExercisePage() {
    }

    public static Page of(ExerciseResult result) {
        List<Section> sections = new ArrayList<>();
        sections.addAll(replay(result.base(), result.scenario().until(), ""));
        if (result.shift() != null) {
            List<Block.Row> rows = new ArrayList<>();
            Map<String, Obligation> stages = new LinkedHashMap<>();
            result.base().result().obligations().forEach(o -> stages.putIfAbsent(o.framework() + " " + o.stage(), o));
            for (Change c : result.changes()) {
                Obligation o = stages.get(c.framework() + " " + c.stage());
                rows.add(Block.Row.of(o == null ? Text.ofCode(c.framework()) : Text.of(o.frameworkName()).lineBreak().code(c.framework()),
                        o == null ? Text.of(c.stage()) : Text.of(o.stageName()).lineBreak().code(c.stage()), Text.of(String.valueOf(c.dueBefore())),
                        Text.of(String.valueOf(c.dueAfter())), Text.of(ExerciseTable.moved(c)), outcome(c.before()), outcome(c.after())));
            }
            sections.add(Section.of("What if " + result.shift().event() + " moved by " + result.shift().by(),
                    new Block.Table("Stages whose deadline or outcome changed", List.of(Block.Column.wide("Framework"),
                            Block.Column.of("Stage"), Block.Column.of("Due before (UTC)"), Block.Column.of("Due after (UTC)"),
                            Block.Column.narrow("Moved"), Block.Column.narrow("Before"), Block.Column.narrow("After")), rows, false,
                            "Nothing changes.")).onNewPage());
            sections.addAll(replay(result.shifted(), result.scenario().until(), " (shifted)"));
        }
        if (!result.warnings().isEmpty()) {
            sections.add(Section.of("Problems in the scenario's record", new Block.Bullets(result.warnings().stream().map(Text::of).toList())));
        }
        List<Page.LegendEntry> legend = new ArrayList<>(Legends.shapes(EnumSet.allOf(Timeline.Shape.class)));
        legend.add(Legends.status(Tone.OK, "met", "Submitted by the deadline."));
        legend.add(Legends.status(Tone.WARN, "late", "Submitted after the deadline."));
        legend.add(Legends.status(Tone.BAD, "missed", "Not submitted, and the deadline passed before the scenario ends."));
        legend.add(Legends.status(Tone.INFO, "open", "Not yet due when the scenario ends."));
        return new Page("Exercise", result.scenario().title(), Text.of(result.scenario().description()).lineBreak()
                .plain("Replayed until " + result.scenario().until() + " (UTC)."), null, result.provenance(), sections, legend);
    }

    private static List<Section> replay(Replay replay, Instant until, String suffix) {
        List<Block> charts = new ArrayList<>();
        Instant first = replay.timeline().stream().map(TimelineEntry::at).filter(Objects::nonNull).min(Instant::compareTo).orElse(until);
        Instant last = replay.timeline().stream().map(TimelineEntry::at).filter(Objects::nonNull).max(Instant::compareTo).orElse(until);
        if (until.isAfter(last)) {
            last = until;
        }
        Duration pad = Duration.between(first, last).dividedBy(40).plusHours(1);
        charts.add(new Block.Chart(chart(replay, "The first 72 hours after " + first + " (hours after the first event)", first,
                first.plus(ObligationsPage.ZOOM), Timeline.hoursAfter(first, first.plus(ObligationsPage.ZOOM)), until)));
        charts.add(new Block.Chart(chart(replay, "The whole scenario (UTC)", first.minus(pad), last.plus(pad),
                Timeline.ticks(first.minus(pad), last.plus(pad)), until)));
        Map<String, Obligation> stages = new LinkedHashMap<>();
        replay.result().obligations().forEach(o -> stages.putIfAbsent(o.framework() + " " + o.stage(), o));
        List<Block.Row> rows = new ArrayList<>();
        for (TimelineEntry e : replay.timeline()) {
            Obligation stage = e.framework() == null ? null : stages.get(e.framework() + " " + e.stage());
            Text what = stage == null
                    ? (e.framework() == null ? Text.of("event of the incident ").code(e.label()) : Text.of(e.label()))
                    : Text.of(e.type().equals("due") ? "due: " : e.type().equals("submission") ? "submitted: " : "")
                            .plain(stage.frameworkName() + ", ").strong(stage.stageName()).lineBreak().muted(e.label());
            if (e.provisional()) {
                what.muted(" (provisional)");
            }
            rows.add(new Block.Row(List.of(e.at() == null ? Text.of("(never)") : Text.ofCode(e.at().toString()), Text.of(e.side()),
                    what, outcome(e.outcome()),
                    e.type().equals("due") ? (e.inForce() ? Text.ofBadge(Tone.OK, "yes") : Text.ofBadge(Tone.NEUTRAL, "no")) : Text.empty()),
                    e.type().equals("due") && !e.inForce() ? Tone.NEUTRAL : null));
        }
        List<Section> sections = new ArrayList<>();
        sections.add(Section.of("Timeline" + suffix, charts));
        sections.add(Section.of("Every event and deadline" + suffix, new Block.Table("In time order", List.of(Block.Column.of("When (UTC)"),
                Block.Column.narrow("Side"), Block.Column.wide("What"), Block.Column.narrow("Outcome"), Block.Column.narrow("In force")),
                rows, false, null)));
        sections.add(Section.of("Where the two sides diverge" + suffix, replay.divergences().isEmpty()
                ? List.of(new Block.Paragraph(Text.of("They do not.")))
                : List.of(new Block.Bullets(replay.divergences().stream().map(Text::of).toList()))));
        return sections;
    }

    private static Timeline chart(Replay replay, String caption, Instant start, Instant end, List<Timeline.Tick> ticks, Instant until) {
        Map<String, List<Timeline.Marker>> lanes = new LinkedHashMap<>();
        Map<String, Text> labels = new LinkedHashMap<>();
        Map<String, Boolean> inForce = new LinkedHashMap<>();
        lanes.put(EVENTS, new ArrayList<>());
        labels.put(EVENTS, Text.of(EVENTS));
        inForce.put(EVENTS, true);
        for (Obligation o : replay.result().obligations()) {
            String key = o.framework() + " " + o.stage();
            lanes.put(key, new ArrayList<>());
            labels.put(key, Text.of(o.frameworkName()).lineBreak().muted(o.stageName()));
            inForce.put(key, o.inForce());
        }
        for (TimelineEntry e : replay.timeline()) {
            if (e.at() == null) {
                continue;
            }
            String key = e.framework() == null ? EVENTS : e.framework() + " " + e.stage();
            lanes.computeIfAbsent(key, k -> new ArrayList<>());
            labels.putIfAbsent(key, Text.of(key));
            inForce.putIfAbsent(key, e.inForce());
            Timeline.Shape shape = switch (e.type()) {
                case "due" -> shape(e.outcome());
                case "submission" -> Timeline.Shape.SUBMITTED;
                default -> Timeline.Shape.EVENT;
            };
            String label = e.type().equals("due") ? "due" : e.type().equals("submission") ? "submitted" : e.label();
            lanes.get(key).add(new Timeline.Marker(e.at(), shape, label, e.at() + " UTC: " + e.label()
                    + (e.outcome() == null ? "" : ", " + e.outcome().id())));
        }
        List<Timeline.Lane> on = new ArrayList<>();
        List<Timeline.Lane> off = new ArrayList<>();
        lanes.forEach((key, markers) -> (inForce.get(key) ? on : off).add(new Timeline.Lane(labels.get(key), markers)));
        List<Timeline.LaneGroup> groups = new ArrayList<>();
        groups.add(new Timeline.LaneGroup("In force", true, on));
        if (!off.isEmpty()) {
            groups.add(new Timeline.LaneGroup("Not in force: shown for comparison, nothing is owed", false, off));
        }
        return new Timeline(caption, start, end, ticks, groups, until, "scenario ends");
    }

    private static Timeline.Shape shape(Outcome outcome) {
        if (outcome == null) {
            return Timeline.Shape.OPEN;
        }
        return switch (outcome) {
            case MET -> Timeline.Shape.MET;
            case LATE -> Timeline.Shape.LATE;
            case MISSED -> Timeline.Shape.MISSED;
            case OPEN, WAITING -> Timeline.Shape.OPEN;
        };
    }

    private static Text outcome(Outcome outcome) {
        if (outcome == null) {
            return Text.empty();
        }
        return switch (outcome) {
            case MET -> Text.ofBadge(Tone.OK, "met");
            case LATE -> Text.ofBadge(Tone.WARN, "late");
            case MISSED -> Text.ofBadge(Tone.BAD, "missed");
            case OPEN -> Text.ofBadge(Tone.INFO, "open");
            case WAITING -> Text.ofBadge(Tone.NEUTRAL, "waiting");
        };
    }
}
