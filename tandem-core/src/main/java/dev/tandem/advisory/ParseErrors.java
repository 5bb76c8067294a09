package dev.tandem.advisory;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import dev.tandem.input.JsonInput;
import java.io.IOException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Parser failures as {@link InputException}s with the best position available: Jackson's own
 * location, else where the parser stood (limit violations carry no location), and for YAML
 * SnakeYAML's problem mark and message ("found character '\t' that cannot start any token")
 * rather than its context line.
 */
final class ParseErrors {

    private ParseErrors() {
    }

    static InputException of(String source, Exception e, JsonParser parser) {
        MarkedYAMLException yaml = yamlCause(e);
        if (yaml != null && yaml.getProblemMark() != null) {
            Mark mark = yaml.getProblemMark();
            String problem = yaml.getProblem() == null ? "malformed YAML" : yaml.getProblem();
            return new InputException(source, InputPosition.at(mark.getLine() + 1, mark.getColumn() + 1),
                    "malformed YAML: " + OsvReader.shorten(problem), e);
        }
        InputException error = e instanceof JsonProcessingException json
                ? JsonInput.error(source, json)
                : new InputException(source, InputPosition.UNKNOWN, "malformed document: "
                        + OsvReader.shorten(String.valueOf(e.getMessage()).lines().findFirst().orElse("")), e);
        if (error.position().line() > 0 || parser == null) {
            return error;
        }
        JsonLocation location = parser.currentLocation();
        if (location == null || location.getLineNr() <= 0) {
            return error;
        }
        String pointer = parser.getParsingContext() == null ? null : parser.getParsingContext().pathAsPointer().toString();
        return new InputException(source, new InputPosition(location.getLineNr(), Math.max(location.getColumnNr(), 0),
                pointer == null || pointer.isEmpty() ? null : pointer), error.problem(), e);
    }

    static void close(JsonParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException ignored) {
                // Parsing is over; a failing close of an in-memory parser loses nothing.
            }
        }
    }

    private static MarkedYAMLException yamlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException marked) {
                return marked;
            }
        }
        return null;
    }
}
