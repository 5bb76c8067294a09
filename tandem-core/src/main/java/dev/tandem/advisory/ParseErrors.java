package dev.tandem.advisory;

import com.fasterxml.jackson.core.JsonParser;
import dev.tandem.input.InputException;
import dev.tandem.input.JsonInput;
import java.io.IOException;

/**
 * Parser failures of the advisory readers as {@link InputException}s, through the one translation
 * in {@link JsonInput#error(String, Exception, JsonParser)} (YAML problem marks, and the parser's
 * own position for limit violations, which carry none).
 */
final class ParseErrors {

    private ParseErrors() {
    }

    static InputException of(String source, Exception e, JsonParser parser) {
        return JsonInput.error(source, e, parser);
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
}
