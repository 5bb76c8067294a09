package dev.tandem.cli.conformity;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table for terminals: columns sized to content, long cells cut with an ellipsis. */
final class TextTable {

    private static final int MAX_CELL = 70;

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... headers) {
        this.headers = List.of(headers);
    }

    TextTable row(String... cells) {
        List<String> row = new ArrayList<>();
        for (String cell : cells) {
            String text = cell == null ? "" : cell.replace('\n', ' ');
            row.add(text.length() > MAX_CELL ? text.substring(0, MAX_CELL - 1) + "…" : text);
        }
        rows.add(row);
        return this;
    }

    String render() {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, headers, widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        line(out, rule, widths);
        rows.forEach(r -> line(out, r, widths));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            out.append(cell);
            if (i < cells.size() - 1) {
                out.append(" ".repeat(widths[i] - cell.length() + 2));
            }
        }
        out.append('\n');
    }
}
