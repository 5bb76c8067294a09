package dev.tandem.render.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for terminals: columns padded to their widest cell, two spaces apart, never run
 * together. Optionally a rule of dashes under the header and long cells cut with an ellipsis.
 */
public final class TextTable {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private boolean rule;
    private int maxCell = Integer.MAX_VALUE;
    private boolean stripTrailing;

    private TextTable(List<String> headers) {
        this.headers = headers;
    }

    /** A table with these column headers. */
    public static TextTable of(String... headers) {
        return new TextTable(List.of(headers));
    }

    /** Draws a rule of dashes under the header. */
    public TextTable withRule() {
        this.rule = true;
        return this;
    }

    /** Cuts cells longer than {@code characters} with an ellipsis; newlines in cells become spaces. */
    public TextTable cutCellsAt(int characters) {
        this.maxCell = characters;
        return this;
    }

    /** Removes the padding after the last non-empty cell of each line. */
    public TextTable stripTrailingSpaces() {
        this.stripTrailing = true;
        return this;
    }

    /** Adds one row; a null cell is empty. */
    public TextTable row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("row of " + cells.length + " cells in a table of " + headers.size() + " columns");
        }
        List<String> row = new ArrayList<>(cells.length);
        for (String cell : cells) {
            String text = cell == null ? "" : cell;
            if (maxCell != Integer.MAX_VALUE) {
                text = text.replace('\n', ' ');
                text = text.length() > maxCell ? text.substring(0, maxCell - 1) + "…" : text;
            }
            row.add(text);
        }
        rows.add(row);
        return this;
    }

    /** The table as lines, each ending with a newline. */
    public String render() {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, headers, widths);
        if (rule) {
            List<String> dashes = new ArrayList<>();
            for (int width : widths) {
                dashes.add("-".repeat(width));
            }
            line(out, dashes, widths);
        }
        rows.forEach(r -> line(out, r, widths));
        return out.toString();
    }

    private void line(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            line.append(cell);
            if (i < cells.size() - 1) {
                line.append(" ".repeat(widths[i] - cell.length() + 2));
            }
        }
        out.append(stripTrailing ? line.toString().stripTrailing() : line).append('\n');
    }
}
