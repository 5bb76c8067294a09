package dev.tandem.triage;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import dev.tandem.input.JsonInput;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an ignore file ({@code .tandem-ignore.yaml}, docs/formats/ignore-file.md) into ignore
 * statements: per entry a vulnerability id, an optional package URL or pattern, a reason (required:
 * an ignore without a reason cannot be reviewed) and an optional expiry date. Every defect — an
 * unknown key, a key given twice, a missing reason, a date that does not exist — is an
 * {@link InputException} naming the file, line and column.
 */
public final class IgnoreFile {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private IgnoreFile() {
    }

    /** The entries of one ignore file, in file order, each named {@code FILE:LINE} in outputs. */
    public static List<Statement> read(InputDocument document) throws InputException {
        String source = document.source();
        JsonInput.checkYamlShape(source, document.content());
        JsonParser parser = null;
        try {
            parser = JsonInput.yaml().getFactory().createParser(document.content());
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonToken first = parser.nextToken();
            if (first == null) {
                return List.of(); // an empty file ignores nothing
            }
            if (first != JsonToken.START_OBJECT) {
                throw error(source, parser, "expected a mapping with the key 'ignore', found " + describe(first));
            }
            List<Statement> statements = new ArrayList<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                if (!key.equals("ignore")) {
                    throw error(source, parser, "unknown key '" + key + "': an ignore file has one key, 'ignore'");
                }
                JsonToken value = parser.nextToken();
                // "ignore:" with nothing after it is YAML's empty value: no entries.
                if (value == JsonToken.VALUE_NULL || (value == JsonToken.VALUE_STRING && parser.getText().isEmpty())) {
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    throw error(source, parser, "'ignore' must be a list of entries, found " + describe(value));
                }
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    statements.add(entry(source, parser));
                }
            }
            return statements;
        } catch (JsonProcessingException e) {
            throw JsonInput.error(source, e, parser);
        } catch (IOException e) {
            throw new InputException(source, InputPosition.UNKNOWN, "cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // SnakeYAML signals its limits (aliases, nesting) with unchecked exceptions.
            throw JsonInput.error(source, e, parser);
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException e) {
                    // nothing was written; closing a reader over bytes cannot lose anything
                }
            }
        }
    }

    private static Statement entry(String source, JsonParser parser) throws IOException, InputException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw error(source, parser, "an ignore entry must be a mapping (id, purl, reason, expires), found "
                    + describe(parser.currentToken()));
        }
        JsonLocation start = parser.currentTokenLocation();
        String id = null;
        String purl = null;
        String reason = null;
        LocalDate expires = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken token = parser.nextToken();
            if (!token.isScalarValue()) {
                throw error(source, parser, "'" + key + "' must be a single value, found " + describe(token));
            }
            String text = token == JsonToken.VALUE_NULL ? "" : parser.getText().strip();
            switch (key) {
                case "id" -> id = text;
                case "purl" -> purl = text;
                case "reason" -> reason = text;
                case "expires" -> expires = text.isEmpty() ? null : date(source, parser, text);
                default -> throw error(source, parser, "unknown key '" + key + "' in an ignore entry: use id, purl, reason and expires");
            }
        }
        InputPosition at = InputPosition.at(start.getLineNr(), start.getColumnNr());
        if (id == null || id.isEmpty()) {
            throw new InputException(source, at, "the ignore entry has no 'id' (the vulnerability id it ignores)");
        }
        if (reason == null || reason.isEmpty()) {
            throw new InputException(source, at, "the ignore entry for " + id + " has no 'reason': say why it is ignored,"
                    + " so the decision can be reviewed");
        }
        ComponentSelector component = selector(source, at, id, purl);
        return Statement.ignore(source + ":" + start.getLineNr(), id, component, reason, expires);
    }

    private static ComponentSelector selector(String source, InputPosition at, String id, String purl)
            throws InputException {
        if (purl == null || purl.isEmpty() || purl.equals("*")) {
            return new ComponentSelector.AnyComponent();
        }
        if (!purl.startsWith("pkg:")) {
            throw new InputException(source, at, "the 'purl' of the ignore entry for " + id + " is not a package URL"
                    + " (pkg:TYPE/NAMESPACE/NAME, optionally @VERSION, or a pattern with *): " + purl);
        }
        if (purl.contains("*")) {
            return new ComponentSelector.PurlPattern(purl);
        }
        try {
            return new ComponentSelector.Purl(purl);
        } catch (IllegalArgumentException e) {
            throw new InputException(source, at, "the 'purl' of the ignore entry for " + id + " is malformed: " + e.getMessage());
        }
    }

    private static LocalDate date(String source, JsonParser parser, String text) throws InputException {
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            throw error(source, parser, "'expires' must be a date written YYYY-MM-DD, found \"" + text + "\"");
        }
    }

    private static InputException error(String source, JsonParser parser, String problem) {
        JsonLocation at = parser.currentTokenLocation();
        return new InputException(source, InputPosition.at(at.getLineNr(), at.getColumnNr()), problem);
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_OBJECT -> "a mapping";
            case START_ARRAY -> "a list";
            case VALUE_NULL -> "nothing";
            default -> "a single value";
        };
    }
}
