package dev.tandem.input;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;

/**
 * Counts what the tree built from a parser will take in memory, token by token, and stops the parse
 * once it passes the budget: a document is held whole as a tree (about six times its size in JSON),
 * so without this a large SBOM ran the JVM out of memory instead of being refused. The estimate is
 * measured on real SBOM shapes to be 10–20% above what Jackson's tree takes (docs/hardening.md).
 */
final class TreeBudget extends JsonParserDelegate {

    private final long budget;
    private long used;

    TreeBudget(JsonParser parser, long budget) {
        super(parser);
        this.budget = budget;
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken token = delegate.nextToken();
        if (token != null) {
            used += switch (token) {
                case START_OBJECT -> 200;
                case START_ARRAY -> 100;
                case FIELD_NAME -> 48;
                case VALUE_STRING -> 64 + 2L * delegate.getTextLength();
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_EMBEDDED_OBJECT -> 48;
                default -> 8;
            };
            if (used > budget) {
                throw new JsonParseException(this, "the document is too large to hold in this Java process's memory:"
                        + " its parsed form passes " + (budget >> 20) + " MiB (two fifths of the maximum heap) here; give Java"
                        + " more memory (for example JAVA_TOOL_OPTIONS=-Xmx16g) or split the document");
            }
        }
        return token;
    }

    @Override
    public JsonToken nextValue() throws IOException {
        JsonToken token = nextToken();
        return token == JsonToken.FIELD_NAME ? nextToken() : token;
    }
}
