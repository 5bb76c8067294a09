package dev.tandem.render.reporting;

import dev.tandem.catalog.Confidence;
import dev.tandem.render.html.Block;
import dev.tandem.render.html.LegalSources;
import dev.tandem.render.html.Legends;
import dev.tandem.render.html.Page;
import dev.tandem.render.html.Section;
import dev.tandem.render.html.Text;
import dev.tandem.render.html.Timeline;
import dev.tandem.render.html.Tone;
import dev.tandem.reporting.deadline.AppliedRule;
import dev.tandem.reporting.incident.RecordIssue;
import dev.tandem.reporting.obligation.FrameworkAssessment;
import dev.tandem.reporting.obligation.Obligation;
import dev.tandem.reporting.obligation.RuleCheck;
import dev.tandem.reporting.obligation.Status;
import dev.tandem.usecase.reporting.ObligationsResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The obligations as a document: key figures, a deadline timeline (the whole span and a zoomed view of
 * the first 72 hours, one shape per outcome, regimes not in force set apart), every stage with its due
 * instant in UTC and local time, how each deadline was counted, which regimes apply and why.
 */
public final class ObligationsPage {

    static final Duration ZOOM = Duration.ofHours(72);

    private ObligationsPage() {
    }

    public static Page of(ObligationsResult r) {
        List<Section> sections = new ArrayList<>();
        List<Obligation> inForce = r.obligations().stream().filter(Obligation::inForce).toList();
        sections.add(Section.of("At a glance", summary(r, inForce)));
        if (r.obligations().stream().anyMatch(o -> o.due() != null || o.clockStart() != null)) {
            sections.add(Section.of("Deadline timeline", timelines(r)));
        }
        sections.add(Section.of("Reports owed", table(r)));
        sections.add(Section.of("How each deadline was counted", counting(r)));
        sections.add(Section.of("Regimes that apply, and why", applicability(r)));
        if (!r.issues().isEmpty()) {
            List<Block> blocks = new ArrayList<>();
            for (RecordIssue issue : r.issues()) {
                blocks.add(new Block.Notice(Tone.WARN, "Problem in the record (" + issue.severity().label() + ")",
                        Text.of(issue.describe())));
            }
            sections.add(Section.of("Problems in the incident record", blocks));
        }
        Set<Confidence> tags = new LinkedHashSet<>();
        r.obligations().forEach(o -> tags.add(o.confidence()));
        r.frameworks().forEach(f -> {
            tags.add(f.framework().inForce().confidence());
            f.rules().forEach(rule -> tags.add(rule.confidence()));
        });
        List<Page.LegendEntry> legend = new ArrayList<>(statusLegend());
        legend.addAll(Legends.shapes(EnumSet.allOf(Timeline.Shape.class)));
        legend.addAll(Legends.confidence(tags));
        return new Page("Reporting obligations", "Reports owed for " + fileName(r.incident()),
                Text.of("Evaluated as of ").strong(Times.utc(r.at()) + " (UTC)")
                        .plain(". Every deadline is an instant in UTC, shown beside the local time of the authority's "
                                + "time zone; a regime not yet in force is listed apart and owes nothing."),
                null, r.provenance(), sections, legend);
    }

    /** The record's file name without its folders (the inputs table gives the path). */
    static String fileName(String source) {
        int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
        return slash < 0 ? source : source.substring(slash + 1);
    }

    private static List<Block> summary(ObligationsResult r, List<Obligation> inForce) {
        List<Block> blocks = new ArrayList<>();
        List<Block.Figure> figures = new ArrayList<>();
        figures.add(new Block.Figure(String.valueOf(count(inForce, Status.OVERDUE)), "overdue", Tone.BAD));
        figures.add(new Block.Figure(String.valueOf(count(inForce, Status.DUE_SOON)), "due soon", Tone.WARN));
        figures.add(new Block.Figure(String.valueOf(count(inForce, Status.ASAP)), "owed now, no fixed period", Tone.WARN));
        figures.add(new Block.Figure(String.valueOf(count(inForce, Status.PENDING)), "open", Tone.INFO));
        figures.add(new Block.Figure(String.valueOf(count(inForce, Status.SUBMITTED)), "submitted", Tone.OK));
        figures.add(new Block.Figure(String.valueOf(count(inForce, Status.WAITING)), "waiting for an event", Tone.NEUTRAL));
        figures.add(new Block.Figure(String.valueOf(r.obligations().size() - inForce.size()), "not in force", Tone.NEUTRAL));
        blocks.add(new Block.Figures("Stages of the regimes that apply, by status (in force unless said)", figures));
        if (!r.overdue().isEmpty()) {
            blocks.add(new Block.Notice(Tone.BAD, r.overdue().size() + " report(s) overdue",
                    Text.of(String.join("; ", r.overdue().stream().map(o -> o.frameworkName() + ", " + o.stageName()).toList()))));
        }
        if (r.obligations().isEmpty()) {
            blocks.add(new Block.Paragraph(Text.of("No regime in the catalog applies to this record.")));
        }
        return blocks;
    }

    private static long count(List<Obligation> obligations, Status status) {
        return obligations.stream().filter(o -> o.status() == status).count();
    }

    private static List<Block> timelines(ObligationsResult r) {
        List<Instant> instants = new ArrayList<>();
        for (Obligation o : r.obligations()) {
            if (o.clockStart() != null) {
                instants.add(o.clockStart());
            }
            if (o.due() != null) {
                instants.add(o.due());
            }
            if (o.submittedAt() != null) {
                instants.add(o.submittedAt());
            }
        }
        instants.add(r.at());
        Instant first = instants.stream().min(Instant::compareTo).orElseThrow();
        Instant last = instants.stream().max(Instant::compareTo).orElseThrow();
        Duration pad = Duration.between(first, last).dividedBy(40).plusHours(1);
        Instant start = first.minus(pad);
        Instant end = last.plus(pad);
        List<Block> blocks = new ArrayList<>();
        Instant clock = r.obligations().stream().map(Obligation::clockStart).filter(Objects::nonNull).min(Instant::compareTo)
                .orElse(first);
        blocks.add(new Block.Paragraph(Text.of("The first chart zooms on the 72 hours after the earliest clock start ("
                + Times.utc(clock) + " UTC), where the shortest EU and US deadlines fall; the second shows the whole span. "
                + "The dashed line is the evaluation instant. Exact instants are in the table below.")));
        blocks.add(new Block.Chart(chart(r, "The first 72 hours after " + Times.utc(clock) + " (hours after the clock starts)",
                clock, clock.plus(ZOOM), Timeline.hoursAfter(clock, clock.plus(ZOOM)))));
        blocks.add(new Block.Chart(chart(r, "Every deadline, " + start.toString().substring(0, 10) + " to "
                + end.toString().substring(0, 10) + " (UTC dates)", start, end, Timeline.ticks(start, end))));
        return blocks;
    }

    private static Timeline chart(ObligationsResult r, String caption, Instant start, Instant end, List<Timeline.Tick> ticks) {
        List<Timeline.Lane> on = new ArrayList<>();
        List<Timeline.Lane> off = new ArrayList<>();
        for (Obligation o : r.obligations()) {
            (o.inForce() ? on : off).add(new Timeline.Lane(Text.of(o.frameworkName()).lineBreak().muted(o.stageName()), markers(o)));
        }
        List<Timeline.LaneGroup> groups = new ArrayList<>();
        groups.add(new Timeline.LaneGroup("In force", true, on));
        if (!off.isEmpty()) {
            groups.add(new Timeline.LaneGroup("Not in force on the clock-start date: shown for comparison, nothing is owed", false, off));
        }
        return new Timeline(caption, start, end, ticks, groups, r.at(), "evaluated");
    }

    private static List<Timeline.Marker> markers(Obligation o) {
        List<Timeline.Marker> markers = new ArrayList<>();
        if (o.clockStart() != null) {
            markers.add(new Timeline.Marker(o.clockStart(), Timeline.Shape.EVENT, "clock starts", when(o.clockStart(), o)
                    + " (" + o.clockStartEvent() + ")"));
        }
        if (o.due() != null) {
            Timeline.Shape shape = switch (o.status()) {
                case OVERDUE -> Timeline.Shape.OVERDUE;
                case DUE_SOON -> Timeline.Shape.DUE_SOON;
                case SUBMITTED -> o.late() ? Timeline.Shape.LATE : Timeline.Shape.MET;
                default -> Timeline.Shape.OPEN;
            };
            markers.add(new Timeline.Marker(o.due(), shape, "due", when(o.due(), o)));
        }
        if (o.submittedAt() != null) {
            markers.add(new Timeline.Marker(o.submittedAt(), Timeline.Shape.SUBMITTED, "submitted", when(o.submittedAt(), o)));
        }
        return markers;
    }

    private static String when(Instant at, Obligation o) {
        return Times.utc(at) + " UTC, " + Times.local(at, o.timeZone());
    }

    private static Block table(ObligationsResult r) {
        List<Block.Row> rows = new ArrayList<>();
        for (Obligation o : r.obligations()) {
            Text due = o.due() == null ? (o.status() == Status.ASAP ? Text.of("without undue delay: no fixed period")
                    : Text.of("waits for ").code(o.waitingFor()))
                    : Text.ofCode(Times.utc(o.due())).plain(" UTC").lineBreak().muted(Times.local(o.due(), o.timeZone()))
                            .plain(o.provisional() ? " (provisional)" : "");
            // The instant and the record's field are identifiers: they may break anywhere in a narrow column.
            if (o.clockStart() == null) {
                due.lineBreak().muted("clock not started");
            } else {
                due.lineBreak().muted("clock started ").code(Times.utc(o.clockStart())).muted(" (").code(o.clockStartEvent())
                        .muted(")");
            }
            Text what = Text.of(o.frameworkName()).lineBreak().strong(o.stageName()).lineBreak().code(o.framework());
            Text to = Text.of(o.recipient()).lineBreak().muted("via " + o.channel()).lineBreak()
                    .append(o.missingFields().isEmpty() ? Text.ofBadge(Tone.OK, "all fields in the record")
                            : Text.ofBadge(Tone.WARN, o.missingFields().size() + " field(s) missing").lineBreak()
                                    .muted(String.join(", ", o.missingFields())));
            rows.add(new Block.Row(List.of(status(o), what, due, to, source(o.source(), o.confidence())),
                    o.inForce() ? (o.status() == Status.OVERDUE ? Tone.BAD : null) : Tone.NEUTRAL));
        }
        return new Block.Table("Every stage, earliest deadline first", List.of(Block.Column.narrow("Status"),
                Block.Column.of("Regime and stage"), Block.Column.of("Due (UTC, then local), clock start"),
                Block.Column.of("To, and the fields the record lacks"), Block.Column.narrow("Legal source")), rows, false,
                "No report is owed.");
    }

    /** The status as a badge; a stage of a regime not in force says so instead. */
    static Text status(Obligation o) {
        if (!o.inForce()) {
            return Text.ofBadge(Tone.NEUTRAL, "not in force");
        }
        return switch (o.status()) {
            case OVERDUE -> Text.ofBadge(Tone.BAD, "overdue");
            case DUE_SOON -> Text.ofBadge(Tone.WARN, "due soon");
            case PENDING -> Text.ofBadge(Tone.INFO, "open");
            case SUBMITTED -> o.late() ? Text.ofBadge(Tone.WARN, "submitted late") : Text.ofBadge(Tone.OK, "submitted");
            case WAITING -> Text.ofBadge(Tone.NEUTRAL, "waiting");
            case ASAP -> Text.ofBadge(Tone.WARN, "owed now");
        };
    }

    private static List<Page.LegendEntry> statusLegend() {
        return List.of(
                Legends.status(Tone.BAD, "overdue", "Past its deadline and no submission recorded."),
                Legends.status(Tone.WARN, "due soon", "Due within the due-soon window of the evaluation instant."),
                Legends.status(Tone.INFO, "open", "Dated, not yet due, not yet submitted."),
                Legends.status(Tone.OK, "submitted", "A submission is recorded in time; \"submitted late\" if after the deadline."),
                Legends.status(Tone.NEUTRAL, "waiting", "Cannot be dated yet: the event that starts its clock is not in the record."),
                Legends.status(Tone.WARN, "owed now", "Its clock has started and the law asks for it without undue delay or as soon as possible, with no fixed period."),
                Legends.status(Tone.NEUTRAL, "not in force", "The regime is not in force on the clock-start date; shown for comparison only."));
    }

    /** A legal source as links, followed by its confidence tag. */
    static Text source(String source, Confidence confidence) {
        return LegalSources.link(source).plain(" ").append(Legends.tag(confidence));
    }

    private static List<Block> counting(ObligationsResult r) {
        List<Text> items = new ArrayList<>();
        for (Obligation o : r.obligations()) {
            Text item = Text.empty().strong(o.frameworkName() + ", " + o.stageName() + ": ").plain(o.countedAs());
            if (o.clockStart() != null) {
                item.plain("; the clock started " + Times.utc(o.clockStart()) + " UTC (" + o.clockStartEvent() + ")");
            }
            if (o.legalLimit() != null) {
                item.lineBreak().plain("Legal limit " + Times.utc(o.legalLimit().at()) + " UTC: ");
                boolean firstRule = true;
                for (AppliedRule rule : o.legalLimit().rules()) {
                    if (!rule.applied()) {
                        continue;
                    }
                    if (!firstRule) {
                        item.plain("; ");
                    }
                    firstRule = false;
                    item.append(source(rule.source(), rule.confidence()));
                    String note = LegalSources.publicNote(rule.note());
                    if (!note.isEmpty()) {
                        item.muted(" (" + note + ")");
                    }
                }
            }
            item.lineBreak().muted("Source: ").append(source(o.source(), o.confidence()));
            items.add(item);
        }
        return items.isEmpty() ? List.of(new Block.Paragraph(Text.of("Nothing to count."))) : List.of(new Block.Bullets(items));
    }

    private static List<Block> applicability(ObligationsResult r) {
        List<Block.Row> rows = new ArrayList<>();
        for (FrameworkAssessment a : r.frameworks()) {
            Text applies = a.applies() ? Text.ofBadge(Tone.OK, "applies") : Text.ofBadge(Tone.NEUTRAL, "does not apply");
            Text force = a.inForce() ? Text.ofBadge(Tone.OK, "in force") : Text.ofBadge(Tone.NEUTRAL, "not in force");
            force.lineBreak().muted(a.framework().inForce().describe() + " ").append(source(a.framework().inForce().source(),
                    a.framework().inForce().confidence()));
            Text why = Text.empty();
            for (RuleCheck rule : a.rules()) {
                if (rule.met() != a.applies()) {
                    continue;
                }
                if (!why.isEmpty()) {
                    why.lineBreak();
                }
                why.plain((rule.met() ? "✓ " : "✕ ") + rule.text() + " ").append(source(rule.source(), rule.confidence()));
            }
            rows.add(new Block.Row(List.of(Text.of(a.framework().name()).lineBreak().code(a.framework().id())
                    .plain(" (" + a.framework().jurisdiction() + ")"), applies, force, why), a.applies() ? null : Tone.NEUTRAL));
        }
        return List.of(new Block.Table("Every regime in the catalog", List.of(Block.Column.of("Regime"),
                Block.Column.narrow("Applies"), Block.Column.of("In force"), Block.Column.wide("Because")), rows, true, null));
    }
}
