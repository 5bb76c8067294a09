package dev.tandem.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import dev.tandem.input.JsonInput;
import java.io.IOException;

/**
 * The one loader for knowledge-base files: YAML read strictly (an unknown key or a missing primitive
 * is a catalog defect, not something to skip), every error naming the catalog file, line and column.
 */
public final class CatalogFiles {

    private static final ObjectMapper STRICT = JsonInput.yaml().copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private CatalogFiles() {
    }

    /** One file bound to {@code type}. */
    public static <T> T read(CatalogSource source, String path, Class<T> type) throws InputException {
        return read(source, path, STRICT.constructType(type));
    }

    /** One file bound to a generic type. */
    public static <T> T read(CatalogSource source, String path, JavaType type) throws InputException {
        byte[] bytes = source.read(path);
        String name = source.nameOf(path);
        JsonInput.checkYamlShape(name, bytes);
        try {
            T value = STRICT.readValue(bytes, type);
            if (value == null) {
                throw new InputException(name, InputPosition.UNKNOWN, "the catalog file is empty");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw JsonInput.error(name, e);
        } catch (IOException e) {
            throw new InputException(name, InputPosition.UNKNOWN, "unreadable: " + e.getMessage(), e);
        }
    }

    /** One file as a tree, for loaders that check its shape themselves. */
    public static JsonNode tree(CatalogSource source, String path) throws InputException {
        return read(source, path, JsonNode.class);
    }

    /** Binds part of a tree already read from {@code path}. */
    public static <T> T bind(CatalogSource source, String path, JsonNode node, JavaType type) throws InputException {
        try {
            return STRICT.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new InputException(source.nameOf(path), InputPosition.UNKNOWN, message == null ? "malformed" : message.lines().findFirst().orElse(""), e);
        }
    }

    /** The type factory of the strict mapper, for list and map types. */
    public static com.fasterxml.jackson.databind.type.TypeFactory types() {
        return STRICT.getTypeFactory();
    }

    /** A catalog defect found after parsing (a dangling id, a missing source), naming the file. */
    public static InputException defect(CatalogSource source, String path, String problem) {
        return new InputException(source.nameOf(path), InputPosition.UNKNOWN, problem);
    }
}
