package dev.tandem.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.tandem.server.http.Api;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenAPI 3.1 document as the contract: parsed by swagger-parser (it must be a valid document),
 * and real responses validated against the schema it gives for their path, method and status
 * (JSON Schema 2020-12, the dialect OpenAPI 3.1 uses; {@code #/components/...} references resolve
 * inside the document).
 */
public final class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode DOCUMENT;
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    static {
        try {
            DOCUMENT = JSON.readTree(Api.openApiDocument());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private OpenApiContract() {
    }

    public static JsonNode document() {
        return DOCUMENT;
    }

    /** What swagger-parser says about the document: no messages when it is a valid OpenAPI 3.1 document. */
    public static List<String> parserMessages() {
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(new String(Api.openApiDocument(),
                StandardCharsets.UTF_8));
        assertThat(result.getOpenAPI()).as("parsed document").isNotNull();
        return result.getMessages() == null ? List.of() : result.getMessages();
    }

    /** Fails unless {@code response} is one the document describes for {@code method template}. */
    public static void assertConforms(String method, String template, TestServer.Response response) {
        JsonNode operation = DOCUMENT.path("paths").path(template).path(method.toLowerCase());
        assertThat(operation.isMissingNode()).as("%s %s is in the OpenAPI document", method, template).isFalse();
        JsonNode described = operation.path("responses").path(Integer.toString(response.status()));
        assertThat(described.isMissingNode()).as("status %d of %s %s is in the OpenAPI document (body: %s)",
                response.status(), method, template, response.text()).isFalse();
        JsonNode content = described.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            assertThat(response.body()).as("a %d without content", response.status()).isEmpty();
            return;
        }
        String mediaType = response.contentType().split(";")[0].strip();
        JsonNode media = content.has(mediaType) ? content.get(mediaType) : content.get("*/*");
        assertThat(media).as("media type %s of %d %s %s", mediaType, response.status(), method, template).isNotNull();
        if (!mediaType.endsWith("json")) {
            return;
        }
        String pointer = "/paths/" + escape(template) + "/" + method.toLowerCase() + "/responses/" + response.status()
                + "/content/" + escape(content.has(mediaType) ? mediaType : "*/*") + "/schema";
        List<String> violations = schema(pointer).validate(response.json()).stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
        assertThat(violations).as("%s %s -> %d against the OpenAPI document", method, template, response.status())
                .isEmpty();
    }

    /** The schema at a pointer of the document, compiled with the document around it for its references. */
    private static Schema schema(String pointer) {
        return SCHEMAS.computeIfAbsent(pointer, p -> {
            ObjectNode root = DOCUMENT.deepCopy();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.put("$ref", "#" + p);
            SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    builder -> builder.schemaRegistryConfig(config)).getSchema(root);
        });
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
