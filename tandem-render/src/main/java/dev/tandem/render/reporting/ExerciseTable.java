package dev.tandem.render.reporting;

import dev.tandem.render.TextRenderer;
import dev.tandem.render.text.TextTable;
import dev.tandem.reporting.exercise.Change;
import dev.tandem.reporting.exercise.Replay;
import dev.tandem.reporting.exercise.TimelineEntry;
import dev.tandem.usecase.reporting.ExerciseResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** An exercise for a terminal: the timeline, where the sides diverge, and with a shift what changed and the shifted replay. */
public final class ExerciseTable implements TextRenderer<ExerciseResult> {

    @Override
    public String mediaType() {
        return "text/plain";
    }

    @Override
    public void render(ExerciseResult result, PrintWriter writer) {
        StringBuilder out = new StringBuilder();
        out.append(result.scenario().title()).append("\n").append("Replayed until ").append(result.scenario().until()).append("\n\n");
        replay(out, result.base());
        if (result.shift() != null) {
            out.append("\nWhat if ").append(result.shift().event()).append(" moved by ").append(result.shift().by()).append(":\n\n");
            changes(out, result.changes());
            out.append("\nShifted replay:\n\n");
            replay(out, result.shifted());
        }
        out.append('\n').append(CatalogLines.text(result.catalog()));
        writer.print(out);
    }

    private static void replay(StringBuilder out, Replay replay) {
        TextTable table = TextTable.of("WHEN (UTC)", "SIDE", "WHAT", "OUTCOME", "IN FORCE").stripTrailingSpaces();
        for (TimelineEntry e : replay.timeline()) {
            table.row(e.at() == null ? "(never)" : e.at().toString(), e.side(), e.label() + (e.provisional() ? " (provisional)" : ""),
                    e.outcome() == null ? "" : e.outcome().id(), e.type().equals("due") ? (e.inForce() ? "yes" : "NO") : "");
        }
        out.append(table.render());
        out.append("\nWhere the two sides diverge:\n");
        replay.divergences().forEach(d -> out.append("  - ").append(d).append('\n'));
    }

    private static void changes(StringBuilder out, List<Change> changes) {
        if (changes.isEmpty()) {
            out.append("  no deadline or outcome changes\n");
            return;
        }
        TextTable table = TextTable.of("FRAMEWORK", "STAGE", "DUE BEFORE", "DUE AFTER", "MOVED", "OUTCOME BEFORE", "OUTCOME AFTER")
                .stripTrailingSpaces();
        for (Change c : changes) {
            table.row(c.framework(), c.stage(), String.valueOf(c.dueBefore()), String.valueOf(c.dueAfter()), moved(c),
                    c.before() == null ? "" : c.before().id(), c.after() == null ? "" : c.after().id());
        }
        out.append(table.render());
    }

    /** "+24h", "-2h30m", or empty when either side has no due instant. */
    static String moved(Change c) {
        if (c.dueBefore() == null || c.dueAfter() == null) {
            return "";
        }
        Duration d = Duration.between(c.dueBefore(), c.dueAfter());
        return (d.isNegative() ? "-" : "+") + d.abs().toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
