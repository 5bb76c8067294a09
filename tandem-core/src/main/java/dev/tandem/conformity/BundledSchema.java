package dev.tandem.conformity;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.format.Format;
import com.networknt.schema.keyword.AnnotationKeyword;
import dev.tandem.conformity.profile.MailboxAddress;
import dev.tandem.input.JsonInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** A JSON Schema shipped on the classpath under {@code schemas/}, used offline to validate what Tandem writes. */
public final class BundledSchema {

    /** CTA-2120 USCTM registry and label data, 1.0.0. */
    public static final String CTA_2120 = "schemas/cta-2120/usctm-schema-1-0-0.json";
    /** OSCAL 1.1.3 catalog. */
    public static final String OSCAL_CATALOG = "schemas/oscal/oscal_catalog_schema.json";
    /** Tandem's JSON Schema derived from the OSCAL 1.2.2 mapping metaschema. */
    public static final String OSCAL_MAPPING = "schemas/oscal/oscal_mapping-structure_schema.json";

    static {
        // The validator logs through SLF4J; with no provider on the class path SLF4J 2 prints a
        // three-line warning on standard error at first use. Tandem has no logging to route, so quiet it.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
    }

    private final String path;
    private final Schema schema;

    private BundledSchema(String path, Schema schema) {
        this.path = path;
        this.schema = schema;
    }

    /** Loads a bundled schema; the dialect comes from its {@code $schema}. */
    public static BundledSchema load(String path) {
        try (InputStream in = BundledSchema.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("bundled schema missing from the classpath: " + path);
            }
            JsonNode node = JsonInput.json().readTree(in);
            SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
            SchemaRegistry registry;
            if (node.path("$schema").asText().contains("draft-07")) {
                // The OSCAL 1.1.3 catalog schema writes "id": {"id": {"$ref": ...}} for party external ids (a
                // generator defect); draft-04's "id" keyword must be read as a mere annotation there.
                Dialect draft7 = Dialect.builder(Dialects.getDraft7()).keyword(new AnnotationKeyword("id")).build();
                registry = SchemaRegistry.withDefaultDialect(draft7, builder -> builder.schemaRegistryConfig(config));
            } else {
                // JSON Schema's "email" format is an RFC 5321 Mailbox; the validator's own check consults a list of
                // top-level domains and refuses valid addresses (psirt@vendor.example, newer TLDs), so it is replaced.
                Dialect draft2020 = Dialect.builder(Dialects.getDraft202012()).format(new MailboxFormat()).build();
                registry = SchemaRegistry.withDefaultDialect(draft2020, builder -> builder.schemaRegistryConfig(config));
            }
            return new BundledSchema(path, registry.getSchema(node));
        } catch (IOException e) {
            throw new UncheckedIOException("bundled schema " + path + " is unreadable", e);
        }
    }

    /** The {@code email} format as JSON Schema defines it: an RFC 5321 Mailbox, any domain. */
    private static final class MailboxFormat implements Format {
        @Override
        public String getName() {
            return "email";
        }

        @Override
        public boolean matches(ExecutionContext executionContext, String value) {
            return MailboxAddress.isValid(value);
        }
    }

    /** The violations of {@code document}, each as "instance-location: message"; empty when valid. */
    public List<String> violations(JsonNode document) {
        List<Error> errors = schema.validate(document);
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    public String path() {
        return path;
    }
}
