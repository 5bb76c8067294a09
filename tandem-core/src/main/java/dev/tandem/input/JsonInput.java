package dev.tandem.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Hardened Jackson mappers for JSON and YAML, and the translation of Jackson's errors into
 * {@link InputException}s that name the file, line and column.
 */
public final class JsonInput {

    private static final ObjectMapper JSON = json(InputLimits.DEFAULT);
    private static final ObjectMapper YAML = yaml(InputLimits.DEFAULT);

    private static final Pattern SOURCE_EXCERPT =
            Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)\\]", Pattern.DOTALL);

    /** Jackson's duplicate-key messages, from the parser or from the tree reader (which names Java classes). */
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate (?:field|Object property) [\"'](.*?)[\"'](?: for .*)?$",
            Pattern.DOTALL);

    /** Jackson's limit messages end with the Java method that sets the limit; users cannot call it. */
    private static final Pattern LIMIT_ORIGIN = Pattern.compile(", from `[^`]*`");

    /** Jackson's trailing-content refusal names its own classes and feature flag. */
    private static final Pattern TRAILING = Pattern.compile("^Trailing token \\(of type (\\w+)\\) found after value.*", Pattern.DOTALL);

    /** The largest YAML document read (see {@link #checkYamlShape}). */
    public static final int MAX_YAML_BYTES = 16 << 20;

    /** The longest line of a YAML document read, in bytes (see {@link #checkYamlShape}). */
    public static final int MAX_YAML_LINE = 256 * 1024;

    private JsonInput() {
    }

    /** A shared JSON mapper with the default limits; thread-safe once configured. */
    public static ObjectMapper json() {
        return JSON;
    }

    /** A shared YAML mapper with the default limits (no aliases bombs, no custom tags). */
    public static ObjectMapper yaml() {
        return YAML;
    }

    public static ObjectMapper json(InputLimits limits) {
        JsonFactory factory = new CheckedJsonFactory((com.fasterxml.jackson.core.JsonFactoryBuilder) JsonFactory.builder()
                .streamReadConstraints(constraints(limits))
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                // A key given twice is refused everywhere, never read as "last one wins" (issue 21).
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION));
        return configure(JsonMapper.builder(factory).build());
    }

    public static ObjectMapper yaml(InputLimits limits) {
        LoaderOptions loader = new LoaderOptions();
        loader.setMaxAliasesForCollections(50);
        loader.setAllowRecursiveKeys(false);
        loader.setNestingDepthLimit(limits.maxNestingDepth());
        loader.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxDocumentBytes()));
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(constraints(limits))
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return configure(new YAMLMapper(factory));
    }

    private static StreamReadConstraints constraints(InputLimits limits) {
        return StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(limits.maxStringLength())
                .maxDocumentLength(limits.maxDocumentBytes())
                .maxNumberLength(1000)
                .build();
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        mapper.registerModule(new JavaTimeModule());
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        mapper.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        return mapper;
    }

    /**
     * Refuses YAML that SnakeYAML cannot read in reasonable time: its reader copies its whole
     * look-ahead window for every 1 KiB it adds, so one long line costs time and memory that grow
     * with the square of its length (a 60 MB one-line value runs for many minutes, 4 MB takes 20 s
     * and 1 GB of heap). Real YAML advisories and records are a few KB with short lines; JSON of any
     * shape is read by Jackson's own parser, which has no such cost.
     *
     * <p>Then the document's structure is checked on SnakeYAML's events before any reader sees it:
     * aliases and merge keys are refused (Jackson would read {@code *v} as "v"), a document ending with
     * a key without value is refused as cut off, and invalid UTF-8 is reported at its line and column.
     *
     * @throws InputException naming the first line over {@link #MAX_YAML_LINE} characters, or the
     *                        size when the document is over {@link #MAX_YAML_BYTES}, or the position of
     *                        an alias, a merge key, a cut-off end or a byte that is not UTF-8
     */
    public static void checkYamlShape(String source, byte[] content) throws InputException {
        if (content.length > MAX_YAML_BYTES) {
            throw new InputException(source, InputPosition.UNKNOWN, "the YAML document has " + content.length
                    + " bytes, more than the limit of " + MAX_YAML_BYTES + " for YAML (JSON has no such limit)");
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i <= content.length; i++) {
            if (i == content.length || content[i] == '\n') {
                if (i - lineStart > MAX_YAML_LINE) {
                    throw new InputException(source, InputPosition.at(line, MAX_YAML_LINE + 1), "line " + line
                            + " is longer than " + MAX_YAML_LINE + " bytes, the limit for YAML (write long text as"
                            + " a block scalar over several lines, or use JSON)");
                }
                line++;
                lineStart = i + 1;
            }
        }
        YamlShape.check(source, content);
    }

    /** Turns a Jackson failure into an error naming {@code source}, the line/column and the JSON path. */
    public static InputException error(String source, JsonProcessingException e) {
        return error(source, e, e.getProcessor() instanceof JsonParser parser ? parser : null);
    }

    /**
     * Turns a parser failure into an error naming {@code source} and the best position there is:
     * SnakeYAML's problem mark for YAML syntax errors (Jackson's location points at the start of the
     * document for those); else Jackson's own location; else, for limit violations (nesting depth,
     * string length), which carry no location, where {@code parser} stood when it gave up.
     *
     * @param e      a Jackson exception, or an unchecked exception SnakeYAML raised for a limit
     * @param parser the parser that failed, or null when not at hand
     */
    public static InputException error(String source, Exception e, JsonParser parser) {
        MarkedYAMLException yaml = yamlCause(e);
        if (yaml != null && yaml.getProblemMark() != null) {
            Mark mark = yaml.getProblemMark();
            String problem = yaml.getProblem() == null ? "malformed YAML" : yaml.getProblem();
            return new InputException(source, InputPosition.at(mark.getLine() + 1, mark.getColumn() + 1),
                    "malformed YAML: " + shorten(problem), e);
        }
        String pointer = null;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            pointer = pathOf(mapping);
        }
        JsonLocation location = e instanceof JsonProcessingException json ? json.getLocation() : null;
        if ((location == null || location.getLineNr() <= 0) && parser != null) {
            location = parser.currentLocation();
            if (pointer == null && parser.getParsingContext() != null) {
                String where = parser.getParsingContext().pathAsPointer().toString();
                pointer = where.isEmpty() ? null : where;
            }
        }
        InputPosition position = location == null || location.getLineNr() <= 0
                ? (pointer == null ? InputPosition.UNKNOWN : InputPosition.pointer(pointer))
                : new InputPosition(location.getLineNr(), Math.max(location.getColumnNr(), 0), pointer);
        String message = e instanceof JsonProcessingException json ? cleanMessage(json) : firstLine(e.getMessage());
        return new InputException(source, position, message, e);
    }

    private static MarkedYAMLException yamlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException marked) {
                return marked;
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "malformed document";
        }
        return shorten(message.lines().findFirst().orElse("").strip());
    }

    private static String shorten(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            pointer.append('/');
            pointer.append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
        }
        return pointer.toString();
    }

    /** Jackson's own message without its location suffix and source excerpt, which we print ourselves. */
    private static String cleanMessage(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null || message.isBlank()) {
            return "malformed document";
        }
        // "(start marker at [Source: (byte[])"<up to 500 characters of the document>"; line: 1, column: 57])"
        message = SOURCE_EXCERPT.matcher(message).replaceAll("line $1, column $2");
        message = LIMIT_ORIGIN.matcher(message).replaceAll("");
        if (TRAILING.matcher(message.strip()).matches()) {
            return "unexpected content after the end of the document's value (one JSON value per document)";
        }
        java.util.regex.Matcher duplicate = DUPLICATE.matcher(message.strip());
        if (duplicate.matches()) {
            return "key '" + shorten(duplicate.group(1)) + "' is given twice in one object (a second value would"
                    + " silently replace the first)";
        }
        int newline = message.indexOf('\n');
        if (newline > 0) {
            message = message.substring(0, newline);
        }
        return shorten(message.strip());
    }
}
