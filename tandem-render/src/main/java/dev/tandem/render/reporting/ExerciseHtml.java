package dev.tandem.render.reporting;

import dev.tandem.render.markup.Html;
import dev.tandem.render.TextRenderer;
import dev.tandem.reporting.exercise.Change;
import dev.tandem.reporting.exercise.Replay;
import dev.tandem.reporting.exercise.TimelineEntry;
import dev.tandem.usecase.reporting.ExerciseResult;
import java.io.PrintWriter;

/** An exercise as one self-contained page: an SVG timeline chart and the timeline table of each replay, no scripts. */
public final class ExerciseHtml implements TextRenderer<ExerciseResult> {

    @Override
    public String mediaType() {
        return "text/html";
    }

    @Override
    public void render(ExerciseResult result, PrintWriter writer) {
        StringBuilder out = new StringBuilder();
        String title = "Exercise: " + result.scenario().title();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(esc(title)).append("</title>\n")
                .append("<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;font-size:.85em}"
                        + "th,td{border:1px solid #bbb;padding:.2rem .4rem}th{background:#eee}.met{color:#1a7f37}.late{color:#b35900}"
                        + ".missed{color:#b00020;font-weight:bold}.open,.waiting{color:#555}svg{max-width:100%;height:auto}</style>\n</head>\n<body>\n");
        out.append("<h1>").append(esc(title)).append("</h1>\n<p>").append(esc(result.scenario().description())).append("</p>\n<p>Replayed until ")
                .append(esc(result.scenario().until().toString())).append(". Blue: EU, red: US, purple: UK; ◆ due (green met, orange late, "
                        + "red missed, grey open), ● submission, | scenario event. Dashed lanes: not in force.</p>\n");
        out.append(ExerciseChart.svg(result.base(), result.scenario().until()));
        out.append(replay(result.base()));
        if (result.shift() != null) {
            out.append("<h2>What if ").append(esc(result.shift().event())).append(" moved by ").append(esc(result.shift().by().toString()))
                    .append("</h2>\n<table>\n<tr><th>framework</th><th>stage</th><th>due before</th><th>due after</th><th>moved</th>"
                            + "<th>outcome before</th><th>outcome after</th></tr>\n");
            for (Change c : result.changes()) {
                out.append("<tr><td>").append(esc(c.framework())).append("</td><td>").append(esc(c.stage())).append("</td><td>")
                        .append(esc(String.valueOf(c.dueBefore()))).append("</td><td>").append(esc(String.valueOf(c.dueAfter())))
                        .append("</td><td>").append(esc(ExerciseTable.moved(c))).append("</td><td>")
                        .append(outcome(c.before() == null ? null : c.before().id()))
                        .append("</td><td>").append(outcome(c.after() == null ? null : c.after().id())).append("</td></tr>\n");
            }
            out.append("</table>\n<h2>Shifted replay</h2>\n").append(ExerciseChart.svg(result.shifted(), result.scenario().until()))
                    .append(replay(result.shifted()));
        }
        out.append(CatalogLines.html(result.catalog()));
        out.append("</body>\n</html>\n");
        writer.print(out);
    }

    private static String outcome(String id) {
        return id == null ? "" : "<span class=\"" + id + "\">" + esc(id) + "</span>";
    }

    private static String replay(Replay replay) {
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

    private static String esc(String text) {
        return Html.escape(text);
    }
}
