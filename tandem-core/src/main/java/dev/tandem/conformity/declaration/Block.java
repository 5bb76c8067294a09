package dev.tandem.conformity.declaration;

import java.util.List;

/** A block of a generated document. */
public sealed interface Block {

    /** A paragraph of plain text; {@code strong} renders it emphasised. */
    record Paragraph(String text, boolean strong) implements Block {
    }

    /** A bulleted list. */
    record Bullets(List<String> items) implements Block {
        public Bullets {
            items = List.copyOf(items);
        }
    }

    /** A table with a header row. */
    record Table(List<String> headers, List<List<String>> rows) implements Block {
        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }
}
