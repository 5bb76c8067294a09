package dev.tandem.input;

/** Where in a file a problem sits: 1-based line and column, or a JSON pointer / entry name when lines do not apply. */
public record InputPosition(int line, int column, String pointer) {

    public static final InputPosition UNKNOWN = new InputPosition(0, 0, null);

    public static InputPosition at(int line, int column) {
        return new InputPosition(line, column, null);
    }

    public static InputPosition pointer(String pointer) {
        return new InputPosition(0, 0, pointer);
    }

    public boolean isKnown() {
        return line > 0 || (pointer != null && !pointer.isEmpty());
    }

    /** "line 3, column 7", "at /affected/0/ranges", or "" when unknown. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (line > 0) {
            text.append("line ").append(line);
            if (column > 0) {
                text.append(", column ").append(column);
            }
        }
        if (pointer != null && !pointer.isEmpty()) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            // A pointer 200 levels deep is noise; its start and end say where.
            text.append("at ").append(pointer.length() <= 120 ? pointer
                    : pointer.substring(0, 60) + "/…/" + pointer.substring(pointer.length() - 40));
        }
        return text.toString();
    }
}
