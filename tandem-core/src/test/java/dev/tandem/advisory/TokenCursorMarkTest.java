package dev.tandem.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonLocation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A mark's pointer is worked out only when a problem is reported (issue 20), long after the
 * parser has moved on and reused its contexts: it must be the pointer, line and column the
 * token had when it was marked, as the cursor computed them eagerly before.
 */
class TokenCursorMarkTest {

    private static final String DOCUMENT = """
            {"id": "X-1", "affected": [{"package": {"ecosystem": "npm", "name": "a"},
              "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1.0.0"}, [[], {}]]},
                         {"type": "ECOSYSTEM", "events": []}]}, {"a/b": {"~c": [1, {"": [true, null]}]}}],
             "empty": {}, "list": [[[]]], "last": "x"}
            """;

    @Test
    void marksReportThePositionTheTokenHadWhenMarked() throws Exception {
        JsonParser parser = new JsonFactory().createParser(DOCUMENT);
        TokenCursor cursor = new TokenCursor(parser, "doc.json", false);
        List<TokenCursor.Mark> marks = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            marks.add(cursor.mark());
            expected.add(eagerly(parser));
        }
        assertThat(marks).hasSizeGreaterThan(60);
        for (int i = 0; i < marks.size(); i++) {
            var position = marks.get(i).position();
            assertThat(position.line() + ":" + position.column() + " " + position.pointer()).as("token %d", i)
                    .isEqualTo(expected.get(i));
        }
        assertThat(expected).contains("3:78 /affected/1/a~1b/~0c/1//0");
    }

    @Test
    void anObjectMarkReportedAtTheObjectsEndIsTheMarkOfItsStart() throws Exception {
        JsonParser parser = new JsonFactory().createParser(DOCUMENT);
        TokenCursor cursor = new TokenCursor(parser, "doc.json", false);
        java.util.ArrayDeque<TokenCursor.Mark> open = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<String> expected = new java.util.ArrayDeque<>();
        int compared = 0;
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            if (token == JsonToken.START_OBJECT) {
                open.push(cursor.objectMark());
                expected.push(eagerly(parser));
            } else if (token == JsonToken.END_OBJECT) {
                var position = open.pop().position();
                assertThat(position.line() + ":" + position.column() + " " + position.pointer())
                        .isEqualTo(expected.pop());
                compared++;
            }
        }
        assertThat(compared).isEqualTo(12);
    }

    /** What the cursor computed at the time of the mark before issue 20. */
    private static String eagerly(JsonParser parser) {
        JsonLocation location = parser.currentTokenLocation();
        JsonStreamContext context = parser.getParsingContext();
        JsonToken token = parser.currentToken();
        if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && context.getParent() != null) {
            context = context.getParent();
        }
        String pointer = context.pathAsPointer().toString();
        return location.getLineNr() + ":" + location.getColumnNr() + " " + (pointer.isEmpty() ? "/" : pointer);
    }
}
