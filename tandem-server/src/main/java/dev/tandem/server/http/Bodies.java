package dev.tandem.server.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonFactory;
import dev.tandem.input.JsonInput;
import dev.tandem.server.store.Refusal;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Request bodies read within a limit, and JSON bodies parsed strictly (duplicate keys, depth, unknown fields). */
final class Bodies {

    /** The largest JSON request body (product, triage, user, key). */
    static final int MAX_JSON = 1 << 20;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(1 << 20)
                    .maxNumberLength(100).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Bodies() {
    }

    /** The body's bytes; a body over {@code max} bytes is refused before it is read in full. */
    static byte[] bytes(Context ctx, long max) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > max) {
            throw new Refusal(Refusal.Kind.TOO_LARGE, "the body has " + declared + " bytes; the limit here is " + max);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            if (declared >= 0) {
                // The length is known: one array of exactly that size, no growing copies (a snapshot is 150 MB).
                byte[] body = new byte[(int) declared];
                int read = in.readNBytes(body, 0, body.length);
                if (read < body.length) {
                    throw Refusal.invalid("the request body ended after " + read + " of " + declared + " bytes");
                }
                return body;
            }
            int cap = (int) Math.min(max, Integer.MAX_VALUE - 16);
            byte[] body = in.readNBytes(cap);
            if (body.length == cap && in.read() >= 0) {
                throw new Refusal(Refusal.Kind.TOO_LARGE, "the body is over the limit of " + max + " bytes here");
            }
            return body;
        } catch (IOException e) {
            throw Refusal.invalid("the request body could not be read: " + e.getMessage());
        }
    }

    /** A JSON object body whose members are among {@code allowed}. */
    static ObjectNode object(Context ctx, Set<String> allowed) {
        byte[] body = bytes(ctx, MAX_JSON);
        JsonNode node;
        try (JsonParser parser = JSON.createParser(body)) {
            node = JSON.readTree(parser);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            Map<String, Object> where = new LinkedHashMap<>();
            where.put("source", "request body");
            if (location != null && location.getLineNr() > 0) {
                where.put("line", location.getLineNr());
                where.put("column", location.getColumnNr());
            }
            // The core's reader words Jackson's message (no class names, no source excerpt), as for any input file.
            throw new Refusal(Refusal.Kind.INVALID, "the request body is not valid JSON: "
                    + JsonInput.error("request body", e).problem()
                    + (location != null && location.getLineNr() > 0 ? " (line " + location.getLineNr() + ", column "
                            + location.getColumnNr() + ")" : ""), where);
        } catch (IOException e) {
            throw Refusal.invalid("the request body could not be read: " + e.getMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw Refusal.invalid("the request body must be a JSON object");
        }
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw Refusal.invalid("unknown member" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + "; expected " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return object;
    }

    /** A string member, null when absent or null; any other type is refused. */
    static String text(ObjectNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw Refusal.invalid("'" + name + "' must be a string");
        }
        return value.asText();
    }

    /** An array of strings, empty when absent. */
    static List<String> texts(ObjectNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw Refusal.invalid("'" + name + "' must be an array of strings");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw Refusal.invalid("'" + name + "' must be an array of strings");
            }
            texts.add(element.asText());
        }
        return texts;
    }

    /** A non-negative integer query parameter within bounds, or its default. */
    static int intParam(Context ctx, String name, int fallback, int max) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < 0 || value > max) {
                throw Refusal.invalid("'" + name + "' must be between 0 and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw Refusal.invalid("'" + name + "' must be a whole number");
        }
    }

    /** A true/false query parameter, null when absent. */
    static Boolean boolParam(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Refusal.invalid("'" + name + "' must be true or false");
        };
    }
}
