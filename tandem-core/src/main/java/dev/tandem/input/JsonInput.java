package dev.tandem.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
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
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Hardened Jackson mappers for JSON and YAML, and the translation of Jackson's errors into
 * {@link InputException}s that name the file, line and column.
 */
public final class JsonInput {

    private static final ObjectMapper JSON = json(InputLimits.DEFAULT);
    private static final ObjectMapper YAML = yaml(InputLimits.DEFAULT);

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
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(constraints(limits))
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
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

    /** Turns a Jackson failure into an error naming {@code source}, the line/column and the JSON path. */
    public static InputException error(String source, JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String pointer = null;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            pointer = pathOf(mapping);
        }
        InputPosition position = location == null || location.getLineNr() <= 0
                ? (pointer == null ? InputPosition.UNKNOWN : InputPosition.pointer(pointer))
                : new InputPosition(location.getLineNr(), location.getColumnNr(), pointer);
        return new InputException(source, position, cleanMessage(e), e);
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
        int newline = message.indexOf('\n');
        if (newline > 0) {
            message = message.substring(0, newline);
        }
        if (message.length() > 300) {
            message = message.substring(0, 300) + "...";
        }
        return message.strip();
    }
}
