package dev.tandem.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A small YAML (or JSON) document as a tree that remembers where each value and key was written,
 * for configuration files whose every mistake must be reported at its line and column: mappings
 * with their keys in order (a key given twice is refused), sequences and scalars.
 */
public sealed interface YamlNode {

    /** Where the value starts. */
    InputPosition position();

    /** A single value as written ({@code null} and {@code ~} and nothing at all are {@link #isNull()}). */
    record Scalar(String text, boolean isNull, InputPosition position) implements YamlNode {
        public Scalar {
            text = text == null ? "" : text;
        }

        /** True for an explicit null or a key with nothing after it. */
        public boolean isEmpty() {
            return isNull || text.isEmpty();
        }
    }

    /** A list. */
    record Sequence(List<YamlNode> items, InputPosition position) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /** A mapping, its entries in the order written. */
    record Mapping(List<Entry> entries, InputPosition position) implements YamlNode {
        public Mapping {
            entries = List.copyOf(entries);
        }

        /** The value of {@code key}, if present. */
        public Optional<YamlNode> get(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).map(Entry::value).findFirst();
        }
    }

    /** One key of a mapping, where it was written, and its value. */
    record Entry(String key, InputPosition keyPosition, YamlNode value) {
        public Entry {
            Objects.requireNonNull(key, "key");
        }
    }

    /** "a mapping", "a list", "a single value", "nothing": for messages. */
    static String describe(YamlNode node) {
        return switch (node) {
            case Mapping m -> "a mapping";
            case Sequence s -> "a list";
            case Scalar s -> s.isEmpty() ? "nothing" : "a single value";
        };
    }

    /**
     * Parses a whole document under the YAML limits ({@link JsonInput#checkYamlShape}); an empty
     * document is an empty mapping. Syntax errors, duplicate keys and limits crossed are
     * {@link InputException}s naming the document, line and column.
     */
    static YamlNode parse(InputDocument document) throws InputException {
        String source = document.source();
        JsonInput.checkYamlShape(source, document.content());
        JsonParser parser = null;
        try {
            parser = JsonInput.yaml().getFactory().createParser(document.content());
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Mapping(List.of(), InputPosition.at(1, 1));
            }
            YamlNode root = YamlTrees.read(parser);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new InputException(source, InputPosition.at(at.getLineNr(), at.getColumnNr()),
                        "more content after the end of the document");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw JsonInput.error(source, e, parser);
        } catch (IOException e) {
            throw new InputException(source, InputPosition.UNKNOWN, "cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // SnakeYAML signals its limits (aliases, nesting, code points) with unchecked exceptions.
            throw JsonInput.error(source, e, parser);
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException e) {
                    // a parser over bytes holds nothing to flush
                }
            }
        }
    }
}
