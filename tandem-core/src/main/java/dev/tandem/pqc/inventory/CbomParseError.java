package dev.tandem.pqc.inventory;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import dev.tandem.input.InputPosition;
import dev.tandem.input.JsonInput;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Jackson failure while binding a CBOM, told in the user's terms: a line and column even for a
 * limit Jackson reports without one (nesting depth, string length), and "expected an array, found
 * an object" instead of Java type names.
 */
final class CbomParseError {

    private static final Pattern FOUND = Pattern.compile("from (Object|Array|String|Integer|Floating-point|Boolean|Null) value");
    private static final Pattern SOURCE_EXCERPT = Pattern.compile("\\s*(\\(start marker at )?\\[Source:.*$");
    private static final Pattern LIMIT_ORIGIN = Pattern.compile(", from `[^`]*`");

    private CbomParseError() {
    }

    static InputException of(String source, byte[] document, JsonProcessingException e, InputLimits limits) {
        InputException jackson = JsonInput.error(source, e);
        InputPosition position = jackson.position();
        if (position.line() <= 0) {
            position = failurePosition(document, limits, position.pointer());
        }
        return new InputException(source, position, problem(e, jackson.problem()), e);
    }

    private static String problem(JsonProcessingException e, String cleaned) {
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Matcher found = FOUND.matcher(String.valueOf(e.getOriginalMessage()));
            String expected = expected(mismatch.getTargetType());
            if (expected != null && found.find()) {
                return "wrong type: expected " + expected + ", found " + article(found.group(1).toLowerCase(java.util.Locale.ROOT));
            }
            if (expected != null && cleaned.startsWith("Cannot deserialize")) {
                return "wrong type: expected " + expected;
            }
        }
        String problem = LIMIT_ORIGIN.matcher(SOURCE_EXCERPT.matcher(cleaned).replaceAll("")).replaceAll("");
        return problem.isBlank() ? "malformed JSON" : problem;
    }

    private static String expected(Class<?> type) {
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || type.getName().startsWith("dev.tandem.")) {
            return "an object";
        }
        return null;
    }

    private static String article(String kind) {
        return switch (kind) {
            case "object", "array", "integer" -> "an " + kind;
            case "null" -> "null";
            case "floating-point" -> "a decimal number";
            default -> "a " + kind;
        };
    }

    /** Streams the document with the same limits until it fails, to learn where. */
    private static InputPosition failurePosition(byte[] document, InputLimits limits, String pointer) {
        try (JsonParser parser = JsonInput.json(limits).getFactory().createParser(document)) {
            JsonLocation last = parser.currentLocation();
            try {
                JsonToken token;
                while ((token = parser.nextToken()) != null) {
                    last = parser.currentTokenLocation();
                    if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
                        parser.getText(); // string limits are checked when the text is read
                    }
                }
            } catch (IOException | RuntimeException failure) {
                JsonLocation at = parser.currentTokenLocation();
                JsonLocation where = at != null && at.getLineNr() > 0 ? at : last;
                if (where != null && where.getLineNr() > 0) {
                    String here = pointer != null ? pointer : parser.getParsingContext().pathAsPointer().toString();
                    return new InputPosition(where.getLineNr(), where.getColumnNr(), here.isEmpty() ? null : here);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Only the position is lost; the problem itself is still reported.
        }
        return pointer == null ? InputPosition.UNKNOWN : InputPosition.pointer(pointer);
    }
}
