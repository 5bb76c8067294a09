package dev.tandem.lockfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import dev.tandem.input.InputPosition;
import dev.tandem.input.JsonInput;
import dev.tandem.input.JsonTree;
import dev.tandem.input.TextPositions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A TOML lockfile (Cargo.lock, poetry.lock, uv.lock) parsed once with Jackson's TOML parser (a key given
 * twice and a table defined twice are refused, as TOML says), with the line of each {@code [[package]]}
 * table so that packages and errors about them name their line.
 */
final class TomlDocument {

    private static final ObjectMapper TOML = JsonInput.toml(InputLimits.DEFAULT);
    private static final java.util.regex.Pattern NAME_KEY = java.util.regex.Pattern.compile("^\\s*name\\s*=");

    private final String source;
    private final JsonNode root;
    private final List<Integer> packageLines;
    private final List<String> lines;

    private TomlDocument(String source, JsonNode root, List<Integer> packageLines, List<String> lines) {
        this.source = source;
        this.root = root;
        this.packageLines = packageLines;
        this.lines = lines;
    }

    static TomlDocument parse(String source, byte[] content) throws InputException {
        TextPositions.requireUtf8(source, content);
        List<String> lines = TextLines.of(source, content);
        JsonNode root;
        com.fasterxml.jackson.core.JsonParser parser = null;
        try (com.fasterxml.jackson.core.JsonParser opened = TOML.createParser(content)) {
            parser = opened;
            root = TOML.readTree(opened);
        } catch (JsonProcessingException e) {
            InputException error = JsonInput.error(source, e, parser);
            if (error.position().line() <= 0 && e.getOriginalMessage() != null && e.getOriginalMessage().contains("nesting depth")) {
                // Limit violations carry no position: the line where the arrays and inline tables open too deep.
                throw new InputException(source, InputPosition.at(tooDeepLine(lines, InputLimits.DEFAULT.maxNestingDepth()), 1),
                        "malformed TOML: " + error.problem(), e);
            }
            if ("Duplicate key".equals(e.getOriginalMessage())) {
                // The parser notices the second key when the token after its value starts: point at the value's end.
                int line = lastContentLineBefore(lines, error.position().line());
                throw new InputException(source, InputPosition.at(line, 1), "a key is given twice in one table (TOML"
                        + " forbids it; a second value would silently replace the first)", e);
            }
            throw new InputException(source, error.position(), "malformed TOML: " + error.problem(), e);
        } catch (IOException | RuntimeException e) {
            throw new InputException(source, InputPosition.UNKNOWN, "malformed TOML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InputException(source, InputPosition.UNKNOWN, "empty document, expected TOML tables");
        }
        // Each package's line: its name's, as peers report it (else its [[package]] header's).
        List<Integer> packageLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (header(lines.get(i)).equals("[[package]]")) {
                int line = i + 1;
                for (int j = i + 1; j < lines.size() && !lines.get(j).strip().startsWith("["); j++) {
                    if (NAME_KEY.matcher(lines.get(j)).lookingAt()) {
                        line = j + 1;
                        break;
                    }
                }
                packageLines.add(line);
            }
        }
        return new TomlDocument(source, root, packageLines, lines);
    }

    /** A table header line without spaces or a trailing comment ({@code [[ package ]] # x} → {@code [[package]]}). */
    private static String header(String line) {
        String text = line.strip();
        if (!text.startsWith("[")) {
            return "";
        }
        int hash = text.indexOf('#');
        return (hash >= 0 ? text.substring(0, hash) : text).replace(" ", "").replace("\t", "");
    }

    /** The first line where more than {@code limit} arrays and inline tables are open (strings and comments skipped). */
    static int tooDeepLine(List<String> lines, int limit) {
        int depth = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            char quote = 0;
            for (int c = 0; c < line.length(); c++) {
                char ch = line.charAt(c);
                if (quote != 0) {
                    if (ch == '\\' && quote == '"') {
                        c++;
                    } else if (ch == quote) {
                        quote = 0;
                    }
                } else if (ch == '"' || ch == '\'') {
                    quote = ch;
                } else if (ch == '#') {
                    break;
                } else if (ch == '[' || ch == '{') {
                    if (++depth > limit) {
                        return i + 1;
                    }
                } else if (ch == ']' || ch == '}') {
                    depth = Math.max(0, depth - 1);
                }
            }
        }
        return 1;
    }

    /** The line where a top-level key is given ({@code package = …}); 0 when not found. */
    int keyLine(String key) {
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile("^\\s*\"?" + java.util.regex.Pattern.quote(key) + "\"?\\s*=");
        for (int i = 0; i < lines.size(); i++) {
            if (pattern.matcher(lines.get(i)).lookingAt()) {
                return i + 1;
            }
        }
        return 0;
    }

    private static int lastContentLineBefore(List<String> lines, int line) {
        for (int i = Math.min(line - 1, lines.size()) - 1; i >= 0; i--) {
            String text = lines.get(i).strip();
            if (!text.isEmpty() && !text.startsWith("#")) {
                return i + 1;
            }
        }
        return Math.max(line, 1);
    }

    String source() {
        return source;
    }

    JsonNode root() {
        return root;
    }

    /** The {@code [[package]]} tables, in order. */
    List<JsonNode> packages() throws InputException {
        JsonNode node = root.path("package");
        if (node.isMissingNode()) {
            return List.of();
        }
        if (!node.isArray()) {
            int line = keyLine("package");
            throw new InputException(source, line > 0 ? InputPosition.at(line, 1) : InputPosition.UNKNOWN,
                    "'package' should be an array of tables ([[package]]), found "
                    + JsonTree.describe(node));
        }
        List<JsonNode> tables = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isObject()) {
                throw at(i, "each [[package]] should be a table, found " + JsonTree.describe(node.get(i)));
            }
            tables.add(node.get(i));
        }
        return tables;
    }

    /** The line of the {@code index}th {@code [[package]]} table; 0 when not found (written inline). */
    int packageLine(int index) {
        return index < packageLines.size() ? packageLines.get(index) : 0;
    }

    /** An error about the {@code index}th package, at its line. */
    InputException at(int index, String problem) {
        int line = packageLine(index);
        return new InputException(source, line > 0 ? InputPosition.at(line, 1) : InputPosition.UNKNOWN,
                "[[package]] " + (index + 1) + ": " + problem);
    }

    /** A string value of a package's table: "" when absent; an error naming the package and key when not a string. */
    String text(JsonNode table, String key, int index) throws InputException {
        JsonNode value = table.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw at(index, "'" + key + "' should be a string, found " + JsonTree.describe(value));
        }
        return value.asText();
    }

    /** A string that must be there. */
    String required(JsonNode table, String key, int index) throws InputException {
        String value = text(table, key, index);
        if (value.isBlank()) {
            throw at(index, "'" + key + "' is missing");
        }
        return value;
    }

    /** An array value (empty when absent); an error when not an array. */
    List<JsonNode> array(JsonNode table, String key, int index) throws InputException {
        JsonNode value = table.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw at(index, "'" + key + "' should be an array, found " + JsonTree.describe(value));
        }
        List<JsonNode> elements = new ArrayList<>(value.size());
        value.forEach(elements::add);
        return elements;
    }

    /** A table value (a missing node when absent); an error when not a table. */
    JsonNode table(JsonNode table, String key, int index) throws InputException {
        JsonNode value = table.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        if (!value.isObject()) {
            throw at(index, "'" + key + "' should be a table, found " + JsonTree.describe(value));
        }
        return value;
    }

    static String utf8(byte[] content) {
        return new String(content, StandardCharsets.UTF_8);
    }
}
