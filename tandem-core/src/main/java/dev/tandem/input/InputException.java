package dev.tandem.input;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Bad input: the file (or archive entry) it came from, the position where known, and what was
 * expected. The CLI turns it into exit code 2 and a one-line message, never a stack trace.
 */
public final class InputException extends Exception {

    private final String source;
    private final InputPosition position;
    private final String problem;

    public InputException(String source, InputPosition position, String problem, Throwable cause) {
        super(format(source, position, problem), cause);
        this.source = Objects.requireNonNull(source, "source");
        this.position = position == null ? InputPosition.UNKNOWN : position;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public InputException(String source, InputPosition position, String problem) {
        this(source, position, problem, null);
    }

    public InputException(Path source, InputPosition position, String problem, Throwable cause) {
        this(source.toString(), position, problem, cause);
    }

    public InputException(Path source, InputPosition position, String problem) {
        this(source.toString(), position, problem, null);
    }

    /** The file, or {@code archive.zip!/entry.json} for an entry of an archive. */
    public String source() {
        return source;
    }

    public InputPosition position() {
        return position;
    }

    /** The problem alone, without file and position. */
    public String problem() {
        return problem;
    }

    private static String format(String source, InputPosition position, String problem) {
        String where = position == null ? "" : position.describe();
        return where.isEmpty() ? source + ": " + problem : source + ": " + where + ": " + problem;
    }
}
