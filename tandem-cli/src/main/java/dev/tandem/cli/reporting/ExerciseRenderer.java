package dev.tandem.cli.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.reporting.exercise.Change;
import dev.tandem.reporting.exercise.ExerciseResult;
import dev.tandem.reporting.exercise.Replay;
import dev.tandem.reporting.exercise.TimelineEntry;
import dev.tandem.reporting.obligation.Obligation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Table, JSON and HTML (with an SVG timeline chart, no scripts) forms of an exercise. */
final class ExerciseRenderer {

    private ExerciseRenderer() {
    }

    static String table(ExerciseResult result) {
        StringBuilder out = new StringBuilder();
        out.append(result.scenario().title()).append("\n").append("Replayed until ").append(result.scenario().until()).append("\n\n");
        replayTable(out, result.base());
        if (result.shift() != null) {
            out.append("\nWhat if ").append(result.shift().event()).append(" moved by ").append(result.shift().by()).append(":\n\n");
            changesTable(out, result.changes());
            out.append("\nShifted replay:\n\n");
            replayTable(out, result.shifted());
        }
        return out.toString();
    }

    private static void replayTable(StringBuilder out, Replay replay) {
        TextTable table = new TextTable("WHEN (UTC)", "SIDE", "WHAT", "OUTCOME", "IN FORCE");
        for (TimelineEntry e : replay.timeline()) {
            table.row(e.at() == null ? "(never)" : e.at().toString(), e.side(), e.label() + (e.provisional() ? " (provisional)" : ""),
                    e.outcome() == null ? "" : e.outcome().id(), e.type().equals("due") ? (e.inForce() ? "yes" : "NO") : "");
        }
        out.append(table.render());
        out.append("\nWhere the two sides diverge:\n");
        replay.divergences().forEach(d -> out.append("  - ").append(d).append('\n'));
    }

    private static void changesTable(StringBuilder out, List<Change> changes) {
        if (changes.isEmpty()) {
            out.append("  no deadline or outcome changes\n");
            return;
        }
        TextTable table = new TextTable("FRAMEWORK", "STAGE", "DUE BEFORE", "DUE AFTER", "MOVED", "OUTCOME BEFORE", "OUTCOME AFTER");
        for (Change c : changes) {
            table.row(c.framework(), c.stage(), String.valueOf(c.dueBefore()), String.valueOf(c.dueAfter()), moved(c),
                    c.before() == null ? "" : c.before().id(), c.after() == null ? "" : c.after().id());
        }
        out.append(table.render());
    }

    private static String moved(Change c) {
        if (c.dueBefore() == null || c.dueAfter() == null) {
            return "";
        }
        Duration d = Duration.between(c.dueBefore(), c.dueAfter());
        return (d.isNegative() ? "-" : "+") + d.abs().toString().substring(2).toLowerCase(Locale.ROOT);
    }

    static String json(ExerciseResult result) throws JsonProcessingException {
        ObjectNode root = ObligationsJson.MAPPER.createObjectNode();
        ObjectNode scenario = root.putObject("scenario");
        scenario.put("source", result.scenario().source()).put("title", result.scenario().title())
                .put("description", result.scenario().description()).put("until", result.scenario().until().toString());
        replay(root, result.base());
        if (result.shift() != null) {
            root.putObject("shift").put("event", result.shift().event()).put("by", result.shift().by().toString());
            replay(root.putObject("shifted"), result.shifted());
            ArrayNode changes = root.putArray("changes");
            for (Change c : result.changes()) {
                changes.addObject().put("framework", c.framework()).put("stage", c.stage())
                        .put("dueBefore", Times.utc(c.dueBefore())).put("dueAfter", Times.utc(c.dueAfter()))
                        .put("outcomeBefore", c.before() == null ? null : c.before().id())
                        .put("outcomeAfter", c.after() == null ? null : c.after().id());
            }
        } else {
            root.putNull("shift");
            root.putNull("shifted");
            root.putArray("changes");
        }
        return ObligationsJson.MAPPER.writeValueAsString(root) + "\n";
    }

    private static void replay(ObjectNode node, Replay replay) {
        ArrayNode timeline = node.putArray("timeline");
        for (TimelineEntry e : replay.timeline()) {
            ObjectNode item = timeline.addObject().put("at", Times.utc(e.at())).put("type", e.type()).put("side", e.side())
                    .put("framework", e.framework()).put("stage", e.stage()).put("label", e.label());
            if (e.type().equals("due")) {
                item.put("outcome", e.outcome().id()).put("inForce", e.inForce()).put("provisional", e.provisional());
            }
        }
        ArrayNode obligations = node.putArray("obligations");
        for (Obligation o : replay.result().obligations()) {
            obligations.add(ObligationsJson.obligation(o));
        }
        ArrayNode divergences = node.putArray("divergences");
        replay.divergences().forEach(divergences::add);
    }

    static String html(ExerciseResult result) {
        StringBuilder out = new StringBuilder();
        String title = "Exercise: " + result.scenario().title();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(esc(title)).append("</title>\n")
                .append("<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;font-size:.85em}"
                        + "th,td{border:1px solid #bbb;padding:.2rem .4rem}th{background:#eee}.met{color:#1a7f37}.late{color:#b35900}"
                        + ".missed{color:#b00020;font-weight:bold}.open,.waiting{color:#555}svg{max-width:100%;height:auto}</style>\n</head>\n<body>\n");
        out.append("<h1>").append(esc(title)).append("</h1>\n<p>").append(esc(result.scenario().description())).append("</p>\n<p>Replayed until ")
                .append(esc(result.scenario().until().toString())).append(". Blue: EU, red: US; ◆ due (green met, orange late, "
                        + "red missed, grey open), ● submission, | scenario event. Dashed lanes: not in force.</p>\n");
        out.append(svg(result.base(), result.scenario().until()));
        out.append(replayHtml(result.base()));
        if (result.shift() != null) {
            out.append("<h2>What if ").append(esc(result.shift().event())).append(" moved by ").append(esc(result.shift().by().toString()))
                    .append("</h2>\n<table>\n<tr><th>framework</th><th>stage</th><th>due before</th><th>due after</th><th>moved</th>"
                            + "<th>outcome before</th><th>outcome after</th></tr>\n");
            for (Change c : result.changes()) {
                out.append("<tr><td>").append(esc(c.framework())).append("</td><td>").append(esc(c.stage())).append("</td><td>")
                        .append(esc(String.valueOf(c.dueBefore()))).append("</td><td>").append(esc(String.valueOf(c.dueAfter())))
                        .append("</td><td>").append(esc(moved(c))).append("</td><td>").append(outcome(c.before() == null ? null : c.before().id()))
                        .append("</td><td>").append(outcome(c.after() == null ? null : c.after().id())).append("</td></tr>\n");
            }
            out.append("</table>\n<h2>Shifted replay</h2>\n").append(svg(result.shifted(), result.scenario().until()))
                    .append(replayHtml(result.shifted()));
        }
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private static String outcome(String id) {
        return id == null ? "" : "<span class=\"" + id + "\">" + esc(id) + "</span>";
    }

    private static String replayHtml(Replay replay) {
        StringBuilder out = new StringBuilder("<h2>Timeline</h2>\n<table>\n<tr><th>when (UTC)</th><th>side</th><th>what</th><th>outcome</th><th>in force</th></tr>\n");
        for (TimelineEntry e : replay.timeline()) {
            out.append("<tr><td>").append(e.at() == null ? "(never)" : esc(e.at().toString())).append("</td><td>").append(esc(e.side()))
                    .append("</td><td>").append(esc(e.label())).append(e.provisional() ? " (provisional)" : "").append("</td><td>")
                    .append(outcome(e.outcome() == null ? null : e.outcome().id())).append("</td><td>")
                    .append(e.type().equals("due") ? (e.inForce() ? "yes" : "no") : "").append("</td></tr>\n");
        }
        out.append("</table>\n<h2>Where the two sides diverge</h2>\n<ul>\n");
        replay.divergences().forEach(d -> out.append("<li>").append(esc(d)).append("</li>\n"));
        return out.append("</ul>\n").toString();
    }

    /** A lane per obligation on a shared time axis; pure SVG, no scripts. */
    static String svg(Replay replay, Instant until) {
        List<Instant> instants = new ArrayList<>();
        replay.timeline().stream().map(TimelineEntry::at).filter(java.util.Objects::nonNull).forEach(instants::add);
        instants.add(until);
        Instant start = instants.stream().min(Instant::compareTo).orElse(until).minus(Duration.ofHours(12));
        Instant end = instants.stream().max(Instant::compareTo).orElse(until).plus(Duration.ofHours(12));
        Map<String, List<TimelineEntry>> lanes = new LinkedHashMap<>();
        lanes.put("scenario events", new ArrayList<>());
        for (Obligation o : replay.result().obligations()) {
            lanes.put(o.framework() + " " + o.stage(), new ArrayList<>());
        }
        for (TimelineEntry e : replay.timeline()) {
            String lane = e.framework() == null ? "scenario events" : e.framework() + " " + e.stage();
            lanes.computeIfAbsent(lane, k -> new ArrayList<>()).add(e);
        }
        int left = 300;
        int width = 1100;
        int row = 26;
        int top = 40;
        int height = top + row * lanes.size() + 20;
        double span = Duration.between(start, end).toMinutes();
        java.util.function.Function<Instant, Double> x = at -> left + (width - left - 20) * Duration.between(start, at).toMinutes() / span;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height).append("\" role=\"img\" aria-label=\"timeline\">\n");
        svg.append("<style>text{font:11px sans-serif}.eu{fill:#1f4fbf}.us{fill:#b3261e}.axis{stroke:#999}</style>\n");
        long days = Math.max(1, Duration.between(start, end).toDays());
        long step = Math.max(1, (days + 9) / 10);
        for (LocalDate d = start.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1); !d.atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(end); d = d.plusDays(step)) {
            double px = x.apply(d.atStartOfDay(ZoneOffset.UTC).toInstant());
            svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke-dasharray=\"2,3\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", px, top - 10, px, height - 10, px, top - 14, d.toString().substring(5)));
        }
        double untilX = x.apply(until);
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000\"/><text x=\"%.1f\" y=\"%d\">end</text>\n",
                untilX, top - 10, untilX, height - 10, untilX + 3, height - 12));
        int i = 0;
        for (Map.Entry<String, List<TimelineEntry>> lane : lanes.entrySet()) {
            int y = top + row * i++ + row / 2;
            String side = lane.getValue().stream().map(TimelineEntry::side).filter(s -> !s.isEmpty()).findFirst().orElse("");
            boolean inForce = lane.getValue().stream().allMatch(TimelineEntry::inForce);
            svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" class=\"%s\">%s</text>", y + 4, side.toLowerCase(Locale.ROOT),
                    esc(lane.getKey()))).append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"%s/>\n",
                    left, y, width - 20, y, inForce ? "" : " stroke-dasharray=\"6,4\""));
            for (TimelineEntry e : lane.getValue()) {
                if (e.at() == null) {
                    continue;
                }
                double px = x.apply(e.at());
                String tip = "<title>" + esc(e.label() + " " + e.at() + (e.outcome() == null ? "" : " — " + e.outcome().id())) + "</title>";
                switch (e.type()) {
                    case "due" -> svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f %d l6 6 l-6 6 l-6 -6 z\" fill=\"%s\">%s</path>\n",
                            px, y - 6, colour(e.outcome().id()), tip));
                    case "submission" -> svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%d\" r=\"4\" class=\"%s\">%s</circle>\n",
                            px, y, e.side().toLowerCase(Locale.ROOT), tip));
                    default -> svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#444\" stroke-width=\"2\">%s</line>\n",
                            px, y - 8, px, y + 8, tip));
                }
            }
        }
        return svg.append("</svg>\n").toString();
    }

    private static String colour(String outcome) {
        return switch (outcome) {
            case "met" -> "#1a7f37";
            case "late" -> "#d97706";
            case "missed" -> "#b00020";
            default -> "#888";
        };
    }

    static String esc(String text) {
        return DraftRenderer.esc(text);
    }
}
