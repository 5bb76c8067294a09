package dev.tandem.render.html;

import java.util.List;
import java.util.Objects;

/** One block of a page section; each variant has one template in {@code src/main/jte/block}. */
public sealed interface Block {

    /** A paragraph. */
    record Paragraph(Text text) implements Block {
        public Paragraph {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A sub-heading inside a section (h3). */
    record Heading(String text) implements Block {
        public Heading {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A bulleted list. */
    record Bullets(List<Text> items) implements Block {
        public Bullets {
            items = List.copyOf(items);
        }
    }

    /** A call-out: a warning, a "do not sign", a note; its tone sets the colour and the shape. */
    record Notice(Tone tone, String title, Text body) implements Block {
        public Notice {
            Objects.requireNonNull(tone, "tone");
            Objects.requireNonNull(title, "title");
            body = body == null ? Text.empty() : body;
        }
    }

    /** Key figures side by side: "3 critical", "1 known exploited". */
    record Figures(String caption, List<Figure> figures) implements Block {
        public Figures {
            figures = List.copyOf(figures);
        }
    }

    /** One key figure. */
    record Figure(String value, String label, Tone tone) {
        public Figure {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(tone, "tone");
        }
    }

    /** Labelled values as a small two-column table (a product, a contact, a manufacturer). */
    record Facts(String caption, List<Fact> facts) implements Block {
        public Facts {
            facts = List.copyOf(facts);
        }
    }

    /** One labelled value. */
    record Fact(String label, Text value) {
        public Fact {
            Objects.requireNonNull(label, "label");
            value = value == null ? Text.empty() : value;
        }
    }

    /**
     * A data table: a caption, column headers ({@code scope="col"}), and rows whose first cell is the row
     * header ({@code scope="row"}) when {@code rowHeaders} is set. The header repeats on every printed page.
     * Its cells break only between words (a column is at least as wide as its longest word); the runs that
     * may break anywhere say so: links, codes and hashes ({@link Inline}).
     *
     * @param empty what the table says when it has no rows
     */
    record Table(String caption, List<Column> columns, List<Row> rows, boolean rowHeaders, String empty)
            implements Block {
        public Table {
            Objects.requireNonNull(caption, "caption");
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
            for (Row row : rows) {
                if (row.cells().size() != columns.size()) {
                    throw new IllegalArgumentException("table '" + caption + "': a row has " + row.cells().size()
                            + " cells for " + columns.size() + " columns");
                }
            }
            empty = empty == null ? "None." : empty;
        }
    }

    /** A column header; {@code narrow} columns hold short values (a status, a date) and never take the width. */
    record Column(String label, Width width) {
        public Column {
            Objects.requireNonNull(label, "label");
            width = width == null ? Width.AUTO : width;
        }

        public static Column of(String label) {
            return new Column(label, Width.AUTO);
        }

        public static Column narrow(String label) {
            return new Column(label, Width.NARROW);
        }

        public static Column wide(String label) {
            return new Column(label, Width.WIDE);
        }
    }

    /** How much room a column asks for. */
    enum Width {
        NARROW, AUTO, WIDE;

        public String css() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A table row; {@code tone} tints it (a known-exploited finding, a missed deadline), null for none. */
    record Row(List<Text> cells, Tone tone) {
        public Row {
            cells = List.copyOf(cells);
        }

        public static Row of(Text... cells) {
            return new Row(List.of(cells), null);
        }

        public static Row of(List<Text> cells) {
            return new Row(cells, null);
        }
    }

    /** A timeline chart (see {@link Timeline}). */
    record Chart(Timeline timeline) implements Block {
        public Chart {
            Objects.requireNonNull(timeline, "timeline");
        }
    }
}
