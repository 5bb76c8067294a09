package dev.tandem.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Builds a {@link YamlNode} tree from a parser standing on a value's first token. */
final class YamlTrees {

    private YamlTrees() {
    }

    static YamlNode read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        InputPosition at = position(parser.currentTokenLocation());
        switch (token) {
            case START_OBJECT -> {
                List<YamlNode.Entry> entries = new ArrayList<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    InputPosition keyAt = position(parser.currentTokenLocation());
                    parser.nextToken();
                    entries.add(new YamlNode.Entry(key, keyAt, read(parser)));
                }
                return new YamlNode.Mapping(entries, at);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser));
                }
                return new YamlNode.Sequence(items, at);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar("", true, at);
            }
            default -> {
                return new YamlNode.Scalar(parser.getText(), false, at);
            }
        }
    }

    private static InputPosition position(JsonLocation location) {
        return InputPosition.at(location.getLineNr(), location.getColumnNr());
    }
}
